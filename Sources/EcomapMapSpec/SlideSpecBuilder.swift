import EcomapModel
import EcomapAnalysis

/// The choices of `ecomap render --slide`.
public struct SlideOptions: Sendable, Hashable {
    public var theme: Theme?
    /// Draw the N best-ranked communities (as many as fit); `nil`: fill the slide.
    public var top: Int?
    /// Only communities of these tiers are chosen by rank (empty: every tier).
    public var tiers: [Tier]
    /// The node whose neighbourhood is drawn (default: the file's `focus`, else the best-ranked community).
    public var around: String?
    /// How the nodes that are not drawn are summarised; `nil`: topic, channel or detected clusters,
    /// whichever most folded communities have.
    public var groupBy: GroupBy?

    public init(theme: Theme? = nil, top: Int? = nil, tiers: [Tier] = [], around: String? = nil, groupBy: GroupBy? = nil) {
        self.theme = theme
        self.top = top
        self.tiers = tiers
        self.around = around
        self.groupBy = groupBy
    }
}

/// `--around` names no node of the ecosystem.
public struct SlideError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The slide view: a 16:9 picture of any ecosystem (1 to 100,000+ communities) that stays legible
/// when it fills a 13.33 x 7.5 in slide (docs/map.md, "The slide view").
///
/// - **Page.** The picture is 960 x 540 pt, the slide itself, so a font size is the size on the slide.
///   Every text is at least `fontSize` (11 pt; the legend 11 pt, the title 20 pt).
/// - **What is drawn.** The centre (`--around`, else the file's `focus`, else the best-ranked
///   community); the best-ranked communities (`--top N`, only `--tier`'s tiers); the centre's
///   neighbours by link weight; then more communities by rank while the slide has room. Room is
///   counted in area: every node's shape is sized for its label first.
/// - **What is folded.** Every other node goes into a summary node ("+123 more in Parenting tech"),
///   by topic, channel or a detected cluster (label propagation on the links), influencers and
///   stakeholders in their own; at most `maxSummaries`, the smallest groups merged into "+N more".
///   A summary's area grows with the number it holds; its links are the summed weights of the links
///   it stands for (each summary keeps its `summaryLinks` strongest).
/// - **Where.** ecomap places the shapes itself (Graphviz draws them at pinned positions): the centre
///   in the middle, every other node at the free spot nearest to its placed neighbours, summaries
///   towards the edge; bounding boxes with a gap never meet, so no two shapes and no two labels
///   overlap; labels are inside their shapes, which are painted over the links.
///
/// Linear in the ecosystem (one pass over nodes and links, one sort of the neighbourhood), plus a
/// placement whose cost depends only on the few dozen drawn nodes.
public enum SlideSpecBuilder {
    /// The slide in points: 13.33 x 7.5 in.
    public static let slideWidth = 960.0
    public static let slideHeight = 540.0
    /// Node labels, points.
    public static let fontSize = 11.0
    /// Widest label line, points.
    static let maxLineWidth = 104.0
    /// Summary nodes at most (the smallest groups beyond are merged into one).
    public static let maxSummaries = 5
    /// Links kept per summary node (its strongest).
    public static let summaryLinks = 4
    /// Free space between two shapes' bounding boxes, points.
    static let gapX = 14.0
    static let gapY = 10.0
    /// Share of the drawing area that node boxes (with their gaps) may take.
    static let density = 0.8
    /// Default rank badges when `--top` is not given.
    static let defaultBadges = 10

