/// A validated ecosystem: every id is unique, every reference resolves, every figure is in range.
///
/// Produced by `EcomapLoad` from an ecosystem file (format version 1) or a CSV pair.
public struct Ecosystem: Sendable, Hashable {
    /// Format version; always 1 for now.
    public var version: Int
    /// The title of the map (`ecosystem:` in the file).
    public var title: String
    public var description: String?
    /// The day the figures were collected.
    public var asOf: CalendarDate?
    /// Id of the node the map is centred on (usually the brand).
    public var focus: String?
    public var topics: [Topic]
    public var communities: [Community]
    public var influencers: [Influencer]
    public var stakeholders: [Stakeholder]
    /// Links after merging duplicates; every endpoint is a community, influencer or stakeholder id.
    public var links: [Link]
    /// Weights from the file's `scoring:` section, if any.
    public var scoringWeights: ScoringWeights?
    /// The SPACE goal preset from `scoring.goal`, if any (a documented extension of format version 1).
    public var scoringGoal: Goal?
    public var style: Style
    /// The file the ecosystem was read from, as the user named it.
    public var sourceFile: String

    /// The nodes of the network: communities, influencers and stakeholders (topics are not nodes).
    public var nodeCount: Int { communities.count + influencers.count + stakeholders.count }

    public init(
        version: Int = 1, title: String, description: String? = nil, asOf: CalendarDate? = nil,
        focus: String? = nil, topics: [Topic] = [], communities: [Community] = [],
        influencers: [Influencer] = [], stakeholders: [Stakeholder] = [], links: [Link] = [],
        scoringWeights: ScoringWeights? = nil, scoringGoal: Goal? = nil, style: Style = Style(),
        sourceFile: String = "<memory>"
    ) {
        self.version = version
        self.title = title
        self.description = description
        self.asOf = asOf
        self.focus = focus
        self.topics = topics
        self.communities = communities
        self.influencers = influencers
        self.stakeholders = stakeholders
        self.links = links
        self.scoringWeights = scoringWeights
        self.scoringGoal = scoringGoal
        self.style = style
        self.sourceFile = sourceFile
    }

    /// Every graph node (communities, then influencers, then stakeholders) in file order.
    public var graphNodes: [NodeRef] {
        communities.map { NodeRef(id: $0.id, name: $0.name, kind: .community) }
            + influencers.map { NodeRef(id: $0.id, name: $0.name, kind: .influencer) }
            + stakeholders.map { NodeRef(id: $0.id, name: $0.name, kind: .stakeholder) }
    }
}

/// The four kinds of node an ecosystem file declares.
public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case topic, community, influencer, stakeholder
}

/// A light handle on a graph node.
public struct NodeRef: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: NodeKind
    public init(id: String, name: String, kind: NodeKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// A calendar day, `YYYY-MM-DD`, with no time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as `2026-02-30`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1
        else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
