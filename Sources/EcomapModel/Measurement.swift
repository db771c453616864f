/// The kinds of export a community's figures can be measured from (`sources:` in the ecosystem file).
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A DiscordChatExporter JSON export of one channel.
    case discord
    /// A Slack workspace export: the ZIP file (or its unpacked folder).
    case slack
    /// A Discourse admin user list CSV, a Data Explorer posts CSV or the public `/about.json`.
    case discourse
    /// A listening tool's mention export (Brandwatch, Talkwalker, Meltwater or the generic CSV).
    case mentions
    /// Figures measured elsewhere (a warehouse, or `ecomap measure --format csv`), one row per window.
    case figures
}

/// One export a community is measured from, as listed under `sources:`.
public struct MeasureSource: Sendable, Hashable {
    public var format: SourceFormat
    /// The path as written in the ecosystem file.
    public var path: String
    /// The path to open: relative paths are taken from the ecosystem file's folder.
    public var resolvedPath: String
    /// Column preset of a mention export (`brandwatch`, `talkwalker`, `meltwater`, `generic`); nil: detect.
    public var preset: String?
    public var location: SourceLocation?

    public init(format: SourceFormat, path: String, resolvedPath: String? = nil, preset: String? = nil,
                location: SourceLocation? = nil) {
        self.format = format
        self.path = path
        self.resolvedPath = resolvedPath ?? path
        self.preset = preset
        self.location = location
    }
}

/// A person among a community's key people: display name (or pseudonym), centrality and message count.
public struct KeyPerson: Sendable, Hashable {
    /// The person's id in the export, qualified by the kind of source (`discord:81234`, `slack:U024BE7LH`);
    /// used for pseudonyms only, never shown.
    public var id: String
    public var name: String
    /// Weighted PageRank in the window's interaction graph (all people together sum to 1).
    public var score: Double
    /// Counted messages by this person in the window.
    public var messages: Int

    public init(id: String, name: String, score: Double, messages: Int) {
        self.id = id
        self.name = name
        self.score = score
        self.messages = messages
    }
}

/// Shares of a community's mentions by sentiment, from a mention export.
public struct SentimentShares: Sendable, Hashable {
    /// Mentions in the window.
    public var mentions: Int
    /// Mentions with a sentiment (the shares are taken over these).
    public var rated: Int
    public var positive: Double
    public var neutral: Double
    public var negative: Double
    /// Mentions naming each competitor (stakeholder id -> count); nil when the export has no text to search.
    public var competitors: [String: Int]?

    public init(mentions: Int, rated: Int, positive: Double, neutral: Double, negative: Double,
                competitors: [String: Int]?) {
        self.mentions = mentions
        self.rated = rated
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.competitors = competitors
    }

    /// The community-level sentiment these shares amount to (docs/measure.md): `mixed` when both positive
    /// and negative reach 20% and differ by less than 20 points, else positive or negative when the
    /// difference is 20 points or more, else neutral. Nil without rated mentions.
    public var overall: Sentiment? {
        guard rated > 0 else { return nil }
        let net = positive - negative
        if positive >= 0.2 && negative >= 0.2 && abs(net) < 0.2 { return .mixed }
        if net >= 0.2 { return .positive }
        if net <= -0.2 { return .negative }
        return .neutral
    }
}

/// What was measured for one community over one window.
public struct CommunityMeasurement: Sendable, Hashable {
    public var communityID: String
    /// First and last day of the window (both counted, UTC days).
    public var from: CalendarDate
    public var to: CalendarDate
    /// The sources' paths as written in the ecosystem file, in file order.
    public var sources: [String]
    /// Distinct people with at least one counted message; nil without an activity source.
    public var activeMembers: Int?
    /// Registered members (Slack users.json, Discourse user list or about.json); nil when no export says.
    public var registeredMembers: Int?
    /// Discussions per month.
    public var discussions: Double?
    /// Replies plus emoji reactions per month.
    public var reactions: Double?
    /// (discussions + reactions) per active member per month.
    public var density: Double?
    /// Share of the window's discussions answered by someone else in the window.
    public var responseRate: Double?
    /// Median hours to the first answer by someone else, over answered discussions.
    public var medianFirstResponseHours: Double?
    public var keyPeople: [KeyPerson]
    public var sentiment: SentimentShares?

    public init(communityID: String, from: CalendarDate, to: CalendarDate, sources: [String] = [],
                activeMembers: Int? = nil, registeredMembers: Int? = nil, discussions: Double? = nil,
                reactions: Double? = nil, density: Double? = nil, responseRate: Double? = nil,
                medianFirstResponseHours: Double? = nil, keyPeople: [KeyPerson] = [],
                sentiment: SentimentShares? = nil) {
        self.communityID = communityID
        self.from = from
        self.to = to
        self.sources = sources
        self.activeMembers = activeMembers
        self.registeredMembers = registeredMembers
        self.discussions = discussions
        self.reactions = reactions
        self.density = density
        self.responseRate = responseRate
        self.medianFirstResponseHours = medianFirstResponseHours
        self.keyPeople = keyPeople
        self.sentiment = sentiment
    }
}

/// Which of a community's figures were measured, and from what: attached by the measuring step so that
/// every output can say "measured" or "typed" per figure.
public struct MeasuredProvenance: Sendable, Hashable {
    /// The file names of the figures that were measured (`members`, `activity.discussions`,
    /// `activity.reactions`, `sentiment`), in that order.
    public var figures: [String]
    public var measurement: CommunityMeasurement

    public init(figures: [String], measurement: CommunityMeasurement) {
        self.figures = figures
        self.measurement = measurement
    }

    /// `measured 2026-01-01..2026-03-31 from a.json, b.zip`.
    public var summary: String {
        "measured \(measurement.from)..\(measurement.to) from \(measurement.sources.joined(separator: ", "))"
    }
}

extension Ecosystem {
    /// Every export the communities are measured from (resolved paths, file order): files the ecosystem
    /// reads besides itself, which no command may write to.
    public var measureSourcePaths: [String] {
        communities.flatMap { $0.sources.map(\.resolvedPath) }
    }

    /// Whether any community lists `sources:`.
    public var hasMeasureSources: Bool { communities.contains { !$0.sources.isEmpty } }
}
