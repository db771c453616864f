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
    /// Conservative focus score, 0...100, the one the ranking uses: the pessimistic score, so that an
    /// unknown figure is never a bonus.
    public var score: Double
    /// Weight share of the dimensions known exactly, 0...1.
    public var confidence: Double
    /// Dimensions known exactly; `nil` where an unknown figure leaves a range
    /// (see `pessimisticDimensions` and `optimisticDimensions`).
    public var dimensions: DimensionScores
    /// Each dimension's part of `score` at its pessimistic value (they add up to it); used by `--explain`.
    public var contributions: DimensionScores
    /// Weighted interactions (discussions + reactions / 4) per member per month.
    public var socialDensity: Double?
    /// Audience reached through links: sum of link weight x neighbour audience (informational).
    public var networkAudience: Double
    /// Missing figures by their file names, e.g. `["members", "activity.reactions"]`.
    public var missing: [String]
    public var tier: Tier
    public var nextStep: NextStep
    /// One line: what lifted the score, what held it back, what is unknown.
    public var explanation: String
    /// e.g. "negative sentiment", "deteriorating phase".
    public var flags: [String]

    /// Weighted mean with every unknown figure at its worst: equal to `score`.
    public var pessimistic: Double = 0
    /// Weighted mean with every unknown figure at its best.
    public var optimistic: Double = 0
    /// Lowest value of each dimension the unknown figures allow (never nil).
    public var pessimisticDimensions = DimensionScores()
    /// Highest value of each dimension the unknown figures allow (never nil).
    public var optimisticDimensions = DimensionScores()
    /// Points of reach (0...15) borrowed from linked neighbours.
    public var borrowedReach: Double = 0
    /// Members that count towards size (at most 100 per weighted interaction a month beyond the first
    /// 1,000), when known exactly.
    public var countedMembers: Double?
    /// Whether action is scored per discussion (online) or per member (offline, events).
    public var actionBasis: ActionBasis = .perDiscussion
    /// Where the social density sits against the documented band, when it is known.
    public var densityBand: DensityBand?
    /// True when the score is within the borderline band of a tier threshold.
    public var borderline: Bool = false
    /// The tier in the previous snapshot, when one was given.
    public var previousTier: Tier?
    /// True when the previous tier was kept because the score stayed within the borderline band.
    public var tierHeld: Bool = false
    /// Why the next step was chosen, in the method's terms.
    public var reasons: [String] = []
    /// What would move the community to the next tier, in its own figures; nil at the top or when
    /// no single figure can.
    public var target: String?
}

/// What the action-orientation of a community is measured against.
public enum ActionBasis: String, Sendable, Hashable, Codable {
    /// Actions per discussion (online and hybrid communities).
    case perDiscussion = "per-discussion"
    /// Actions per member (offline and event communities, which have no running discussion).
    case perMember = "per-member"
}

/// The result of analysing an ecosystem: node metrics and the community ranking.
public struct Analysis: Sendable {
    public var ecosystem: Ecosystem
    /// The weights actually used.
    public var weights: ScoringWeights
    /// The SPACE goal preset used (`--goal` or `scoring.goal`), if any.
    public var goal: Goal?
    /// The file of the previous snapshot the tiers were held against, if any.
    public var previousSource: String?
    /// Every graph node, file order (communities, influencers, stakeholders).
    public var nodes: [NodeMetrics]
    /// Communities in rank order.
    public var ranking: [CommunityScore]

    private let nodeIndex: [String: Int]
    private let rankIndex: [String: Int]

    public init(ecosystem: Ecosystem, weights: ScoringWeights, goal: Goal? = nil, nodes: [NodeMetrics],
                ranking: [CommunityScore], previousSource: String? = nil) {
        self.ecosystem = ecosystem
        self.weights = weights
        self.goal = goal
        self.previousSource = previousSource
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
