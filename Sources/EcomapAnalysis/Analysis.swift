import EcomapModel

/// Network metrics of one graph node.
public struct NodeMetrics: Sendable, Hashable {
    public var id: String
    /// community, influencer or stakeholder.
    public var kind: NodeKind
    /// Number of links touching the node.
    public var degree: Int
    /// Sum of the weights of the links touching the node.
    public var weightedDegree: Double
    /// Weighted PageRank (damping 0.85); all nodes sum to 1.
    public var pagerank: Double
    /// Normalised betweenness over the undirected link graph.
    public var betweenness: Double

    public init(id: String, kind: NodeKind, degree: Int, weightedDegree: Double, pagerank: Double,
                betweenness: Double) {
        self.id = id
        self.kind = kind
        self.degree = degree
        self.weightedDegree = weightedDegree
        self.pagerank = pagerank
        self.betweenness = betweenness
    }
}

/// A community's place in the ranking, with the reasons.
public struct CommunityScore: Sendable, Hashable {
    /// 1-based rank.
    public var rank: Int
    public var id: String
    public var name: String
    /// Composite focus score, 0...100: weighted mean of the known dimensions.
    public var score: Double
    /// Weight share of the known dimensions, 0...1.
    public var confidence: Double
    public var dimensions: DimensionScores
    /// Each known dimension's part of `score` (they add up to it); used by `--explain`.
    public var contributions: DimensionScores
    /// Interactions (discussions + reactions) per member per month.
    public var socialDensity: Double?
    /// Audience reached through links: sum of link weight x neighbour audience.
    public var networkAudience: Double
    /// Missing figures by their file names, e.g. `["members", "activity.reactions"]`.
    public var missing: [String]
    public var tier: Tier
    public var nextStep: NextStep
    /// One line: what lifted the score, what held it back, what is unknown.
    public var explanation: String
    /// e.g. "negative sentiment", "deteriorating phase".
    public var flags: [String]
}

/// The result of analysing an ecosystem: node metrics and the community ranking.
public struct Analysis: Sendable {
    public var ecosystem: Ecosystem
    /// The weights actually used.
    public var weights: ScoringWeights
    /// Every graph node, file order (communities, influencers, stakeholders).
    public var nodes: [NodeMetrics]
    /// Communities in rank order.
    public var ranking: [CommunityScore]

    private let nodeIndex: [String: Int]
    private let rankIndex: [String: Int]

    public init(ecosystem: Ecosystem, weights: ScoringWeights, nodes: [NodeMetrics], ranking: [CommunityScore]) {
        self.ecosystem = ecosystem
        self.weights = weights
        self.nodes = nodes
        self.ranking = ranking
        nodeIndex = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        rankIndex = Dictionary(ranking.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The metrics of a graph node, `nil` for unknown ids and topics.
    public func metrics(for id: String) -> NodeMetrics? {
        if let i = nodeIndex[id], i < nodes.count, nodes[i].id == id { return nodes[i] }
        return nodes.first { $0.id == id }
    }

    /// The score of a community, `nil` for other ids.
    public func score(for id: String) -> CommunityScore? {
        if let i = rankIndex[id], i < ranking.count, ranking[i].id == id { return ranking[i] }
        return ranking.first { $0.id == id }
    }
}
