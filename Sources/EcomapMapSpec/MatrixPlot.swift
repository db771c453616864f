import EcomapModel
import EcomapAnalysis

/// The strategy matrix with names placed by ecomap: the full matrix (`render --view matrix`) and the
/// slide-sized one (`--view matrix --slide`, the deck's matrix slide) share this engine on two canvases.
///
/// - Names are placed by ecomap, never on a bubble, another name, the frame or a midline: beside their
///   bubble when there is room, else at the nearest free spot with a leader line (which crosses no name
///   either). Names are wrapped between words only.
/// - Bubbles whose scores would make them overlap are pushed apart (the smallest move that separates
///   them; the tooltip keeps the exact scores).
/// - Quadrant names sit outside the plot, above and below its corners, so no bubble covers them.
/// - Communities that cannot be placed are listed by name under the plot.
enum MatrixPlot {
    /// Where the matrix is drawn.
    enum Canvas: Equatable {
        /// 960 x 540 pt, title and legend inside: every text is at least 11 pt on the slide.
        case slide
        /// A plot sized for the number of placed communities (720 x 480 pt, up to twice that for a
        /// crowded plot); `--aspect` pads the frame around it.
        case full(aspect: Aspect?)

        /// Names drawn at most (the best ranked); the rest are in the tooltips and the ranking.
        var maxNames: Int { self == .slide ? 40 : 80 }
        /// Lines of the not-placed list at most (then "and N more").
        var maxUnplacedLines: Int { self == .slide ? 3 : 8 }
        var aspect: Aspect? { if case .full(let aspect) = self { return aspect } else { return .wide } }
    }

    static let nameSize = 11.0
    static let decorationSize = 11.0
    /// Name lines are this wide at most; a line is widened for a single longer word (a German compound)
    /// up to `maxWordWidth`, so that the word is shown whole; longer words end in `…`.
    static let maxNameWidth = 130.0
    static let maxWordWidth = 200.0

    /// A name's lines: broken between words only, two lines at most.
    static func nameLines(_ name: String) -> [String] {
        // Only the first few words can be on the two lines: the longest of them sets the line width.
        let longestWord = name.split(whereSeparator: { $0.isWhitespace }).prefix(8)
            .map { TextMetrics.width(String($0.prefix(60)), size: nameSize) }.max() ?? 0
        return TextMetrics.wrap(name, size: nameSize, maxWidth: min(maxWordWidth, max(maxNameWidth, longestWord)), maxLines: 2)
    }

    struct Rect {
        var x0, y0, x1, y1: Double
        init(centre: (x: Double, y: Double), width: Double, height: Double) {
            x0 = centre.x - width / 2; x1 = centre.x + width / 2; y0 = centre.y - height / 2; y1 = centre.y + height / 2
        }
        init(x0: Double, y0: Double, x1: Double, y1: Double) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
        func intersects(_ o: Rect, margin: Double = 2) -> Bool {
            x0 < o.x1 + margin && o.x0 < x1 + margin && y0 < o.y1 + margin && o.y0 < y1 + margin
        }
        /// Whether the segment a-b passes through this rectangle (Liang–Barsky).
        func crossed(by a: (x: Double, y: Double), _ b: (x: Double, y: Double), margin: Double = 1) -> Bool {
            var t0 = 0.0, t1 = 1.0
            let dx = b.x - a.x, dy = b.y - a.y
            for (p, q) in [(-dx, a.x - (x0 - margin)), (dx, (x1 + margin) - a.x), (-dy, a.y - (y0 - margin)), (dy, (y1 + margin) - a.y)] {
                if p == 0 { if q < 0 { return false } ; continue }
                let t = q / p
                if p < 0 { if t > t1 { return false }; if t > t0 { t0 = t } } else { if t < t0 { return false }; if t < t1 { t1 = t } }
            }
            return true
        }
        /// The point of the rectangle nearest to p, moved `out` points further towards p.
        func nearest(to p: (x: Double, y: Double), out: Double) -> (x: Double, y: Double) {
            let q = (x: min(max(p.x, x0), x1), y: min(max(p.y, y0), y1))
            let dx = p.x - q.x, dy = p.y - q.y, d = (dx * dx + dy * dy).squareRoot()
            return d < 1e-9 ? q : (q.x + dx / d * out, q.y + dy / d * out)
        }
    }

