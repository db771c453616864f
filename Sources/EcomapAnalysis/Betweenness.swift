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
    public static let sampleWorkBudget = 2_000_000_000
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
        let partials = sumOverSources(graph, sources: sources, chunkCount: chunkCount)
        var total = [Double](repeating: 0, count: n)
        for partial in partials {
            for v in 0..<n { total[v] += partial[v] }
        }
        let scale = 1 / (Double(n - 1) * Double(n - 2)) * Double(n) / Double(sources.count)
        return total.map { $0 * scale }
    }

    /// Dependency sums per chunk of sources, each computed sequentially.
    private static func sumOverSources(_ graph: Graph, sources: [Int32], chunkCount: Int) -> [[Double]] {
        let n = graph.nodeCount
        let results = ResultSlots(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = sources.count * chunk / chunkCount
            let upper = sources.count * (chunk + 1) / chunkCount
            var state = BrandesState(nodeCount: n)
            for s in sources[lower..<upper] { state.accumulate(graph, source: Int(s)) }
            results.store(state.centrality, at: chunk)
        }
        return results.values
    }
}

/// Working arrays for one sequential run of Brandes' single-source step.
private struct BrandesState {
    var distance: [Int32]
    var sigma: [Double]
    /// (1 + dependency) / sigma of a finished node: what it passes to each predecessor per shortest path.
    var coefficient: [Double]
    var order: [Int32]
    var centrality: [Double]

    init(nodeCount n: Int) {
        distance = [Int32](repeating: -1, count: n)
        sigma = [Double](repeating: 0, count: n)
        coefficient = [Double](repeating: 0, count: n)
        order = [Int32](repeating: 0, count: n)
        centrality = [Double](repeating: 0, count: n)
    }

    /// Breadth-first search from `source`, then back-propagation of dependencies in reverse BFS order.
    /// Successors are recognised by distance, so no predecessor lists are needed, and each finished node's
    /// share is computed once, so the inner loop has no division.
    mutating func accumulate(_ graph: Graph, source: Int) {
        graph.neighborOffsets.withUnsafeBufferPointer { offsets in
        graph.neighbors.withUnsafeBufferPointer { neighbors in
        distance.withUnsafeMutableBufferPointer { distance in
        sigma.withUnsafeMutableBufferPointer { sigma in
        coefficient.withUnsafeMutableBufferPointer { coefficient in
        order.withUnsafeMutableBufferPointer { order in
        centrality.withUnsafeMutableBufferPointer { centrality in
            distance[source] = 0
            sigma[source] = 1
            order[0] = Int32(source)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head]); head += 1
                let next = distance[v] + 1
                let sv = sigma[v]
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[k])
                    if distance[w] < 0 {
                        distance[w] = next
                        order[tail] = Int32(w); tail += 1
                    }
                    if distance[w] == next { sigma[w] += sv }
                }
            }
            // Every successor of v lies later in BFS order, so it is finished before v.
            var i = tail - 1
            while i > 0 {
                let v = Int(order[i]); i -= 1
                let next = distance[v] + 1
                var share = 0.0
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[k])
                    if distance[w] == next { share += coefficient[w] }
                }
                let dependency = sigma[v] * share
                centrality[v] += dependency
                coefficient[v] = (1 + dependency) / sigma[v]
            }
            for j in 0..<tail {
                let v = Int(order[j])
                distance[v] = -1; sigma[v] = 0
            }
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
