@testable import EcomapAnalysis
import EcomapLoad
import EcomapModel
import Foundation
import XCTest

final class CentralitySkipTests: XCTestCase {
    /// Skipping PageRank and betweenness (as the map does) changes nothing else.
    func testScoresAndDegreesDoNotDependOnCentrality() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let e = try XCTUnwrap(EcosystemLoader.load(path: root.appendingPathComponent("examples/alpha-moms.yaml").path)
            .ecosystem)
        let full = Analyzer.analyze(e)
        let lean = Analyzer.analyze(e, centrality: false)
        XCTAssertEqual(full.ranking, lean.ranking)
        XCTAssertEqual(full.nodes.map { $0.degree }, lean.nodes.map { $0.degree })
        XCTAssertEqual(full.nodes.map { $0.weightedDegree }, lean.nodes.map { $0.weightedDegree })
        XCTAssertTrue(lean.nodes.allSatisfy { $0.pagerank == 0 && $0.betweenness == 0 })
        XCTAssertTrue(full.nodes.contains { $0.betweenness > 0 })
    }
}

/// `advice: false` (the slide view) and the analysis' own node bookkeeping.
final class AdviceSkipTests: XCTestCase {
    private func example(_ name: String) throws -> Ecosystem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try XCTUnwrap(EcosystemLoader.load(path: root.appendingPathComponent("examples/\(name)").path).ecosystem)
    }

    /// Skipping the advice leaves scores, tiers and the ranking as they are; `advised` gives back exactly
    /// what the full analysis has, for the ids asked and no others.
    func testAdviceSkippedThenAdvisedEqualsTheFullAnalysis() throws {
        for name in ["alpha-moms.yaml", "fietsvrienden.yaml", "alpha-moms-2027q1.yaml"] {
            let e = try example(name)
            for targets in [true, false] {
                let full = Analyzer.analyze(e, centrality: false, targets: targets)
                let lean = Analyzer.analyze(e, centrality: false, targets: targets, advice: false)
                XCTAssertEqual(full.ranking.map(\.id), lean.ranking.map(\.id), name)
                XCTAssertEqual(full.ranking.map(\.score), lean.ranking.map(\.score), name)
                XCTAssertEqual(full.ranking.map(\.tier), lean.ranking.map(\.tier), name)
                XCTAssertEqual(full.ranking.map(\.rank), Array(1...full.ranking.count), name)
                XCTAssertTrue(lean.ranking.allSatisfy { $0.explanation.isEmpty && $0.reasons.isEmpty }, name)
                let asked = full.ranking.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id) + ["no-such-id"]
                let advised = Analyzer.advised(lean, ids: asked, targets: targets)
                XCTAssertEqual(Set(advised.keys), Set(asked.dropLast()), name)
                for id in asked.dropLast() { XCTAssertEqual(advised[id], full.score(for: id), "\(name): \(id)") }
                // On a full analysis it changes nothing.
                for (id, score) in Analyzer.advised(full, ids: asked, targets: targets) {
                    XCTAssertEqual(score, full.score(for: id), "\(name): \(id)")
                }
            }
        }
    }

    /// The ranking is in score, name, id order and the same with or without a previous snapshot's tiers
    /// moving nothing; ties are broken by name, then id.
    func testRankingOrderAndTies() {
        let same = (0..<40).map { Community(id: "c\(39 - $0)", name: $0 % 2 == 0 ? "Same" : "Other \($0 % 5)", members: 500) }
        let a = Analyzer.analyze(Ecosystem(title: "t", communities: same))
        for (x, y) in zip(a.ranking, a.ranking.dropFirst()) {
            XCTAssertTrue(RankOrder.precedes((x.score, x.name, x.id), (y.score, y.name, y.id)), "\(x.id) before \(y.id)")
        }
        for s in a.ranking { XCTAssertEqual(a.score(for: s.id)?.rank, s.rank) }
    }

    /// Node positions from the analysis' bookkeeping agree with looking the ids up, also after the
    /// ranking or the ecosystem is changed by a caller.
    func testNodePositionsAgreeWithTheIds() throws {
        var a = Analyzer.analyze(try example("alpha-moms.yaml"), centrality: false, advice: false)
        func check(_ label: String) {
            for k in a.ranking.indices {
                XCTAssertEqual(a.nodePosition(ofRanked: k), a.nodePosition(of: a.ranking[k].id), "\(label): rank \(k)")
            }
            for k in a.ecosystem.links.indices {
                let link = a.ecosystem.links[k]
                let expected = a.nodePosition(of: link.from).flatMap { f in a.nodePosition(of: link.to).flatMap { t in f == t ? nil : (f, t) } }
                let got = a.nodePositions(ofLink: k)
                XCTAssertEqual(got?.from, expected?.0, "\(label): link \(k)")
                XCTAssertEqual(got?.to, expected?.1, "\(label): link \(k)")
            }
            XCTAssertNil(a.nodePosition(ofRanked: -1))
            XCTAssertNil(a.nodePosition(ofRanked: a.ranking.count))
            XCTAssertNil(a.nodePositions(ofLink: a.ecosystem.links.count))
            for s in a.ranking { XCTAssertEqual(a.score(for: s.id)?.id, s.id, label) }
        }
        XCTAssertFalse(a.ecosystem.links.isEmpty)
        check("as made")
        a.ranking.reverse()
        a.ecosystem.links.reverse()
        a.ecosystem.links[0].to = a.ecosystem.links[0].from
        check("changed")
        XCTAssertNil(a.nodePositions(ofLink: 0))
    }
}
