import XCTest
import EcomapModel
@testable import EcomapAnalysis

/// Unit tests of the scales, the composite and the ranking of scoring model version 2.
final class ScoringTests: XCTestCase {
    func testLogarithmicScalesAreAbsoluteAndClamped() {
        XCTAssertEqual(Scales.size(countedMembers: 0), 0)
        XCTAssertEqual(Scales.size(countedMembers: 1e7), 100, accuracy: 1e-9)
        XCTAssertEqual(Scales.size(countedMembers: 12_000), 100 * log10(12_001) / log10(10_000_001), accuracy: 1e-9)
        XCTAssertEqual(Scales.size(countedMembers: 1e15), 100, "clamped above the ceiling")
        // Reactions weigh a quarter of a discussion; the activity scale has a knee of 5 interactions.
        XCTAssertEqual(Scales.activity(discussions: 120, reactions: 2400),
                       100 * log10(1 + 720 / 5.0) / log10(1 + 1e5 / 5), accuracy: 1e-9)
        XCTAssertEqual(Scales.activity(discussions: 8, reactions: 4300), Scales.activity(discussions: 1083, reactions: 0),
                       accuracy: 1e-9)
        XCTAssertEqual(Scales.reach(ownReach: .infinity, borrowedShare: 1), 100)
        XCTAssertEqual(Scales.reach(ownReach: .nan, borrowedShare: .nan), 0)
        XCTAssertEqual(Scales.logarithmic(-5, ceiling: 10), 0)
    }

    func testSilentMembersDoNotCount() {
        XCTAssertEqual(Scales.countedMembers(members: 800, backing: 0), 800, "the first 1,000 always count")
        XCTAssertEqual(Scales.countedMembers(members: 10_000_000, backing: 22.5 + 0), 2_250)
        XCTAssertEqual(Scales.countedMembers(members: 20_000, backing: 1_000), 20_000)
    }

    func testActionNeedsDiscussionsOrMembersAndIsNeverFreeConversion() {
        // 30 actions per 120 discussions: ratio 30 / 124.
        let r = 30.0 / 124
        let expected = 0.6 * 100 * r / (r + 0.25) + 0.4 * 100 * log10(31) / log10(10_001)
        XCTAssertEqual(Scales.action(actions: 30, discussions: 120), expected, accuracy: 1e-9)
        XCTAssertEqual(Scales.action(actions: 0, discussions: 0), 0)
        XCTAssertLessThan(Scales.action(actions: 0.01, discussions: 0), 2, "no discussions is not full conversion")
        XCTAssertLessThan(Scales.action(actions: 0.01, discussions: 0), Scales.action(actions: 50, discussions: 100))
        XCTAssertLessThanOrEqual(Scales.action(actions: 1e12, discussions: 1), 100)
        // Offline: per member, fewer members for the same actions is the higher conversion.
        XCTAssertGreaterThan(Scales.actionPerMember(actions: 12, countedMembers: 500),
                             Scales.actionPerMember(actions: 12, countedMembers: 5_000))
        XCTAssertEqual(Scales.actionPerMember(actions: 0, countedMembers: 500), 0)
    }

    func testOfflineCommunityIsScoredPerMember() {
        let event = Community(id: "e", channel: .event, presence: .offline, members: 900, reach: 75_000, actions: 12.5)
        let s = Analyzer.score(event, networkAudience: 0, weights: .equal)
        XCTAssertEqual(s.actionBasis, .perMember)
        XCTAssertEqual(s.dimensions.action!, Scales.actionPerMember(actions: 12.5, countedMembers: 900), accuracy: 1e-9)
        let online = Community(id: "o", presence: .online, members: 900, reach: 75_000, actions: 12.5)
        XCTAssertEqual(Analyzer.score(online, networkAudience: 0, weights: .equal).actionBasis, .perDiscussion)
        XCTAssertNil(Analyzer.score(online, networkAudience: 0, weights: .equal).dimensions.action,
                     "an online community's action needs its discussions")
    }

