import EcomapModel
import Foundation

/// The keys of a node of the ecosystem: the five every node has, and its own.
protocol NodeKey: FieldKey {
    static var id: Self { get }
    static var name: Self { get }
    static var url: Self { get }
    static var notes: Self { get }
    static var tags: Self { get }
}

/// Turns a document tree (from YAML or CSV) into a validated `Ecosystem`, collecting every problem.
struct EcosystemDecoder {
    /// The keys of the file's top level.
    enum TopLevelKey: Int, FieldKey {
        case version, ecosystem, description, asOf, focus, topics, communities, influencers, stakeholders, links,
             scoring, style
        static let keys = KeySet([
            "version", "ecosystem", "description", "as_of", "focus", "topics", "communities", "influencers",
            "stakeholders", "links", "scoring", "style",
        ])
    }

    /// The keys of a topic.
    enum TopicKey: Int, NodeKey {
        case id, name, url, notes, tags, description
        static let keys = KeySet(["id", "name", "url", "notes", "tags", "description"])
    }

    /// The keys of a community.
    enum CommunityKey: Int, NodeKey {
        case id, name, url, notes, tags, channel, platform, presence, scope, topics, members, activity, reach,
             actions, sentiment, phase, goals, funnelStep, sources
        static let keys = KeySet([
            "id", "name", "url", "notes", "tags", "channel", "platform", "presence", "scope", "topics", "members",
            "activity", "reach", "actions", "sentiment", "phase", "goals", "funnel_step", "sources",
        ])
    }

    /// The keys of a community's `activity`.
    enum ActivityKey: Int, FieldKey {
        case discussions, reactions
        static let keys = KeySet(["discussions", "reactions"])
    }

    /// The keys of an influencer.
    enum InfluencerKey: Int, NodeKey {
        case id, name, url, notes, tags, followers, handle, topics, sentiment
        static let keys = KeySet(["id", "name", "url", "notes", "tags", "followers", "handle", "topics",
                                  "sentiment"])
    }

    /// The keys of a stakeholder.
    enum StakeholderKey: Int, NodeKey {
        case id, name, url, notes, tags, role
        static let keys = KeySet(["id", "name", "url", "notes", "tags", "role"])
    }

    /// The keys of a link written as a mapping.
    enum LinkKey: Int, FieldKey {
        case from, to, weight, kind, directed
        static let keys = KeySet(["from", "to", "weight", "kind", "directed"])
    }

    /// The keys of one of a community's `sources`.
    enum SourceKey: Int, FieldKey {
        case format, path, preset
        static let keys = KeySet(["format", "path", "preset"])
    }

    /// The keys of `scoring`.
    enum ScoringKey: Int, FieldKey {
        case weights, goal
        static let keys = KeySet(["weights", "goal"])
    }

    /// The keys of `scoring.weights`.
    enum WeightKey: Int, FieldKey {
        case size, activity, reach, action
        static let keys = KeySet(["size", "activity", "reach", "action"])
    }

    /// The keys of `style`.
    enum StyleKey: Int, FieldKey {
        case engine, theme, groupBy, labelTop, palette
        static let keys = KeySet(["engine", "theme", "group_by", "label_top", "palette"])
    }

    let file: String
    var reader: FieldReader

    init(file: String, limits: Limits) {
        self.file = file
        self.reader = FieldReader(limits: limits)
    }

    var diagnostics: [Diagnostic] { reader.diagnostics }

    /// The document being decoded names `file` (its nodes are placed in it unless they name a cell).
    private var documentIsFile = true
    /// Lines to add to the document's own (the second half of a file read in two halves, read ahead).
    private var lineShift = 0
    /// Set while this decoder reads communities ahead (`readAhead`): what it gathers instead of declaring.
    private var ahead: Ahead?
    /// The file's communities read ahead in two halves (`HalvedRead`), for `decode` to adopt.
    var readAhead: ReadAhead?
    /// True when `decode` found that the communities read ahead cannot be adopted as they are: it then
    /// stops, and the caller decodes the document again with a fresh decoder (which reports in order).
    private(set) var readAheadRejected = false
    /// Whether a long link list is decoded in two halves: on two threads (true), one after the other
    /// (false: tests and fuzzing), or not at all (nil).
    var linksInHalves: Bool?
    /// Link lists at least this long are decoded in two halves when `linksInHalves` allows it.
    var linksInHalvesFrom = longLinkList
    /// Below this many links, a second thread costs more than it saves.
    static let longLinkList = 4096
    /// False while a `LinkReader` reads links before the ids are declared: their ends are looked up later.
    private var lookUpEnds = true
    /// True when `decode` adopted the communities read ahead.
    private(set) var adoptedReadAhead = false

    /// A link as written, endpoints not yet resolved: their nodes, whose text was checked. Texts and
    /// locations are made from the nodes (valid while the document lives) when the link is resolved.
    fileprivate struct PendingLink {
        var fromNode: DocumentNode
        var toNode: DocumentNode
        /// The ends' declaration numbers, looked up while their text is at hand; nil: not declared.
        var from: Int?
        var to: Int?
        var weight: Double
        var kind: String?
        var directed: Bool
        var node: DocumentNode
        /// Where the link starts, while it is at hand: line and column in the decoded file, or nil for
        /// another place (`node.location` then).
        var position: (line: UInt32, column: UInt32)?
        /// False when a field was invalid: endpoints are still checked, the link is dropped.
        var isValid = true
    }

    /// A link read from `node`, its ends looked up (every id is declared before links are read).
    private func pendingLink(_ node: DocumentNode, from: DocumentNode, to: DocumentNode, weight: Double,
                             kind: String?, directed: Bool, isValid: Bool) -> PendingLink {
        let r = node.record
        return PendingLink(fromNode: from, toNode: to, from: lookUpEnds ? declarationNumber(of: from) : nil,
                           to: lookUpEnds ? declarationNumber(of: to) : nil, weight: weight, kind: kind, directed: directed,
                           node: node, position: r.place < 0 && documentIsFile ? (r.line, r.column) : nil,
                           isValid: isValid)
    }

    /// A declared id with where (the id's node) and as what.
    private struct Declaration {
        var kind: NodeKind
        var node: DocumentNode
        /// The id is in lower-case ASCII: its own folding (see `foldedOthers`).
        var lowercaseASCII: Bool
    }

