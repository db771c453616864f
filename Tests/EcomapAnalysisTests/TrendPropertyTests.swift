import Foundation
import XCTest
import EcomapLoad
import EcomapModel
@testable import EcomapAnalysis

/// Property 7 of scoring model version 2: change over time (docs/scoring.md, docs/diff-and-gaps.md).
final class TrendPropertyTests: XCTestCase {
    private var examples: [(String, Ecosystem)] {
        ScoringPropertyTests.ecosystems.filter { !$0.0.hasPrefix("generated") }
    }

    /// ±3 % noise on every figure of every community, 100 snapshots of each example: with the original
    /// as the previous snapshot, no tier changes.
    func testNoiseOfThreePercentChangesNoTier() {
        XCTAssertEqual(examples.count, 2)
        for (name, eco) in examples {
            let base = Analyzer.analyze(eco, centrality: false, targets: false)
            var rng = SplitMix64(seed: 2026)
            for snapshot in 0..<100 {
                func noisy(_ v: Double) -> Double { v * (1 + 0.06 * (rng.nextUnit() - 0.5)) }
                var e = eco
                e.communities = eco.communities.map { c in
                    var n = c
                    n.members = c.members.map { Int(noisy(Double($0)).rounded()) }
                    n.discussions = c.discussions.map(noisy)
                    n.reactions = c.reactions.map(noisy)
                    n.reach = c.reach.map { Int(noisy(Double($0)).rounded()) }
                    n.actions = c.actions.map(noisy)
                    return n
                }
                let a = Analyzer.analyze(e, previous: base, centrality: false, targets: false)
                for s in a.ranking {
                    XCTAssertEqual(s.tier, base.score(for: s.id)!.tier, "\(name) snapshot \(snapshot) \(s.id)")
                }
            }
        }
    }

    /// A community whose figures did not change has not moved, whatever newcomers entered above it.
    func testPlacesLostToNewcomersAreNotMovesDown() {
        for (name, eco) in examples {
            let old = Analyzer.analyze(eco, centrality: false, targets: false)
            var e = eco
            for i in 0..<3 {
                e.communities.append(Community(id: "newcomer-\(i)", name: "Newcomer \(i)", presence: .online,
                                               members: 90_000, discussions: 2000, reactions: 20_000,
                                               reach: 2_000_000, actions: 600))
            }
            let diff = Differ.diff(old: old, new: Analyzer.analyze(e, previous: old, centrality: false, targets: false))
            XCTAssertEqual(diff.addedCommunities.count, 3)
            XCTAssertTrue(diff.movedDown.isEmpty, "\(name): \(diff.movedDown.map(\.id))")
            XCTAssertTrue(diff.movedUp.isEmpty, "\(name)")
            for c in diff.communities {
                XCTAssertEqual(c.realMove, 0, "\(name) \(c.id)")
                XCTAssertEqual(c.newcomersAbove, 3, "\(name) \(c.id)")
                XCTAssertEqual(c.rankMove, -3, "\(name) \(c.id): the whole ranking shifted")
            }
        }
    }

    /// Activity falling by more than 30 % is deteriorating; a recorded phase that says otherwise is flagged;
    /// every figure's relative change is reported.
    func testFallingActivityIsDeterioratingAndAContradictingPhaseIsFlagged() throws {
        for (name, eco) in examples {
            let old = Analyzer.analyze(eco, centrality: false, targets: false)
            var e = eco
            let i = try XCTUnwrap(eco.communities.firstIndex { $0.discussions != nil && $0.reactions != nil
                && ($0.discussions ?? 0) > 0 })
            e.communities[i].discussions = eco.communities[i].discussions! * 0.33
            e.communities[i].reactions = eco.communities[i].reactions! * 0.33
            e.communities[i].phase = .continuation
            let diff = Differ.diff(old: old, new: Analyzer.analyze(e, previous: old, centrality: false, targets: false))
            let c = try XCTUnwrap(diff.communities.first { $0.id == eco.communities[i].id })
            XCTAssertEqual(c.trend, .deteriorating, name)
            XCTAssertEqual(c.activityChange!, -0.67, accuracy: 1e-9)
            XCTAssertEqual(c.phaseContradiction, "recorded phase continuation contradicts a 67% fall in activity")
            XCTAssertEqual(c.figures.first { $0.name == "activity.discussions" }!.relative!, -0.67, accuracy: 1e-9)
            XCTAssertEqual(c.figures.first { $0.name == "members" }!.relative ?? 0, 0, accuracy: 1e-12)
            XCTAssertEqual(diff.deteriorating.map(\.id), [c.id], name)
            // A 20 % fall is not deterioration.
            var mild = eco
            mild.communities[i].discussions = eco.communities[i].discussions! * 0.8
            mild.communities[i].reactions = eco.communities[i].reactions! * 0.8
            let d2 = Differ.diff(old: old, new: Analyzer.analyze(mild, centrality: false, targets: false))
            XCTAssertEqual(d2.communities.first { $0.id == c.id }!.trend, .steady)
        }
    }

    /// Plausibility warnings (property 6) point at the figure to check.
    func testImplausibleFiguresGiveLocatedWarnings() {
        let at = SourceLocation(file: "f.yaml", line: 7, column: 14)
        let tiny = Community(id: "tiny", presence: .online, members: 10, discussions: 5000, reactions: 900_000,
                             fieldLocations: ["members": at])
        let w = Plausibility.warnings(for: tiny)
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(w.first?.severity, .warning)
        XCTAssertEqual(w.first?.location, at)
        XCTAssertTrue(w.first?.message.contains("905,000 discussions and reactions a month from 10 members") ?? false)
        let eager = Community(id: "eager", presence: .online, members: 5000, discussions: 1, reactions: 20, actions: 1000)
        XCTAssertTrue(Plausibility.warnings(for: eager).contains { $0.message.contains("1,000 actions a month from 1 discussions") })
        let meetup = Community(id: "m", channel: .event, presence: .offline, members: 300, actions: 40)
        XCTAssertTrue(Plausibility.warnings(for: meetup).isEmpty, "an event turns meetings into action")
        let giant = Community(id: "g", presence: .online, members: 10_000_000, discussions: 10, reactions: 50)
        XCTAssertTrue(Plausibility.warnings(for: giant).contains { $0.message.contains("below the plausible") })
        for (name, eco) in examples { XCTAssertTrue(Plausibility.warnings(eco).isEmpty, name) }
    }
}
