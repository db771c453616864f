import EcomapModel
import EcomapAnalysis

/// The documented JSON shape of `ecomap rank --format json` (docs/scoring.md), keys in this order.
/// Scores and dimensions are rounded to 2 decimals, confidence and weighted degree to 4, PageRank and
/// betweenness to 8; trailing zeros are trimmed.
enum RankJSON {
    static func render(_ report: RankReport) -> String {
        let a = report.analysis
        var members: [JSONValue.Member] = [
            .init("ecosystem", .string(a.ecosystem.title)),
            .init("as_of", .optional(a.ecosystem.asOf?.description)),
            .init("weights", .object(Dimension.allCases.map { .init($0.rawValue, .double(a.weights[$0], 4)) })),
            .init("communities", .array(report.shown.map { community($0, report) })),
            .init("nodes", .array(a.nodes.map(node))),
        ]
        if let s = report.sensitivity {
            members.append(.init("sensitivity", .object([
                .init("trials", .int(s.options.trials)),
                .init("seed", .number(String(s.options.seed))),
                .init("sigma", .double(s.options.sigma, 4)),
                .init("top", .int(s.options.top)),
            ])))
        }
        return JSONValue.object(members).rendered()
    }

    private static func dimensions(_ d: DimensionScores) -> JSONValue {
        .object(Dimension.allCases.map { dim in .init(dim.rawValue, d[dim].map { .double($0, 2) } ?? .null) })
    }

    private static func community(_ s: CommunityScore, _ report: RankReport) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("rank", .int(s.rank)),
            .init("id", .string(s.id)),
            .init("name", .string(s.name)),
            .init("score", .double(s.score, 2)),
            .init("confidence", .double(s.confidence, 4)),
            .init("dimensions", dimensions(s.dimensions)),
            .init("missing", .array(s.missing.map { .string($0) })),
            .init("tier", .string(s.tier.rawValue)),
            .init("next_step", .string(s.nextStep.rawValue)),
            .init("explanation", .string(s.explanation)),
        ]
        // Additions after the documented keys.
        members.append(.init("social_density", s.socialDensity.map { .double($0, 4) } ?? .null))
        members.append(.init("flags", .array(s.flags.map { .string($0) })))
        if MeasuredMarks.any(report.analysis.ecosystem), let c = MeasuredMarks.community(report.analysis.ecosystem, s.id) {
            members += MeasuredMarks.json(c)
        }
        if report.explain { members.append(.init("contributions", dimensions(s.contributions))) }
        if let row = report.sensitivityRow(s.id) {
            members.append(.init("best_rank", .int(row.bestRank)))
            members.append(.init("worst_rank", .int(row.worstRank)))
            members.append(.init("top_share", .double(row.topShare, 4)))
        }
        return .object(members)
    }

    private static func node(_ m: NodeMetrics) -> JSONValue {
        .object([
            .init("id", .string(m.id)),
            .init("kind", .string(m.kind.rawValue)),
            .init("degree", .int(m.degree)),
            .init("weighted_degree", .double(m.weightedDegree, 4)),
            .init("pagerank", .double(m.pagerank, 8)),
            .init("betweenness", .double(m.betweenness, 8)),
        ])
    }
}