    /// Every declared id by its declaration number (its position in declaration order), with its
    /// declaration.
    private var declarationIds: [String] = []
    private var declarations: [Declaration] = []
    /// The declaration number of each id as text, compared as Swift compares text (canonically
    /// equivalent spellings are the same id). Made only once an id needs it: one not in ASCII, or
    /// one whose text is not its node's bytes. Until then every id is ASCII text found in `idIndex` by
    /// its bytes, and ASCII text equals only the same bytes (`declarationNumber(ofText:)`).
    private let declaredByText = TextIndex()
    /// How many ids the document declares, to size `declaredByText` when it is made.
    private var expectedDeclarations = 0

    /// Holds `declaredByText`'s table, made when first needed, by a look-up too (hence a class). Each
    /// decoder makes its own.
    private final class TextIndex {
        var numbers: [String: Int]?
    }
    /// The declaration number of each id by its bytes, for references written exactly as declared.
    private var idIndex = IdIndex()
    /// The first id of each folding (lower case, ß and SS alike) among the ids not in lower-case ASCII,
    /// by declaration number. An id in lower-case ASCII is its own folding and is found as itself among
    /// the declared ids, so the common case adds nothing here.
    private var foldedOthers: [String: Int] = [:]

    mutating func decode(_ document: Document) -> Ecosystem? {
        // Nodes refer to their store without owning it (no reference counting per node): the
        // document owns it, and is kept alive for the whole walk.
        documentIsFile = document.store.file == file
        return withExtendedLifetime(document) { decode(root: document.rootNode) }
    }

    private mutating func decode(root: DocumentNode) -> Ecosystem? {
        guard let top = reader.fields(root, TopLevelKey.self, what: "the ecosystem file") else { return nil }
        // A long link list starts being read on another thread now, while the ids are declared here.
        let linkReader = startLinkReader(top[.links])
        defer { linkReader?.finish() }

        if let version = reader.integer(top[.version], "version"), version != 1 {
            reader.error("unsupported format version \(version); this ecomap reads version 1",
                         at: top[.version]!.location)
        }
        let title = reader.text(top[.ecosystem], "ecosystem")
        if title == nil && !top.has(.ecosystem) {
            reader.error("missing required key `ecosystem` (the title of the map)", at: top.location)
        } else if title == nil, let s = top[.ecosystem]?.scalar, s.text.isEmpty {
            reader.error("`ecosystem` must not be empty: it is the title of the map", at: s.location)
        }
        let description = reader.text(top[.description], "description")
        var asOf: CalendarDate?
        if let node = top[.asOf], let text = reader.text(node, "as_of") {
            asOf = CalendarDate(parsing: text)
            if asOf == nil {
                reader.error("`as_of` must be a date YYYY-MM-DD, found \(FieldReader.quoted(text))", at: node.location)
            }
        }

        var topics: [Topic] = []
        for node in list(top[.topics], "topics") { if let t = topic(node) { topics.append(t) } }
        // Topics are declared before any reference to them is read.
        topicIds.reserveCapacity(topics.count)
        for t in topics { topicIds[t.id] = t.id }
        if !top.has(.communities) {
            reader.error("missing required key `communities` (at least one community)", at: top.location)
        }
        let communityNodes = list(top[.communities], "communities")
        // Size the id tables once for every declaration to come (no rehashing while they fill).
        var expected = communityNodes.count
        for key in [TopLevelKey.topics, .influencers, .stakeholders] {
            if let node = top[key] { expected += node.items.count }
        }
        expectedDeclarations = expected
        declarationIds.reserveCapacity(expected)
        declarations.reserveCapacity(expected)
        idIndex.reserveCapacity(expected)
        if top.has(.communities) && communityNodes.isEmpty, top[.communities]!.kind == .sequence {
            reader.error("`communities` must list at least one community", at: top[.communities]!.location)
        }
        var communities: [Community] = []
        if let readAhead {
            self.readAhead = nil
            guard let adopted = adopt(readAhead, count: communityNodes.count, store: root.store) else {
                readAheadRejected = true
                return nil
            }
            communities = adopted
            adoptedReadAhead = true
        } else {
            communities.reserveCapacity(communityNodes.count)
            for node in communityNodes { if let c = community(node) { communities.append(c) } }
        }
        var influencers: [Influencer] = []
        for node in list(top[.influencers], "influencers") { if let i = influencer(node) { influencers.append(i) } }
        var stakeholders: [Stakeholder] = []
        for node in list(top[.stakeholders], "stakeholders") { if let s = stakeholder(node) { stakeholders.append(s) } }
        var pending: [PendingLink] = []
        let linkNodes = list(top[.links], "links")
        if let linkReader, linkReader.reads(linkNodes) {
            pending = decodeLinks(linkNodes, with: linkReader)
        } else {
            pending.reserveCapacity(linkNodes.count)
            for node in linkNodes { if let l = link(node) { pending.append(l) } }
        }

        checkLimits(topics.count + communities.count + influencers.count + stakeholders.count,
                    pending.count, at: top.location)
        // References were given their declared spelling as they were read; unknown ones are reported
        // (in file order) and dropped here.
        if !pendingTopicNodes.isEmpty {
            for i in communities.indices { communities[i].topics = resolveTopics(communities[i].topics) }
            for i in influencers.indices { influencers[i].topics = resolveTopics(influencers[i].topics) }
        }

        let links = resolveLinks(pending, communities: &communities, influencers: &influencers)

        var focus: String?
        if let node = top[.focus], let id = reader.text(node, "focus") {
            if let number = declarationNumber(ofText: id) {
                if declarations[number].kind == .topic {
                    reader.error("`focus` must name a community, influencer or stakeholder; `\(id)` is a topic",
                                 at: node.location)
                } else {
                    focus = declarationIds[number]
                }
            } else {
                reader.error("`focus` names unknown id `\(id)`\(nearestIdHint(id))", at: node.location)
            }
        }

        let scoring = top[.scoring].map { self.scoring($0) }
        let style = top[.style].map { self.style($0) } ?? Style()

        if reader.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return Ecosystem(
            version: 1, title: title ?? "", description: description, asOf: asOf, focus: focus,
            topics: topics, communities: communities, influencers: influencers, stakeholders: stakeholders,
            links: links, scoringWeights: scoring?.weights, scoringGoal: scoring?.goal, style: style, sourceFile: file)
    }

    // MARK: - Sections

    private mutating func list(_ node: DocumentNode?, _ field: String) -> NodeList {
        guard let node else { return NodeList.empty }
        switch node.kind {
        case .sequence: return node.items
        case .scalar where node.isEmptyScalar: return NodeList.empty
        default:
            reader.error("`\(field)` must be a list, found \(node.typeName)", at: node.location)
            return NodeList.empty
        }
    }

