import XCTest
import EcomapModel
@testable import EcomapAnalysis

final class DiffTests: XCTestCase {
    private func eco(_ date: CalendarDate?, communities: [Community], influencers: [Influencer] = [],
                     stakeholders: [Stakeholder] = [], links: [Link] = []) -> Ecosystem {
        Ecosystem(title: "T", asOf: date, communities: communities, influencers: influencers,
                  stakeholders: stakeholders, links: links)
    }

    private let nov = CalendarDate(year: 2026, month: 11, day: 1)
    private let feb = CalendarDate(year: 2027, month: 2, day: 1)

    private var base: Ecosystem {
        eco(nov, communities: [
            Community(id: "big", name: "Big", members: 50_000, discussions: 300, reactions: 5000, reach: 100_000,
                      actions: 80, phase: .continuation),
            Community(id: "mid", name: "Mid", members: 5_000, discussions: 40, reactions: 400, reach: 10_000,
                      actions: 8, sentiment: .negative, phase: .buildUp),
            Community(id: "gone", name: "Gone", members: 800, discussions: 2, reactions: 10, reach: 1000, actions: 0,
                      phase: .deterioration),
        ], influencers: [Influencer(id: "ann", followers: 10_000)],
           stakeholders: [Stakeholder(id: "brand", role: .brand)],
           links: [Link(from: "ann", to: "big", weight: 0.5), Link(from: "brand", to: "mid", weight: 0.2, kind: "pitched"),
                   Link(from: "big", to: "gone", weight: 0.3), Link(from: "brand", to: "ann", weight: 0.4, directed: true)])
    }

    func testIdenticalSnapshotsHaveNoChanges() {
        let a = Analyzer.analyze(base)
        let d = Differ.diff(old: a, new: a)
        XCTAssertTrue(d.isEmpty)
        XCTAssertEqual(d.communities.map(\.rankMove), [0, 0, 0])
        XCTAssertEqual(d.notes, ["both snapshots are as of 2026-11-01"])
    }

    func testAddedRemovedMovedPhaseAndDimensions() throws {
        var later = base
        later.asOf = feb
        later.communities.removeAll { $0.id == "gone" }
        later.communities[1].members = 200_000       // mid overtakes big
        later.communities[1].discussions = 900
        later.communities[1].reactions = 20_000
        later.communities[1].actions = 400
        later.communities[1].phase = .continuation
        later.communities[1].sentiment = .neutral
        later.communities[1].name = "Mid (renamed)"
        later.communities.append(Community(id: "new", name: "New", members: 100))
        later.links = [Link(from: "big", to: "ann", weight: 0.9),                 // same pair, reversed, reweighted
                       Link(from: "brand", to: "mid", weight: 0.2, kind: "answers"), // kind changed only
                       Link(from: "ann", to: "brand", weight: 0.4, directed: true),  // reversed direction: new link
                       Link(from: "new", to: "mid", weight: 0.5)]
        later.influencers.append(Influencer(id: "bo"))
        later.stakeholders = []
        let d = Differ.diff(old: Analyzer.analyze(base), new: Analyzer.analyze(later))

        XCTAssertFalse(d.isEmpty)
        XCTAssertEqual(d.addedCommunities.map(\.id), ["new"])
        XCTAssertEqual(d.removedCommunities.map(\.id), ["gone"])
        XCTAssertEqual(d.removedCommunities.first?.phase, .deterioration)
        XCTAssertEqual(d.communities.map(\.id), ["mid", "big"], "new rank order")
        let mid = try XCTUnwrap(d.communities.first { $0.id == "mid" })
        XCTAssertEqual(mid.oldRank, 2)
        XCTAssertEqual(mid.newRank, 1)
        XCTAssertEqual(mid.rankMove, 1)
        XCTAssertEqual(mid.oldName, "Mid")
        XCTAssertGreaterThan(mid.scoreDelta, 0)
        XCTAssertGreaterThan(try XCTUnwrap(mid.dimension(.size).delta), 0)
        XCTAssertEqual(mid.oldPhase, .buildUp)
        XCTAssertEqual(mid.newPhase, .continuation)
        XCTAssertTrue(mid.sentimentChanged)
        XCTAssertEqual(d.phaseChanges.map(\.id), ["mid"])
        XCTAssertEqual(d.movedUp.map(\.id), ["mid"])
        XCTAssertEqual(d.movedDown.map(\.id), ["big"])

        XCTAssertEqual(d.addedLinks.map { "\($0.from)>\($0.to)" }, ["ann>brand", "new>mid"])
        XCTAssertEqual(d.removedLinks.map { "\($0.from)>\($0.to)" }, ["big>gone", "brand>ann"])
        XCTAssertEqual(d.reweightedLinks.count, 2)
        XCTAssertEqual(d.reweightedLinks[0].oldWeight, 0.5)
        XCTAssertEqual(d.reweightedLinks[0].newWeight, 0.9)
        XCTAssertEqual(d.reweightedLinks[0].weightDelta, 0.4, accuracy: 1e-12)
        XCTAssertEqual(d.reweightedLinks[1].oldKind, "pitched")
        XCTAssertEqual(d.reweightedLinks[1].newKind, "answers")
        XCTAssertEqual(d.addedNodes.map(\.id), ["bo"])
        XCTAssertEqual(d.removedNodes.map(\.id), ["brand"])
        XCTAssertEqual(d.notes, [])
    }

    func testUnknownDimensionHasNoDelta() {
        var later = base
        later.asOf = feb
        later.communities[0].reach = nil
        later.communities[0].members = nil
        let d = Differ.diff(old: Analyzer.analyze(base), new: Analyzer.analyze(later))
        let big = d.communities.first { $0.id == "big" }!
        XCTAssertNotNil(big.dimension(.size).old)
        XCTAssertNil(big.dimension(.size).new)
        XCTAssertNil(big.dimension(.size).delta)
    }

    func testNotesWarnAboutReversedDatesAndDifferentWeights() {
        var later = base
        later.asOf = feb
        let d = Differ.diff(old: Analyzer.analyze(later), new: Analyzer.analyze(base, weights: ScoringWeights(size: 3)))
        XCTAssertEqual(d.notes, [
            "NEW (as of 2026-11-01) is older than OLD (as of 2027-02-01); the changes read backwards",
            "the snapshots were scored with different weights; score changes mix both effects",
        ])
        var undated = base
        undated.asOf = nil
        XCTAssertEqual(Differ.diff(old: Analyzer.analyze(undated), new: Analyzer.analyze(base)).notes,
                       ["as_of is missing in OLD; the order of the snapshots is not checked"])
    }
}
