import XCTest
import EcomapModel
@testable import EcomapAnalysis

final class GraphMetricsTests: XCTestCase {
    private var karate: Graph {
        Graph(nodeCount: 34, edges: Reference.karateEdges.map { ($0.0, $0.1, 1.0, false) })
    }
    private var mixed: Graph { Graph(nodeCount: Reference.mixedNodeCount, edges: Reference.mixedEdges) }

    private func assertClose(_ got: [Double], _ want: [Double], accuracy: Double = 1e-9,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (i, (g, w)) in zip(got, want).enumerated() {
            XCTAssertEqual(g, w, accuracy: accuracy, "node \(i)", file: file, line: line)
        }
    }

    func testKaratePageRankMatchesNetworkx() {
        assertClose(PageRank.compute(karate), Reference.karatePageRank)
    }

    func testKarateBetweennessMatchesNetworkx() {
        assertClose(Betweenness.compute(karate), Reference.karateBetweenness)
    }

    func testWeightedDirectedWithDanglingAndIsolatedNodesMatchesNetworkx() {
        let pr = PageRank.compute(mixed)
        assertClose(pr, Reference.mixedPageRank)
        XCTAssertEqual(pr.reduce(0, +), 1, accuracy: 1e-12)
        assertClose(Betweenness.compute(mixed), Reference.mixedBetweenness)
    }

    func testDegreeAndWeightedDegreeCountEveryLinkOnce() {
        let g = mixed
        XCTAssertEqual(g.degree, [2, 3, 3, 3, 1, 2, 0, 0])
        XCTAssertEqual(g.weightedDegree[2], 1.0 + 0.25 + 0.6, accuracy: 1e-12)
        XCTAssertEqual(g.weightedDegree[6], 0)
        XCTAssertEqual(g.outWeight[4], 0, "node 4 has only an incoming arc")
    }

    func testGraphFromEcosystemHasEveryNodeKindAndConstantTimeLookup() {
        let eco = Ecosystem(
            title: "t", topics: [Topic(id: "topic")],
            communities: [Community(id: "c1"), Community(id: "c2")],
            influencers: [Influencer(id: "i1")], stakeholders: [Stakeholder(id: "s1")],
            links: [Link(from: "i1", to: "c1", weight: 0.5), Link(from: "s1", to: "c1", directed: true)])
        let g = Graph(eco)
        XCTAssertEqual(g.ids, ["c1", "c2", "i1", "s1"])
        XCTAssertEqual(g.kinds, [.community, .community, .influencer, .stakeholder])
        XCTAssertEqual(g.index(of: "i1"), 2)
        XCTAssertNil(g.index(of: "topic"), "topics are attributes, not nodes")
        XCTAssertEqual(g.degree, [2, 0, 1, 1])
        XCTAssertEqual(g.weightedDegree[0], 1.5, accuracy: 1e-12)
        XCTAssertEqual(g.outWeight[0], 0.5, accuracy: 1e-12, "directed s1 -> c1 gives c1 no out-arc")
    }

    func testTinyAndEmptyGraphs() {
        XCTAssertEqual(PageRank.compute(Graph(nodeCount: 0, edges: [])), [])
        XCTAssertEqual(Betweenness.compute(Graph(nodeCount: 2, edges: [(0, 1, 1, false)])), [0, 0])
        assertClose(PageRank.compute(Graph(nodeCount: 3, edges: [])), [1.0 / 3, 1.0 / 3, 1.0 / 3])
        // A path a - b - c: b lies on the only a..c path; normalised by (n-1)(n-2) = 2, counted both ways.
        XCTAssertEqual(Betweenness.compute(Graph(nodeCount: 3, edges: [(0, 1, 1, false), (1, 2, 1, true)])),
                       [0, 1, 0])
    }

    func testSampledBetweennessIsSeededAndScaled() {
        let g = karate
        let a = Betweenness.compute(g, exactLimit: 10, sampleSize: 17, seed: 7)
        let b = Betweenness.compute(g, exactLimit: 10, sampleSize: 17, seed: 7)
        let c = Betweenness.compute(g, exactLimit: 10, sampleSize: 17, seed: 8)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        // Sampling every node is the exact value.
        assertClose(Betweenness.compute(g, exactLimit: 10, sampleSize: 34), Reference.karateBetweenness)
        // The hub stays the most between node under sampling.
        XCTAssertEqual(a.indices.max { a[$0] < a[$1] }, 0)
    }

    func testSplitMixSampleIsDistinctAndSorted() {
        var rng = SplitMix64(seed: 1)
        let s = rng.sample(count: 50, from: 60)
        XCTAssertEqual(s.count, 50)
        XCTAssertEqual(Set(s).count, 50)
        XCTAssertEqual(s, s.sorted())
        XCTAssertTrue(s.allSatisfy { (0..<60).contains($0) })
    }
}

extension GraphMetricsTests {
    func testMetricsFollowTheNodesWhenTheyAreRenumbered() {
        // Reverse the numbering of the karate club: every metric must move with its node.
        let reversed = Graph(nodeCount: 34, edges: Reference.karateEdges.map { (33 - $0.0, 33 - $0.1, 1.0, false) })
        let bc = Betweenness.compute(reversed), pr = PageRank.compute(reversed)
        for i in 0..<34 {
            XCTAssertEqual(bc[33 - i], Reference.karateBetweenness[i], accuracy: 1e-9)
            XCTAssertEqual(pr[33 - i], Reference.karatePageRank[i], accuracy: 1e-9)
        }
    }
}
