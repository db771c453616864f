import EcomapModel
import EcomapAnalysis

/// The documented JSON shape of `ecomap rank --format json` (docs/scoring.md), keys in this order.
/// Scores and dimensions are rounded to 2 decimals, confidence and weighted degree to 4, PageRank and
/// betweenness to 8; trailing zeros are trimmed.
enum RankJSON {
    static func render(_ report: RankReport) -> String {
        let a = report.analysis
        let byID = Dictionary(a.ecosystem.communities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let measuredFile = MeasuredMarks.any(a.ecosystem)
        var members: [JSONValue.Member] = [
            .init("ecosystem", .string(a.ecosystem.title)),
            .init("as_of", .optional(a.ecosystem.asOf?.description)),
            .init("weights", .object(Dimension.allCases.map { .init($0.rawValue, .double(a.weights[$0], 4)) })),
            .init("model", .int(Scales.modelVersion)),
            .init("goal", .optional(a.goal?.rawValue)),
            .init("previous", .optional(a.previousSource)),
            .init("communities", .array(report.shown.map { community($0, report, byID[$0.id], measuredFile) })),
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

    private static func community(_ s: CommunityScore, _ report: RankReport, _ c: Community?,
                                  _ measuredFile: Bool) -> JSONValue {
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
        members.append(.init("pessimistic", .double(s.pessimistic, 2)))
        members.append(.init("optimistic", .double(s.optimistic, 2)))
        members.append(.init("ranges", .object(Dimension.allCases.map { d in
            .init(d.rawValue, .object([
                .init("low", s.pessimisticDimensions[d].map { .double($0, 2) } ?? .null),
                .init("high", s.optimisticDimensions[d].map { .double($0, 2) } ?? .null),
            ]))
        })))
        members.append(.init("figures", c.map { figures(s, $0, origins: measuredFile) } ?? .null))
        members.append(.init("density_band", .optional(s.densityBand?.rawValue)))
        members.append(.init("action_basis", .string(s.actionBasis.rawValue)))
        members.append(.init("borrowed_reach", .double(s.borrowedReach, 2)))
        members.append(.init("borderline", .bool(s.borderline)))
        members.append(.init("previous_tier", .optional(s.previousTier?.rawValue)))
        members.append(.init("tier_held", .bool(s.tierHeld)))
        members.append(.init("reasons", .array(s.reasons.map { .string($0) })))
        members.append(.init("target", .optional(s.target)))
        if measuredFile, let c { members += MeasuredMarks.json(c) }
        if report.explain { members.append(.init("contributions", dimensions(s.contributions))) }
        if let row = report.sensitivityRow(s.id) {
            members.append(.init("best_rank", .int(row.bestRank)))
            members.append(.init("worst_rank", .int(row.worstRank)))
            members.append(.init("top_share", .double(row.topShare, 4)))
        }
        return .object(members)
    }

    /// One object per figure, keyed by its file name, so that later keys (such as where a figure came
    /// from) can be added beside `value`. `value` is null when the figure is unknown.
    /// With `origins` (the file has measured communities) each object also says whether the figure was
    /// `measured`, `typed` or is `missing` (docs/measure.md), and `sentiment` is listed too.
    private static func figures(_ s: CommunityScore, _ c: Community, origins: Bool) -> JSONValue {
        func figure(_ name: String, _ value: JSONValue, extra: [JSONValue.Member] = []) -> JSONValue.Member {
            var members: [JSONValue.Member] = [.init("value", value)] + extra
            if origins { members.append(.init("origin", .string(MeasuredMarks.origin(c, name)))) }
            return .init(name, .object(members))
        }
        func number(_ v: Double?) -> JSONValue { v.map { .double($0, 4) } ?? .null }
        var items = [
            figure("members", number(c.members.map(Double.init)),
                   extra: [.init("counted", s.countedMembers.map { .double($0, 2) } ?? .null)]),
            figure("activity.discussions", number(c.discussions)),
            figure("activity.reactions", number(c.reactions)),
            figure("reach", number(c.reach.map(Double.init))),
            figure("actions", number(c.actions)),
        ]
        if origins { items.append(figure("sentiment", .optional(c.sentiment?.rawValue))) }
        return .object(items)
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
