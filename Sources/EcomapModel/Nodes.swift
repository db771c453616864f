/// A topic around the brand (seed step 1). Topics are attributes of communities, not graph nodes.
public struct Topic: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    public var url: String?
    public var notes: String?
    public var tags: [String]
    public var location: SourceLocation?

    public init(id: String, name: String? = nil, description: String? = nil, url: String? = nil,
                notes: String? = nil, tags: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.description = description
        self.url = url
        self.notes = notes
        self.tags = tags
        self.location = location
    }
}

/// Where a community lives.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case forum, blog, socialGroup = "social-group", event, newsletter, podcast, chat, video, other
}

/// Whether a community has an online and/or offline counterpart.
public enum Presence: String, Sendable, Hashable, Codable, CaseIterable {
    case online, offline, hybrid
}

/// How far a community is active.
public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
    case local, regional, national, global
}

/// Attitude towards the brand, its products and competitors.
public enum Sentiment: String, Sendable, Hashable, Codable, CaseIterable {
    case positive, neutral, negative, mixed
}

/// Levinger's relationship phase.
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
    case acquaintance, buildUp = "build-up", continuation, deterioration, termination
}

/// What a community can do for the organisation (the SPACE goals).
public enum Goal: String, Sendable, Hashable, Codable, CaseIterable {
    case support, productInnovation = "product-innovation", acquisition, content, engagement
}

/// The steps of the relationship funnel after mapping and analysing (steps 3 to 8): where the brand
/// stands with a community. Each step earns the right to the next.
public enum FunnelStep: String, Sendable, Hashable, Codable, CaseIterable {
    case monitorConversations = "monitor-conversations"
    case answerQuestions = "answer-questions"
    case becomeThoughtLeader = "become-thought-leader"
    case giveOwnership = "give-ownership"
    case helpAct = "help-act"
    case exchangeValue = "exchange-value"

    /// 3...8, the step's number in the funnel.
    public var number: Int { 3 + (Self.allCases.firstIndex(of: self) ?? 0) }
}

/// A stakeholder's role.
public enum StakeholderRole: String, Sendable, Hashable, Codable, CaseIterable {
    case brand, competitor, partner, media, regulator, supplier, customer, other
}

/// A community: the thing ecomap scores and ranks. Every figure is optional: unknown is not zero.
public struct Community: Sendable, Hashable {
    public var id: String
    public var name: String
    public var url: String?
    public var notes: String?
    public var tags: [String]
    public var channel: Channel?
    public var presence: Presence?
    public var scope: Scope?
    /// Topic ids.
    public var topics: [String]
    /// Members or followers: size.
    public var members: Int?
    /// Discussions started per month.
    public var discussions: Double?
    /// Reactions to discussions per month.
    public var reactions: Double?
    /// Audience beyond the members.
    public var reach: Int?
    /// Discussions per month that turned into action.
    public var actions: Double?
    public var sentiment: Sentiment?
    public var phase: Phase?
    public var goals: [Goal]
    /// The funnel step the brand has reached with this community (`funnel_step`), if recorded.
    public var funnelStep: FunnelStep?
    /// Exports the figures are measured from (`sources:`), in file order.
    public var sources: [MeasureSource] = []
    /// Set by the measuring step: which figures were measured, over which window, from what.
    public var measured: MeasuredProvenance?
    /// The platform the community lives on as the file names it (`Facebook`, `Discord`), when given.
    public var platform: String?
    public var location: SourceLocation?
    /// Where each figure was written, keyed by its file name (`members`, `activity.discussions`, ...),
    /// so that analysis-level warnings can point at the value.
    public var fieldLocations: FieldLocations

    /// Whether the figure (by its file name, e.g. `activity.discussions`) was measured rather than typed.
    public func isMeasured(_ figure: String) -> Bool { measured?.figures.contains(figure) ?? false }

