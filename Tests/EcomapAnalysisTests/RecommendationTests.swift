import XCTest
import EcomapModel
@testable import EcomapAnalysis

/// Tiers (thresholds, floor of known figures, borderline band) and the advice: next step, reasons, target.
final class RecommendationTests: XCTestCase {
    /// A community with every figure known, healthy density, neutral attitude.
    private func full(_ id: String = "c", members: Int = 15_000, discussions: Double = 200, reactions: Double = 3000,
                      reach: Int = 300_000, actions: Double = 60) -> Community {
        Community(id: id, presence: .online, members: members, discussions: discussions, reactions: reactions,
                  reach: reach, actions: actions, sentiment: .neutral, phase: .continuation)
    }

    private func advise(_ c: Community, goal: Goal? = nil, previous: Tier? = nil) -> CommunityScore {
        Analyzer.score(c, networkAudience: 0, borrowedShare: 0,
                       context: ScoringContext(weights: goal.map(GoalPreset.weights) ?? .equal, goal: goal, asOf: nil),
                       previousTier: previous)
    }

    func testTierThresholdsAndFloorOfKnownFigures() {
        XCTAssertEqual(Tiering.tier(score: 55, confidence: 0.75), .focus)
        XCTAssertEqual(Tiering.tier(score: 90, confidence: 0.74), .monitor, "not enough known: never above monitor")
        XCTAssertEqual(Tiering.tier(score: 54.99, confidence: 1), .nurture)
        XCTAssertEqual(Tiering.tier(score: 40, confidence: 1), .nurture)
        XCTAssertEqual(Tiering.tier(score: 39.99, confidence: 1), .monitor)
    }

    func testBorderlineBandHoldsThePreviousTier() {
        XCTAssertEqual(Tiering.place(score: 53, confidence: 1, previous: .focus).tier, .focus, "within the band")
        XCTAssertTrue(Tiering.place(score: 53, confidence: 1, previous: .focus).held)
        XCTAssertEqual(Tiering.place(score: 51.9, confidence: 1, previous: .focus).tier, .nurture, "left the band")
        XCTAssertEqual(Tiering.place(score: 57, confidence: 1, previous: .nurture).tier, .nurture)
        XCTAssertEqual(Tiering.place(score: 58, confidence: 1, previous: .nurture).tier, .focus)
        XCTAssertEqual(Tiering.place(score: 20, confidence: 1, previous: .focus).tier, .monitor)
        XCTAssertEqual(Tiering.place(score: 90, confidence: 0.5, previous: .focus).tier, .monitor, "the floor is not held")
        XCTAssertTrue(Tiering.place(score: 56, confidence: 1, previous: nil).borderline)
        XCTAssertFalse(Tiering.place(score: 70, confidence: 1, previous: nil).borderline)
    }

    func testTooFewFiguresCollectsThemFirst() {
        let s = advise(Community(id: "c", members: 2500))
        XCTAssertEqual(s.nextStep, .collectFigures)
        XCTAssertEqual(s.tier, .monitor)
        XCTAssertEqual(s.target, "record activity.discussions, activity.reactions, reach, actions to be placed above monitor")
    }

    func testDeterioratingPhaseAndNegativeSentimentComeFirst() {
        var c = full()
        c.phase = .deterioration
        c.sentiment = .negative
        XCTAssertEqual(advise(c).nextStep, .reengageOrLetGo)
        c.phase = .continuation
        XCTAssertEqual(advise(c).nextStep, .answerQuestions)
        XCTAssertTrue(advise(c).reasons[0].contains("negative"))
    }

    func testRecordedFunnelStepEarnsTheNextOne() {
        var c = full()
        c.funnelStep = .becomeThoughtLeader
        let s = advise(c)
        XCTAssertEqual(s.nextStep, .giveOwnership)
        XCTAssertTrue(s.reasons[0].contains("step 5") && s.reasons[0].contains("step 6"), s.reasons[0])
        c.funnelStep = .exchangeValue
        XCTAssertEqual(advise(c).nextStep, .exchangeValue)
        // Ownership needs active members: with a low density the brand stays a thought leader.
        var quiet = full(members: 200_000, discussions: 200, reactions: 1000)
        quiet.funnelStep = .becomeThoughtLeader
        XCTAssertEqual(advise(quiet).densityBand, .low)
        XCTAssertEqual(advise(quiet).nextStep, .becomeThoughtLeader)
    }

