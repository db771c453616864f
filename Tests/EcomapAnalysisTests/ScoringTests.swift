import XCTest
import EcomapModel
@testable import EcomapAnalysis

final class ScoringTests: XCTestCase {
    func testLogarithmicScalesAreAbsoluteAndClamped() {
        XCTAssertEqual(Scales.size(members: 0), 0)
        XCTAssertEqual(Scales.size(members: 1e7), 100, accuracy: 1e-9)
        XCTAssertEqual(Scales.size(members: 12_000), 100 * log10(12_001) / log10(10_000_001), accuracy: 1e-9)
        XCTAssertEqual(Scales.size(members: 1e15), 100, "clamped above the ceiling")
        XCTAssertEqual(Scales.activity(discussions: 120, reactions: 2400),
                       100 * log10(2521) / log10(1_000_001), accuracy: 1e-9)
        XCTAssertEqual(Scales.reach(audience: .infinity), 100)
        XCTAssertEqual(Scales.reach(audience: .nan), 0)
        XCTAssertEqual(Scales.logarithmic(-5, ceiling: 10), 0)
    }

    func testActionIsConversionOnABoundedCurvePlusVolume() {
        // 30 actions per 120 discussions: ratio 0.25 -> conversion 50; volume log10(31)/4.
        let expected = 0.7 * 50 + 0.3 * (100 * log10(31) / log10(10_001))
        XCTAssertEqual(Scales.action(actions: 30, discussions: 120), expected, accuracy: 1e-9)
        XCTAssertEqual(Scales.action(actions: 0, discussions: 0), 0)
        let volume: Double = 100 * log10(6.0) / log10(10_001.0)
        let full: Double = 70 + 0.3 * volume
        XCTAssertEqual(Scales.action(actions: 5, discussions: 0), full, accuracy: 1e-9,
                       "actions without discussions convert fully")
        XCTAssertLessThanOrEqual(Scales.action(actions: 1e12, discussions: 1), 100)
        XCTAssertLessThan(Scales.action(actions: 10, discussions: 100), Scales.action(actions: 50, discussions: 100))
    }

    func testMissingFigureIsUnknownNotZeroAndLowersConfidence() {
        let c = Community(id: "c", members: 1000, discussions: 10, reactions: nil, reach: 500, actions: 2)
        let s = Analyzer.score(c, networkAudience: 0, weights: .equal)
        XCTAssertNotNil(s.dimensions.size)
        XCTAssertNil(s.dimensions.activity, "reactions unknown -> activity unknown")
        XCTAssertNotNil(s.dimensions.reach)
        XCTAssertNotNil(s.dimensions.action, "action needs actions and discussions only")
        XCTAssertEqual(s.missing, ["activity.reactions"])
        XCTAssertEqual(s.confidence, 0.75, accuracy: 1e-12)
        let known = [s.dimensions.size!, s.dimensions.reach!, s.dimensions.action!]
        XCTAssertEqual(s.score, known.reduce(0, +) / 3, accuracy: 1e-9, "weights renormalised over known")
        XCTAssertNil(s.socialDensity)
    }

    func testCompositeIsWeightedMeanOfKnownDimensions() {
        let dims = DimensionScores(size: 80, activity: 40, reach: nil, action: 10)
        let w = ScoringWeights(size: 2, activity: 1, reach: 5, action: 1)
        let c = Composite(dims, weights: w)
        XCTAssertEqual(c.score, (2 * 80 + 40 + 10) / 4.0, accuracy: 1e-12)
        XCTAssertEqual(c.confidence, 4.0 / 9.0, accuracy: 1e-12)
        XCTAssertEqual(c.contributions.size!, 40, accuracy: 1e-12)
        XCTAssertNil(c.contributions.reach)
        let none = Composite(DimensionScores(), weights: .equal)
        XCTAssertEqual(none.score, 0)
        XCTAssertEqual(none.confidence, 0)
    }

    func testReachAddsOwnAudienceAndNetworkAudience() {
        let eco = Ecosystem(
            title: "t",
            communities: [Community(id: "a", members: 1000, reach: 9000), Community(id: "b", members: 50, reach: 50)],
            influencers: [Influencer(id: "jill", followers: 80_000)],
            links: [Link(from: "jill", to: "a", weight: 0.5), Link(from: "a", to: "b", weight: 1, directed: true)])
        let a = Analyzer.analyze(eco).score(for: "a")!
        XCTAssertEqual(a.networkAudience, 0.5 * 80_000 + 100, accuracy: 1e-9)
        XCTAssertEqual(a.dimensions.reach!, Scales.reach(audience: 10_000 + 40_100), accuracy: 1e-9)
        XCTAssertEqual(Analyzer.analyze(eco).score(for: "b")!.networkAudience, 10_000, accuracy: 1e-9)
    }

    func testSocialDensityIsInteractionsPerMember() {
        let c = Community(id: "c", members: 200, discussions: 10, reactions: 90)
        XCTAssertEqual(Analyzer.score(c, networkAudience: 0, weights: .equal).socialDensity!, 0.5, accuracy: 1e-12)
        let empty = Community(id: "e", members: 0, discussions: 10, reactions: 90)
        XCTAssertNil(Analyzer.score(empty, networkAudience: 0, weights: .equal).socialDensity)
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
            XCTAssertTrue((0...1).contains(s.confidence))
            for d in Dimension.allCases {
                if let v = s.dimensions[d] { XCTAssertTrue(v.isFinite && (0...100).contains(v), "\(s.id) \(d)") }
            }
        }
        XCTAssertEqual(analysis.score(for: "huge")!.score, 100, accuracy: 1e-6)
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

    func testExplanationNamesWhatLiftedAndWhatHeldBack() {
        let c = Community(id: "c", members: 1_000_000, discussions: 10, reactions: 10, actions: 0,
                          sentiment: .negative)
        let s = Analyzer.score(c, networkAudience: 0, weights: .equal)
        XCTAssertEqual(s.explanation, "Lifted by size 86; held back by action 0; unknown: reach; flags: negative sentiment")
        let only = Analyzer.score(Community(id: "o", members: 10), networkAudience: 0, weights: .equal)
        XCTAssertTrue(only.explanation.hasPrefix("Only size 15 known; unknown: activity.discussions"), only.explanation)
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
