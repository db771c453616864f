import EcomapModel
import EcomapAnalysis
import EcomapText

/// Encodes one node at a time (see `MapSpecBuilder` for the rules).
struct NodeEncoder {
    let analysis: Analysis
    let colors: ThemeColors
    let labelTop: Int
    let clusterOf: [String: String]
    /// Scores that replace the analysis' own (the slide view's advised candidates).
    var scores: [String: CommunityScore] = [:]

    private var focusID: String? { analysis.ecosystem.focus }

    func community(_ c: Community) -> MapNode {
        let score = scores[c.id] ?? analysis.score(for: c.id)
        let size = score?.dimensions.size
        let diameter = NodeEncoding.diameter(sizeScore: size)
        let fill = score.map { colors.focusFill($0.score) } ?? colors.unknown
        let badge = score.flatMap { $0.rank <= labelTop ? "#\($0.rank)" : nil }
        var lines = ["\(c.name) (community)"]
        if let score {
            lines.append("Rank \(score.rank) of \(analysis.ranking.count) · focus score \(TextFormat.score(score.score)) · \(score.tier.rawValue)")
            lines.append("Size \(TextFormat.score(score.dimensions.size)) · Activity \(TextFormat.score(score.dimensions.activity)) · Reach \(TextFormat.score(score.dimensions.reach)) · Action \(TextFormat.score(score.dimensions.action))")
            lines.append("Confidence \(TextFormat.score(score.confidence * 100))%")
            lines.append("Missing: " + (score.missing.isEmpty ? "none" : score.missing.joined(separator: ", ")))
            lines.append("Next step: \(score.nextStep.title)")
        }
        if let m = c.measured {
            lines.append("Measured \(m.measurement.from)..\(m.measurement.to): " + (m.figures.isEmpty ? "no figure" : m.figures.joined(separator: ", ")) + "; other figures typed")
        }
        return node(
            id: c.id, kind: .community, shape: .ellipse, name: c.name, badge: badge,
            width: diameter * NodeEncoding.communityAspect, height: diameter, fill: fill,
            stroke: colors.communityStroke, dashed: size == nil, tooltip: lines, url: c.url,
            score: score.map { s in
                NodeScore(rank: s.rank, score: s.score, confidence: s.confidence, size: s.dimensions.size,
                          activity: s.dimensions.activity, reach: s.dimensions.reach, action: s.dimensions.action,
                          tier: s.tier.rawValue, missing: s.missing)
            })
    }

    func influencer(_ i: Influencer) -> MapNode {
        var lines = ["\(i.name) (influencer)"]
        if let handle = i.handle { lines.append("Handle: \(handle)") }
        lines.append("Followers: " + (i.followers.map(TextFormat.count) ?? "unknown"))
        lines += networkLines(i.id)
        return node(id: i.id, kind: .influencer, shape: .box, name: i.name, badge: nil, width: 0.9, height: 0.45,
                    fill: colors.influencer, stroke: colors.communityStroke, dashed: false, tooltip: lines,
                    url: i.url, score: nil)
    }

    func stakeholder(_ s: Stakeholder) -> MapNode {
        let lines = ["\(s.name) (stakeholder\(s.role.map { ", \($0.rawValue)" } ?? ""))"] + networkLines(s.id)
        return node(id: s.id, kind: .stakeholder, shape: .hexagon, name: s.name, badge: nil, width: 1.0, height: 0.5,
                    fill: colors.stakeholderFill(s.role), stroke: colors.communityStroke, dashed: false,
                    tooltip: lines, url: s.url, score: nil)
    }

    /// Nodes whose URL was given but refused.
    func rejectedURLs(_ e: Ecosystem) -> [(node: (id: String, location: SourceLocation?), url: String)] {
        let all: [(String, String?, SourceLocation?)] = e.communities.map { ($0.id, $0.url, $0.location) }
            + e.influencers.map { ($0.id, $0.url, $0.location) } + e.stakeholders.map { ($0.id, $0.url, $0.location) }
        return all.compactMap { id, url, location in
            guard let url, SafeURL.validated(url) == nil else { return nil }
            return ((id, location), url)
        }
    }

    private func networkLines(_ id: String) -> [String] {
        guard let m = analysis.metrics(for: id) else { return [] }
        return ["Links: \(m.degree) · weighted degree \(TextFormat.decimal(m.weightedDegree))"]
    }

    private func node(id: String, kind: MapNodeKind, shape: NodeShape, name: String, badge: String?,
                      width: Double, height: Double, fill: RGB, stroke: RGB, dashed: Bool,
                      tooltip: [String], url: String?, score: NodeScore?) -> MapNode {
        let focus = id == focusID
        return MapNode(
            id: id, kind: kind, shape: shape, labelLines: LabelText.nodeName.lines(name), badge: badge,
            minWidth: width, minHeight: height, fill: fill, stroke: focus ? colors.text : stroke,
            fontColor: fill.readableText, penWidth: focus ? 2.2 : 1.1, dashed: dashed, emphasised: focus,
            tooltip: (focus ? tooltip + ["Focus of the map"] : tooltip).joined(separator: "\n"),
            url: url.flatMap(SafeURL.validated), clusterID: clusterOf[id], score: score)
    }
}