    @inlinable public init(id: String, name: String? = nil, url: String? = nil, notes: String? = nil,
                tags: [String] = [], channel: Channel? = nil, presence: Presence? = nil,
                scope: Scope? = nil, topics: [String] = [], members: Int? = nil,
                discussions: Double? = nil, reactions: Double? = nil, reach: Int? = nil,
                actions: Double? = nil, sentiment: Sentiment? = nil, phase: Phase? = nil,
                goals: [Goal] = [], funnelStep: FunnelStep? = nil, location: SourceLocation? = nil,
                fieldLocations: FieldLocations = [:], platform: String? = nil, sources: [MeasureSource] = []) {
        self.platform = platform
        self.id = id
        self.name = name ?? id
        self.sources = sources
        self.url = url
        self.notes = notes
        self.tags = tags
        self.channel = channel
        self.presence = presence
        self.scope = scope
        self.topics = topics
        self.members = members
        self.discussions = discussions
        self.reactions = reactions
        self.reach = reach
        self.actions = actions
        self.sentiment = sentiment
        self.phase = phase
        self.goals = goals
        self.funnelStep = funnelStep
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// Where a figure was written (by its file name), else where the community starts.
    public func location(of field: String) -> SourceLocation? { fieldLocations[field] ?? location }
}

/// An individual with an audience.
public struct Influencer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var url: String?
    public var notes: String?
    public var tags: [String]
    public var followers: Int?
    public var handle: String?
    public var topics: [String]
    public var sentiment: Sentiment?
    public var location: SourceLocation?

    @inlinable public init(id: String, name: String? = nil, url: String? = nil, notes: String? = nil,
                tags: [String] = [], followers: Int? = nil, handle: String? = nil,
                topics: [String] = [], sentiment: Sentiment? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.url = url
        self.notes = notes
        self.tags = tags
        self.followers = followers
        self.handle = handle
        self.topics = topics
        self.sentiment = sentiment
        self.location = location
    }
}

/// An organisation: the brand itself, competitors, partners, media, regulators.
public struct Stakeholder: Sendable, Hashable {
    public var id: String
    public var name: String
    public var url: String?
    public var notes: String?
    public var tags: [String]
    public var role: StakeholderRole?
    public var location: SourceLocation?

    @inlinable public init(id: String, name: String? = nil, url: String? = nil, notes: String? = nil,
                tags: [String] = [], role: StakeholderRole? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.url = url
        self.notes = notes
        self.tags = tags
        self.role = role
        self.location = location
    }
}

/// A weighted tie between two graph nodes.
public struct Link: Sendable, Hashable {
    public var from: String
    public var to: String
    /// Strength of the tie, 0 < weight <= 1.
    public var weight: Double
    /// Free text, shown in tooltips and legends.
    public var kind: String?
    /// Links are undirected unless `directed: true`.
    public var directed: Bool
    public var location: SourceLocation?

    @inlinable public init(from: String, to: String, weight: Double = 1, kind: String? = nil,
                directed: Bool = false, location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.weight = weight
        self.kind = kind
        self.directed = directed
        self.location = location
    }
}

/// Weights of the four scoring dimensions: non-negative, not all zero.
public struct ScoringWeights: Sendable, Hashable, Codable {
    public var size: Double
    public var activity: Double
    public var reach: Double
    public var action: Double

    public init(size: Double = 1, activity: Double = 1, reach: Double = 1, action: Double = 1) {
        self.size = size
        self.activity = activity
        self.reach = reach
        self.action = action
    }

    public static let equal = ScoringWeights()
}

/// Layout engines Graphviz offers.
public enum LayoutEngine: String, Sendable, Hashable, Codable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi
}

/// Map themes.
public enum Theme: String, Sendable, Hashable, Codable, CaseIterable {
    case light, dark, print
}

/// How communities are grouped into clusters on the map.
public enum GroupBy: String, Sendable, Hashable, Codable, CaseIterable {
    case none, topic, scope, channel, presence
}

/// How the map looks (`style:` in the file); every field optional, the CLI flags win.
public struct Style: Sendable, Hashable {
    public var engine: LayoutEngine?
    public var theme: Theme?
    public var groupBy: GroupBy?
    public var labelTop: Int?
    /// Colour overrides keyed by palette slot (see `Style.paletteKeys`), values `#RRGGBB`.
    public var palette: [String: String]

    public init(engine: LayoutEngine? = nil, theme: Theme? = nil, groupBy: GroupBy? = nil,
                labelTop: Int? = nil, palette: [String: String] = [:]) {
        self.engine = engine
        self.theme = theme
        self.groupBy = groupBy
        self.labelTop = labelTop
        self.palette = palette
    }

    /// The palette slots a file may override.
    public static let paletteKeys: [String] = [
        "brand", "competitor", "partner", "media", "regulator", "supplier", "customer", "other",
        "community", "influencer", "stakeholder", "link", "background", "text",
    ]
}