    /// - Parameter analysis: may be made with `advice: false`: the communities the slide may draw are
    ///   advised here (their tooltips name the next step).
    /// - Parameter stageDone: called with `plan` (what to draw and fold, over the whole ecosystem) and
    ///   `place` (labels, placement, the spec) as each part finishes (for `--timings`).
    public static func build(_ analysis: Analysis, options: SlideOptions = SlideOptions(),
                             stageDone: ((String) -> Void)? = nil) throws(SlideError) -> (MapSpec, [Diagnostic]) {
        let ecosystem = analysis.ecosystem
        var warnings: [Diagnostic] = []
        let (colors, paletteWarnings) = ThemeColors.resolve(theme: options.theme ?? ecosystem.style.theme ?? .light, palette: ecosystem.style.palette)
        warnings += paletteWarnings.map { Diagnostic.warning($0) }

        let index = NodeIndex(analysis)
        let centre: Int?
        if let around = options.around {
            guard let i = index.position(around) else {
                let suggestion = Suggestion.nearest(around, among: index.ids)
                throw SlideError(description: "--around: no community, influencer or stakeholder has the id `\(around)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? ""))
            }
            centre = i
        } else if let focus = ecosystem.focus, let i = index.position(focus) {
            centre = i
        } else {
            centre = analysis.ranking.first.flatMap { index.position($0.id) }
        }

        let badges = options.top ?? defaultBadges
        let plan = SlidePlan(analysis: analysis, index: index, centre: centre, options: options, badges: badges)
        stageDone?("plan")
        // Only the candidates can be drawn: their advice (the next step in the tooltip) is worked out
        // here, whether or not the analysis has it for every community.
        let advised = Analyzer.advised(analysis, ids: plan.priority.lazy.filter { index.kinds[$0] == .community }.map { index.ids[$0] },
                                       targets: false)
        let encoder = NodeEncoder(analysis: analysis, colors: colors, labelTop: 0, clusterOf: [:], scores: advised)
        // A candidate's shape and label do not depend on the attempt: made once.
        let items = Dictionary(plan.priority.map { ($0, plan.nodeItem($0, colors: colors, encoder: encoder)) }, uniquingKeysWith: { a, _ in a })
        var excluded = Set<Int>()
        var attempt = plan.layout(excluded: excluded, colors: colors, items: items)
        // A node that found no free spot is folded and the slide is laid out again (rarely more than once).
        while !attempt.unplaced.isEmpty {
            excluded.formUnion(attempt.unplaced)
            attempt = plan.layout(excluded: excluded, colors: colors, items: items)
        }
        stageDone?("place")

        warnings += attempt.warnings
        return (attempt.spec, warnings)
    }
}

/// Every graph node by position (communities, influencers, stakeholders in file order), the
/// analysis' numbering.
struct NodeIndex {
    var ids: [String] = []
    var kinds: [MapNodeKind] = []
    var communityIndex: [Int] = []
    private let analysis: Analysis

    init(_ analysis: Analysis) {
        self.analysis = analysis
        let e = analysis.ecosystem
        let count = e.communities.count + e.influencers.count + e.stakeholders.count
        ids.reserveCapacity(count)
        kinds.reserveCapacity(count)
        communityIndex.reserveCapacity(count)
        // By index: `for c in communities` would copy every node (a retain per field).
        for i in e.communities.indices { ids.append(e.communities[i].id); kinds.append(.community); communityIndex.append(i) }
        for i in e.influencers.indices { ids.append(e.influencers[i].id); kinds.append(.influencer); communityIndex.append(i) }
        for i in e.stakeholders.indices { ids.append(e.stakeholders[i].id); kinds.append(.stakeholder); communityIndex.append(i) }
    }

    /// The position of a graph node id, `nil` for unknown ids and topics.
    func position(_ id: String) -> Int? {
        guard let i = analysis.nodePosition(of: id), i < ids.count, ids[i] == id else { return nil }
        return i
    }
}

/// Nearest id by edit distance, for `--around` typos.
enum Suggestion {
    static func nearest(_ text: String, among ids: [String]) -> String? {
        let target = Array(text.lowercased())
        var best: (String, Int)?
        for id in ids {
            let d = distance(target, Array(id.lowercased()), limit: max(2, target.count / 3))
            if d <= max(2, target.count / 3), best == nil || d < best!.1 || (d == best!.1 && id < best!.0) { best = (id, d) }
        }
        return best?.0
    }

    private static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