    private mutating func checkLimits(_ nodes: Int, _ links: Int, at location: SourceLocation) {
        if nodes > reader.limits.maxNodes {
            reader.error("the file declares \(nodes) nodes, more than the limit of \(reader.limits.maxNodes) (limit: nodes)",
                         at: location)
        }
        if links > reader.limits.maxLinks {
            reader.error("the file declares \(links) links, more than the limit of \(reader.limits.maxLinks) (limit: links)",
                         at: location)
        }
    }

    /// Reads `id`, `name`, `url`, `notes`, `tags` and declares the id.
    private mutating func common<Key: NodeKey>(_ f: Fields<Key>, _ kind: NodeKind)
        -> (id: String, name: String?, url: String?, notes: String?, tags: [String])? {
        let id = declare(f, kind)
        let name = reader.text(f[.name], "name")
        let url = reader.text(f[.url], "url")
        if let url, let node = f[.url], !Self.isLinkable(url) {
            reader.warning("`url` \(FieldReader.quoted(url)) is not an http, https or mailto address; "
                           + "it will be shown but not linked", at: node.location)
        }
        let notes = reader.text(f[.notes], "notes")
        let tags = reader.textList(f[.tags], "tags")?.map(\.text) ?? []
        guard let id else { return nil }
        return (id, name, url, notes, tags)
    }

    static func isLinkable(_ url: String) -> Bool {
        let head = String(decoding: url.utf8.prefix(8), as: UTF8.self).lowercased()
        guard ["http://", "https://", "mailto:"].contains(where: { head.hasPrefix($0) }) else { return false }
        // ASCII text: whitespace and control characters are the bytes up to 0x20.
        var ascii = true
        for byte in url.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte <= 0x20 { return false }
        }
        return ascii ? true : !url.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    private mutating func topic(_ node: DocumentNode) -> Topic? {
        if let s = node.scalar {
            guard let id = reader.checkedText(s, "topics"), validateId(id, at: node) else { return nil }
            guard register(id, .topic, at: node) else { return nil }
            return Topic(id: id, location: s.location)
        }
        guard let f = reader.fields(node, TopicKey.self, what: "a topic"),
              let c = common(f, .topic) else { return nil }
        return Topic(id: c.id, name: c.name, description: reader.text(f[.description], "description"),
                     url: c.url, notes: c.notes, tags: c.tags, location: f.location)
    }

    private mutating func community(_ node: DocumentNode) -> Community? {
        guard let f = reader.fields(node, CommunityKey.self, what: "a community") else { return nil }
        let c = common(f, .community)
        var discussions: Double?
        var reactions: Double?
        // Where each figure was written, for warnings the analysis raises later (`Plausibility`).
        var positions = FieldLocations()
        let figures: [(CommunityKey, FieldLocations.Figure)] = [
            (.members, .members), (.reach, .reach), (.actions, .actions), (.channel, .channel),
            (.presence, .presence), (.phase, .phase), (.sentiment, .sentiment), (.funnelStep, .funnelStep),
        ]
        for (key, figure) in figures {
            if let n = f[key] { record(figure, n, in: &positions) }
        }
        if let activity = f[.activity] {
            record(.activity, activity, in: &positions)
            if activity.isEmptyScalar {
            } else if let a = reader.fields(activity, ActivityKey.self, what: "`activity`") {
                discussions = reader.number(a[.discussions], "activity.discussions", whole: false)
                reactions = reader.number(a[.reactions], "activity.reactions", whole: false)
                if let n = a[.discussions] { record(.activityDiscussions, n, in: &positions) }
                if let n = a[.reactions] { record(.activityReactions, n, in: &positions) }
            }
        }
        // A platform written as the channel (`channel: facebook`) gives the channel and is kept as the platform.
        var platform = reader.text(f[.platform], "platform")
        // (A channel written exactly as one is no platform: the common case, settled by its bytes.)
        if let n = f[.channel], n.kind == .scalar, Channel.valueBytes.value(spelt: n.bytes) == nil,
           let s = n.scalar, !s.isNull {
            let folded = FieldReader.folded(s.text)
            if Channel(rawValue: folded) == nil, ValueAliases.platforms[folded] != nil, platform == nil {
                platform = ValueAliases.platformName(folded)
            }
        }
        var channel: Channel? = reader.enumeration(f[.channel], "channel")
        if f[.channel] == nil, let p = platform?.lowercased() {
            channel = ValueAliases.platforms[p].flatMap(Channel.init(rawValue:))
                ?? ValueAliases.channel[p].flatMap(Channel.init(rawValue:)) ?? Channel(rawValue: p)
        }
        // Every field is read (and reported) even when the id is missing.
        let presence: Presence? = reader.enumeration(f[.presence], "presence")
        let scope: Scope? = reader.enumeration(f[.scope], "scope")
        let topics = topicReferences(f[.topics])
        let members = reader.count(f[.members], "members")
        let reach = reader.count(f[.reach], "reach")
        let actions = reader.number(f[.actions], "actions", whole: false)
        let sentiment: Sentiment? = reader.enumeration(f[.sentiment], "sentiment")
        let phase: Phase? = reader.enumeration(f[.phase], "phase")
        let goals: [Goal] = reader.enumerationList(f[.goals], "goals")
        let funnelStep: FunnelStep? = reader.enumeration(f[.funnelStep], "funnel_step")
        if ahead != nil, f[.sources] != nil { ahead!.stopped = true }
        let sources = ahead == nil ? sources(f[.sources]) : []
        guard let c else { return nil }
        return Community(
            id: c.id, name: c.name, url: c.url, notes: c.notes, tags: c.tags, channel: channel,
            presence: presence, scope: scope, topics: topics, members: members,
            discussions: discussions, reactions: reactions, reach: reach, actions: actions,
            sentiment: sentiment, phase: phase, goals: goals, funnelStep: funnelStep,
            location: location(of: f.node), fieldLocations: positions, platform: platform, sources: sources)
    }

    /// Where `node` starts, as `node.location` gives it: for a place in the decoded file made here
    /// from its line and column (the store is not called for every node kept).
    private func location(of node: DocumentNode) -> SourceLocation {
        let r = node.record
        guard r.place < 0 && documentIsFile else { return node.location }
        return SourceLocation(file: file, line: Int(r.line) + lineShift, column: Int(r.column))
    }

    /// Records where `figure` was written: line and column for a place in the decoded file, the whole
    /// location for a table column or a workbook cell (or a document of another file).
    private func record(_ figure: FieldLocations.Figure, _ node: DocumentNode, in positions: inout FieldLocations) {
        let r = node.record
        if r.place < 0 && documentIsFile {
            positions.set(figure, file: file, line: Int(r.line) + lineShift, column: Int(r.column))
        } else {
            positions[figure.name] = node.location
        }
    }

