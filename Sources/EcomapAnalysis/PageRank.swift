import Dispatch

/// Weighted PageRank with uniform teleport and uniform redistribution of dangling mass.
///
/// The same definition as networkx's `pagerank(G, alpha=0.85, weight="weight")` on the directed graph
/// in which an undirected link is an arc each way: each node passes its rank to its out-neighbours in
/// proportion to the arc weights; the rank of nodes without out-arcs is spread over all nodes.
/// It iterates until the L1 change is below `tolerance` (much tighter than networkx's default `n * 1e-6`):
/// the distance to the exact fixed point is then at most tolerance x d / (1 - d) < 6e-10 in L1, so every
/// node agrees with it to well within 1e-6.
///
/// Large graphs are split into a fixed number of node ranges that run in parallel. Each node's new value
/// is summed over its in-arcs in the same order whatever the split, and the per-range changes are added
/// in range order, so the result does not depend on the number of cores.
public enum PageRank {
    /// Nodes per parallel range; smaller graphs run on one thread (dispatch would cost more than it saves).
    static let nodesPerRange = 16_384

    /// PageRank per node index; sums to 1 (empty for an empty graph).
    public static func compute(_ graph: Graph, damping: Double = 0.85, tolerance: Double = 1e-10,
                               maxIterations: Int = 10_000) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let uniform = 1.0 / Double(n)
        var rank = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        // Nodes are relabelled in breadth-first order so that the ranks an arc reads sit near each other in
        // memory; each node still sums its in-arcs in their original order, so the values are unchanged.
        let order = breadthFirstOrder(graph)
        var label = [Int32](repeating: 0, count: n)
        for (new, old) in order.enumerated() { label[Int(old)] = Int32(new) }
        var offsets = [Int](repeating: 0, count: n + 1)
        var sources = [Int32](repeating: 0, count: graph.inSources.count)
        // Each arc's share of its source's rank (weight / source out-weight), computed once.
        var arcShare = [Double](repeating: 0, count: graph.inSources.count)
        var cursor = 0
        for new in 0..<n {
            let old = Int(order[new])
            for k in graph.inOffsets[old]..<graph.inOffsets[old + 1] {
                let source = Int(graph.inSources[k])
                sources[cursor] = label[source]
                let out = graph.outWeight[source]
                arcShare[cursor] = out > 0 ? graph.inWeights[k] / out : 0
                cursor += 1
            }
            offsets[new + 1] = cursor
        }
        // Dangling nodes in their original order, so the dangling mass is summed as before.
        let dangling = (0..<n).filter { graph.outWeight[$0] <= 0 }.map { Int(label[$0]) }
        let ranges = max(1, (n + nodesPerRange - 1) / nodesPerRange)
        var changes = [Double](repeating: 0, count: ranges)

        offsets.withUnsafeBufferPointer { offsets in
        sources.withUnsafeBufferPointer { sources in
        arcShare.withUnsafeBufferPointer { weights in
        changes.withUnsafeMutableBufferPointer { changes in
            for _ in 0..<maxIterations {
                let change: Double = rank.withUnsafeBufferPointer { rank in
                    next.withUnsafeMutableBufferPointer { next in
                        var danglingMass = 0.0
                        for v in dangling { danglingMass += rank[v] }
                        let base = (1 - damping) * uniform + damping * danglingMass * uniform
                        let sweep = Sweep(offsets: offsets, sources: sources, weights: weights,
                                          rank: rank, next: next,
                                          changes: changes, nodeCount: n, ranges: ranges,
                                          base: base, damping: damping)
                        if ranges == 1 {
                            sweep.run(0)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: ranges) { sweep.run($0) }
                        }
                        var total = 0.0
                        for r in 0..<ranges { total += changes[r] }
                        return total
                    }
                }
                swap(&rank, &next)
                if change < tolerance { break }
            }
        }}}}
        return (0..<n).map { rank[Int(label[$0])] }
    }

    /// Node indices in breadth-first order over the undirected links, each component started from its
    /// lowest unvisited index.
    static func breadthFirstOrder(_ graph: Graph) -> [Int32] {
        let n = graph.nodeCount
        var seen = [Bool](repeating: false, count: n)
        var order = [Int32]()
        order.reserveCapacity(n)
        for start in 0..<n where !seen[start] {
            seen[start] = true
            var head = order.count
            order.append(Int32(start))
            while head < order.count {
                let v = Int(order[head]); head += 1
                for k in graph.neighborOffsets[v]..<graph.neighborOffsets[v + 1] {
                    let w = Int(graph.neighbors[k])
                    if !seen[w] { seen[w] = true; order.append(Int32(w)) }
                }
            }
        }
        return order
    }
}

/// One iteration's gather over a range of nodes: new value from the in-arcs, and the range's L1 change.
/// Ranges write disjoint parts of `next` and `changes`, so running them in parallel is safe.
private struct Sweep: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let sources: UnsafeBufferPointer<Int32>
    /// Per in-arc: weight / out-weight of the arc's source.
    let weights: UnsafeBufferPointer<Double>
    let rank: UnsafeBufferPointer<Double>
    let next: UnsafeMutableBufferPointer<Double>
    let changes: UnsafeMutableBufferPointer<Double>
    let nodeCount: Int
    let ranges: Int
    let base: Double
    let damping: Double

    func run(_ range: Int) {
        let lower = nodeCount * range / ranges, upper = nodeCount * (range + 1) / ranges
        var change = 0.0
        for v in lower..<upper {
            var sum = 0.0
            for k in offsets[v]..<offsets[v + 1] { sum += rank[Int(sources[k])] * weights[k] }
            let value = base + damping * sum
            change += abs(value - rank[v])
            next[v] = value
        }
        changes[range] = change
    }
}
