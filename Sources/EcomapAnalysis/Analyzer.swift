import EcomapModel

/// Scores and ranks the communities of an ecosystem and computes every node's network metrics.
public enum Analyzer {
    /// Analyses `ecosystem` with scoring model version 2 (docs/scoring.md).
    /// - Parameter weights: `nil` = `baseWeights(ecosystem, goal:)`. Invalid weights (negative, non-finite, all zero) fall back to equal weights;
    ///   validate user input with `WeightsSpec` first to report it.
    /// - Parameter goal: the SPACE goal preset (`--goal`); `nil` = the file's `scoring.goal`, if any.
    /// - Parameter previous: an earlier snapshot; its tiers are the reference for the borderline band
    ///   (hysteresis): a community keeps its previous tier until its score leaves the band.
    /// - Parameter centrality: false skips PageRank and betweenness, leaving them 0 in `nodes`, for callers
    ///   that never show them (the map: its encoding and tooltips use scores and degrees only). The
    ///   community scores do not depend on them.
    /// - Parameter targets: false skips the search for what would lift each community to the next tier
    ///   (`CommunityScore.target` stays nil), for callers that show no advice and for property tests.
    /// - Parameter advice: false leaves each community's next step, reasons, target, flags and
    ///   explanation at their defaults, for callers that show them for a few communities only (the slide
    ///   view): `advised(_:ids:targets:)` gives them for those. Scores, tiers and the ranking are the same.
    /// - Parameter stageDone: called with `graph`, `pagerank`, `betweenness` and `scores` as each part
    ///   finishes (for `--timings`).
    public static func analyze(_ ecosystem: Ecosystem, weights: ScoringWeights? = nil, goal: Goal? = nil,
                               previous: Analysis? = nil, centrality: Bool = true, targets: Bool = true,
                               advice: Bool = true, stageDone: ((String) -> Void)? = nil) -> Analysis {
        let usedGoal = goal ?? ecosystem.scoringGoal
        let chosen = weights ?? baseWeights(ecosystem, goal: goal)
        let used = chosen.isValid ? chosen : .equal
        let graph = Graph(ecosystem)
        stageDone?("graph")
        let nodes = nodeMetrics(graph, centrality: centrality, stageDone: stageDone)
        let audience = NetworkAudience.perNode(ecosystem)
        let reached = NetworkAudience.reached(graph, audience: audience)
        let borrowed = NetworkAudience.borrowedShare(graph, audience: audience)
        let context = ScoringContext(weights: used, goal: usedGoal, asOf: ecosystem.asOf, targets: targets)
        let (ranking, order) = ecosystem.communities.withUnsafeBufferPointer { communities in
            // Through a buffer pointer: indexing the array would copy each community (a retain per field).
            scoredAndRanked(count: communities.count) { i in
                score(communities[i], networkAudience: reached[i], borrowedShare: borrowed[i], context: context,
                      previousTier: previous?.score(for: communities[i].id)?.tier, advice: advice)
            }
        }
        let analysis = Analysis(ecosystem: ecosystem, weights: used, goal: usedGoal, nodes: nodes, ranking: ranking,
                                previousSource: previous?.ecosystem.sourceFile, graph: graph, rankedCommunities: order)
        stageDone?("scores")
        return analysis
    }

    /// The scores of the communities `ids` with their advice (next step, reasons, target, flags,
    /// explanation) as a full analysis has it, for an analysis made with `advice: false`; keyed by id,
    /// other ids left out. The analysis itself is not changed (no copy of its ranking is made).
    /// - Parameter targets: whether to search each one's target (as `analyze`'s `targets`).
    public static func advised(_ analysis: Analysis, ids: some Sequence<String>, targets: Bool = true) -> [String: CommunityScore] {
        let context = ScoringContext(weights: analysis.weights, goal: analysis.goal, asOf: analysis.ecosystem.asOf,
                                     targets: targets)
        var out: [String: CommunityScore] = [:]
        for id in ids where out[id] == nil {
            guard let position = analysis.rankPosition(of: id), let c = analysis.community(id: id) else { continue }
            var s = analysis.ranking[position]
            complete(&s, community: c, context: context)
            out[id] = s
        }
        return out
    }

    /// The weights before `--weights`: a `--goal` preset, else the file's `scoring.weights`, else the
    /// preset of the file's `scoring.goal`, else equal weights.
    public static func baseWeights(_ ecosystem: Ecosystem, goal: Goal?) -> ScoringWeights {
        if let goal { return GoalPreset.weights(goal) }
        return ecosystem.scoringWeights ?? ecosystem.scoringGoal.map(GoalPreset.weights) ?? .equal
    }

