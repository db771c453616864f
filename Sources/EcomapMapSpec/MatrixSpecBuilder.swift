import EcomapModel
import EcomapAnalysis
import EcomapText

/// The choices of `ecomap render --view matrix`.
public struct MatrixOptions: Sendable, Hashable {
    /// The dimension on the horizontal axis (`nil`: `MatrixSpecBuilder.defaultAxes`).
    public var x: Dimension?
    /// The dimension on the vertical axis (`nil`: `MatrixSpecBuilder.defaultAxes`).
    public var y: Dimension?
    public var theme: Theme?
    public var aspect: Aspect?
    /// Sized for a 16:9 slide, names placed by ecomap (`MatrixSlide`).
    public var slide: Bool

    public init(x: Dimension? = nil, y: Dimension? = nil, theme: Theme? = nil, aspect: Aspect? = nil, slide: Bool = false) {
        self.x = x
        self.y = y
        self.theme = theme
        self.aspect = aspect
        self.slide = slide
    }
}

/// The 2x2 strategy matrix as a `MapSpec` with pinned positions, drawn by the same Graphviz and SVG path
/// as the map (docs/matrix.md).
///
/// - Each community with both axis scores known is a bubble at (x score, y score) on a 0–100 square
///   plot; its area grows with the size score (dashed and smallest when the size is unknown); its fill is
///   its tier colour (focus, nurture, monitor; Okabe–Ito, colour-blind safe); its name is an external
///   label that Graphviz places clear of the other labels.
/// - Communities missing an axis figure are drawn in a row under the plot, "not placed".
/// - The plot has a frame, dashed midlines at 50, ticks at 0, 50 and 100, axis titles, and a name in
///   each quadrant. Influencers, stakeholders and links are not shown.
public enum MatrixSpecBuilder {
    /// Plot size in points.
    public static let plotWidth = 600.0
    public static let plotHeight = 450.0
    /// Up to this many placed communities every bubble is named; above it only the `labelTop` best ranked.
    public static let labelAllUpTo = 40
    public static let labelTop = 20

    /// One axis: the shown range (the placed scores padded by 5 and widened to multiples of 10, at least
    /// 20 wide, within 0...100) and the split (the median of the placed scores).
    struct Axis {
        var low: Double
        var high: Double
        var split: Double

        init(_ values: [Double]) {
            guard let lo = values.min(), let hi = values.max() else {
                low = 0; high = 100; split = 50
                return
            }
            var a = max(0, ((lo - 5) / 10).rounded(.down) * 10), b = min(100, ((hi + 5) / 10).rounded(.up) * 10)
            while b - a < 20 { if a > 0 { a -= 10 } else { b += 10 } }
            low = a; high = b
            let sorted = values.sorted(), n = sorted.count
            split = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }

        func position(_ v: Double, length: Double) -> Double { (v - low) / (high - low) * length }

        static func text(_ v: Double) -> String { String(Int(v.rounded())) }
    }

    /// Tier fills (focus, nurture, monitor) and their readable text colours.
    public static func tierFill(_ tier: Tier, theme: Theme) -> RGB {
        switch (tier, theme) {
        case (.focus, .print): RGB(hex: "#333333")!
        case (.nurture, .print): RGB(hex: "#8C8C8C")!
        case (.monitor, .print): RGB(hex: "#D9D9D9")!
        case (.focus, _): RGB(hex: "#0072B2")!
        case (.nurture, _): RGB(hex: "#E69F00")!
        case (.monitor, _): RGB(hex: "#BBBBBB")!
        }
    }

    /// The default axes: reach x action when it places at least half of the communities (both scores
    /// known), else of `preferredAxes` the first pair that places the most, so a file where reach is
    /// mostly unknown is not drawn with three bubbles.
    public static func defaultAxes(_ analysis: Analysis) -> (x: Dimension, y: Dimension) {
        func placed(_ pair: (x: Dimension, y: Dimension)) -> Int {
            analysis.ranking.lazy.filter { $0.dimensions[pair.x] != nil && $0.dimensions[pair.y] != nil }.count
        }
        // The strategic pair whenever it places at least half of the communities.
        if placed(preferredAxes[0]) * 2 >= analysis.ranking.count { return preferredAxes[0] }
        var best = (pair: preferredAxes[0], placed: -1)
        for pair in preferredAxes {
            let placed = analysis.ranking.lazy.filter { $0.dimensions[pair.x] != nil && $0.dimensions[pair.y] != nil }.count
            if placed > best.placed { best = (pair, placed) }
        }
        return best.pair
    }

    /// Axis pairs in order of preference: the strategic reach x action first, then pairs with
    /// action-orientation up, then the rest. The default is the first pair that places the most communities.
    public static let preferredAxes: [(x: Dimension, y: Dimension)] = [
        (.reach, .action), (.size, .action), (.activity, .action), (.reach, .activity), (.size, .activity), (.reach, .size),
    ]

