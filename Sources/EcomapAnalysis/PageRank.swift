/// Weighted PageRank with uniform teleport and uniform redistribution of dangling mass.
///
/// The same definition as networkx's `pagerank(G, alpha=0.85, weight="weight")` on the directed graph
/// in which an undirected link is an arc each way: each node passes its rank to its out-neighbours in
/// proportion to the arc weights; the rank of nodes without out-arcs is spread over all nodes.
/// It iterates until the L1 change is below `tolerance` (much tighter than networkx's default `n * 1e-6`,
/// so the result agrees with the exact fixed point to well within 1e-6 per node).
public enum PageRank {
    /// PageRank per node index; sums to 1 (empty for an empty graph).
    public static func compute(_ graph: Graph, damping: Double = 0.85, tolerance: Double = 1e-11,
                               maxIterations: Int = 10_000) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let uniform = 1.0 / Double(n)
        var rank = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)
        let inverseOut = graph.outWeight.map { $0 > 0 ? 1 / $0 : 0 }
        let dangling = (0..<n).filter { graph.outWeight[$0] <= 0 }

        graph.inOffsets.withUnsafeBufferPointer { offsets in
        graph.inSources.withUnsafeBufferPointer { sources in
        graph.inWeights.withUnsafeBufferPointer { weights in
            for _ in 0..<maxIterations {
                var danglingMass = 0.0
                for v in dangling { danglingMass += rank[v] }
                let base = (1 - damping) * uniform + damping * danglingMass * uniform
                for v in 0..<n { share[v] = rank[v] * inverseOut[v] }
                var change = 0.0
                share.withUnsafeBufferPointer { share in
                    for v in 0..<n {
                        var sum = 0.0
                        for k in offsets[v]..<offsets[v + 1] { sum += share[Int(sources[k])] * weights[k] }
                        let value = base + damping * sum
                        change += abs(value - rank[v])
                        next[v] = value
                    }
                }
                swap(&rank, &next)
                if change < tolerance { break }
            }
        }}}
        return rank
    }
}
