import XCTest
import EcomapModel
@testable import EcomapAnalysis

final class GapsTests: XCTestCase {
    private func strong(_ id: String, topics: [String] = [], goals: [Goal] = [], phase: Phase? = nil) -> Community {
        Community(id: id, topics: topics, members: 1_000_000, discussions: 5000, reactions: 100_000,
                  reach: 5_000_000, actions: 3000, phase: phase, goals: goals)
    }

    private func weak(_ id: String, topics: [String] = [], goals: [Goal] = []) -> Community {
        Community(id: id, topics: topics, members: 10, discussions: 1, reactions: 1, reach: 10, actions: 0, goals: goals)
    }

    private func gaps(_ e: Ecosystem) -> GapReport {
        let report = Gaps.find(Analyzer.analyze(e))
        return report
    }

    func testTheFixturesHaveTheTiersTheTestsAssume() {
        let a = Analyzer.analyze(Ecosystem(title: "T", communities: [strong("s"), weak("w")]))
        XCTAssertEqual(a.score(for: "s")?.tier, .focus)
        XCTAssertEqual(a.score(for: "w")?.tier, .monitor)
    }

    func testTopicsUncoveredAndCoveredOnlyByWeakCommunities() {
        let e = Ecosystem(
            title: "T", topics: [Topic(id: "none", name: "Nobody"), Topic(id: "thin"), Topic(id: "dying"), Topic(id: "fine")],
            communities: [weak("w1", topics: ["thin"]), weak("w2", topics: ["thin"]),
                          strong("d", topics: ["dying"], phase: .deterioration), strong("s", topics: ["fine", "thin"])
                              .with { $0.id = "s" }])
        var e2 = e
        e2.communities[3].topics = ["fine"]   // now "thin" has only weak coverage
        let r = gaps(e2)
        XCTAssertEqual(r.findings(.uncoveredTopic).map(\.subject?.id), ["none"])
        XCTAssertEqual(r.findings(.uncoveredTopic).first?.severity, .high)
        XCTAssertEqual(r.findings(.weakTopic).map(\.subject?.id), ["thin", "dying"])
        XCTAssertEqual(r.findings(.weakTopic).first?.related.sorted(), ["w1", "w2"])
        XCTAssertTrue(r.findings(.weakTopic)[1].detail.contains("deterioration phase"))
        // One strong community is enough coverage.
        XCTAssertEqual(gaps(e).findings(.weakTopic).map(\.subject?.id), ["dying"])
        XCTAssertTrue(r.findings.allSatisfy { !$0.suggestion.isEmpty && !$0.suggestion.contains("\n") })
    }

    func testGoalsNoStrongCommunityServes() {
        let e = Ecosystem(title: "T", communities: [
            strong("a", goals: [.support, .content]), weak("b", goals: [.engagement]),
        ])
        let r = gaps(e)
        XCTAssertEqual(r.findings(.uncoveredGoal).map(\.subject?.id), ["product-innovation", "acquisition", "engagement"])
        XCTAssertEqual(r.findings(.uncoveredGoal).last?.related, ["b"])
    }

    func testNoFocusNodeIsReportedAndABrandStakeholderIsTheDefault() {
        XCTAssertEqual(gaps(Ecosystem(title: "T", communities: [strong("a")])).findings(.noFocusNode).count, 1)
        let e = Ecosystem(title: "T", communities: [strong("a")],
                          stakeholders: [Stakeholder(id: "rival", role: .competitor), Stakeholder(id: "me", role: .brand)])
        let r = gaps(e)
        XCTAssertEqual(r.focus?.id, "me")
        XCTAssertTrue(r.findings(.noFocusNode).isEmpty)
        XCTAssertEqual(r.findings(.noRouteToFocus).map(\.subject?.id), ["a"])
    }

    /// brand — direct;  brand — hub — single;  brand — x — multi, brand — y — multi;  lone (no route).
    func testTiesOfFocusCommunitiesToTheBrand() {
        let e = Ecosystem(
            title: "T", focus: "brand",
            communities: [strong("direct"), strong("single"), strong("multi"), strong("lone"), weak("hub"),
                          weak("x"), weak("y"), weak("weakly-tied")],
            stakeholders: [Stakeholder(id: "brand", name: "Brand", role: .brand)],
            links: [Link(from: "brand", to: "direct"), Link(from: "brand", to: "hub"), Link(from: "hub", to: "single"),
                    Link(from: "brand", to: "x"), Link(from: "x", to: "multi"), Link(from: "brand", to: "y"),
                    Link(from: "y", to: "multi", directed: true), Link(from: "hub", to: "weakly-tied")])
        let r = gaps(e)
        XCTAssertEqual(r.findings(.noRouteToFocus).map(\.subject?.id), ["lone"])
        let single = r.findings(.singleBridgeToFocus)
        XCTAssertEqual(single.map(\.subject?.id), ["single"])
        XCTAssertEqual(single.first?.related, ["hub"])
        XCTAssertTrue(single.first!.detail.contains("only through hub"), single.first!.detail)
        XCTAssertEqual(r.findings(.noDirectLink).map(\.subject?.id), ["multi"])
        XCTAssertEqual(r.findings(.noDirectLink).first?.severity, .low)
        // Weak communities are not checked; the directly linked one is fine.
        XCTAssertFalse(r.findings.contains { $0.subject?.id == "direct" || $0.subject?.id == "weakly-tied" })
    }

