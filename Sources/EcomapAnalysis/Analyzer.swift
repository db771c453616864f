import EcomapModel

/// Scores and ranks the communities of an ecosystem and computes every node's network metrics.
public enum Analyzer {
    /// Analyses `ecosystem`.
    /// - Parameter weights: `nil` = the file's `scoring.weights`, else equal weights. Invalid weights
    ///   (negative, non-finite, all zero) fall back to equal weights; validate user input with
    ///   `WeightsSpec` first to report it.
    /// - Parameter centrality: false skips PageRank and betweenness, leaving them 0 in `nodes`, for callers
    ///   that never show them (the map: its encoding and tooltips use scores and degrees only). The
    ///   community scores do not depend on them.
    /// - Parameter stageDone: called with `graph`, `pagerank`, `betweenness` and `scores` as each part
    ///   finishes (for `--timings`).
    public static func analyze(_ ecosystem: Ecosystem, weights: ScoringWeights? = nil, centrality: Bool = true,
                               stageDone: ((String) -> Void)? = nil) -> Analysis {
        let chosen = weights ?? ecosystem.scoringWeights ?? .equal
        let used = chosen.isValid ? chosen : .equal
        let graph = Graph(ecosystem)
        stageDone?("graph")
        let nodes = nodeMetrics(graph, centrality: centrality, stageDone: stageDone)
        let reached = NetworkAudience.reached(graph, audience: NetworkAudience.perNode(ecosystem))
        let scores = ecosystem.communities.enumerated().map { i, c in
            score(c, networkAudience: reached[i], weights: used)
        }
        let analysis = Analysis(ecosystem: ecosystem, weights: used, nodes: nodes, ranking: ranked(scores))
        stageDone?("scores")
        return analysis
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

    /// Scores one community (rank left 0 until `ranked`).
    static func score(_ c: Community, networkAudience: Double, weights: ScoringWeights) -> CommunityScore {
        let figures = CommunityFigures(c, networkAudience: networkAudience)
        let composite = Composite(figures.dimensions, weights: weights)
        let tier = Recommendation.tier(score: composite.score, confidence: composite.confidence)
        let step = Recommendation.nextStep(dimensions: figures.dimensions, confidence: composite.confidence,
                                           tier: tier, sentiment: c.sentiment, phase: c.phase)
        let flags = Recommendation.flags(sentiment: c.sentiment, phase: c.phase, confidence: composite.confidence)
        return CommunityScore(
            rank: 0, id: c.id, name: c.name, score: composite.score, confidence: composite.confidence,
            dimensions: figures.dimensions, contributions: composite.contributions,
            socialDensity: figures.socialDensity, networkAudience: figures.networkAudience,
            missing: figures.missing, tier: tier, nextStep: step,
            explanation: Explanation.line(dimensions: figures.dimensions, weights: weights,
                                          missing: figures.missing, flags: flags),
            flags: flags)
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