    private mutating func influencer(_ node: DocumentNode) -> Influencer? {
        guard let f = reader.fields(node, InfluencerKey.self, what: "an influencer") else { return nil }
        let c = common(f, .influencer)
        let followers = reader.count(f[.followers], "followers")
        let handle = reader.text(f[.handle], "handle")
        let topics = topicReferences(f[.topics])
        let sentiment: Sentiment? = reader.enumeration(f[.sentiment], "sentiment")
        guard let c else { return nil }
        return Influencer(id: c.id, name: c.name, url: c.url, notes: c.notes, tags: c.tags, followers: followers,
                          handle: handle, topics: topics, sentiment: sentiment, location: location(of: f.node))
    }

    private mutating func stakeholder(_ node: DocumentNode) -> Stakeholder? {
        guard let f = reader.fields(node, StakeholderKey.self, what: "a stakeholder") else { return nil }
        let c = common(f, .stakeholder)
        let role: StakeholderRole? = reader.enumeration(f[.role], "role")
        guard let c else { return nil }
        return Stakeholder(id: c.id, name: c.name, url: c.url, notes: c.notes, tags: c.tags, role: role,
                           location: f.location)
    }

    // MARK: - Ids

    /// Letters (with their combining marks), digits, `-`, `_` and `.`; nothing invisible.
    static func isValidId(_ id: String) -> Bool {
        // Fast path: ASCII letters, digits, `-`, `_`, `.` (no Unicode property look-ups).
        var text = id
        let ascii = text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    continue
                default:
                    return false
                }
            }
            return true
        }
        if ascii && !id.isEmpty { return true }
        guard let first = id.unicodeScalars.first, first.properties.generalCategory != .nonspacingMark else {
            return false
        }
        return id.unicodeScalars.allSatisfy { s in
            // Invisible code points that Unicode files under letters or marks (HANGUL FILLER U+3164,
            // COMBINING GRAPHEME JOINER U+034F, variation selectors) would make look-alike ids.
            if s.properties.isDefaultIgnorableCodePoint { return false }
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .decimalNumber:
                return true
            default:
                return s == "-" || s == "_" || s == "."
            }
        }
    }

    private mutating func validateId(_ id: String, at node: DocumentNode) -> Bool {
        guard Self.isValidId(id) else {
            if let invisible = id.unicodeScalars.first(where: Self.isInvisible) {
                reader.error("id \(FieldReader.quoted(id)) contains the invisible character \(FieldReader.codePoint(invisible)); "
                             + "ids may contain only letters, digits, `-`, `_` and `.`", at: node.location)
            } else {
                let suggestion = IdSlug.slug(id)
                let hint = !suggestion.isEmpty && Self.isValidId(suggestion) ? "; use `\(suggestion)`" : ""
                reader.error("id \(FieldReader.quoted(id)) may contain only letters, digits, `-`, `_` and `.`\(hint)",
                             at: node.location)
            }
            return false
        }
        return true
    }

    /// Code points that show nothing: format characters (ZWJ, ZWSP, bidi overrides, soft hyphen)
    /// and every other default-ignorable code point.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.properties.isDefaultIgnorableCodePoint || s.properties.generalCategory == .format
    }

    private mutating func declare<Key: NodeKey>(_ f: Fields<Key>, _ kind: NodeKind) -> String? {
        guard let node = f[.id] else {
            reader.error("missing required key `id` in \(kind == .influencer ? "an" : "a") \(kind.rawValue)",
                         at: f.location)
            return nil
        }
        guard let id = reader.text(node, "id"), !id.isEmpty else {
            if let s = node.scalar, s.text.isEmpty {
                reader.error("`id` must not be empty", at: node.location)
            }
            return nil
        }
        guard validateId(id, at: node) else { return nil }
        if ahead != nil {
            ahead!.ids.append(id)
            ahead!.idNodes.append(node.id)
            return id
        }
        guard register(id, kind, at: node) else { return nil }
        return id
    }

    /// Records an id; ids are unique across all node kinds (canonically equivalent spellings are the same id).
    /// `node` is where the id is written.
    private mutating func register(_ id: String, _ kind: NodeKind, at node: DocumentNode) -> Bool {
        // The same text as an earlier id (canonically equivalent spellings included) is a duplicate.
        if let previousNumber = declareText(id, at: node) {
            let previous = declarations[previousNumber]
            reader.error("duplicate id `\(id)`: already used by the \(previous.kind.rawValue) at line \(previous.node.location.line)",
                         at: node.location)
            return false
        }
        // The first earlier id with the same folding (ß and SS alike), if any: one not in lower-case
        // ASCII from `foldedOthers`, one in it by looking the folding up as an id.
        let number = declarations.count
        let lowercaseASCII = FieldReader.isLowercaseASCII(id)
        var first: Int?
        if lowercaseASCII {
            // An earlier id in lower-case ASCII equal to this one would be a duplicate.
            if !foldedOthers.isEmpty { first = foldedOthers[id] }
        } else {
            let folded = id.uppercased().lowercased()
            let other = foldedOthers[folded]
            let same = declarationNumber(ofText: folded).flatMap { $0 < number && declarations[$0].lowercaseASCII ? $0 : nil }
            first = [other, same].compactMap { $0 }.min()
            if first == nil { foldedOthers[folded] = number }
        }
        if let first {
            let otherNode = declarations[first].node
            reader.warning("id `\(id)` differs from `\(otherNode.text)` (line \(otherNode.location.line)) only by letter case",
                           at: node.location)
        }
        declarationIds.append(id)
        declarations.append(Declaration(kind: kind, node: node, lowercaseASCII: lowercaseASCII))
        idIndex.append(node)
        return true
    }

    /// The declaration number of the id `text` names (canonically equivalent spellings are the same id).
    private func declarationNumber(ofText text: String) -> Int? {
        if let numbers = declaredByText.numbers { return numbers[text] }
        // Every id is ASCII, in the byte index: ASCII text is found there. Other text can still be
        // canonically equivalent to an ASCII id (KELVIN SIGN and K): the table is made for it.
        if Self.isASCII(text) { return idIndex.number(ofText: text) }
        makeTextTable()
        return declaredByText.numbers![text]
    }

    /// Makes `declaredByText`'s table from the ids declared so far.
    private func makeTextTable() {
        var table: [String: Int] = [:]
        table.reserveCapacity(max(expectedDeclarations, declarationIds.count + 1))
        for (number, id) in declarationIds.enumerated() { table[id] = number }
        declaredByText.numbers = table
    }

    /// Records `id` (written at `node`) as the next declaration's, unless an earlier id is the same text:
    /// then that id's declaration number. The byte index alone settles it while every id is ASCII text
    /// written as its node's bytes; the first other id makes the table by text.
    private mutating func declareText(_ id: String, at node: DocumentNode) -> Int? {
        let number = declarations.count
        if declaredByText.numbers == nil {
            if Self.isASCII(id) && sameBytes(id, node.bytes) { return idIndex.number(ofText: id) }
            makeTextTable()
        }
        if let previous = declaredByText.numbers!.updateValue(number, forKey: id) {
            declaredByText.numbers![id] = previous
            return previous
        }
        return nil
    }

    private static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 } }
    }

    private mutating func nearestIdHint(_ id: String) -> String {
        Suggestions.hint(for: id, in: declarationIds, budget: &reader.hints)
    }

    /// The declaration number of the id a scalar node names: found by its bytes, or as text when it is
    /// spelt in another Unicode normalisation form than declared (Swift compares strings by canonical
    /// equivalence; Graphviz and the outputs compare bytes, so references take the declared spelling).
    private func declarationNumber(of node: DocumentNode) -> Int? {
        idIndex.number(of: node.bytes) ?? declarationNumber(ofText: node.text)
    }

    // MARK: - Topic references

    /// Declared topic ids, each mapped to its spelling as declared.
    private var topicIds: [String: String] = [:]
    /// Where each unknown topic id was first referred to, for its error once every node is read.
    private var pendingTopicNodes: [String: DocumentNode] = [:]

    /// A node's topic ids, each once, in their declared spelling where declared (unknown ones as written).
    private mutating func topicReferences(_ node: DocumentNode?) -> [String] {
        guard let items = reader.textNodes(node, "topics") else { return [] }
        var ids: [String] = []
        ids.reserveCapacity(items.count)
        // Most lists are short: a scan finds repeats; a long one gets a set.
        var seen: Set<String>? = items.count > 16 ? Set(minimumCapacity: items.count) : nil
        for item in items {
            // Most references name a topic in its declared bytes: found by them, without a `String`.
            var declared: String?
            if let number = idIndex.number(of: item.bytes), declarations[number].kind == .topic {
                declared = declarationIds[number]
            }
            // The text compared for repeats: as written, or its declared spelling (the same text).
            let text = declared ?? item.text
            let repeated = seen != nil ? !seen!.insert(text).inserted : ids.contains(text)
            if repeated { continue }
            if let spelling = declared ?? topicIds[text] {
                ids.append(spelling)
            } else {
                ids.append(text)
                if ahead == nil, pendingTopicNodes[text] == nil { pendingTopicNodes[text] = item }
            }
        }
        return ids
    }

    private var reportedTopics: Set<String> = []

    private mutating func resolveTopics(_ ids: [String]) -> [String] {
        ids.filter { id in
            if topicIds[id] != nil { return true }
            if !reportedTopics.contains(id) {
                reportedTopics.insert(id)
                let hint = reader.hints.cells > 0 ? Suggestions.hint(for: id, in: topicIds.keys.sorted(), budget: &reader.hints) : ""
                reader.error("unknown topic `\(id)`\(hint.isEmpty ? "; declare it under `topics:`" : hint)",
                             at: pendingTopicNodes[id]?.location ?? SourceLocation(file: file, line: 1, column: 1))
            }
            return false
        }
    }

    // MARK: - Links

    private mutating func link(_ node: DocumentNode) -> PendingLink? {
        switch node.kind {
        case .sequence:
            let items = node.items
            guard (2...3).contains(items.count) else {
                reader.error("a short-form link is [from, to] or [from, to, weight], found \(items.count) items",
                             at: node.location)
                return nil
            }
            let from = endpoint(items[0], "from")
            let to = endpoint(items[1], "to")
            let weight = items.count == 3 ? reader.weight(items[2]) : .some(nil)
            guard from, to else { return nil }
            return pendingLink(node, from: items[0], to: items[1], weight: (weight ?? nil) ?? 1, kind: nil,
                               directed: false, isValid: weight != nil)
        case .mapping:
            guard let f = reader.fields(node, LinkKey.self, what: "a link") else { return nil }
            for key in [LinkKey.from, .to] where f[key] == nil {
                reader.error("missing required key `\(key.name)` in a link", at: f.location)
            }
            let fromNode = f[.from], toNode = f[.to]
            let from = fromNode.map { endpoint($0, "from") } ?? false
            let to = toNode.map { endpoint($0, "to") } ?? false
            let weight = reader.weight(f[.weight])
            let kind = reader.text(f[.kind], "kind")
            let directed = reader.bool(f[.directed], "directed")
            guard from, to, let fromNode, let toNode else { return nil }
            let valid = weight != nil && (f[.directed] == nil || f[.directed]!.isEmptyScalar || directed != nil)
            return pendingLink(node, from: fromNode, to: toNode, weight: (weight ?? nil) ?? 1, kind: kind,
                               directed: directed ?? false, isValid: valid)
        case .scalar:
            reader.error("a link must be [from, to, weight] or a mapping with `from` and `to`, found a value",
                         at: node.location)
            return nil
        }
    }

    /// Checks a link end: a text (its `String` is made when the link is resolved).
    private mutating func endpoint(_ node: DocumentNode, _ field: String) -> Bool {
        guard node.kind == .scalar, !node.isEmptyScalar else {
            reader.error("`\(field)` must be a node id, found \(node.typeName == "a value" ? "nothing" : node.typeName)",
                         at: node.location)
            return false
        }
        return reader.isValidText(node, field)
    }

    /// Checks endpoints, reads links to topics as topic membership, merges duplicates.
    private mutating func resolveLinks(_ pending: [PendingLink], communities: inout [Community],
                                       influencers: inout [Influencer]) -> [Link] {
        var links: [Link] = []
        links.reserveCapacity(pending.count)
        // The links between each pair of nodes: the first by the pair, the others chained by `nextOfPair`
        // (an index of `links`, -1 at the end), so a pair costs no array of its own.
        var firstOfPair: [UInt64: Int] = [:]
        firstOfPair.reserveCapacity(pending.count)
        var nextOfPair: [Int] = []
        nextOfPair.reserveCapacity(pending.count)
        // Built at the first link to a topic (most files have none).
        var communityIndex: [String: Int] = [:]
        var influencerIndex: [String: Int] = [:]
        var indexed = false
        // Topic membership added by links, to keep each node's topics unique without a linear search
        // (a node's set is made at its first such link).
        var memberTopics: [String: Set<String>] = [:]

        for link in pending {
            let fromNumber = link.from, toNumber = link.to
            if fromNumber == nil {
                let from = link.fromNode.text
                reader.error("link to unknown id `\(from)`\(nearestIdHint(from))", at: link.fromNode.location)
            }
            if toNumber == nil {
                let to = link.toNode.text
                reader.error("link to unknown id `\(to)`\(nearestIdHint(to))", at: link.toNode.location)
            }
            guard let fromNumber, let toNumber, link.isValid else { continue }
            let fromDeclaration = declarations[fromNumber], toDeclaration = declarations[toNumber]
            // The ids as declared.
            let from = declarationIds[fromNumber], to = declarationIds[toNumber]
            if fromNumber == toNumber {
                reader.error("a link from `\(from)` to itself is not allowed", at: link.node.location)
                continue
            }
            let fromKind = fromDeclaration.kind, toKind = toDeclaration.kind
            if fromKind == .topic || toKind == .topic {
                if fromKind == .topic && toKind == .topic {
                    reader.error("a link between two topics (`\(from)`, `\(to)`) is not allowed",
                                 at: link.node.location)
                    continue
                }
                let (topic, member) = fromKind == .topic ? (from, to) : (to, from)
                if !indexed {
                    for (i, c) in communities.enumerated() { communityIndex[c.id] = i }
                    for (i, c) in influencers.enumerated() { influencerIndex[c.id] = i }
                    indexed = true
                }
                if let i = communityIndex[member] {
                    if memberTopics[member] == nil { memberTopics[member] = Set(communities[i].topics) }
                    if memberTopics[member, default: []].insert(topic).inserted { communities[i].topics.append(topic) }
                } else if let i = influencerIndex[member] {
                    if memberTopics[member] == nil { memberTopics[member] = Set(influencers[i].topics) }
                    if memberTopics[member, default: []].insert(topic).inserted { influencers[i].topics.append(topic) }
                } else {
                    reader.warning("the link between stakeholder `\(member)` and topic `\(topic)` is ignored: "
                                   + "only communities and influencers have topics", at: link.node.location)
                }
                continue
            }
            // Both ends are communities, influencers or stakeholders here (topics were handled above).
            // Key: both declaration indices, ordered (an integer key instead of joined text).
            let a = UInt64(fromNumber), b = UInt64(toNumber)
            let pair = min(a, b) << 32 | max(a, b)
            var twin: Int?
            var last = -1
            var candidate = firstOfPair[pair] ?? -1
            while candidate >= 0 {
                // Two directed links in opposite directions are a reciprocal tie, not a duplicate.
                if !(links[candidate].directed && link.directed && links[candidate].from != from) {
                    twin = candidate
                    break
                }
                last = candidate
                candidate = nextOfPair[candidate]
            }
            if let existing = twin {
                let first = (weight: links[existing].weight, directed: links[existing].directed,
                             line: links[existing].location?.line ?? 0)
                reader.warning("duplicate link between `\(from)` and `\(to)` (first at line "
                               + "\(first.line)); merged, keeping the larger weight "
                               + "\(Self.format(max(first.weight, link.weight)))"
                               + (first.directed != link.directed ? " and no direction" : ""), at: link.node.location)
                links[existing].weight = max(first.weight, link.weight)
                links[existing].directed = first.directed && link.directed
                if links[existing].kind == nil { links[existing].kind = link.kind }
                continue
            }
            if last >= 0 { nextOfPair[last] = links.count } else { firstOfPair[pair] = links.count }
            nextOfPair.append(-1)
            links.append(Link(from: from, to: to, weight: link.weight, kind: link.kind,
                              directed: link.directed,
                              location: link.position.map { SourceLocation(file: file, line: Int($0.line), column: Int($0.column)) }
                                  ?? link.node.location))
        }
        return links
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    // MARK: - Sources (docs/measure.md)

    /// `sources:` of a community: a list of `{format, path, preset}`; paths are taken from the ecosystem
    /// file's folder and must name an existing file (a Slack export may also be its unpacked folder).
    private mutating func sources(_ node: DocumentNode?) -> [MeasureSource] {
        guard let node, !node.isEmptyScalar else { return [] }
        var result: [MeasureSource] = []
        for item in list(node, "sources") {
            guard let f = reader.fields(item, SourceKey.self, what: "a source") else { continue }
            let format: SourceFormat? = reader.enumeration(f[.format], "format")
            if f[.format] == nil { reader.error("a source needs `format` (\(FieldReader.choices(SourceFormat.self)))", at: f.location) }
            let path = reader.text(f[.path], "path")
            if f[.path] == nil { reader.error("a source needs `path`, the export's file", at: f.location) }
            let preset = reader.text(f[.preset], "preset")
            if let preset, let presetNode = f[.preset] {
                if format != nil && format != .mentions {
                    reader.error("`preset` applies to `format: mentions` only", at: presetNode.location)
                } else if !Self.mentionPresets.contains(preset) {
                    reader.error("`preset` must be one of \(Self.mentionPresets.joined(separator: ", ")), found \(FieldReader.quoted(preset))"
                                 + Suggestions.hint(for: preset, in: Self.mentionPresets, budget: &reader.hints),
                                 at: presetNode.location)
                }
            }
            guard let format, let path, let pathNode = f[.path] else { continue }
            let resolved = Self.resolve(path, besides: file)
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) {
                reader.error("source file \(FieldReader.quoted(path)) does not exist (looked for \(FieldReader.quoted(resolved)))",
                             at: pathNode.location)
                continue
            }
            if isFolder.boolValue && format != .slack {
                reader.error("source \(FieldReader.quoted(path)) is a folder; a \(format.rawValue) source is one file",
                             at: pathNode.location)
                continue
            }
            // An export is an input of every command: no output may overwrite it.
            FilesRead.record(InputFileRecord(path: resolved, identity: FileIdentity.of(resolved)))
            result.append(MeasureSource(format: format, path: path, resolvedPath: resolved, preset: preset,
                                        location: f.location))
        }
        return result
    }

    /// Column presets of mention exports.
    static let mentionPresets = ["brandwatch", "talkwalker", "meltwater", "generic"]

    /// `path` as written, taken from the folder of the ecosystem file `file` unless absolute.
    static func resolve(_ path: String, besides file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        guard file.contains("/") else { return path }
        return folder == "/" ? "/" + path : folder + "/" + path
    }

    // MARK: - Scoring and style

    /// `scoring:`: optional `weights` and an optional SPACE `goal` preset (a documented extension of
    /// format version 1).
    private mutating func scoring(_ node: DocumentNode) -> (weights: ScoringWeights?, goal: Goal?) {
        if node.isEmptyScalar { return (nil, nil) }
        guard let f = reader.fields(node, ScoringKey.self, what: "`scoring`") else { return (nil, nil) }
        let goal: Goal? = reader.enumeration(f[.goal], "scoring.goal")
        guard let weightsNode = f[.weights],
              let w = reader.fields(weightsNode, WeightKey.self, what: "`scoring.weights`") else { return (nil, goal) }
        var values: [Double] = []
        for key in WeightKey.allCases {
            guard w[key] != nil else { values.append(1); continue }
            guard let v = reader.number(w[key], "scoring.weights.\(key.name)", whole: false) else { return (nil, goal) }
            values.append(v)
        }
        if values.allSatisfy({ $0 == 0 }) {
            reader.error("`scoring.weights` must not all be zero", at: weightsNode.location)
            return (nil, goal)
        }
        return (ScoringWeights(size: values[0], activity: values[1], reach: values[2], action: values[3]), goal)
    }

    private mutating func style(_ node: DocumentNode) -> Style {
        if node.isEmptyScalar { return Style() }
        guard let f = reader.fields(node, StyleKey.self, what: "`style`") else { return Style() }
        var style = Style(
            engine: reader.enumeration(f[.engine], "engine"),
            theme: reader.enumeration(f[.theme], "theme"),
            groupBy: reader.enumeration(f[.groupBy], "group_by"))
        if let node = f[.labelTop], let top = reader.integer(node, "label_top") {
            if top < 0 || top > 1000 {
                reader.error("`label_top` must be between 0 and 1000, found \(top)", at: node.location)
            } else {
                style.labelTop = top
            }
        }
        if let node = f[.palette], !(node.isEmptyScalar),
           let p = reader.fields(node, known: Style.paletteKeys, what: "`style.palette`") {
            for key in Style.paletteKeys {
                guard let valueNode = p[key], let value = reader.text(valueNode, "palette.\(key)") else { continue }
                if Self.isHexColour(value) {
                    style.palette[key] = value.uppercased()
                } else {
                    reader.error("`palette.\(key)` must be a colour #RRGGBB, found \(FieldReader.quoted(value))",
                                 at: valueNode.location)
                }
            }
        }
        return style
    }

    static func isHexColour(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#"
            && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }
}

