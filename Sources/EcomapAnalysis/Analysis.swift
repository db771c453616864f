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

    /// Node index by id (first occurrence), as the graph numbers nodes: communities first, so a
    /// community's node index is its index in `ecosystem.communities`.
    private let nodeIndex: [String: Int]
    /// Position in `ranking` by community index; -1 where the ranking does not hold that community.
    private let rankPositions: [Int32]
    /// Community index by position in `ranking` (empty when not known).
    private let rankedCommunities: [Int32]
    /// The graph's end nodes of each link (see `Graph.linkEnds`; empty when not known).
    private let linkEnds: [Int32]

    public init(ecosystem: Ecosystem, weights: ScoringWeights, goal: Goal? = nil, nodes: [NodeMetrics],
                ranking: [CommunityScore], previousSource: String? = nil) {
        let nodeIndex = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var positions = [Int32](repeating: -1, count: ecosystem.communities.count)
        for (position, score) in ranking.enumerated() {
            if let i = nodeIndex[score.id], i < positions.count, positions[i] < 0 { positions[i] = Int32(position) }
        }
        self.init(ecosystem: ecosystem, weights: weights, goal: goal, nodes: nodes, ranking: ranking,
                  previousSource: previousSource, nodeIndex: nodeIndex, rankPositions: positions,
                  rankedCommunities: [], linkEnds: [])
    }

    /// With the graph's index and link ends and the ranking's order (`rankedCommunities[position]` is
    /// the community index at that position), so no id is hashed twice.
    init(ecosystem: Ecosystem, weights: ScoringWeights, goal: Goal?, nodes: [NodeMetrics], ranking: [CommunityScore],
         previousSource: String?, graph: Graph, rankedCommunities: [Int]) {
        guard graph.indexByID.count == nodes.count, rankedCommunities.count == ranking.count else {
            // Ids not unique (never so in a loaded file): the first in rank order answers, as above.
            self.init(ecosystem: ecosystem, weights: weights, goal: goal, nodes: nodes, ranking: ranking,
                      previousSource: previousSource)
            return
        }
        var positions = [Int32](repeating: -1, count: ecosystem.communities.count)
        for (position, i) in rankedCommunities.enumerated() where i < positions.count { positions[i] = Int32(position) }
        self.init(ecosystem: ecosystem, weights: weights, goal: goal, nodes: nodes, ranking: ranking,
                  previousSource: previousSource, nodeIndex: graph.indexByID, rankPositions: positions,
                  rankedCommunities: rankedCommunities.map { Int32($0) }, linkEnds: graph.linkEnds)
    }

    private init(ecosystem: Ecosystem, weights: ScoringWeights, goal: Goal?, nodes: [NodeMetrics], ranking: [CommunityScore],
                 previousSource: String?, nodeIndex: [String: Int], rankPositions: [Int32], rankedCommunities: [Int32],
                 linkEnds: [Int32]) {
        self.ecosystem = ecosystem
        self.weights = weights
        self.goal = goal
        self.previousSource = previousSource
        self.nodes = nodes
        self.ranking = ranking
        self.nodeIndex = nodeIndex
        self.rankPositions = rankPositions
        self.rankedCommunities = rankedCommunities
        self.linkEnds = linkEnds
    }

    /// The node position (as `nodePosition(of:)`) of the community at `position` in `ranking`, `nil`
    /// when it is not a graph node. Answered from the analysis' own bookkeeping without hashing the id
    /// while `ranking` and `ecosystem` are as the analysis made them.
    public func nodePosition(ofRanked position: Int) -> Int? {
        guard position >= 0, position < ranking.count else { return nil }
        let id = ranking[position].id
        if position < rankedCommunities.count {
            let i = Int(rankedCommunities[position])
            if i < nodes.count, nodes[i].id == id { return i }
        }
        return nodePosition(of: id)
    }

    /// The node positions (as `nodePosition(of:)`) of the ends of `ecosystem.links[k]`, `nil` when an
    /// end is not a graph node or both ends are the same node. Answered from the graph the analysis
    /// built, without hashing the ids, while `ecosystem` is as the analysis made it.
    public func nodePositions(ofLink k: Int) -> (from: Int, to: Int)? {
        let links = ecosystem.links
        guard k >= 0, k < links.count else { return nil }
        if 2 * k + 1 < linkEnds.count {
            let a = Int(linkEnds[2 * k]), b = Int(linkEnds[2 * k + 1])
            if a >= 0, b >= 0, a < nodes.count, b < nodes.count, nodes[a].id == links[k].from, nodes[b].id == links[k].to {
                return (a, b)
            }
        }
        // A link the graph left out (rare: the loader rejects such links), or a changed ecosystem.
        guard let a = nodePosition(of: links[k].from), let b = nodePosition(of: links[k].to), a != b else { return nil }
        return (a, b)
    }

    /// The position of a graph node in `nodes` (communities, influencers, stakeholders in file order),
    /// `nil` for unknown ids and topics.
    public func nodePosition(of id: String) -> Int? {
        guard let i = nodeIndex[id], i < nodes.count, nodes[i].id == id else { return nil }
        return i
    }

    /// The metrics of a graph node, `nil` for unknown ids and topics.
    public func metrics(for id: String) -> NodeMetrics? {
        if let i = nodeIndex[id], i < nodes.count, nodes[i].id == id { return nodes[i] }
        return nodes.first { $0.id == id }
    }

    /// The score of a community, `nil` for other ids.
    public func score(for id: String) -> CommunityScore? {
        rankPosition(of: id).map { ranking[$0] }
    }

    /// The position of a community in `ranking`, `nil` for other ids.
    func rankPosition(of id: String) -> Int? {
        if let i = nodeIndex[id], i < rankPositions.count {
            let position = Int(rankPositions[i])
            if position >= 0, position < ranking.count, ranking[position].id == id { return position }
        }
        return ranking.firstIndex { $0.id == id }
    }

    /// The community with this id, `nil` for other ids.
    func community(id: String) -> Community? {
        if let i = nodeIndex[id], i < ecosystem.communities.count, ecosystem.communities[i].id == id {
            return ecosystem.communities[i]
        }
        return ecosystem.communities.first { $0.id == id }
    }
}
