import EcomapModel
import Dispatch
import Foundation

/// Betweenness centrality by Brandes' algorithm: unweighted shortest paths over the undirected link graph,
/// normalised like networkx's `betweenness_centrality(G, normalized=True)` (divided by (n-1)(n-2)).
///
/// Exact up to `exactLimit` nodes. Above it, k source nodes are drawn with a seeded generator and the sum
/// is scaled by n / k, as networkx does with its `k` argument; k is `sampleSize`, lowered for very large
/// graphs so that k x (nodes + adjacency entries) stays within `sampleWorkBudget` (but at least
/// `minimumSampleSize`). Sources are split into a number of chunks that depends only on the graph; chunks
/// run in parallel and their sums are added in chunk order, so the result does not depend on the cores.
public enum Betweenness {
    /// Largest node count computed exactly.
    public static let defaultExactLimit = 20_000
    /// Sources sampled above the exact limit.
    public static let defaultSampleSize = 2_000
    /// Most node + edge visits a sampled run may cost (keeps huge graphs to seconds).
    public static let sampleWorkBudget = 1_000_000_000
    /// Fewest sources ever sampled.
    public static let minimumSampleSize = 100
    /// Seed of the source sample.
    public static let defaultSeed: UInt64 = 0x5EED_EC05

    /// Normalised betweenness per node index.
    public static func compute(_ graph: Graph, exactLimit: Int = defaultExactLimit,
                               sampleSize: Int = defaultSampleSize, seed: UInt64 = defaultSeed) -> [Double] {
        let n = graph.nodeCount
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        let sources: [Int32]
        if n <= exactLimit || sampleSize >= n {
            sources = (0..<Int32(n)).map { $0 }
        } else {
            let perSource = max(1, n + graph.neighbors.count)
            let k = max(min(sampleSize, sampleWorkBudget / perSource), min(minimumSampleSize, sampleSize), 1)
            var rng = SplitMix64(seed: seed)
            sources = rng.sample(count: k, from: n).map { Int32($0) }
        }
        // Chunk sums are kept until the ordered reduction: bound them to about 32 MB.
        let chunkCount = max(1, min(sources.count, 64, max(4, 4_000_000 / n)))
        let adjacency = LocalAdjacency(graph)
        let partials = sumOverSources(adjacency, sources: sources.map { adjacency.newIndex[Int($0)] },
                                      chunkCount: chunkCount)
        var total = [Double](repeating: 0, count: n)
        for partial in partials {
            for v in 0..<n { total[v] += partial[v] }
        }
        let scale = 1 / (Double(n - 1) * Double(n - 2)) * Double(n) / Double(sources.count)
        return (0..<n).map { total[Int(adjacency.newIndex[$0])] * scale }
    }

    /// Dependency sums per chunk of sources, each computed sequentially.
    private static func sumOverSources(_ adjacency: LocalAdjacency, sources: [Int32], chunkCount: Int) -> [[Double]] {
        let n = adjacency.nodeCount
        let results = ResultSlots(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = sources.count * chunk / chunkCount
            let upper = sources.count * (chunk + 1) / chunkCount
            var state = BrandesState(nodeCount: n, adjacencyCount: adjacency.neighbors.count)
            for s in sources[lower..<upper] { state.accumulate(adjacency, source: Int(s)) }
            results.store(state.centrality, at: chunk)
        }
        return results.values
    }
}

/// The undirected adjacency relabelled for cache locality: nodes sorted by degree, highest first (ties by
/// index), so the hubs that most shortest paths cross sit together in memory. 32-bit offsets.
private struct LocalAdjacency: Sendable {
    let offsets: [Int32]
    let neighbors: [Int32]
    /// New label of each original node index.
    let newIndex: [Int32]
    var nodeCount: Int { newIndex.count }