// MARK: - Communities read ahead

extension EcosystemDecoder {
    /// What a decoder reading ahead gathers instead of declaring: each community's id and id node, in
    /// file order; `stopped` when a community has something a read ahead cannot settle (`sources`,
    /// whose files are checked and recorded as the file is decoded).
    fileprivate struct Ahead {
        var ids: [String] = []
        var idNodes: [Int32] = []
        var stopped = false
    }

    /// The communities of one half of a file read in two halves, decoded in that half's thread as soon
    /// as the half is read. Their ids are not declared yet, and topic references are kept as written:
    /// `decode` declares the ids in file order and resolves the references, and adopts the communities
    /// only when that reports nothing.
    final class CommunitiesReadAhead: @unchecked Sendable {
        /// The decoded communities, moved into the ecosystem's list when adopted (no copy, no
        /// reference counting per field).
        fileprivate let communities: UnsafeMutablePointer<Community>
        fileprivate private(set) var count = 0
        fileprivate var ids: [String] = []
        /// Each community's id node in the half's own store.
        fileprivate var idNodes: [Int32] = []

        fileprivate init(capacity: Int) {
            communities = .allocate(capacity: max(capacity, 1))
        }

        fileprivate func append(_ community: Community) {
            (communities + count).initialize(to: community)
            count += 1
        }