    func testWithoutARecordedStepTheAdviceGoesNoFurtherThanThoughtLeadership() {
        let s = advise(full(members: 40_000, discussions: 900, reactions: 9000, reach: 900_000, actions: 400))
        XCTAssertEqual(s.tier, .focus)
        XCTAssertEqual(s.nextStep, .becomeThoughtLeader, "no exchange of value the brand has not earned")
        var mixed = full()
        mixed.sentiment = .mixed
        XCTAssertEqual(advise(mixed).nextStep, .answerQuestions)
    }

    func testReasonsNameDensityPresenceAndGoals() {
        var c = full(members: 200_000, discussions: 200, reactions: 1000)
        c.presence = .hybrid
        c.goals = [.engagement]
        let s = advise(c, goal: .support)
        XCTAssertTrue(s.reasons.contains { $0.contains("density") && $0.contains("activate the members") }, "\(s.reasons)")
        XCTAssertTrue(s.reasons.contains { $0.contains("online and offline") })
        XCTAssertTrue(s.reasons.contains { $0.contains("SPACE goals: engagement") })
        XCTAssertTrue(s.reasons.contains { $0.contains("does not list the ranking's goal (support)") })
    }

    func testTargetNamesTheFigureThatLiftsToTheNextTierInTheUsersFigures() {
        let c = full(members: 3000, discussions: 20, reactions: 200, reach: 20_000, actions: 5)
        let s = advise(c)
        XCTAssertNotEqual(s.tier, .focus)
        let target = try? XCTUnwrap(s.target)
        XCTAssertTrue(target?.contains("(now ") ?? false, target ?? "nil")
        XCTAssertTrue(target?.hasSuffix("would lift it to \(s.tier.above!.rawValue)") ?? false, target ?? "nil")
        // The figure named really does lift it: raise every lever to its target and the tier moves.
        let lifted = advise(full(members: 3000, discussions: 200, reactions: 2000, reach: 2_000_000, actions: 50))
        XCTAssertGreaterThan(lifted.tier.order, s.tier.order)
    }

    func testAboutFiguresHaveTwoSignificantDigits() {
        XCTAssertEqual(NumberFormat.about(2_437), "2,400")
        XCTAssertEqual(NumberFormat.about(2_437, roundingUp: true), "2,500")
        XCTAssertEqual(NumberFormat.about(45.2), "45")
        XCTAssertEqual(NumberFormat.grouped(1_200_000), "1,200,000")
    }

    func testGoalPresetsSetDocumentedWeightsAndKeepTheMonotonyConditions() {
        for goal in Goal.allCases {
            let w = GoalPreset.weights(goal)
            XCTAssertTrue(w.isValid)
            XCTAssertLessThanOrEqual(w.action, 1.5 * w.size, "\(goal)")
            XCTAssertGreaterThanOrEqual(w.size, 0.15 * w.reach, "\(goal)")
            XCTAssertFalse(GoalPreset.actionMeaning(goal).isEmpty)
        }
        var eco = Ecosystem(title: "t", communities: [full()])
        XCTAssertEqual(Analyzer.analyze(eco, goal: .acquisition).weights, GoalPreset.weights(.acquisition))
        eco.scoringGoal = .content
        XCTAssertEqual(Analyzer.analyze(eco).weights, GoalPreset.weights(.content))
        XCTAssertEqual(Analyzer.analyze(eco).goal, .content)
        XCTAssertEqual(Analyzer.analyze(eco, weights: .equal).weights, .equal, "--weights still overrides")
    }

    func testSentimentAndPhaseNeverHideACommunity() {
        let eco = Ecosystem(title: "t", communities: [
            Community(id: "bad", members: 5000, discussions: 100, reactions: 100, reach: 1000, actions: 10,
                      sentiment: .negative, phase: .termination),
            Community(id: "ok", members: 10),
        ])
        let a = Analyzer.analyze(eco)
        XCTAssertEqual(a.ranking.count, 2)
        let bad = a.score(for: "bad")!
        XCTAssertEqual(bad.rank, 1, "sentiment and phase do not lower the score")
        XCTAssertEqual(Array(bad.flags.prefix(2)), ["negative sentiment", "terminating phase"])
        XCTAssertEqual(bad.nextStep, .reengageOrLetGo)
    }

    func testEveryNextStepHasTitle() {
        XCTAssertEqual(NextStep.helpAct.title, "Help the community act")
        XCTAssertEqual(Set(NextStep.allCases.map(\.title)).count, NextStep.allCases.count)
        for step in FunnelStep.allCases { XCTAssertNotNil(NextStep(rawValue: step.rawValue)) }
    }
}