    init(_ graph: Graph) {
        let n = graph.nodeCount
        let degree = (0..<n).map { graph.neighborOffsets[$0 + 1] - graph.neighborOffsets[$0] }
        let byDegree = (0..<n).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        var newIndex = [Int32](repeating: 0, count: n)
        for (position, old) in byDegree.enumerated() { newIndex[old] = Int32(position) }
        var offsets = [Int32](repeating: 0, count: n + 1)
        var neighbors = [Int32]()
        neighbors.reserveCapacity(graph.neighbors.count)
        for (position, old) in byDegree.enumerated() {
            let row = graph.neighborOffsets[old]..<graph.neighborOffsets[old + 1]
            neighbors.append(contentsOf: graph.neighbors[row].map { newIndex[Int($0)] }.sorted())
            offsets[position + 1] = Int32(neighbors.count)
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.newIndex = newIndex
    }
}

/// Per-node working values of one single-source step, interleaved so one cache line serves a visit.
private struct NodeState {
    /// Number of shortest paths from the source.
    var sigma: Double = 0
    /// (1 + dependency) / sigma of a finished node: what it passes to each predecessor per shortest path.
    var coefficient: Double = 0
    /// BFS distance from the source, -1 when not reached.
    var distance: Int32 = -1
}

/// Working arrays for one sequential run of Brandes' single-source step.
private struct BrandesState {
    var nodes: [NodeState]
    var order: [Int32]
    /// Shortest-path DAG successors of the node at BFS position i: `successors[successorStart[i] ..< successorStart[i + 1]]`.
    var successors: [Int32]
    var successorStart: [Int32]
    var centrality: [Double]

    init(nodeCount n: Int, adjacencyCount: Int) {
        nodes = [NodeState](repeating: NodeState(), count: n)
        order = [Int32](repeating: 0, count: n)
        successors = [Int32](repeating: 0, count: max(1, adjacencyCount))
        successorStart = [Int32](repeating: 0, count: n + 1)
        centrality = [Double](repeating: 0, count: n)
    }

    /// Breadth-first search from `source`, recording each node's successors on shortest paths, then
    /// back-propagation of dependencies in reverse BFS order over those successors only. Each finished
    /// node's share is computed once, so the inner loop has no division.
    mutating func accumulate(_ adjacency: LocalAdjacency, source: Int) {
        adjacency.offsets.withUnsafeBufferPointer { offsets in
        adjacency.neighbors.withUnsafeBufferPointer { neighbors in
        nodes.withUnsafeMutableBufferPointer { nodes in
        order.withUnsafeMutableBufferPointer { order in
        successors.withUnsafeMutableBufferPointer { successors in
        successorStart.withUnsafeMutableBufferPointer { successorStart in
        centrality.withUnsafeMutableBufferPointer { centrality in
            nodes[source].distance = 0
            nodes[source].sigma = 1
            order[0] = Int32(source)
            var head = 0, tail = 1, count = 0
            while head < tail {
                let v = Int(order[head])
                successorStart[head] = Int32(count)
                head += 1
                let next = nodes[v].distance + 1
                let sv = nodes[v].sigma
                for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = neighbors[k]
                    let dw = nodes[Int(w)].distance
                    if dw < 0 {
                        nodes[Int(w)].distance = next
                        nodes[Int(w)].sigma = sv
                        order[tail] = w; tail += 1
                        successors[count] = w; count += 1
                    } else if dw == next {
                        nodes[Int(w)].sigma += sv
                        successors[count] = w; count += 1
                    }
                }
            }
            successorStart[tail] = Int32(count)
            // Successors lie later in BFS order, so each is finished before the nodes that precede it.
            var i = tail - 1
            while i > 0 {
                let v = Int(order[i])
                var share = 0.0
                for k in Int(successorStart[i])..<Int(successorStart[i + 1]) {
                    share += nodes[Int(successors[k])].coefficient
                }
                i -= 1
                let sigma = nodes[v].sigma
                let dependency = sigma * share
                centrality[v] += dependency
                nodes[v].coefficient = (1 + dependency) / sigma
            }
            for j in 0..<tail { nodes[Int(order[j])] = NodeState() }
        }}}}}}}
    }
}

/// Slots written once each from concurrent iterations (each index by exactly one writer).
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Double]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func store(_ value: [Double], at index: Int) { lock.withLock { slots[index] = value } }
    var values: [[Double]] { lock.withLock { slots } }
}