    /// Degree, weighted degree, PageRank and betweenness of every node.
    /// - Parameter centrality: false leaves PageRank and betweenness 0 (not computed).
    public static func nodeMetrics(_ graph: Graph, centrality: Bool = true,
                                   stageDone: ((String) -> Void)? = nil) -> [NodeMetrics] {
        let zeros = [Double](repeating: 0, count: graph.nodeCount)
        let pagerank = centrality ? PageRank.compute(graph) : zeros
        if centrality { stageDone?("pagerank") }
        let betweenness = centrality ? Betweenness.compute(graph) : zeros
        if centrality { stageDone?("betweenness") }
        return (0..<graph.nodeCount).map { v in
            NodeMetrics(id: graph.ids[v], kind: graph.kinds[v], degree: graph.degree[v],
                        weightedDegree: graph.weightedDegree[v], pagerank: pagerank[v],
                        betweenness: betweenness[v])
        }
    }

    /// Scores one community on its own (no neighbours), for tests and callers without a graph.
    static func score(_ c: Community, networkAudience: Double, borrowedShare: Double = 0,
                      weights: ScoringWeights) -> CommunityScore {
        score(c, networkAudience: networkAudience, borrowedShare: borrowedShare,
              context: ScoringContext(weights: weights, goal: nil, asOf: nil, targets: true), previousTier: nil)
    }

    /// Scores one community (rank left 0 until `ranked`).
    static func score(_ c: Community, networkAudience: Double, borrowedShare: Double, context: ScoringContext,
                      previousTier: Tier?, advice: Bool = true) -> CommunityScore {
        let weights = context.weights
        let figures = CommunityFigures(c, networkAudience: networkAudience, borrowedShare: borrowedShare)
        let composite = Composite(pessimistic: figures.pessimistic, optimistic: figures.optimistic, weights: weights)
        let placement = Tiering.place(score: composite.score, confidence: composite.confidence, previous: previousTier)
        let band = figures.socialDensity.map(DensityBand.init(density:))
        var s = CommunityScore(
            rank: 0, id: c.id, name: c.name, score: composite.score, confidence: composite.confidence,
            dimensions: figures.dimensions, contributions: composite.contributions,
            socialDensity: figures.socialDensity, networkAudience: figures.networkAudience,
            missing: figures.missing, tier: placement.tier, nextStep: .monitorConversations,
            explanation: "", flags: [])
        s.pessimistic = composite.pessimistic
        s.optimistic = composite.optimistic
        s.pessimisticDimensions = figures.pessimistic
        s.optimisticDimensions = figures.optimistic
        s.borrowedReach = Scales.borrowedReachShare * 100 * figures.borrowedShare
        s.countedMembers = figures.countedMembers
        s.actionBasis = figures.actionPerMember ? .perMember : .perDiscussion
        s.densityBand = band
        s.borderline = placement.borderline
        s.previousTier = previousTier
        s.tierHeld = placement.held
        if advice { complete(&s, community: c, context: context) }
        return s
    }

    /// The advice part of a score: next step, reasons, target, flags and the explanation line.
    static func complete(_ s: inout CommunityScore, community c: Community, context: ScoringContext) {
        let advice = Advisor.advise(c, score: s, context: context)
        s.nextStep = advice.step
        s.reasons = advice.reasons
        s.target = advice.target
        s.flags = Recommendation.flags(community: c, score: s)
        s.explanation = Explanation.line(score: s, weights: context.weights)
    }

    /// The scores `score(0) ..< score(count)` in rank order, numbered, and the index each came from.
    /// Each score is moved, never copied, from where it is made to its place in the ranking.
    static func scoredAndRanked(count n: Int, _ score: (Int) -> CommunityScore) -> ([CommunityScore], [Int]) {
        let made = UnsafeMutablePointer<CommunityScore>.allocate(capacity: max(n, 1))
        defer { made.deallocate() }
        for i in 0..<n { (made + i).initialize(to: score(i)) }
        let order = (0..<n).sorted { a, b in
            RankOrder.precedes((made[a].score, made[a].name, made[a].id), (made[b].score, made[b].name, made[b].id))
        }
        let ranking = [CommunityScore](unsafeUninitializedCapacity: n) { buffer, initialized in
            for (position, i) in order.enumerated() {
                buffer.baseAddress!.advanced(by: position).initialize(to: (made + i).move())
                buffer[position].rank = position + 1
            }
            initialized = n
        }
        return (ranking, order)
    }
}

/// What every community of one run is scored with.
struct ScoringContext: Sendable {
    var weights: ScoringWeights
    var goal: Goal?
    var asOf: CalendarDate?
    /// Whether to search each community's target (what lifts it to the next tier).
    var targets: Bool = true
}