        /// Moves the communities to `destination`; this read ahead is then empty.
        fileprivate func move(to destination: UnsafeMutablePointer<Community>) {
            destination.moveInitialize(from: communities, count: count)
            count = 0
        }

        deinit {
            communities.deinitialize(count: count)
            communities.deallocate()
        }
    }

    /// The two halves read ahead and where the second half's nodes are in the joined store.
    struct ReadAhead: @unchecked Sendable {
        var first: CommunitiesReadAhead
        var second: CommunitiesReadAhead
        /// Node `i` of the second half's store is node `i + secondOffset` of the joined store.
        var secondOffset: Int32
    }

    /// Decodes `document` with a fresh decoder, adopting the communities `readAhead` when that reports
    /// nothing new, else decoding it again in order (so the messages are always those of one pass).
    /// `adopted`: whether the communities read ahead were used.
    static func decode(_ document: Document, readAhead: ReadAhead?, file: String, limits: Limits,
                       linksInHalves: Bool? = nil, linksInHalvesFrom: Int = longLinkList)
        -> (ecosystem: Ecosystem?, diagnostics: [Diagnostic], adopted: Bool) {
        func decoder() -> EcosystemDecoder {
            var decoder = EcosystemDecoder(file: file, limits: limits)
            decoder.linksInHalves = linksInHalves
            decoder.linksInHalvesFrom = linksInHalvesFrom
            return decoder
        }
        var first = decoder()
        first.readAhead = readAhead
        let ecosystem = first.decode(document)
        guard first.readAheadRejected else { return (ecosystem, first.diagnostics, first.adoptedReadAhead) }
        var again = decoder()
        return (again.decode(document), again.diagnostics, false)
    }