    func testMissingFigureGivesARangeAndTheConservativeEndRanks() {
        let c = Community(id: "c", members: 1000, discussions: 10, reactions: nil, reach: 500, actions: 2)
        let s = Analyzer.score(c, networkAudience: 0, weights: .equal)
        XCTAssertNotNil(s.dimensions.size)
        XCTAssertNil(s.dimensions.activity, "reactions unknown -> activity is a range")
        XCTAssertEqual(s.pessimisticDimensions.activity!, Scales.activity(discussions: 10, reactions: 0), accuracy: 1e-9)
        XCTAssertEqual(s.optimisticDimensions.activity!, 100)
        XCTAssertEqual(s.missing, ["activity.reactions"])
        XCTAssertEqual(s.confidence, 0.75, accuracy: 1e-12)
        XCTAssertEqual(s.score, s.pessimistic)
        XCTAssertLessThan(s.pessimistic, s.optimistic)
        let lo = s.pessimisticDimensions
        let sum: Double = [lo.size!, lo.activity!, lo.reach!, lo.action!].reduce(0, +)
        XCTAssertEqual(s.score, sum / 4, accuracy: 1e-9)
        XCTAssertNil(s.socialDensity)
    }

    func testCompositeWeighsPessimisticAndOptimisticEnds() {
        let lo = DimensionScores(size: 80, activity: 40, reach: 0, action: 10)
        let hi = DimensionScores(size: 80, activity: 40, reach: 85, action: 10)
        let w = ScoringWeights(size: 2, activity: 1, reach: 5, action: 1)
        let c = Composite(pessimistic: lo, optimistic: hi, weights: w)
        let low: Double = 2 * 80 + 40 + 10
        XCTAssertEqual(c.score, low / 9, accuracy: 1e-12)
        let high: Double = 2 * 80 + 40 + 5 * 85 + 10
        XCTAssertEqual(c.optimistic, high / 9, accuracy: 1e-12)
        XCTAssertEqual(c.confidence, 4.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(c.contributions.size!, 160 / 9.0, accuracy: 1e-12)
        let none = Composite(DimensionScores(), weights: .equal)
        XCTAssertEqual(none.score, 0)
        XCTAssertEqual(none.optimistic, 100)
        XCTAssertEqual(none.confidence, 0)
    }

    func testReachIsAudienceBeyondMembersPlusCappedBorrowedPart() {
        let eco = Ecosystem(
            title: "t",
            communities: [Community(id: "a", members: 1000, reach: 9000), Community(id: "b", members: 50, reach: 50)],
            influencers: [Influencer(id: "jill", followers: 80_000)],
            links: [Link(from: "jill", to: "a", weight: 0.5), Link(from: "a", to: "b", weight: 1, directed: true)])
        let analysis = Analyzer.analyze(eco)
        let a = analysis.score(for: "a")!
        XCTAssertEqual(a.networkAudience, 0.5 * 80_000 + 100, accuracy: 1e-9)
        let lentJill = 0.5 * Scales.logarithmic(80_000, ceiling: 1e8) / 100
        let lentB = 1 * Scales.logarithmic(100, ceiling: 1e8) / 100
        let share = 1 - (1 - lentJill) * (1 - lentB)
        XCTAssertEqual(a.pessimisticDimensions.reach!,
                       0.85 * Scales.logarithmic(9000, ceiling: 1e8) + 15 * share, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(a.borrowedReach, 15)
        // Members are size, not reach: a community with no reach figure has only the borrowed part.
        let giant = Analyzer.score(Community(id: "g", members: 10_000_000, reach: 0), networkAudience: 0, weights: .equal)
        XCTAssertEqual(giant.dimensions.reach!, 0)
    }

    func testSocialDensityIsWeightedInteractionsPerMember() {
        let c = Community(id: "c", members: 200, discussions: 10, reactions: 90)
        XCTAssertEqual(Analyzer.score(c, networkAudience: 0, weights: .equal).socialDensity!, (10 + 22.5) / 200,
                       accuracy: 1e-12)
        let empty = Community(id: "e", members: 0, discussions: 10, reactions: 90)
        XCTAssertNil(Analyzer.score(empty, networkAudience: 0, weights: .equal).socialDensity)
        XCTAssertEqual(DensityBand(density: 0.01), .low)
        XCTAssertEqual(DensityBand(density: 0.2), .healthy)
        XCTAssertEqual(DensityBand(density: 3), .high)
    }

    func testTiesBreakByNameThenId() {
        let eco = Ecosystem(title: "t", communities: [
            Community(id: "z", name: "Same", members: 10), Community(id: "a", name: "Same", members: 10),
            Community(id: "m", name: "Alpha", members: 10), Community(id: "big", name: "Zed", members: 1000),
        ])
        XCTAssertEqual(Analyzer.analyze(eco).ranking.map(\.id), ["big", "m", "a", "z"])
        XCTAssertEqual(Analyzer.analyze(eco).ranking.map(\.rank), [1, 2, 3, 4])
    }

    func testScoresStayFiniteAndInRangeForExtremeInput() {
        let eco = Ecosystem(title: "t", communities: [
            Community(id: "huge", members: Int.max, discussions: 1e300, reactions: .infinity, reach: Int.max,
                      actions: 1e308),
            Community(id: "zero", members: 0, discussions: 0, reactions: 0, reach: 0, actions: 0),
            Community(id: "nan", members: 1, discussions: .nan, reactions: -1, reach: 1, actions: .nan),
        ], influencers: [Influencer(id: "i", followers: Int.max)],
            links: [Link(from: "i", to: "huge"), Link(from: "i", to: "zero")])
        let analysis = Analyzer.analyze(eco)
        for s in analysis.ranking {
            XCTAssertTrue(s.score.isFinite && (0...100).contains(s.score), s.id)
            XCTAssertTrue(s.optimistic.isFinite && s.optimistic >= s.score, s.id)
            XCTAssertTrue((0...1).contains(s.confidence))
            for d in Dimension.allCases {
                if let v = s.dimensions[d] { XCTAssertTrue(v.isFinite && (0...100).contains(v), "\(s.id) \(d)") }
            }
        }
        XCTAssertGreaterThan(analysis.score(for: "huge")!.score, 90)
    }

    func testFileWeightsUsedUnlessOverriddenAndInvalidFallsBackToEqual() {
        var eco = Ecosystem(title: "t", communities: [Community(id: "c", members: 100, discussions: 1, reactions: 1)])
        eco.scoringWeights = ScoringWeights(size: 3, activity: 1, reach: 0, action: 0)
        XCTAssertEqual(Analyzer.analyze(eco).weights, eco.scoringWeights)
        let flag = ScoringWeights(size: 0, activity: 1, reach: 0, action: 0)
        XCTAssertEqual(Analyzer.analyze(eco, weights: flag).weights, flag)
        XCTAssertEqual(Analyzer.analyze(eco, weights: ScoringWeights(size: 0, activity: 0, reach: 0, action: 0)).weights,
                       .equal)
    }

    func testExplanationNamesWhatLiftedWhatHeldBackAndTheRange() {
        let c = Community(id: "c", members: 1_000_000, discussions: 10_000, reactions: 10, actions: 0,
                          sentiment: .negative)
        let s = Analyzer.score(c, networkAudience: 0, weights: .equal)
        XCTAssertTrue(s.explanation.hasPrefix("Lifted by size 86; held back by action 0; unknown: reach (the score could be up to "),
                      s.explanation)
        XCTAssertTrue(s.explanation.contains("flags: negative sentiment, low density"), s.explanation)
    }

    func testNodesCoverEveryKindInFileOrder() {
        let eco = Ecosystem(title: "t", communities: [Community(id: "c")], influencers: [Influencer(id: "i")],
                            stakeholders: [Stakeholder(id: "s")], links: [Link(from: "c", to: "s")])
        let a = Analyzer.analyze(eco)
        XCTAssertEqual(a.nodes.map(\.id), ["c", "i", "s"])
        XCTAssertEqual(a.metrics(for: "s")?.kind, .stakeholder)
        XCTAssertEqual(a.metrics(for: "s")?.degree, 1)
        XCTAssertEqual(a.nodes.map(\.pagerank).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(a.metrics(for: "c")!.pagerank, a.metrics(for: "s")!.pagerank, accuracy: 1e-12)
        XCTAssertLessThan(a.metrics(for: "i")!.pagerank, a.metrics(for: "c")!.pagerank)
        XCTAssertNil(a.metrics(for: "nope"))
    }
}
