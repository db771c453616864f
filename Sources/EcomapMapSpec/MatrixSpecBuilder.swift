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
    /// Sized for a 16:9 slide (960 x 540 pt) instead of for the number of placed communities.
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
/// - Each community with both axis scores known is a bubble at (x score, y score) on a plot zoomed to
///   the placed scores and split at their median; its area grows with the size score (dashed and
///   smallest when the size is unknown); its fill is its tier colour (focus, nurture, monitor;
///   Okabe–Ito, colour-blind safe). Names are placed by ecomap (`MatrixPlot`), clear of every bubble,
///   name and line, with a leader line where they cannot sit beside their bubble.
/// - Communities missing an axis figure are listed by name under the plot, "not placed".
/// - The plot has a frame, dashed midlines at the split, ticks at both ends and the split, axis titles,
///   and a name for each quadrant outside the plot. Influencers, stakeholders and links are not shown.
public enum MatrixSpecBuilder {
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

    /// The matrix spec for `analysis`, with warnings (a palette that could not be used, the same axis twice).
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
        let canvas: MatrixPlot.Canvas = inputOptions.slide ? .slide : .full(aspect: options.aspect)
        return (MatrixPlot.build(analysis, x: options.x, y: options.y, theme: theme, colors: colors, canvas: canvas), warnings)
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

    /// A community's bubble (its name is drawn apart, by `MatrixPlot`); the tooltip names every figure once.
    static func bubble(_ s: CommunityScore, community: Community?, at position: MapPoint, axes: (x: Dimension, y: Dimension),
                       colors: ThemeColors, theme: Theme, total: Int, order: Int) -> MapNode {
        let fill = tierFill(s.tier, theme: theme)
        // Bubbles are 45% of the map's community diameters: the plot is denser than the map.
        let diameter = NodeEncoding.diameter(sizeScore: s.dimensions.size) * 0.45
        func score(_ d: Dimension) -> String { s.dimensions[d].map { String(Int($0.rounded())) } ?? "unknown" }
        let tooltip = [
            "\(s.name) (community)",
            "Rank \(s.rank) of \(total) · focus score \(String(Int(s.score.rounded()))) · \(s.tier.rawValue)",
            ([axes.x, axes.y] + (axes.x == .size || axes.y == .size ? [] : [Dimension.size]))
                .reduce(into: [Dimension]()) { if !$0.contains($1) { $0.append($1) } }
                .map { "\(axisTitle($0)) \(score($0))" }.joined(separator: " · "),
            "Next step: \(s.nextStep.title)",
        ].joined(separator: "\n")
        return MapNode(
            id: s.id, kind: .community, shape: .circle, labelLines: [],
            badge: nil, minWidth: diameter, minHeight: diameter, fill: fill, stroke: colors.communityStroke,
            fontColor: colors.text, penWidth: 1, dashed: s.dimensions.size == nil,
            emphasised: false, tooltip: tooltip,
            url: community?.url.flatMap(SafeURL.validated), clusterID: nil,
            score: NodeScore(rank: s.rank, score: s.score, confidence: s.confidence, size: s.dimensions.size,
                             activity: s.dimensions.activity, reach: s.dimensions.reach, action: s.dimensions.action,
                             tier: s.tier.rawValue, missing: s.missing),
            position: position, externalLabel: false, fixedSize: true, fontSize: 10, drawOrder: order)
    }

    enum LabelSize { case tick, axis, quadrant, caption }

    /// A text-only decoration; ids start with `#`, which no ecosystem id can contain.
    static func label(_ id: String, _ text: String, at p: MapPoint, colors: ThemeColors, size: LabelSize,
                      anchorLeft: Bool = false, anchorRight: Bool = false, fontSize explicit: Double? = nil) -> MapNode {
        // Graphviz centres a plaintext label on its position: shift by half the estimated width to anchor
        // it at a corner instead (Arial averages about 0.52 em a character).
        let standard: Double = switch size { case .tick: 9; case .axis: 12; case .quadrant: 13; case .caption: 10 }
        let fontSize = explicit ?? standard
        // Left-aligned text starts at the box's left only while the box is at least as wide as Graphviz
        // measures the text: 10% to spare.
        let width = explicit == nil ? Double(text.count) * fontSize * 0.52 + 8
            : TextMetrics.width(text, size: fontSize) * (anchorLeft ? 1.1 : 1) + 18
        var x = p.x
        if anchorLeft { x += width / 2 }
        if anchorRight { x -= width / 2 }
        var node = MapNode(
            id: id, kind: .decoration, shape: .plaintext, labelLines: [text], badge: nil,
            minWidth: width / 72, minHeight: explicit == nil ? 0.2 : (fontSize * TextMetrics.lineSpacing + 10) / 72, fill: colors.background, stroke: colors.background,
            fontColor: size == .quadrant ? colors.mutedText : colors.text, penWidth: 0, dashed: false, emphasised: false,
            tooltip: text, url: nil, clusterID: nil, score: nil, position: MapPoint(x: x, y: p.y), fixedSize: true,
            fontSize: fontSize, drawOrder: 0)
        // Text anchored at its left end starts there whatever width the font draws it at.
        node.leftAligned = anchorLeft
        return node
    }

    static func anchor(_ id: String, at p: MapPoint, colors: ThemeColors) -> MapNode {
        MapNode(id: id, kind: .decoration, shape: .point, labelLines: [], badge: nil, minWidth: 0.01, minHeight: 0.01,
                fill: colors.text, stroke: colors.text, fontColor: colors.text, penWidth: 0, dashed: false,
                emphasised: false, tooltip: "", url: nil, clusterID: nil, score: nil, position: p, fixedSize: true)
    }
}