    /// Pushes overlapping bubbles apart, keeping them inside the plot; deterministic (fixed order and
    /// rounds). Neighbours are found through a grid of cells as wide as the largest bubble, so a round
    /// costs about n, not n².
    static func separate(_ centres: [(x: Double, y: Double)], radii: [Double], width: Double, height: Double) -> [(x: Double, y: Double)] {
        var c = centres
        let cell = 2 * (radii.max() ?? 1) + 2
        let columns = max(1, Int(width / cell) + 1), rows = max(1, Int(height / cell) + 1)
        // The grid as flat arrays (bubbles sorted by cell, ascending index within a cell): no hashing per lookup.
        var start = [Int](repeating: 0, count: columns * rows + 1)
        var order = [Int](repeating: 0, count: c.count)
        func cellIndex(_ p: (x: Double, y: Double)) -> Int {
            min(max(Int(p.y / cell), 0), rows - 1) * columns + min(max(Int(p.x / cell), 0), columns - 1)
        }
        for _ in 0..<300 {
            for k in start.indices { start[k] = 0 }
            for i in c.indices { start[cellIndex(c[i]) + 1] += 1 }
            for k in 1..<start.count { start[k] += start[k - 1] }
            var next = start
            for i in c.indices { let k = cellIndex(c[i]); order[next[k]] = i; next[k] += 1 }
            var moved = false
            for i in c.indices {
                let gx = Int(c[i].x / cell), gy = Int(c[i].y / cell)
                for ny in (gy - 1)...(gy + 1) where ny >= 0 && ny < rows {
                    for nx in (gx - 1)...(gx + 1) where nx >= 0 && nx < columns {
                        let k = ny * columns + nx
                        for slot in start[k]..<start[k + 1] {
                            let j = order[slot]
                            guard j > i else { continue }
                            let need = radii[i] + radii[j] + 2
                            var dx = c[j].x - c[i].x, dy = c[j].y - c[i].y
                            var d = (dx * dx + dy * dy).squareRoot()
                            guard d < need else { continue }
                            if d < 1e-6 { dx = 1; dy = 0.37 * Double((i + j) % 3 - 1); d = (dx * dx + dy * dy).squareRoot() }
                            let push = (need - d) / 2 + 0.01
                            c[i].x -= dx / d * push; c[i].y -= dy / d * push
                            c[j].x += dx / d * push; c[j].y += dy / d * push
                            moved = true
                        }
                    }
                }
            }
            for i in c.indices {
                c[i].x = min(max(c[i].x, radii[i]), width - radii[i])
                c[i].y = min(max(c[i].y, radii[i]), height - radii[i])
            }
            if !moved { break }
        }
        return c
    }

    /// Whether any two bubbles overlap.
    static func overlapping(_ c: [(x: Double, y: Double)], radii: [Double]) -> Bool {
        let cell = 2 * (radii.max() ?? 1) + 2
        var grid: [Int64: [Int]] = [:]
        for i in c.indices {
            let gx = Int64(c[i].x / cell), gy = Int64(c[i].y / cell)
            for ny in (gy - 1)...(gy + 1) {
                for nx in (gx - 1)...(gx + 1) {
                    for j in grid[ny << 32 | (nx & 0xFFFF_FFFF)] ?? [] {
                        let dx = c[j].x - c[i].x, dy = c[j].y - c[i].y
                        if (dx * dx + dy * dy).squareRoot() < radii[i] + radii[j] + 0.5 { return true }
                    }
                }
            }
            grid[gy << 32 | (gx & 0xFFFF_FFFF), default: []].append(i)
        }
        return false
    }

    /// Whether the segment a-b passes closer than `r` to `c`.
    static func passes(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ c: (x: Double, y: Double), _ r: Double) -> Bool {
        // Cheap rejection by bounding box first: most bubbles are far from a short leader.
        guard c.x > min(a.x, b.x) - r, c.x < max(a.x, b.x) + r, c.y > min(a.y, b.y) - r, c.y < max(a.y, b.y) + r else { return false }
        let dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy
        let t = l2 < 1e-12 ? 0 : min(1, max(0, ((c.x - a.x) * dx + (c.y - a.y) * dy) / l2))
        let px = a.x + t * dx - c.x, py = a.y + t * dy - c.y
        return px * px + py * py < r * r
    }