    func testSeveralBridgesInARowAreAllNamed() {
        let e = Ecosystem(title: "T", focus: "brand", communities: [strong("far"), weak("m1"), weak("m2")],
                          stakeholders: [Stakeholder(id: "brand")],
                          links: [Link(from: "brand", to: "m1"), Link(from: "m1", to: "m2"), Link(from: "m2", to: "far")])
        XCTAssertEqual(gaps(e).findings(.singleBridgeToFocus).first?.related, ["m2", "m1"])
    }

    func testInfluencersWithoutARouteIntoAFocusCommunity() {
        let e = Ecosystem(
            title: "T", topics: [Topic(id: "t")],
            communities: [strong("top", topics: ["t"]), strong("near"), weak("w1"), weak("w2")],
            influencers: [Influencer(id: "direct"), Influencer(id: "two-hops"), Influencer(id: "three-hops", topics: ["t"]),
                          Influencer(id: "via-org"), Influencer(id: "alone", followers: 12000)],
            stakeholders: [Stakeholder(id: "org")],
            links: [Link(from: "direct", to: "top"), Link(from: "two-hops", to: "w1"), Link(from: "w1", to: "near"),
                    Link(from: "three-hops", to: "w2"), Link(from: "w2", to: "w1"),
                    Link(from: "via-org", to: "org"), Link(from: "org", to: "near")])
        let r = gaps(e)
        let found = r.findings(.influencerWithoutRoute)
        XCTAssertEqual(found.map(\.subject?.id), ["alone", "three-hops", "via-org"], "isolated first (medium)")
        XCTAssertEqual(found.map(\.severity), [.medium, .low, .low])
        XCTAssertTrue(found[0].detail.contains("(12,000 followers) has no links at all"), found[0].detail)
        XCTAssertEqual(found[1].related, ["top"], "shares topic t")
        XCTAssertEqual(found[2].related, ["near"], "nearest focus community")
    }

    func testBridgeCommunitiesAreCutVerticesOrHighBetweenness() {
        // A path a - b - c - d plus a triangle c - e - f - c: b and c are cut vertices.
        let e = Ecosystem(title: "T", communities: ["a", "b", "c", "d", "e", "f"].map { weak($0) },
                          links: [Link(from: "a", to: "b"), Link(from: "b", to: "c"), Link(from: "c", to: "d"),
                                  Link(from: "c", to: "e"), Link(from: "e", to: "f"), Link(from: "f", to: "c")])
        let r = gaps(e)
        let bridges = r.findings(.bridgeCommunity)
        XCTAssertEqual(Set(bridges.map { $0.subject!.id }), ["b", "c"])
        let c = bridges.first { $0.subject?.id == "c" }!
        XCTAssertEqual(c.severity, .medium)
        // Without c the parts are {a, b}, {d}, {e, f}: the largest (ties: lowest index) {a, b} is the rest of the map.
        XCTAssertEqual(c.related, ["d", "e", "f"])
    }

    func testCutVerticesAgreeWithBruteForceOnRandomGraphs() {
        var rng = SplitMix64(seed: 42)
        for trial in 0..<60 {
            let n = 2 + Int(rng.next() % 14)
            var edges: [(Int, Int, Double, Bool)] = []
            for _ in 0..<Int(rng.next() % UInt64(2 * n)) {
                edges.append((Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), 1, false))
            }
            let g = Graph(nodeCount: n, edges: edges)
            let cut = CutVertices(g)
            func components(removing r: Int?) -> [[Int]] {
                var seen = Set<Int>(), out: [[Int]] = []
                for s in 0..<n where s != r && !seen.contains(s) {
                    var comp = [s], todo = [s]; seen.insert(s)
                    while let u = todo.popLast() {
                        for k in g.neighborOffsets[u]..<g.neighborOffsets[u + 1] {
                            let w = Int(g.neighbors[k])
                            if w != r && seen.insert(w).inserted { comp.append(w); todo.append(w) }
                        }
                    }
                    out.append(comp.sorted())
                }
                return out
            }
            let before = components(removing: nil).count
            for v in 0..<n {
                let after = components(removing: v)
                let isolated = g.neighborOffsets[v] == g.neighborOffsets[v + 1]
                let expectedCut = after.count > before - (isolated ? 1 : 0)
                XCTAssertEqual(cut.isCutVertex(v), expectedCut, "trial \(trial) node \(v)")
                if expectedCut {
                    // The parts of v's own component, without the largest.
                    let neighbours = Set(g.neighbors[g.neighborOffsets[v]..<g.neighborOffsets[v + 1]].map { Int($0) })
                    var parts = after.filter { !neighbours.isDisjoint(with: $0) }
                    let largest = parts.indices.max { a, b in
                        parts[a].count != parts[b].count ? parts[a].count < parts[b].count : parts[a][0] > parts[b][0]
                    }!
                    parts.remove(at: largest)
                    XCTAssertEqual(Set(cut.cutOff(by: v).map { $0 }), Set(parts), "trial \(trial) node \(v)")
                }
            }
        }
    }

    func testFindingsAreInKindThenSeverityOrder() {
        let e = Ecosystem(title: "T", topics: [Topic(id: "t")], communities: [weak("a"), weak("b")],
                          influencers: [Influencer(id: "i")], links: [Link(from: "a", to: "b")])
        let kinds = gaps(e).findings.map(\.kind)
        let order = kinds.map { GapFinding.Kind.allCases.firstIndex(of: $0)! }
        XCTAssertEqual(order, order.sorted())
    }
}

private extension Community {
    func with(_ change: (inout Community) -> Void) -> Community {
        var c = self
        change(&c)
        return c
    }
}