    public static func build(_ analysis: Analysis, options inputOptions: MatrixOptions = MatrixOptions()) -> (MapSpec, [Diagnostic]) {
        let ecosystem = analysis.ecosystem
        let theme = inputOptions.theme ?? ecosystem.style.theme ?? .light
        var (colors, paletteWarnings) = ThemeColors.resolve(theme: theme, palette: ecosystem.style.palette)
        var warnings = paletteWarnings.map { Diagnostic.warning($0) }
        let defaults = defaultAxes(analysis)
        let options = (x: inputOptions.x ?? defaults.x, y: inputOptions.y ?? defaults.y, aspect: inputOptions.aspect)
        if options.x == options.y {
            warnings.append(.warning("--x and --y are both \(options.x.rawValue): the bubbles lie on the diagonal"))
        }
        colors.link = colors.mutedText
        if inputOptions.slide {
            return (MatrixSlide.build(analysis, x: options.x, y: options.y, theme: theme, colors: colors), warnings)
        }
        let communities = Dictionary(ecosystem.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var nodes: [MapNode] = []
        let placed = analysis.ranking.filter { $0.dimensions[options.x] != nil && $0.dimensions[options.y] != nil }
        let unplaced = analysis.ranking.filter { $0.dimensions[options.x] == nil || $0.dimensions[options.y] == nil }
        let xAxis = Axis(placed.map { $0.dimensions[options.x]! }), yAxis = Axis(placed.map { $0.dimensions[options.y]! })
        let w = plotWidth, h = plotHeight
        // Larger bubbles are drawn first (lower draw order) so that smaller ones stay visible on top.
        let drawing = placed.sorted { a, b in
            let da = NodeEncoding.diameter(sizeScore: a.dimensions.size), db = NodeEncoding.diameter(sizeScore: b.dimensions.size)
            return da != db ? da > db : a.rank < b.rank
        }
        let labelled = placed.count <= labelAllUpTo ? Set(placed.map(\.id)) : Set(placed.prefix(labelTop).map(\.id))
        for (order, s) in drawing.enumerated() {
            let at = MapPoint(x: xAxis.position(s.dimensions[options.x]!, length: w), y: yAxis.position(s.dimensions[options.y]!, length: h))
            nodes.append(bubble(s, community: communities[s.id], at: at, options: options, colors: colors, theme: theme,
                                total: analysis.ranking.count, order: order + 1, labelled: labelled.contains(s.id)))
        }
        if !unplaced.isEmpty {
            // Rows of named chips in the tier colour under the plot.
            let perRow = 4, step = w / Double(perRow), firstRow = -104.0
            nodes.append(label("#unplaced", "Not placed (\(options.x.rawValue) or \(options.y.rawValue) unknown):",
                               at: MapPoint(x: 0, y: firstRow + 36), colors: colors, size: .caption, anchorLeft: true))
            for (i, s) in unplaced.enumerated() {
                let at = MapPoint(x: step / 2 + Double(i % perRow) * step, y: firstRow - Double(i / perRow) * 44)
                nodes.append(chip(s, community: communities[s.id], at: at, options: options, colors: colors, theme: theme,
                                  total: analysis.ranking.count))
            }
        }

        var edges: [MapEdge] = []
        // Frame corners and midline ends: invisible points joined by lines.
        let mx = xAxis.position(xAxis.split, length: w), my = yAxis.position(yAxis.split, length: h)
        let anchors: [(String, Double, Double)] = [
            ("#corner-00", 0, 0), ("#corner-10", w, 0), ("#corner-01", 0, h), ("#corner-11", w, h),
            ("#mid-x0", mx, 0), ("#mid-x1", mx, h), ("#mid-y0", 0, my), ("#mid-y1", w, my),
        ]
        for (id, x, y) in anchors { nodes.append(anchor(id, at: MapPoint(x: x, y: y), colors: colors)) }
        func line(_ a: String, _ b: String, dashed: Bool) {
            edges.append(MapEdge(from: a, to: b, weight: 1, penWidth: dashed ? 1 : 1.4,
                                 color: dashed ? colors.mutedText : colors.text, directed: false, tooltip: "", dashed: dashed))
        }
        line("#corner-00", "#corner-10", dashed: false)
        line("#corner-00", "#corner-01", dashed: false)
        line("#corner-10", "#corner-11", dashed: false)
        line("#corner-01", "#corner-11", dashed: false)
        line("#mid-x0", "#mid-x1", dashed: true)
        line("#mid-y0", "#mid-y1", dashed: true)

        // Ticks at both ends and at the split, axis titles.
        for (i, v) in [xAxis.low, xAxis.split, xAxis.high].enumerated() {
            nodes.append(label("#tick-x-\(i)", Axis.text(v), at: MapPoint(x: xAxis.position(v, length: w), y: -12), colors: colors, size: .tick))
        }
        for (i, v) in [yAxis.low, yAxis.split, yAxis.high].enumerated() {
            nodes.append(label("#tick-y-\(i)", Axis.text(v), at: MapPoint(x: -16, y: yAxis.position(v, length: h)), colors: colors, size: .tick))
        }
        nodes.append(label("#axis-x", axisTitle(options.x) + " score →", at: MapPoint(x: w / 2, y: -34), colors: colors, size: .axis))
        nodes.append(label("#axis-y", "↑ " + axisTitle(options.y) + " score", at: MapPoint(x: 0, y: h + 22), colors: colors, size: .axis,
                           anchorLeft: true))

        // Quadrant names in the outer corners.
        let names = quadrantNames(x: options.x, y: options.y)
        let inset = 10.0
        nodes.append(label("#quadrant-tr", names.topRight, at: MapPoint(x: w - inset, y: h - inset), colors: colors, size: .quadrant, anchorRight: true))
        nodes.append(label("#quadrant-tl", names.topLeft, at: MapPoint(x: inset, y: h - inset), colors: colors, size: .quadrant, anchorLeft: true))
        nodes.append(label("#quadrant-br", names.bottomRight, at: MapPoint(x: w - inset, y: inset + 14), colors: colors, size: .quadrant, anchorRight: true))
        nodes.append(label("#quadrant-bl", names.bottomLeft, at: MapPoint(x: inset, y: inset + 14), colors: colors, size: .quadrant, anchorLeft: true))

        var legend: [LegendItem] = []
        for tier in Tier.allCases where analysis.ranking.contains(where: { $0.tier == tier }) {
            legend.append(LegendItem(.shape(.circle, fill: tierFill(tier, theme: theme), stroke: colors.communityStroke,
                                            dashed: false, double: false), "Tier: \(tier.rawValue)"))
        }
        legend.append(LegendItem(.sizes(stroke: colors.communityStroke), "Bubble area = size score"))
        if analysis.ranking.contains(where: { $0.dimensions.size == nil }) {
            legend.append(LegendItem(.shape(.circle, fill: colors.background, stroke: colors.communityStroke, dashed: true, double: false),
                                     "Dashed: size unknown"))
        }

        var title = MapSpecBuilder.title(ecosystem)
        title.descriptionLines = [
            "Strategy matrix: \(axisTitle(options.x).lowercased()) score (across) by \(axisTitle(options.y).lowercased()) score (up); "
                + "\(placed.count) of \(analysis.ranking.count) communities placed.",
            "Quadrants split at the median of the placed communities: \(options.x.rawValue) \(Axis.text(xAxis.split)), "
                + "\(options.y.rawValue) \(Axis.text(yAxis.split))" + (placed.count > labelAllUpTo ? "; names shown for the top \(labelTop)." : "."),
        ]
        let plan = LayoutPlan(engine: .neato, reason: "matrix: pinned positions", curvedEdges: false, pinned: true)
        let spec = MapSpec(title: title, nodes: nodes, edges: edges, clusters: [], legend: Legend(items: legend),
                           colors: colors, layout: plan, aspect: options.aspect,
                           encodingNote: "Bubble position shows the \(axisTitle(options.x).lowercased()) and "
                               + "\(axisTitle(options.y).lowercased()) scores, area the size score, fill the tier.")
        return (spec, warnings)
    }

    /// Axis titles.
    public static func axisTitle(_ d: Dimension) -> String {
        switch d {
        case .size: "Size"
        case .activity: "Activity"
        case .reach: "Reach"
        case .action: "Action-orientation"
        }
    }

    /// Quadrant names: strategic names for reach x action, descriptive ones for other pairs.
    public static func quadrantNames(x: Dimension, y: Dimension)
        -> (topRight: String, topLeft: String, bottomRight: String, bottomLeft: String) {
        if x == .reach && y == .action {
            return ("Mobilise: wide reach, acts", "Amplify: acts, small reach", "Activate: wide reach, talks",
                    "Listen: small reach, talks")
        }
        if x == .action && y == .reach {
            return ("Mobilise: acts, wide reach", "Activate: wide reach, talks", "Amplify: acts, small reach",
                    "Listen: small reach, talks")
        }
        let a = axisTitle(x).lowercased(), b = axisTitle(y).lowercased()
        return ("High \(a), high \(b)", "Low \(a), high \(b)", "High \(a), low \(b)", "Low \(a), low \(b)")
    }

    static func bubble(_ s: CommunityScore, community: Community?, at position: MapPoint, options: (x: Dimension, y: Dimension, aspect: Aspect?),
                               colors: ThemeColors, theme: Theme, total: Int, order: Int, labelled: Bool) -> MapNode {
        let fill = tierFill(s.tier, theme: theme)
        // Bubbles are 45% of the map's community diameters: the plot is denser than the map.
        let diameter = NodeEncoding.diameter(sizeScore: s.dimensions.size) * 0.45
        func score(_ d: Dimension) -> String { s.dimensions[d].map { String(Int($0.rounded())) } ?? "unknown" }
        let tooltip = [
            "\(s.name) (community)",
            "Rank \(s.rank) of \(total) · focus score \(String(Int(s.score.rounded()))) · \(s.tier.rawValue)",
            ([options.x, options.y] + (options.x == .size || options.y == .size ? [] : [Dimension.size]))
                .reduce(into: [Dimension]()) { if !$0.contains($1) { $0.append($1) } }
                .map { "\(axisTitle($0)) \(score($0))" }.joined(separator: " · "),
            "Next step: \(s.nextStep.title)",
        ].joined(separator: "\n")
        return MapNode(
            id: s.id, kind: .community, shape: .circle,
            labelLines: labelled ? LabelText(lineLength: 24, maxLines: 2).lines(s.name) : [],
            badge: nil, minWidth: diameter, minHeight: diameter, fill: fill, stroke: colors.communityStroke,
            fontColor: colors.text, penWidth: 1, dashed: s.dimensions.size == nil,
            emphasised: false, tooltip: tooltip,
            url: community?.url.flatMap(SafeURL.validated), clusterID: nil,
            score: NodeScore(rank: s.rank, score: s.score, confidence: s.confidence, size: s.dimensions.size,
                             activity: s.dimensions.activity, reach: s.dimensions.reach, action: s.dimensions.action,
                             tier: s.tier.rawValue, missing: s.missing),
            position: position, externalLabel: true, fixedSize: true, fontSize: 10, drawOrder: order)
    }

    /// A community that cannot be placed: a rounded box in its tier colour with its name inside.
    private static func chip(_ s: CommunityScore, community: Community?, at position: MapPoint, options: (x: Dimension, y: Dimension, aspect: Aspect?),
                             colors: ThemeColors, theme: Theme, total: Int) -> MapNode {
        var node = bubble(s, community: community, at: position, options: options, colors: colors, theme: theme,
                          total: total, order: 0, labelled: true)
        node.shape = .box
        node.labelLines = LabelText(lineLength: 20, maxLines: 2).lines(s.name)
        node.minWidth = 0.5
        node.minHeight = 0.3
        node.fixedSize = false
        node.externalLabel = false
        node.dashed = false
        node.fontColor = node.fill.readableText
        return node
    }

    enum LabelSize { case tick, axis, quadrant, caption }

    /// A text-only decoration; ids start with `#`, which no ecosystem id can contain.
    static func label(_ id: String, _ text: String, at p: MapPoint, colors: ThemeColors, size: LabelSize,
                      anchorLeft: Bool = false, anchorRight: Bool = false, fontSize explicit: Double? = nil) -> MapNode {
        // Graphviz centres a plaintext label on its position: shift by half the estimated width to anchor
        // it at a corner instead (Arial averages about 0.52 em a character).
        let standard: Double = switch size { case .tick: 9; case .axis: 12; case .quadrant: 13; case .caption: 10 }
        let fontSize = explicit ?? standard
        let width = explicit == nil ? Double(text.count) * fontSize * 0.52 + 8 : TextMetrics.width(text, size: fontSize) + 18
        var x = p.x
        if anchorLeft { x += width / 2 }
        if anchorRight { x -= width / 2 }
        return MapNode(
            id: id, kind: .decoration, shape: .plaintext, labelLines: [text], badge: nil,
            minWidth: width / 72, minHeight: explicit == nil ? 0.2 : (fontSize * TextMetrics.lineSpacing + 10) / 72, fill: colors.background, stroke: colors.background,
            fontColor: size == .quadrant ? colors.mutedText : colors.text, penWidth: 0, dashed: false, emphasised: false,
            tooltip: text, url: nil, clusterID: nil, score: nil, position: MapPoint(x: x, y: p.y), fixedSize: true,
            fontSize: fontSize, drawOrder: 0)
    }

    static func anchor(_ id: String, at p: MapPoint, colors: ThemeColors) -> MapNode {
        MapNode(id: id, kind: .decoration, shape: .point, labelLines: [], badge: nil, minWidth: 0.01, minHeight: 0.01,
                fill: colors.text, stroke: colors.text, fontColor: colors.text, penWidth: 0, dashed: false,
                emphasised: false, tooltip: "", url: nil, clusterID: nil, score: nil, position: p, fixedSize: true)
    }
}
