import EcomapModel

/// The documented thresholds and ordered rules that choose a community's tier and next step.
///
/// Sentiment and phase never hide a community or change its score; they only steer the next step and
/// are reported as flags.
public enum Recommendation {
    /// Focus tier: score at least this and confidence at least `focusMinConfidence`.
    public static let focusScore = 60.0
    public static let focusMinConfidence = 0.75
    /// Nurture tier: score at least this (and not focus).
    public static let nurtureScore = 45.0
    /// Below this confidence the next step is to collect the missing figures.
    public static let lowConfidence = 0.5
    /// Activity at least this counts as high.
    public static let highActivity = 55.0
    /// Action below this counts as low.
    public static let lowAction = 40.0
    /// Action at least this counts as high.
    public static let highAction = 60.0

    /// The tier from the focus score and confidence.
    public static func tier(score: Double, confidence: Double) -> Tier {
        if score >= focusScore && confidence >= focusMinConfidence { return .focus }
        if score >= nurtureScore { return .nurture }
        return .monitor
    }

    /// The next step: the first rule that matches, in this order.
    /// 1. confidence < 0.5 -> collect figures;
    /// 2. phase deterioration or termination -> re-engage or let go;
    /// 3. sentiment negative -> answer questions and issues;
    /// 4. activity >= 55 and action < 40 -> help the community act;
    /// 5. tier monitor -> monitor conversations;
    /// 6. phase acquaintance or build-up -> become a thought leader;
    /// 7. action >= 60 -> exchange value;
    /// 8. activity >= 55 -> give ownership to members;
    /// 9. otherwise -> become a thought leader.
    public static func nextStep(dimensions d: DimensionScores, confidence: Double, tier: Tier,
                                sentiment: Sentiment?, phase: Phase?) -> NextStep {
        if confidence < lowConfidence { return .collectFigures }
        if phase == .deterioration || phase == .termination { return .reengageOrLetGo }
        if sentiment == .negative { return .answerQuestions }
        if let activity = d.activity, let action = d.action, activity >= highActivity, action < lowAction {
            return .helpAct
        }
        if tier == .monitor { return .monitorConversations }
        if phase == .acquaintance || phase == .buildUp { return .becomeThoughtLeader }
        if let action = d.action, action >= highAction { return .exchangeValue }
        if let activity = d.activity, activity >= highActivity { return .giveOwnership }
        return .becomeThoughtLeader
    }

    /// Flags worth a strategist's attention; they never hide a community.
    public static func flags(sentiment: Sentiment?, phase: Phase?, confidence: Double) -> [String] {
        var flags: [String] = []
        if sentiment == .negative { flags.append("negative sentiment") }
        if sentiment == .mixed { flags.append("mixed sentiment") }
        if phase == .deterioration { flags.append("deteriorating phase") }
        if phase == .termination { flags.append("terminating phase") }
        if confidence < lowConfidence { flags.append("low confidence") }
        return flags
    }
}