    /// A name's placement: its centre and lines, and where the leader line ends (nil: beside the bubble).
    struct Placement {
        var centre: (x: Double, y: Double)
        var width: Double
        var height: Double
        var lines: [String]
        var leader: (x: Double, y: Double)?
    }

    /// Places names for the given bubbles (in rank order) clear of `texts`, `lines`, every bubble and
    /// each other; leader lines cross no text or name, nor another bubble where any spot allows (in a
    /// crowded plot a leader may pass under other bubbles rather than leave the name out; they may cross a line).
    static func placeNames(_ names: [String], centres: [(x: Double, y: Double)], radii: [Double], texts: [Rect], lines: [Rect],
                           width: Double, height: Double) -> [Placement?] {
        // Obstacles for a name: texts, bubbles (their squares) and the names placed so far; leaders must not
        // cross texts or names. Grids of 48 pt cells keep each test to the obstacles nearby.
        var taken = RectGrid(cell: 48)
        var named = RectGrid(cell: 48)
        for t in texts { taken.insert(t); named.insert(t) }
        var bubbles = RectGrid(cell: 48)
        for (c, r) in zip(centres, radii) {
            taken.insert(Rect(centre: c, width: 2 * r, height: 2 * r))
            bubbles.insert(Rect(centre: c, width: 2 * r, height: 2 * r))
        }
        var leaders: [((x: Double, y: Double), (x: Double, y: Double))] = []
        let bounds = Rect(x0: 2, y0: 2, x1: width - 2, y1: height - 2)
        var out: [Placement?] = []
        for (k, name) in names.enumerated() {
            let nameLines = Self.nameLines(name)
            // 5% over the estimate: drawn fonts differ a little from the metrics, more so on a long line.
            let w = (nameLines.map { TextMetrics.width($0, size: nameSize) }.max() ?? 0) * 1.05 + 4
            let h = Double(nameLines.count) * nameSize * TextMetrics.lineSpacing + 2
            let c = centres[k], r = radii[k]
            var found: Placement?
            // First a spot whose leader passes no other bubble; failing that, any spot (a spot beside the
            // bubble has no leader, so the second pass starts one step out).
            search: for pass in 0..<2 {
                for step in pass..<30 {
                    let d = Double(step) * 7
                    var offsets: [(Double, Double)] = [
                        (r + 3 + d + w / 2, 0), (-(r + 3 + d + w / 2), 0), (0, r + 2 + d + h / 2), (0, -(r + 2 + d + h / 2)),
                        (0.72 * r + d + w / 2, 0.72 * r + d + h / 2), (-(0.72 * r + d + w / 2), 0.72 * r + d + h / 2),
                        (0.72 * r + d + w / 2, -(0.72 * r + d + h / 2)), (-(0.72 * r + d + w / 2), -(0.72 * r + d + h / 2)),
                    ]
                    // Away from the bubble, also the directions between those: more ways past crowded neighbours.
                    if step > 0 {
                        for (ux, uy) in [(0.92, 0.38), (0.38, 0.92), (-0.38, 0.92), (-0.92, 0.38), (-0.92, -0.38), (-0.38, -0.92), (0.38, -0.92), (0.92, -0.38)] {
                            offsets.append((ux * (r + 3 + d) + (ux < 0 ? -w : w) / 2, uy * (r + 3 + d) + (uy < 0 ? -h : h) / 2))
                        }
                    }
                    for (dx, dy) in offsets {
                        let centre = (x: c.x + dx, y: c.y + dy)
                        let rect = Rect(centre: centre, width: w, height: h)
                        guard rect.x0 >= bounds.x0, rect.x1 <= bounds.x1, rect.y0 >= bounds.y0, rect.y1 <= bounds.y1 else { continue }
                        if taken.any(where: { $0.intersects(rect) }, near: rect, margin: 2) || lines.contains(where: { $0.intersects(rect) }) { continue }
                        if leaders.contains(where: { rect.crossed(by: $0.0, $0.1, margin: 2) }) { continue }
                        var leader: (x: Double, y: Double)?
                        if step > 0 {
                            let end = rect.nearest(to: c, out: 2)
                            // The leader starts at the bubble's edge and crosses no text or name; on the first
                            // pass it passes no other bubble either.
                            let dx = end.x - c.x, dy = end.y - c.y, len = (dx * dx + dy * dy).squareRoot()
                            let start = len > 1e-9 ? (x: c.x + dx / len * r, y: c.y + dy / len * r) : c
                            let span = Rect(x0: min(start.x, end.x), y0: min(start.y, end.y), x1: max(start.x, end.x), y1: max(start.y, end.y))
                            if named.any(where: { $0.crossed(by: start, end, margin: 1) }, near: span, margin: 1) { continue }
                            if pass == 0, bubbles.anyIndex(where: { $0 != k && passes(start, end, centres[$0], radii[$0] + 1) }, near: span, margin: 1) { continue }
                            leader = end
                            leaders.append((start, end))
                        }
                        found = Placement(centre: centre, width: w, height: h, lines: nameLines, leader: leader)
                        taken.insert(rect)
                        named.insert(rect)
                        break search
                    }
                }
            }
            out.append(found)
        }
        return out
    }