    /// Decodes the community list `list` of one half, as `decode` would, but gathering ids instead of
    /// declaring them; nil when anything is to be reported (or a community names `sources`), so that the
    /// file is decoded in order instead. `lineShift`: the lines before the half. Runs on the half's
    /// thread: `file` should be this thread's own copy of the name (no reference count shared with the
    /// other thread on every location made).
    static func readAhead(_ list: DocumentNode, file: String, limits: Limits, lineShift: Int) -> CommunitiesReadAhead? {
        guard list.kind == .sequence else { return nil }
        var decoder = EcosystemDecoder(file: file, limits: limits)
        decoder.documentIsFile = list.store.file == file
        decoder.lineShift = lineShift
        decoder.ahead = Ahead()
        let items = list.items
        let result = CommunitiesReadAhead(capacity: items.count)
        decoder.ahead!.ids.reserveCapacity(items.count)
        decoder.ahead!.idNodes.reserveCapacity(items.count)
        for node in items {
            guard let community = decoder.community(node), !decoder.ahead!.stopped,
                  decoder.reader.diagnostics.isEmpty else { return nil }
            result.append(community)
        }
        result.ids = decoder.ahead!.ids
        result.idNodes = decoder.ahead!.idNodes
        return result
    }

    /// The communities read ahead, with their ids declared in file order and their topic references
    /// resolved, as decoding the list in order gives them; nil when that would report anything (a
    /// duplicate id, ids differing only by case, an unknown topic) or the halves do not make up the
    /// `count` communities of the list. `store` is the joined document's.
    fileprivate mutating func adopt(_ readAhead: ReadAhead, count: Int, store: DocumentStore) -> [Community]? {
        let halves = [(readAhead.first, Int32(0)), (readAhead.second, readAhead.secondOffset)]
        guard halves.reduce(0, { $0 + $1.0.count }) == count,
              halves.allSatisfy({ $0.0.ids.count == $0.0.count && $0.0.idNodes.count == $0.0.count })
        else { return nil }
        let reported = reader.diagnostics.count
        for (half, offset) in halves {
            for i in 0..<half.count {
                guard register(half.ids[i], .community, at: store.node(half.idNodes[i] &+ offset)) else { return nil }
            }
        }
        guard reader.diagnostics.count == reported else { return nil }
        // Topic references as `topicReferences` gives them once the topics are declared: each in its
        // declared spelling (the same bytes but for another normalisation form); an unknown one is reported
        // by the decode in order.
        for (half, _) in halves {
            for i in 0..<half.count where !half.communities[i].topics.isEmpty {
                for (j, id) in half.communities[i].topics.enumerated() {
                    guard let spelling = topicIds[id] else { return nil }
                    if !sameBytes(spelling, id) { half.communities[i].topics[j] = spelling }
                }
            }
        }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            var next = buffer.baseAddress!
            for (half, _) in halves {
                let n = half.count
                half.move(to: next)
                next += n
            }
            initialized = count
        }
    }
}

