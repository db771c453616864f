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
    /// - Parameter stageDone: called with `graph`, `pagerank`, `betweenness` and `scores` as each part
    ///   finishes (for `--timings`).
    public static func analyze(_ ecosystem: Ecosystem, weights: ScoringWeights? = nil, goal: Goal? = nil,
                               previous: Analysis? = nil, centrality: Bool = true, targets: Bool = true,
                               stageDone: ((String) -> Void)? = nil) -> Analysis {
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
        let scores = ecosystem.communities.enumerated().map { i, c in
            score(c, networkAudience: reached[i], borrowedShare: borrowed[i], context: context,
                  previousTier: previous?.score(for: c.id)?.tier)
        }
        let analysis = Analysis(ecosystem: ecosystem, weights: used, goal: usedGoal, nodes: nodes,
                                ranking: ranked(scores), previousSource: previous?.ecosystem.sourceFile)
        stageDone?("scores")
        return analysis
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
                      previousTier: Tier?) -> CommunityScore {
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
        let advice = Advisor.advise(c, score: s, context: context)
        s.nextStep = advice.step
        s.reasons = advice.reasons
        s.target = advice.target
        s.flags = Recommendation.flags(community: c, score: s)
        s.explanation = Explanation.line(score: s, weights: weights)
        return s
    }

    /// Sorts by score, name, id and numbers the ranks from 1.
    static func ranked(_ scores: [CommunityScore]) -> [CommunityScore] {
        scores.sorted { RankOrder.precedes(($0.score, $0.name, $0.id), ($1.score, $1.name, $1.id)) }
            .enumerated().map { i, s in
                var s = s
                s.rank = i + 1
                return s
            }
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