    /// Rectangles filed in square cells: the rectangles near a point or box are found without visiting all.
    struct RectGrid {
        let cell: Double
        private(set) var rects: [Rect] = []
        private var cells: [Int64: [Int]] = [:]

        init(cell: Double) { self.cell = cell }

        private func range(_ a: Double, _ b: Double) -> ClosedRange<Int64> {
            // Clamped, so that no coordinate (however far out) makes a huge loop or traps on conversion.
            func index(_ v: Double) -> Int64 { Int64(min(max((v / cell).rounded(.down), -1e6), 1e6)) }
            return index(a)...index(b)
        }

        private static func key(_ x: Int64, _ y: Int64) -> Int64 { (y << 32) ^ (x & 0xFFFF_FFFF) }

        mutating func insert(_ r: Rect) {
            let index = rects.count
            rects.append(r)
            for y in range(r.y0, r.y1) { for x in range(r.x0, r.x1) { cells[Self.key(x, y), default: []].append(index) } }
        }

        /// Whether a rectangle filed in the cells that `box` (grown by `margin`) touches satisfies `test`.
        func any(where test: (Rect) -> Bool, near box: Rect, margin: Double) -> Bool {
            anyIndex(where: { test(rects[$0]) }, near: box, margin: margin)
        }

        /// Whether the index of a rectangle filed in the cells that `box` (grown by `margin`) touches satisfies `test`.
        func anyIndex(where test: (Int) -> Bool, near box: Rect, margin: Double) -> Bool {
            for y in range(box.y0 - margin, box.y1 + margin) {
                for x in range(box.x0 - margin, box.x1 + margin) {
                    if let list = cells[Self.key(x, y)], list.contains(where: test) { return true }
                }
            }
            return false
        }
    }
}

