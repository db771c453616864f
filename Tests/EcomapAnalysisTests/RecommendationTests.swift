import XCTest
import EcomapModel
@testable import EcomapAnalysis

/// One test per next-step rule, each set up so that only that rule (and no earlier one) applies.
final class RecommendationTests: XCTestCase {
    private let balanced = DimensionScores(size: 50, activity: 40, reach: 50, action: 40)

    private func step(_ d: DimensionScores, confidence: Double = 1, tier: Tier = .nurture,
                      sentiment: Sentiment? = nil, phase: Phase? = nil) -> NextStep {
        Recommendation.nextStep(dimensions: d, confidence: confidence, tier: tier, sentiment: sentiment, phase: phase)
    }

    func testTierThresholds() {
        XCTAssertEqual(Recommendation.tier(score: 60, confidence: 0.75), .focus)
        XCTAssertEqual(Recommendation.tier(score: 90, confidence: 0.74), .nurture, "low confidence caps at nurture")
        XCTAssertEqual(Recommendation.tier(score: 59.99, confidence: 1), .nurture)
        XCTAssertEqual(Recommendation.tier(score: 45, confidence: 1), .nurture)
        XCTAssertEqual(Recommendation.tier(score: 44.99, confidence: 1), .monitor)
    }

    func testRule1LowConfidenceCollectsFiguresFirst() {
        XCTAssertEqual(step(balanced, confidence: 0.49, sentiment: .negative, phase: .termination), .collectFigures)
    }

    func testRule2DeterioratingOrTerminatingPhaseReengagesOrLetsGo() {
        XCTAssertEqual(step(balanced, sentiment: .negative, phase: .deterioration), .reengageOrLetGo)
        XCTAssertEqual(step(balanced, phase: .termination), .reengageOrLetGo)
    }

    func testRule3NegativeSentimentAnswersQuestions() {
        let activeNoAction = DimensionScores(size: 50, activity: 80, reach: 50, action: 10)
        XCTAssertEqual(step(activeNoAction, sentiment: .negative), .answerQuestions)
    }

    func testRule4HighActivityLowActionHelpsAct() {
        XCTAssertEqual(step(DimensionScores(size: 20, activity: 55, reach: 20, action: 39.9), tier: .monitor), .helpAct)
        XCTAssertEqual(step(DimensionScores(size: 20, activity: 55, reach: 20, action: 40), tier: .nurture),
                       .giveOwnership)
        XCTAssertEqual(step(DimensionScores(size: 20, activity: 54.9, reach: 20, action: 10), tier: .nurture),
                       .becomeThoughtLeader)
    }

    func testRule5MonitorTierMonitorsConversations() {
        XCTAssertEqual(step(balanced, tier: .monitor, phase: .acquaintance), .monitorConversations)
    }

    func testRule6YoungRelationshipBecomesThoughtLeader() {
        let acting = DimensionScores(size: 50, activity: 70, reach: 50, action: 80)
        XCTAssertEqual(step(acting, phase: .buildUp), .becomeThoughtLeader)
        XCTAssertEqual(step(acting, phase: .acquaintance), .becomeThoughtLeader)
    }

    func testRule7HighActionExchangesValue() {
        XCTAssertEqual(step(DimensionScores(size: 50, activity: 70, reach: 50, action: 60), phase: .continuation),
                       .exchangeValue)
    }

    func testRule8ActiveCommunityGetsOwnership() {
        XCTAssertEqual(step(DimensionScores(size: 50, activity: 70, reach: 50, action: 50)), .giveOwnership)
        XCTAssertEqual(step(DimensionScores(size: 50, activity: 70, reach: 50, action: nil)), .giveOwnership)
    }

    func testRule9OtherwiseBecomeThoughtLeader() {
        XCTAssertEqual(step(balanced, sentiment: .mixed, phase: .continuation), .becomeThoughtLeader)
    }

    func testSentimentAndPhaseAreFlagsNotFilters() {
        let eco = Ecosystem(title: "t", communities: [
            Community(id: "bad", members: 5000, discussions: 100, reactions: 100, sentiment: .negative,
                      phase: .termination),
            Community(id: "ok", members: 10),
        ])
        let a = Analyzer.analyze(eco)
        XCTAssertEqual(a.ranking.count, 2)
        let bad = a.score(for: "bad")!
        XCTAssertEqual(bad.rank, 1, "sentiment and phase do not lower the score")
        XCTAssertEqual(bad.flags, ["negative sentiment", "terminating phase"])
        XCTAssertEqual(bad.nextStep, .reengageOrLetGo)
        XCTAssertEqual(Recommendation.flags(sentiment: .mixed, phase: .deterioration, confidence: 0.2),
                       ["mixed sentiment", "deteriorating phase", "low confidence"])
    }

    func testEveryNextStepHasTitle() {
        XCTAssertEqual(NextStep.helpAct.title, "Help the community act")
        XCTAssertEqual(Set(NextStep.allCases.map(\.title)).count, NextStep.allCases.count)
    }
}
