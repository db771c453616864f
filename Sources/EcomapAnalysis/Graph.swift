import EcomapModel

/// The link graph of an ecosystem in compressed sparse row form.
///
/// One node per community, influencer and stakeholder (isolated ones included), in file order;
/// one edge per link. Topics are attributes, not nodes. Node indices are `0..<nodeCount`.
public struct Graph: Sendable {
    /// Node ids by index.
    public let ids: [String]
    /// Node kinds by index.
    public let kinds: [NodeKind]
    /// Number of links touching each node.
    public let degree: [Int]
    /// Sum of the weights of the links touching each node.
    public let weightedDegree: [Double]

    /// Undirected adjacency (both directions of every link, each neighbour once):
    /// neighbours of `v` are `neighbors[neighborOffsets[v] ..< neighborOffsets[v + 1]]`.
    public let neighborOffsets: [Int]
    public let neighbors: [Int32]
    /// Link weight per undirected adjacency entry (the largest when a pair is linked twice).
    public let neighborWeights: [Double]

    /// Incoming arcs for PageRank: an undirected link is an arc each way, a directed one `from -> to`.
    /// Sources of arcs into `v` are `inSources[inOffsets[v] ..< inOffsets[v + 1]]`.
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: [Double]
    /// Sum of the weights of the arcs leaving each node (0 for a dangling node).
    public let outWeight: [Double]

    /// Node index by id (the first node with an id).
    let indexByID: [String: Int]
    /// The end nodes of `ecosystem.links[k]` at `2k` and `2k + 1` (-1 -1 for a link the graph leaves
    /// out: an end that is not a graph node, or a link from a node to itself); empty for plain edge lists.
    let linkEnds: [Int32]

    /// Number of nodes.
    public var nodeCount: Int { ids.count }

    /// The index of a node id, in O(1); `nil` for unknown ids and topics.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// Builds the graph; links whose endpoints are not graph nodes are ignored (the loader rejects them).
    public init(_ ecosystem: Ecosystem) {
        var ids: [String] = []
        var kinds: [NodeKind] = []
        let count = ecosystem.nodeCount
        ids.reserveCapacity(count)
        kinds.reserveCapacity(count)
        // By index throughout: `for c in communities` would copy every node and link (a retain per field).
        let communities = ecosystem.communities, influencers = ecosystem.influencers, stakeholders = ecosystem.stakeholders
        for k in communities.indices { ids.append(communities[k].id); kinds.append(.community) }
        for k in influencers.indices { ids.append(influencers[k].id); kinds.append(.influencer) }
        for k in stakeholders.indices { ids.append(stakeholders[k].id); kinds.append(.stakeholder) }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where indexByID[id] == nil { indexByID[id] = i }

        var edges: [(from: Int32, to: Int32, weight: Double, directed: Bool)] = []
        edges.reserveCapacity(ecosystem.links.count)
        let links = ecosystem.links
        var linkEnds = [Int32](repeating: -1, count: 2 * links.count)
        for k in links.indices {
            guard let a = indexByID[links[k].from], let b = indexByID[links[k].to], a != b else { continue }
            let weight = links[k].weight
            let w = weight.isFinite && weight > 0 ? weight : 0
            edges.append((Int32(a), Int32(b), w, links[k].directed))
            linkEnds[2 * k] = Int32(a)
            linkEnds[2 * k + 1] = Int32(b)
        }
        self.init(ids: ids, kinds: kinds, indexByID: indexByID, edges: edges, linkEnds: linkEnds)
    }

    /// Builds a graph from plain edge lists (tests and benchmarks); every node is a community.
    public init(nodeCount: Int, edges: [(Int, Int, Double, Bool)]) {
        let ids = (0..<nodeCount).map { "n\($0)" }
        var indexByID: [String: Int] = [:]
        for (i, id) in ids.enumerated() { indexByID[id] = i }
        let list = edges.filter { $0.0 != $0.1 && (0..<nodeCount).contains($0.0) && (0..<nodeCount).contains($0.1) }
            .map { (from: Int32($0.0), to: Int32($0.1), weight: $0.2, directed: $0.3) }
        self.init(ids: ids, kinds: Array(repeating: .community, count: nodeCount), indexByID: indexByID, edges: list, linkEnds: [])
    }

    private init(ids: [String], kinds: [NodeKind], indexByID: [String: Int],
                 edges: [(from: Int32, to: Int32, weight: Double, directed: Bool)], linkEnds: [Int32]) {
        let n = ids.count
        self.ids = ids
        self.kinds = kinds
        self.indexByID = indexByID
        self.linkEnds = linkEnds

        var degree = [Int](repeating: 0, count: n)
        var weightedDegree = [Double](repeating: 0, count: n)
        for e in edges {
            degree[Int(e.from)] += 1; degree[Int(e.to)] += 1
            weightedDegree[Int(e.from)] += e.weight; weightedDegree[Int(e.to)] += e.weight
        }
        self.degree = degree
        self.weightedDegree = weightedDegree

        var undirected: [(Int32, Int32, Double)] = []
        undirected.reserveCapacity(edges.count * 2)
        var arcs: [(Int32, Int32, Double)] = []
        arcs.reserveCapacity(edges.count * 2)
        for e in edges {
            undirected.append((e.from, e.to, e.weight))
            undirected.append((e.to, e.from, e.weight))
            arcs.append((e.from, e.to, e.weight))
            if !e.directed { arcs.append((e.to, e.from, e.weight)) }
        }
        // Undirected: rows keyed by the first node, neighbours deduplicated.
        let und = Graph.compress(undirected, nodeCount: n)
        neighborOffsets = und.offsets
        neighbors = und.targets
        neighborWeights = und.weights
        // PageRank arcs stored by target: rows keyed by `to`, entries are sources.
        let incoming = Graph.compress(arcs.map { ($0.1, $0.0, $0.2) }, nodeCount: n)
        inOffsets = incoming.offsets
        inSources = incoming.targets
        inWeights = incoming.weights
        var outWeight = [Double](repeating: 0, count: n)
        for (k, w) in incoming.weights.enumerated() { outWeight[Int(incoming.targets[k])] += w }
        self.outWeight = outWeight
    }

    /// Groups `(row, column, weight)` entries into CSR rows sorted by column, keeping one entry per
    /// (row, column) pair with the largest weight.
    private static func compress(_ entries: [(Int32, Int32, Double)], nodeCount n: Int)
        -> (offsets: [Int], targets: [Int32], weights: [Double]) {
        var counts = [Int](repeating: 0, count: n + 1)
        for e in entries { counts[Int(e.0) + 1] += 1 }
        for i in 0..<n { counts[i + 1] += counts[i] }
        var fill = counts
        var cols = [Int32](repeating: 0, count: entries.count)
        var wts = [Double](repeating: 0, count: entries.count)
        for e in entries {
            let r = Int(e.0)
            cols[fill[r]] = e.1
            wts[fill[r]] = e.2
            fill[r] += 1
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        targets.reserveCapacity(entries.count)
        weights.reserveCapacity(entries.count)
        var row: [(Int32, Double)] = []
        for r in 0..<n {
            row.removeAll(keepingCapacity: true)
            for k in counts[r]..<counts[r + 1] { row.append((cols[k], wts[k])) }
            row.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
            var last: Int32 = -1
            for (c, w) in row where c != last {
                targets.append(c)
                weights.append(w)
                last = c
            }
            offsets[r + 1] = targets.count
        }
        return (offsets, targets, weights)
    }
}
