import EcomapModel

/// The four scoring dimensions of a community.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    case size, activity, reach, action
}

/// A community's score on each dimension, 0...100; `nil` means unknown (a figure was missing).
public struct DimensionScores: Sendable, Hashable, Codable {
    public var size: Double?
    public var activity: Double?
    public var reach: Double?
    public var action: Double?

    public init(size: Double? = nil, activity: Double? = nil, reach: Double? = nil, action: Double? = nil) {
        self.size = size
        self.activity = activity
        self.reach = reach
        self.action = action
    }

    /// The score on one dimension, `nil` when unknown.
    public subscript(_ dimension: Dimension) -> Double? {
        get {
            switch dimension {
            case .size: size
            case .activity: activity
            case .reach: reach
            case .action: action
            }
        }
        set {
            switch dimension {
            case .size: size = newValue
            case .activity: activity = newValue
            case .reach: reach = newValue
            case .action: action = newValue
            }
        }
    }
}

extension ScoringWeights {
    /// The weight of one dimension.
    public subscript(_ dimension: Dimension) -> Double {
        get {
            switch dimension {
            case .size: size
            case .activity: activity
            case .reach: reach
            case .action: action
            }
        }
        set {
            switch dimension {
            case .size: size = newValue
            case .activity: activity = newValue
            case .reach: reach = newValue
            case .action: action = newValue
            }
        }
    }

    /// Sum of the four weights.
    public var total: Double { Dimension.allCases.reduce(0) { $0 + self[$1] } }

    /// True when every weight is finite and non-negative and at least one is positive.
    public var isValid: Bool {
        Dimension.allCases.allSatisfy { self[$0].isFinite && self[$0] >= 0 } && total > 0 && total.isFinite
    }
}

/// How much attention a community deserves now.
public enum Tier: String, Sendable, Codable, CaseIterable {
    case focus, nurture, monitor
}

/// The next step on the relationship funnel (see docs/scoring.md for the rules that choose it).
public enum NextStep: String, Sendable, Codable, CaseIterable {
    case collectFigures = "collect-figures"
    case monitorConversations = "monitor-conversations"
    case answerQuestions = "answer-questions"
    case becomeThoughtLeader = "become-thought-leader"
    case giveOwnership = "give-ownership"
    case helpAct = "help-act"
    case exchangeValue = "exchange-value"
    case reengageOrLetGo = "re-engage-or-let-go"

    /// Human text for tables and reports.
    public var title: String {
        switch self {
        case .collectFigures: "Collect the missing figures first"
        case .monitorConversations: "Monitor conversations"
        case .answerQuestions: "Answer questions and issues"
        case .becomeThoughtLeader: "Become a thought leader"
        case .giveOwnership: "Give ownership to members"
        case .helpAct: "Help the community act"
        case .exchangeValue: "Exchange value"
        case .reengageOrLetGo: "Re-engage or let go"
        }
    }
}
