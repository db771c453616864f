import EcomapModel

/// Weights and what counts as action for each SPACE goal (support, product innovation, acquisition and
/// ambassadorship, content, engagement). `--goal` or `scoring.goal` picks one; `scoring.weights` in the
/// file and `--weights` win over its weights by name.
///
/// Every preset keeps action at most 1.5 x size and size at least 0.15 x reach: the conditions under which
/// the composite stays monotone in members and deleting a neighbour's figure cannot lift it
/// (docs/scoring.md).
public enum GoalPreset {
    /// The preset weights of a goal.
    public static func weights(_ goal: Goal) -> ScoringWeights {
        switch goal {
        case .support: ScoringWeights(size: 1, activity: 1.5, reach: 0.5, action: 1.5)
        case .productInnovation: ScoringWeights(size: 1, activity: 1, reach: 0.5, action: 1.5)
        case .acquisition: ScoringWeights(size: 1, activity: 0.5, reach: 1.5, action: 1.5)
        case .content: ScoringWeights(size: 1, activity: 1, reach: 1.5, action: 0.5)
        case .engagement: ScoringWeights(size: 1, activity: 1.5, reach: 0.5, action: 0.5)
        }
    }

    /// What the `actions` figure should count for a goal.
    public static func actionMeaning(_ goal: Goal) -> String {
        switch goal {
        case .support: "questions answered or solved by members"
        case .productInnovation: "ideas, feedback items and test sign-ups"
        case .acquisition: "sign-ups, trials, purchases and referrals"
        case .content: "posts, reviews and media made or shared by members"
        case .engagement: "members taking part: replies to the brand, roles taken, events joined"
        }
    }

    /// The funnel step that serves a goal best.
    public static func step(for goal: Goal) -> FunnelStep {
        switch goal {
        case .support: .answerQuestions
        case .productInnovation: .giveOwnership
        case .acquisition: .helpAct
        case .content: .becomeThoughtLeader
        case .engagement: .giveOwnership
        }
    }
}

extension Goal {
    /// `product innovation` etc.
    public var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

private extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