// MARK: - Long link lists on two threads

extension EcosystemDecoder {
    /// Reads the last part of a long link list on a thread of its own (or, for tests and fuzzing, in
    /// line): first the links as written while the decoder declares the ids, then, once it has, their
    /// ends in a copy of the id index. The decoder reads the first part itself (`decodeLinks`).
    final class LinkReader: @unchecked Sendable {
        fileprivate let nodes: NodeList
        /// The part read here: from `first` to the end of the list.
        fileprivate let first: Int
        fileprivate var decoder: EcosystemDecoder
        fileprivate var links: [PendingLink] = []
        private let concurrently: Bool
        /// The id index to look ends up in, once every id is declared; nil: not needed after all.
        private var index: IdIndex?
        private let idsDeclared = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private var released = false
        private var finished = false

        fileprivate init(_ nodes: NodeList, first: Int, decoder: EcosystemDecoder, concurrently: Bool) {
            (self.nodes, self.first, self.decoder, self.concurrently) = (nodes, first, decoder, concurrently)
            self.decoder.lookUpEnds = false
            if concurrently {
                let thread = Thread { [self] in
                    readLinks()
                    idsDeclared.wait()
                    lookUpEnds()
                    done.signal()
                }
                thread.stackSize = 1 << 20
                thread.start()
            } else {
                readLinks()
            }
        }

        /// Whether `list` is the list this reader reads.
        fileprivate func reads(_ list: NodeList) -> Bool {
            list.count == nodes.count && list.start == nodes.start && (list.isEmpty || list[0].id == nodes[0].id)
        }

        private func readLinks() {
            links.reserveCapacity(nodes.count - first)
            for i in first..<nodes.count {
                if let link = decoder.link(nodes[i]) { links.append(link) }
                if !decoder.reader.diagnostics.isEmpty { return }
            }
        }

        private func lookUpEnds() {
            guard let index, decoder.reader.diagnostics.isEmpty else { return }
            for i in links.indices {
                links[i].from = index.number(of: links[i].fromNode.bytes)
                links[i].to = index.number(of: links[i].toNode.bytes)
            }
        }

        /// Every id is declared: the ends are looked up in `index` (a copy of the decoder's own).
        fileprivate func idsAreDeclared(_ index: IdIndex) {
            self.index = index
            release()
            if !concurrently { lookUpEnds() }
        }

        private func release() {
            guard !released else { return }
            released = true
            if concurrently { idsDeclared.signal() }
        }

        /// Waits for the thread to end (with the ends not looked up when the ids never were declared).
        fileprivate func finish() {
            release()
            guard !finished else { return }
            finished = true
            if concurrently { done.wait() }
        }
    }

    /// Starts reading the last part of the link list `node` when it is long enough and links are read in
    /// halves; nil otherwise. Reports nothing: `list` reports a link list that is not a list, in order.
    private func startLinkReader(_ node: DocumentNode?) -> LinkReader? {
        guard let concurrently = linksInHalves, let node, node.kind == .sequence else { return nil }
        let nodes = node.items
        guard nodes.count >= max(2, linksInHalvesFrom) else { return nil }
        // Its own copy of the file name: nothing whose reference count both threads touch.
        var decoder = EcosystemDecoder(file: String(decoding: Array(file.utf8), as: UTF8.self), limits: reader.limits)
        decoder.documentIsFile = documentIsFile
        // Its part is read while the ids are declared here, so it takes the larger part.
        return LinkReader(nodes, first: nodes.count / 3, decoder: decoder, concurrently: concurrently)
    }

    /// The links of `nodes`, as decoding them in order gives them: the first part here, the rest by
    /// `linkReader`. An end its copy of the id index does not find by its bytes is looked up as text
    /// here. When its part has anything to report, that part is decoded again here, after the first,
    /// so the messages come in file order.
    private mutating func decodeLinks(_ nodes: NodeList, with linkReader: LinkReader) -> [PendingLink] {
        linkReader.idsAreDeclared(idIndex.independentCopy())
        var pending: [PendingLink] = []
        pending.reserveCapacity(nodes.count)
        for i in 0..<linkReader.first { if let link = link(nodes[i]) { pending.append(link) } }
        linkReader.finish()
        if linkReader.decoder.reader.diagnostics.isEmpty {
            for var link in linkReader.links {
                if link.from == nil { link.from = declarationNumber(ofText: link.fromNode.text) }
                if link.to == nil { link.to = declarationNumber(ofText: link.toNode.text) }
                pending.append(link)
            }
        } else {
            for i in linkReader.first..<nodes.count { if let link = link(nodes[i]) { pending.append(link) } }
        }
        return pending
    }
}