extension MatrixPlot {
    /// The matrix spec on `canvas`.
    static func build(_ analysis: Analysis, x: Dimension, y: Dimension, theme: Theme, colors: ThemeColors, canvas: Canvas) -> MapSpec {
        let e = analysis.ecosystem
        let communities = Dictionary(e.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let placed = analysis.ranking.filter { $0.dimensions[x] != nil && $0.dimensions[y] != nil }
        let unplaced = analysis.ranking.filter { $0.dimensions[x] == nil || $0.dimensions[y] == nil }
        let xAxis = MatrixSpecBuilder.Axis(placed.map { $0.dimensions[x]! }), yAxis = MatrixSpecBuilder.Axis(placed.map { $0.dimensions[y]! })
        let xName = MatrixSpecBuilder.axisTitle(x), yName = MatrixSpecBuilder.axisTitle(y)

        var legend: [LegendItem] = []
        for tier in Tier.allCases where analysis.ranking.contains(where: { $0.tier == tier }) {
            legend.append(LegendItem(.shape(.circle, fill: MatrixSpecBuilder.tierFill(tier, theme: theme), stroke: colors.communityStroke,
                                            dashed: false, double: false), "Tier: \(tier.rawValue)"))
        }
        legend.append(LegendItem(.sizes(stroke: colors.communityStroke), "Bubble area = size score"))
        if analysis.ranking.contains(where: { $0.dimensions.size == nil }) {
            legend.append(LegendItem(.shape(.circle, fill: colors.background, stroke: colors.communityStroke, dashed: true, double: false),
                                     "Dashed: size unknown"))
        }
        let named = min(placed.count, canvas.maxNames)
        var title = MapSpecBuilder.title(e)
        if canvas == .slide { title.name = LabelText(lineLength: 70, maxLines: 1).lines(e.title)[0] }
        title.descriptionLines = [
            "Strategy matrix: \(xName.lowercased()) (across) by \(yName.lowercased()) (up); \(placed.count) of \(analysis.ranking.count) communities placed.",
            "Split at the median: \(x.rawValue) \(MatrixSpecBuilder.Axis.text(xAxis.split)), \(y.rawValue) \(MatrixSpecBuilder.Axis.text(yAxis.split))"
                + (named < placed.count ? "; names for the \(named) best ranked." : "."),
        ]
        let plan = LayoutPlan(engine: .neato, reason: canvas == .slide ? "matrix slide: pinned positions" : "matrix: pinned positions",
                              curvedEdges: false, pinned: true)
        let line = decorationSize * TextMetrics.lineSpacing
        // Left of the plot: the y ticks; the list of the unplaced spans the tick column and the plot.
        let left = 30.0
        let w: Double
        var h: Double
        switch canvas {
        case .slide:
            // The plot fills what the slide leaves beside the legend and under the title.
            let geometry = FrameGeometry(spec: MapSpec(title: title, nodes: [], edges: [], clusters: [], legend: Legend(items: legend),
                                                       colors: colors, layout: plan, aspect: .wide))
            let pad = 2 * 0.15 * 72 + 4
            let areaW = SlideSpecBuilder.slideWidth - 2 * FrameGeometry.margin - FrameGeometry.gap - geometry.legendWidth - pad
            w = max(areaW - left - 22, 200)  // the last x tick is centred on the right edge
            h = SlideSpecBuilder.slideHeight - geometry.titleHeight - FrameGeometry.margin - pad
        case .full:
            // 720 x 480 pt, growing with the number of placed communities up to twice that.
            let grow = min(2, max(1, (Double(placed.count) / 60).squareRoot()))
            w = (720 * grow).rounded()
            h = (480 * grow).rounded()
        }
        // Lines of the list are left-aligned boxes 10% wider than their text (`MatrixSpecBuilder.label`).
        let listWidth = (w + left - 24) / 1.1
        var unplacedLines: [String] = []
        if !unplaced.isEmpty {
            // As many names as fit in the canvas's lines, then "and N more".
            let maxLines = canvas.maxUnplacedLines
            let head = "Not placed (\(x.rawValue) or \(y.rawValue) unknown): "
            func text(_ n: Int) -> String {
                head + unplaced.prefix(n).map(\.name).joined(separator: ", ") + (n < unplaced.count ? ", and \(unplaced.count - n) more" : "")
            }
            func fits(_ n: Int) -> Bool {
                let lines = TextMetrics.wrap(text(n), size: decorationSize, maxWidth: listWidth, maxLines: maxLines + 1)
                return lines.count <= maxLines && !(lines.last?.hasSuffix("…") ?? false)
            }
            var low = 0, high = min(unplaced.count, 30 * maxLines)
            while low < high { let mid = (low + high + 1) / 2; if fits(mid) { low = mid } else { high = mid - 1 } }
            unplacedLines = TextMetrics.wrap(text(low), size: decorationSize, maxWidth: listWidth, maxLines: maxLines)
        }
        // Above the plot: quadrant names and the axis title; below: ticks, quadrant names, axis title, the list
        // (each text node is its line plus Graphviz's label margin high). On the slide these come out of its height.
        let top = 2 * line + 16, bottom = 2 * line + 18 + Double(unplacedLines.count) * line + (unplacedLines.isEmpty ? 0 : 8)
        if canvas == .slide { h = max(h - top - bottom, 120) }

        // Bubbles, pushed apart where their scores would make them overlap.
        // Bubbles take at most a quarter of the plot: in a crowded matrix all shrink alike (areas keep their ratios).
        var radii = placed.map { NodeEncoding.diameter(sizeScore: $0.dimensions.size) * 0.45 * 72 / 2 }
        let area = radii.reduce(0) { $0 + Double.pi * $1 * $1 }
        if area > 0.25 * w * h { radii = radii.map { max(2.5, $0 * (0.25 * w * h / area).squareRoot()) } }
        let ideal = placed.map { (x: xAxis.position($0.dimensions[x]!, length: w), y: yAxis.position($0.dimensions[y]!, length: h)) }
        var centres = separate(ideal, radii: radii, width: w, height: h)
        var shrink = 0
        while overlapping(centres, radii: radii) && shrink < 8 {
            radii = radii.map { max(1.5, $0 * 0.85) }
            centres = separate(ideal, radii: radii, width: w, height: h)
            shrink += 1
        }
        var nodes: [MapNode] = []
        var edges: [MapEdge] = []
        let order = placed.indices.sorted { radii[$0] != radii[$1] ? radii[$0] > radii[$1] : placed[$0].rank < placed[$1].rank }
        for (drawOrder, i) in order.enumerated() {
            var node = MatrixSpecBuilder.bubble(placed[i], community: communities[placed[i].id], at: MapPoint(x: centres[i].x, y: centres[i].y),
                                                axes: (x, y), colors: colors, theme: theme, total: analysis.ranking.count,
                                                order: drawOrder + 1)
            node.minWidth = 2 * radii[i] / 72
            node.minHeight = 2 * radii[i] / 72
            nodes.append(node)
        }

        // Frame and midlines (names keep clear of them).
        let mx = xAxis.position(xAxis.split, length: w), my = yAxis.position(yAxis.split, length: h)
        let anchors: [(String, Double, Double)] = [
            ("#corner-00", 0, 0), ("#corner-10", w, 0), ("#corner-01", 0, h), ("#corner-11", w, h),
            ("#mid-x0", mx, 0), ("#mid-x1", mx, h), ("#mid-y0", 0, my), ("#mid-y1", w, my),
        ]
        for (id, ax, ay) in anchors { nodes.append(MatrixSpecBuilder.anchor(id, at: MapPoint(x: ax, y: ay), colors: colors)) }
        func rule(_ a: String, _ b: String, dashed: Bool) {
            edges.append(MapEdge(from: a, to: b, weight: 1, penWidth: dashed ? 1 : 1.4,
                                 color: dashed ? colors.mutedText : colors.text, directed: false, tooltip: "", dashed: dashed))
        }
        rule("#corner-00", "#corner-10", dashed: false)
        rule("#corner-00", "#corner-01", dashed: false)
        rule("#corner-10", "#corner-11", dashed: false)
        rule("#corner-01", "#corner-11", dashed: false)
        rule("#mid-x0", "#mid-x1", dashed: true)
        rule("#mid-y0", "#mid-y1", dashed: true)
        let lines = [Rect(x0: 0, y0: -2, x1: w, y1: 2), Rect(x0: 0, y0: h - 2, x1: w, y1: h + 2), Rect(x0: -2, y0: 0, x1: 2, y1: h),
                     Rect(x0: w - 2, y0: 0, x1: w + 2, y1: h), Rect(x0: mx - 2, y0: 0, x1: mx + 2, y1: h), Rect(x0: 0, y0: my - 2, x1: w, y1: my + 2)]

        // Names of the best ranked, beside their bubbles or with a leader line.
        let placements = placeNames(Array(placed.prefix(named).map(\.name)), centres: centres, radii: radii, texts: [], lines: lines,
                                    width: w, height: h)
        // A name shows its bubble's tooltip and link: hovering or clicking either tells the same.
        let bubbles = Dictionary(nodes.filter { $0.kind == .community }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, placement) in placements.enumerated() {
            guard let p = placement else { continue }
            let s = placed[k]
            nodes.append(MapNode(id: "#name-\(k)", kind: .decoration, shape: .plaintext, labelLines: p.lines, badge: nil,
                                 // Graphviz adds a margin around a plaintext label: the node is that much larger (it draws no outline).
                                 minWidth: (p.width + 18) / 72, minHeight: (p.height + 10) / 72, fill: colors.background, stroke: colors.background,
                                 fontColor: colors.text, penWidth: 0, dashed: false, emphasised: false,
                                 tooltip: bubbles[s.id]?.tooltip ?? s.name, url: bubbles[s.id]?.url,
                                 clusterID: nil, score: nil, position: MapPoint(x: p.centre.x, y: p.centre.y), fixedSize: true,
                                 fontSize: nameSize, drawOrder: 0))
            if let end = p.leader {
                let id = "#leader-\(k)"
                nodes.append(MapNode(id: id, kind: .decoration, shape: .point, labelLines: [], badge: nil, minWidth: 0.01, minHeight: 0.01,
                                     fill: colors.mutedText, stroke: colors.mutedText, fontColor: colors.mutedText, penWidth: 0, dashed: false,
                                     emphasised: false, tooltip: "", url: nil, clusterID: nil, score: nil, position: MapPoint(x: end.x, y: end.y),
                                     fixedSize: true))
                edges.append(MapEdge(from: s.id, to: id, weight: 1, penWidth: 0.8, color: colors.mutedText, directed: false,
                                     tooltip: s.name))
            }
        }

        // Ticks, axis titles, quadrant names outside the plot, the unplaced list.
        func text(_ id: String, _ t: String, _ px: Double, _ py: Double, left: Bool = false, right: Bool = false, size: Double = decorationSize,
                  muted: Bool = false) {
            var node = MatrixSpecBuilder.label(id, t, at: MapPoint(x: px, y: py), colors: colors, size: .caption,
                                               anchorLeft: left, anchorRight: right, fontSize: size)
            if muted { node.fontColor = colors.mutedText }
            node.tooltip = ""  // the text says it all
            nodes.append(node)
        }
        for (i, v) in [xAxis.low, xAxis.split, xAxis.high].enumerated() {
            text("#tick-x-\(i)", MatrixSpecBuilder.Axis.text(v), xAxis.position(v, length: w), -line / 2 - 3)
        }
        for (i, v) in [yAxis.low, yAxis.split, yAxis.high].enumerated() {
            text("#tick-y-\(i)", MatrixSpecBuilder.Axis.text(v), -15, yAxis.position(v, length: h))
        }
        let quadrants = MatrixSpecBuilder.quadrantNames(x: x, y: y)
        text("#quadrant-tl", quadrants.topLeft, 0, h + line / 2 + 3, left: true, muted: true)
        text("#quadrant-tr", quadrants.topRight, w, h + line / 2 + 3, right: true, muted: true)
        text("#axis-y", "↑ " + yName + " score", 0, h + line * 1.5 + 5, left: true, size: 12)
        text("#quadrant-bl", quadrants.bottomLeft, 0, -line * 1.5 - 6, left: true, muted: true)
        text("#quadrant-br", quadrants.bottomRight, w, -line * 1.5 - 6, right: true, muted: true)
        text("#axis-x", xName + " score →", w / 2, -line * 1.5 - 6, size: 12)
        for (i, l) in unplacedLines.enumerated() {
            text("#unplaced-\(i)", l, -left + 4, -line * 2.5 - 12 - Double(i) * line, left: true)
        }

        let shown = placements.compactMap { $0 }.count
        title.descriptionLines[1] = "Split at the median: \(x.rawValue) \(MatrixSpecBuilder.Axis.text(xAxis.split)), \(y.rawValue) \(MatrixSpecBuilder.Axis.text(yAxis.split))"
            + (shown == placed.count ? "." : shown == named ? "; names for the \(named) best ranked (every bubble has a tooltip)."
                : "; names for \(shown) of the \(named) best ranked, where there is room (every bubble has a tooltip).")
        return MapSpec(title: title, nodes: nodes, edges: edges, clusters: [], legend: Legend(items: legend), colors: colors,
                       layout: plan, aspect: canvas.aspect,
                       encodingNote: "Bubble position shows the \(xName.lowercased()) and \(yName.lowercased()) scores, area the size score, "
                           + "fill the tier; overlapping bubbles are nudged apart.")
    }
}
