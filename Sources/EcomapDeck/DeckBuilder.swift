import EcomapAnalysis
import EcomapMapSpec
import EcomapModel

/// A drawn picture for the deck: ecomap's SVG, a PNG of it, and what it shows in words.
public struct DeckPicture: Sendable {
    public var svg: [UInt8]
    public var png: [UInt8]
    /// Alt text.
    public var altText: String

    public init(svg: [UInt8], png: [UInt8], altText: String) {
        self.svg = svg
        self.png = png
        self.altText = altText
    }

    /// The SVG's own width and height in points (`width="…pt"`), if it says.
    public var svgSize: (width: Double, height: Double)? {
        let head = String(decoding: svg.prefix(4096), as: UTF8.self)
        func value(_ name: String) -> Double? {
            guard let start = head.range(of: " \(name)=\"") else { return nil }
            let digits = head[start.upperBound...].prefix { $0.isNumber || $0 == "." }
            return Double(digits)
        }
        guard let w = value("width"), let h = value("height"), w > 0, h > 0 else { return nil }
        return (w, h)
    }

    /// The PNG's pixel width and height (IHDR), if it is a PNG.
    public var pngSize: (width: Int, height: Int)? {
        guard png.count > 24, png[0] == 0x89, png[1] == 0x50, png[2] == 0x4E, png[3] == 0x47 else { return nil }
        func be(_ i: Int) -> Int { png[i...i + 3].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}

/// What goes into the deck.
public struct DeckContent: Sendable {
    public var analysis: Analysis
    public var gaps: GapReport
    /// The slide view's spec (pinned positions): the source of the editable map.
    public var slideSpec: MapSpec
    public var map: DeckPicture
    public var matrix: DeckPicture?
    /// The map as native shapes and connectors instead of a picture.
    public var editable: Bool
    /// Ranking rows at most (the rest is named in a last line).
    public var rankingLimit: Int

    public init(analysis: Analysis, gaps: GapReport, slideSpec: MapSpec, map: DeckPicture, matrix: DeckPicture?,
                editable: Bool, rankingLimit: Int = DeckBuilder.defaultRankingLimit) {
        self.analysis = analysis
        self.gaps = gaps
        self.slideSpec = slideSpec
        self.map = map
        self.matrix = matrix
        self.editable = editable
        self.rankingLimit = rankingLimit
    }
}

/// Builds the strategy deck (docs/deck.md): a title slide, the slide map, the strategy matrix, the
/// ranking as native tables, the gaps; every community's figures, reasons and missing figures in the
/// speaker notes of its ranking slide. Every text is at least 12 pt (table and notes) or 11 pt (map).
public enum DeckBuilder {
    public static let defaultRankingLimit = 120
    /// Ranking rows per slide.
    public static let rowsPerSlide = 12
    /// Gap findings per slide.
    public static let gapsPerSlide = 8
    static let margin = 36.0
    static let ink = "1B1B1B", muted = "5A5A5A", headerFill = "253494", stripe = "F5F7FA"

    public static func build(_ content: DeckContent) -> Deck {
        let e = content.analysis.ecosystem
        var slides: [DeckSlide] = [titleSlide(content)]
        slides.append(content.editable ? editableMapSlide(content) : mapSlide(content))
        if let matrix = content.matrix { slides.append(matrixSlide(matrix, e)) }
        slides += rankingSlides(content)
        slides += gapSlides(content)
        return Deck(title: e.title, date: e.asOf?.description ?? "2000-01-01", slides: slides)
    }

    // MARK: - Title

    static func titleSlide(_ c: DeckContent) -> DeckSlide {
        let e = c.analysis.ecosystem
        var paragraphs = [DeckParagraph([DeckRun(e.title, size: 40, bold: true)])]
        if let asOf = e.asOf { paragraphs.append(DeckParagraph([DeckRun("as of \(asOf)", size: 20, color: muted)])) }
        if let d = e.description { paragraphs.append(DeckParagraph([DeckRun(d, size: 16, color: muted)])) }
        paragraphs.append(DeckParagraph([DeckRun(" ", size: 12)]))
        paragraphs.append(DeckParagraph([DeckRun("\(count(e.communities.count)) communities, \(count(e.influencers.count)) influencers, "
                                                 + "\(count(e.stakeholders.count)) stakeholders, \(count(e.links.count)) links", size: 16)]))
        paragraphs.append(DeckParagraph([DeckRun("Ecosystem map · strategy matrix · ranking · gaps", size: 14, color: muted)]))
        let frame = DeckFrame(x: 72, y: 150, width: Deck.width - 144, height: 300)
        return DeckSlide(name: "Title", elements: [.text(frame: frame, paragraphs: paragraphs, anchor: .top)],
                         notes: ["Made with ecomap from \(e.title). Scores 0-100 on size, activity, reach and action-orientation; "
                                 + "the ranking orders communities by focus score (docs/scoring.md)."])
    }

    // MARK: - Map

    static func mapSlide(_ c: DeckContent) -> DeckSlide {
        let frame = fitted(c.map.svgSize, in: DeckFrame(x: 0, y: 0, width: Deck.width, height: Deck.height))
        return DeckSlide(name: "Ecosystem map", elements: [.picture(frame: frame, svg: c.map.svg, png: c.map.png, altText: c.map.altText, name: "Ecosystem map")],
                         notes: mapNotes(c))
    }

    static func mapNotes(_ c: DeckContent) -> [String] {
        var notes = c.slideSpec.title.descriptionLines
        notes.append(c.slideSpec.encodingNote)
        let top = c.analysis.ranking.prefix(5).map { "#\($0.rank) \($0.name) (\(score($0.score)), \($0.tier.rawValue))" }
        if !top.isEmpty { notes.append("Best ranked: " + top.joined(separator: "; ")) }
        return notes
    }

    /// The slide-sized matrix (`render --view matrix --slide`) filling the slide: its own title says what it is,
    /// and at full size every text in it is at least 11 pt.
    static func matrixSlide(_ m: DeckPicture, _ e: Ecosystem) -> DeckSlide {
        let frame = fitted(m.svgSize, in: DeckFrame(x: 0, y: 0, width: Deck.width, height: Deck.height))
        return DeckSlide(name: "Strategy matrix", elements: [.picture(frame: frame, svg: m.svg, png: m.png, altText: m.altText, name: "Strategy matrix")],
                         notes: ["Where each community of \(e.title) stands on two dimensions, relative to the others (docs/matrix.md)."])
    }

    /// The largest frame of the picture's proportions inside `box`, centred.
    static func fitted(_ size: (width: Double, height: Double)?, in box: DeckFrame) -> DeckFrame {
        guard let size, size.width > 0, size.height > 0 else { return box }
        let scale = min(box.width / size.width, box.height / size.height)
        let w = size.width * scale, h = size.height * scale
        return DeckFrame(x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h)
    }

    /// The slide map as native shapes and connectors, placed where the slide view placed them.
    static func editableMapSlide(_ c: DeckContent) -> DeckSlide {
        let spec = c.slideSpec
        let geometry = FrameGeometry(spec: spec)
        var elements: [DeckElement] = []
        let colors = spec.colors
        elements.append(.shape(DeckShape(key: "background", name: "Background", geometry: .rect,
                                         frame: DeckFrame(x: 0, y: 0, width: Deck.width, height: Deck.height), fill: colors.background.hex, line: nil)))
        // Title strip.
        var heading = [DeckParagraph([DeckRun(spec.title.name, size: FrameGeometry.titleSize, bold: true, color: colors.text.hex)])]
        if let asOf = spec.title.asOf { heading.append(DeckParagraph([DeckRun("as of \(asOf)", size: FrameGeometry.subtitleSize, color: colors.mutedText.hex)])) }
        for line in spec.title.descriptionLines { heading.append(DeckParagraph([DeckRun(line, size: FrameGeometry.descriptionSize, color: colors.mutedText.hex)])) }
        elements.append(.text(frame: DeckFrame(x: FrameGeometry.margin, y: FrameGeometry.margin / 2, width: Deck.width - 2 * FrameGeometry.margin,
                                               height: geometry.titleHeight - FrameGeometry.margin / 2), paragraphs: heading, anchor: .top))
        // Nodes: Graphviz points (y up) to slide points (y down), the drawing below the title.
        let boxes = spec.nodes.compactMap { n -> (MapNode, Double, Double, Double, Double)? in
            guard let p = n.position else { return nil }
            return (n, p.x, p.y, n.minWidth * 72, n.minHeight * 72)
        }
        let minX = boxes.map { $0.1 - $0.3 / 2 }.min() ?? 0, maxY = boxes.map { $0.2 + $0.4 / 2 }.max() ?? 0
        let maxX = boxes.map { $0.1 + $0.3 / 2 }.max() ?? 0
        let left = FrameGeometry.margin + 10.8, top = geometry.titleHeight + 10.8
        func place(_ x: Double, _ y: Double) -> (x: Double, y: Double) { (left + x - minX, top + maxY - y) }
        var centres: [String: (x: Double, y: Double)] = [:]
        for (n, x, y, _, _) in boxes { centres[n.id] = place(x, y) }
        for edge in spec.edges {
            guard let a = centres[edge.from], let b = centres[edge.to] else { continue }
            elements.append(.connector(DeckConnector(name: "Link \(edge.from) – \(edge.to)", from: a, to: b, fromKey: edge.from, toKey: edge.to,
                                                     color: edge.color.hex, width: edge.penWidth, dashed: edge.dashed, arrow: edge.directed)))
        }
        for (n, x, y, w, h) in boxes {
            let centre = place(x, y)
            let geometryKind: DeckGeometry = n.shape == .hexagon ? .hexagon : n.shape == .box ? .roundRect : .ellipse
            let lines = n.drawnLines.map { DeckParagraph([DeckRun($0, size: n.fontSize ?? SlideSpecBuilder.fontSize, color: n.fontColor.hex)], alignment: .center) }
            elements.append(.shape(DeckShape(key: n.id, name: n.labelLines.joined(separator: " "), geometry: geometryKind,
                                             frame: DeckFrame(x: centre.x - w / 2, y: centre.y - h / 2, width: w, height: h),
                                             fill: n.fill.hex, line: n.stroke.hex, lineWidth: n.penWidth, dashed: n.dashed,
                                             double: n.emphasised, paragraphs: lines, description: n.tooltip, link: n.url)))
        }
        // Legend column.
        var y = top
        let lx = left + (maxX - minX) + 10.8 + FrameGeometry.gap
        elements.append(.text(frame: DeckFrame(x: lx, y: y, width: 200, height: 18),
                              paragraphs: [DeckParagraph([DeckRun(spec.legend.heading, size: 12, bold: true, color: colors.text.hex)])], anchor: .top))
        y += FrameGeometry.legendHeadingHeight
        for (i, item) in spec.legend.items.enumerated() {
            let mid = y + FrameGeometry.legendRowHeight / 2
            elements += legendSymbol(item.symbol, x: lx, middle: mid, index: i)
            elements.append(.text(frame: DeckFrame(x: lx + FrameGeometry.legendTextOffset, y: mid - 8, width: Deck.width - lx - FrameGeometry.legendTextOffset - 8, height: 16),
                                  paragraphs: [DeckParagraph([DeckRun(item.text, size: FrameGeometry.legendTextSize, color: colors.text.hex)])], anchor: .middle))
            y += FrameGeometry.legendRowHeight
        }
        return DeckSlide(name: "Ecosystem map (editable)", elements: elements, notes: mapNotes(c))
    }

    static func legendSymbol(_ symbol: LegendSymbol, x: Double, middle: Double, index: Int) -> [DeckElement] {
        let key = "legend-\(index)"
        switch symbol {
        case let .shape(shape, fill, stroke, dashed, double):
            let g: DeckGeometry = shape == .hexagon ? .hexagon : shape == .box ? .roundRect : .ellipse
            return [.shape(DeckShape(key: key, name: "Legend sample", geometry: g, frame: DeckFrame(x: x + 4, y: middle - 8, width: 30, height: 16),
                                     fill: fill.hex, line: stroke.hex, dashed: dashed, double: double))]
        case let .sizes(stroke):
            return [.shape(DeckShape(key: key + "a", name: "Legend sample", geometry: .ellipse, frame: DeckFrame(x: x + 4, y: middle, width: 8, height: 8), fill: nil, line: stroke.hex)),
                    .shape(DeckShape(key: key + "b", name: "Legend sample", geometry: .ellipse, frame: DeckFrame(x: x + 16, y: middle - 9, width: 18, height: 18), fill: nil, line: stroke.hex))]
        case let .scale(steps):
            let w = 38.0 / Double(max(steps.count, 1))
            return steps.enumerated().map { i, c in
                .shape(DeckShape(key: key + "-\(i)", name: "Legend sample", geometry: .rect, frame: DeckFrame(x: x + Double(i) * w, y: middle - 7, width: w, height: 14), fill: c.hex, line: nil))
            }
        case let .lineWidths(color):
            return [1.0, 4.0].enumerated().map { i, width in
                .connector(DeckConnector(name: "Legend sample", from: (x, middle - 4 + Double(i) * 8), to: (x + 38, middle - 4 + Double(i) * 8), fromKey: nil, toKey: nil, color: color.hex, width: width))
            }
        case let .badge(label):
            return [.text(frame: DeckFrame(x: x + 6, y: middle - 8, width: 36, height: 16), paragraphs: [DeckParagraph([DeckRun(label, size: 11, bold: true)])], anchor: .middle)]
        }
    }

    // MARK: - Ranking

    static func rankingSlides(_ c: DeckContent) -> [DeckSlide] {
        let e = c.analysis.ecosystem
        let ranking = Array(c.analysis.ranking.prefix(max(c.rankingLimit, 0)))
        guard !ranking.isEmpty else { return [] }
        let communities = Dictionary(e.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pages = stride(from: 0, to: ranking.count, by: rowsPerSlide).map { Array(ranking[$0..<min($0 + rowsPerSlide, ranking.count)]) }
        let columns = [44.0, 300, 70, 80, 92, Deck.width - 2 * margin - 586]
        let header = ["#", "Community", "Score", "Tier", "Confidence", "Next step"].map {
            DeckCell([DeckRun($0, size: 12, bold: true, color: "FFFFFF")], fill: headerFill)
        }
        return pages.enumerated().map { page, rows in
            let title = "Ranking" + (pages.count > 1 ? " (\(page + 1) of \(pages.count))" : "")
            var table = [header]
            for (i, s) in rows.enumerated() {
                let fill = i % 2 == 1 ? stripe : nil
                let url = communities[s.id]?.url.flatMap(DeckURL.validated)
                table.append([
                    DeckCell([DeckRun("\(s.rank)", size: 12)], fill: fill, alignment: .right),
                    DeckCell([DeckRun(s.name, size: 12, color: url == nil ? ink : "0563C1", link: url)], fill: fill),
                    DeckCell([DeckRun(score(s.score), size: 12)], fill: fill, alignment: .right),
                    DeckCell([DeckRun(s.tier.rawValue, size: 12)], fill: fill),
                    DeckCell([DeckRun("\(score(s.confidence * 100))%", size: 12)], fill: fill, alignment: .right),
                    DeckCell([DeckRun(s.nextStep.title, size: 12)], fill: fill),
                ])
            }
            var elements: [DeckElement] = [
                .text(frame: DeckFrame(x: margin, y: 18, width: Deck.width - 2 * margin, height: 34),
                      paragraphs: [DeckParagraph([DeckRun(title, size: 24, bold: true)])], anchor: .top),
                .table(frame: DeckFrame(x: margin, y: 60, width: columns.reduce(0, +), height: Double(table.count) * 32), columns: columns,
                       rows: table, rowHeight: 32, name: title),
            ]
            if page == pages.count - 1 && c.analysis.ranking.count > ranking.count {
                elements.append(.text(frame: DeckFrame(x: margin, y: Deck.height - 40, width: Deck.width - 2 * margin, height: 20),
                                      paragraphs: [DeckParagraph([DeckRun("… and \(count(c.analysis.ranking.count - ranking.count)) more communities: `ecomap rank` lists them all.", size: 12, color: muted)])],
                                      anchor: .top))
            }
            return DeckSlide(name: title, elements: elements, notes: rows.flatMap { communityNotes($0, communities[$0.id]) })
        }
    }

    /// A community's figures, reasons and missing figures, for the speaker notes.
    static func communityNotes(_ s: CommunityScore, _ c: Community?) -> [String] {
        var lines = ["#\(s.rank) \(s.name): focus score \(score(s.score)), tier \(s.tier.rawValue), confidence \(score(s.confidence * 100))%"]
        if let c {
            var figures: [String] = []
            figures.append("members " + (c.members.map(count) ?? "unknown"))
            figures.append("discussions " + (c.discussions.map { decimal($0) + " a month" } ?? "unknown"))
            figures.append("reactions " + (c.reactions.map { decimal($0) + " a month" } ?? "unknown"))
            figures.append("reach " + (c.reach.map(count) ?? "unknown"))
            figures.append("actions " + (c.actions.map { decimal($0) + " a month" } ?? "unknown"))
            lines.append("Figures: " + figures.joined(separator: "; "))
        }
        let d = s.dimensions
        lines.append("Scores: size \(score(d.size)), activity \(score(d.activity)), reach \(score(d.reach)), action \(score(d.action))")
        lines.append("Why: " + s.explanation)
        lines.append("Missing figures: " + (s.missing.isEmpty ? "none" : s.missing.joined(separator: ", ")))
        lines.append("Next step: " + s.nextStep.title)
        return lines
    }

    // MARK: - Gaps

    static func gapSlides(_ c: DeckContent) -> [DeckSlide] {
        let findings = c.gaps.findings
        let pages = findings.isEmpty ? [[]] : stride(from: 0, to: findings.count, by: gapsPerSlide).map { Array(findings[$0..<min($0 + gapsPerSlide, findings.count)]) }
        return pages.enumerated().map { page, items in
            let title = "Gaps and fragile ties" + (pages.count > 1 ? " (\(page + 1) of \(pages.count))" : "")
            var paragraphs: [DeckParagraph] = []
            if items.isEmpty {
                paragraphs.append(DeckParagraph([DeckRun("No gaps found: every topic is covered and every focus community is linked to the brand.", size: 16)]))
            }
            for f in items {
                paragraphs.append(DeckParagraph([DeckRun("\(f.severity.rawValue.capitalized) · \(f.kind.title): ", size: 14, bold: true),
                                                 DeckRun(f.detail, size: 14)], bullet: true))
                paragraphs.append(DeckParagraph([DeckRun("→ " + f.suggestion, size: 12, color: muted)]))
            }
            return DeckSlide(name: title, elements: [
                .text(frame: DeckFrame(x: margin, y: 18, width: Deck.width - 2 * margin, height: 34),
                      paragraphs: [DeckParagraph([DeckRun(title, size: 24, bold: true)])], anchor: .top),
                .text(frame: DeckFrame(x: margin, y: 64, width: Deck.width - 2 * margin, height: Deck.height - 84), paragraphs: paragraphs, anchor: .top),
            ], notes: items.map { "\($0.kind.title): \($0.detail) Suggestion: \($0.suggestion)" })
        }
    }

    // MARK: - Numbers (one format: 12,345 and 0.5)

    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        if value == value.rounded() && abs(value) < 1e15 { return count(Int(value)) }
        let scaled = Int((value * 10).rounded())
        return count(scaled / 10) + "." + String(abs(scaled % 10))
    }

    static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "?" }
        return String(Int(value.rounded()))
    }
}
