import Foundation
import EcomapModel

/// How large a synthetic ecosystem to make, and from which seed.
public struct SyntheticOptions: Sendable, Hashable {
    public var communities: Int
    public var influencers: Int
    public var stakeholders: Int
    public var topics: Int
    public var seed: UInt64

    public init(communities: Int, influencers: Int = 0, stakeholders: Int = 1, topics: Int = 0, seed: UInt64 = 1) {
        self.communities = communities
        self.influencers = influencers
        self.stakeholders = stakeholders
        self.topics = topics
        self.seed = seed
    }

    /// The graph nodes the ecosystem will have (communities, influencers and stakeholders).
    public var nodeCount: Int { communities + influencers + stakeholders }
}

/// Generates realistic synthetic ecosystems for benchmarks and tests.
///
/// Community sizes are log-normal (a few large communities, many small ones), activity grows with
/// size, about one figure in ten is missing, links follow preferential attachment (hubs emerge) with
/// log-normal weights, names mix Dutch, German and English with diacritics and the odd emoji, and
/// every enumeration of the format is used once there are enough nodes. Everything is drawn from one
/// seeded SplitMix64 stream in a fixed order, so a seed always gives the same ecosystem.
public enum SyntheticEcosystem {
    public static func generate(_ options: SyntheticOptions) -> Ecosystem {
        var generator = Generator(options: options)
        return generator.run()
    }

    /// The ecosystem file (format version 1) for `options`: the same bytes for the same options.
    public static func yaml(_ options: SyntheticOptions) -> String {
        EcosystemYAMLWriter.write(generate(options), header: """
            # Synthetic ecosystem written by `ecomap generate` (seed \(options.seed)): \
            \(options.communities) communities, \(options.influencers) influencers, \
            \(options.stakeholders) stakeholders, \(options.topics) topics. Figures are invented.
            """)
    }
}

private struct Generator {
    let options: SyntheticOptions
    var random: SplitMix64
    var serial = 0
    /// Topic names by id, for lookups only (never iterated, so no dictionary order reaches the output).
    var topicNames: [String: String] = [:]

    init(options: SyntheticOptions) {
        self.options = options
        random = SplitMix64(seed: options.seed)
    }

    mutating func run() -> Ecosystem {
        let topics = makeTopics()
        for topic in topics { topicNames[topic.id] = topic.name }
        let topicIds = topics.map(\.id)
        let communities = (0..<options.communities).map { makeCommunity($0, topics: topicIds) }
        let influencers = (0..<options.influencers).map { makeInfluencer($0, topics: topicIds) }
        let stakeholders = (0..<options.stakeholders).map { makeStakeholder($0) }
        let ids = communities.map(\.id) + influencers.map(\.id) + stakeholders.map(\.id)
        let brand = stakeholders.first?.id
        let links = makeLinks(ids: ids, hub: stakeholders.isEmpty ? nil : communities.count + influencers.count)
        let month = 1 + random.nextInt(below: 12), day = 1 + random.nextInt(below: 28)
        return Ecosystem(
            title: "Synthetic ecosystem \(options.seed)",
            description: "An invented ecosystem of \(options.nodeCount) nodes for trying out and benchmarking ecomap.",
            asOf: CalendarDate(year: 2026, month: month, day: day),
            focus: brand, topics: topics, communities: communities, influencers: influencers,
            stakeholders: stakeholders, links: links,
            scoringWeights: ScoringWeights(size: 1, activity: 1, reach: 1, action: 2),
            style: Style(theme: .light, labelTop: 10))
    }

    // MARK: - Names and ids

    /// A unique id: the name's ASCII slug and a serial number in base 36.
    mutating func makeId(_ name: String) -> String {
        serial += 1
        let slug = Self.slug(name)
        return (slug.isEmpty ? "n" : slug) + "-" + String(serial, radix: 36)
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            let folded: String?
            switch scalar {
            case "a"..."z", "0"..."9": folded = String(scalar)
            case "ä": folded = "ae"
            case "ö": folded = "oe"
            case "ü": folded = "ue"
            case "ß": folded = "ss"
            case "à", "á", "â": folded = "a"
            case "é", "è", "ë", "ê": folded = "e"
            case "ï", "î": folded = "i"
            case "ø", "ó", "ô": folded = "o"
            default: folded = scalar.isASCII ? nil : ""
            }
            if let folded {
                if folded.isEmpty { continue }
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out += folded
            } else {
                dash = true
            }
            if out.utf8.count >= 24 { break }
        }
        return out
    }

    func fill(_ pattern: String, subject: String, place: String) -> String {
        pattern.replacingOccurrences(of: "{s}", with: subject).replacingOccurrences(of: "{p}", with: place)
    }

    /// The subject of a name: the node's first topic when it has one, else any subject.
    mutating func subject(_ topicIds: [String]) -> String {
        let any = random.pick(Vocabulary.subjects)
        guard let first = topicIds.first, let name = topicNames[first] else { return any }
        return name
    }

    // MARK: - Nodes

    mutating func makeTopics() -> [Topic] {
        (0..<options.topics).map { i in
            let base = Vocabulary.subjects[i % Vocabulary.subjects.count]
            let round = i / Vocabulary.subjects.count
            let name = round == 0 ? base : "\(base) \(round + 1)"
            let id = Self.slug(name)
            // Half the topics are bare strings (id and name alike); the rest use the long form.
            if i % 2 == 1 {
                return Topic(id: id)
            }
            return Topic(id: id, name: name,
                         description: random.chance(0.5) ? "Alles over \(name.lowercased())." : nil)
        }
    }

    /// Topic ids for a node: popular topics are picked more often (index skewed towards the start).
    mutating func pickTopics(_ topics: [String], max count: Int) -> [String] {
        guard !topics.isEmpty else { return [] }
        let n = random.nextInt(below: count + 1)
        var chosen: [Int] = []
        for _ in 0..<n {
            let u = random.nextUnit()
            let index = min(topics.count - 1, Int(Double(topics.count) * u * u))
            if !chosen.contains(index) { chosen.append(index) }
        }
        return chosen.map { topics[$0] }
    }

    mutating func maybe<T>(_ value: T, missing p: Double, forced: Bool = false) -> T? {
        let drop = random.chance(p)
        return drop && !forced ? nil : value
    }

    /// Enumeration values: the first nodes walk through every case so each one appears in the file.
    mutating func enumValue<T: CaseIterable>(_ index: Int, _ type: T.Type) -> T where T.AllCases == [T] {
        let all = T.allCases
        let draw = random.nextInt(below: all.count)
        return index < all.count ? all[index] : all[draw]
    }

    mutating func makeCommunity(_ index: Int, topics: [String]) -> Community {
        let place = random.pick(Vocabulary.places)
        let chosenTopics = pickTopics(topics, max: 3)
        var name = fill(random.pick(Vocabulary.communityPatterns), subject: subject(chosenTopics), place: place)
        if random.chance(0.06) { name += " " + random.pick(Vocabulary.emoji) }
        let id = makeId(name)
        let forced = index < 9
        let members = max(3, Int(random.logNormal(median: 900, sigma: 1.7).rounded()))
        let discussions = max(0, (pow(Double(members), 0.6) * random.logNormal(median: 0.5, sigma: 0.6)).rounded())
        let reactions = (discussions * random.logNormal(median: 8, sigma: 0.7)).rounded()
        let actions = (discussions * min(1, random.logNormal(median: 0.06, sigma: 1.0)) * 10).rounded() / 10
        let reach = Int((Double(members) * random.logNormal(median: 3, sigma: 1.1)).rounded())
        let activityKnown = random.chance(0.85) || forced
        let goalCount = random.nextInt(below: 4)
        var goals: [Goal] = forced ? [Goal.allCases[index % Goal.allCases.count]] : []
        for _ in 0..<goalCount {
            let goal = random.pick(Goal.allCases)
            if !goals.contains(goal) { goals.append(goal) }
        }
        goals.sort { a, b in Goal.allCases.firstIndex(of: a)! < Goal.allCases.firstIndex(of: b)! }
        return Community(
            id: id, name: name,
            url: random.chance(0.4) ? "https://\(Self.slug(name)).example" : nil,
            notes: random.chance(0.05) ? random.pick(Vocabulary.notes) : nil,
            tags: random.chance(0.2) ? [random.pick(Vocabulary.tags)] : [],
            channel: maybe(enumValue(index, Channel.self), missing: 0.03, forced: forced),
            presence: maybe(enumValue(index, Presence.self), missing: 0.1, forced: forced),
            scope: maybe(enumValue(index, Scope.self), missing: 0.1, forced: forced),
            topics: chosenTopics,
            members: maybe(members, missing: 0.08, forced: forced),
            discussions: activityKnown ? maybe(discussions, missing: 0.05, forced: forced) : nil,
            reactions: activityKnown ? maybe(reactions, missing: 0.05, forced: forced) : nil,
            reach: maybe(reach, missing: 0.3, forced: forced),
            actions: maybe(actions, missing: 0.25, forced: forced),
            sentiment: maybe(enumValue(index, Sentiment.self), missing: 0.1, forced: forced),
            phase: maybe(enumValue(index, Phase.self), missing: 0.2, forced: forced),
            goals: goals)
    }

    mutating func makeInfluencer(_ index: Int, topics: [String]) -> Influencer {
        let name = random.pick(Vocabulary.firstNames) + " " + random.pick(Vocabulary.lastNames)
        let id = makeId(name)
        let followers = max(10, Int(random.logNormal(median: 12000, sigma: 1.5).rounded()))
        return Influencer(
            id: id, name: name,
            url: random.chance(0.2) ? "https://\(Self.slug(name)).example/blog" : nil,
            tags: random.chance(0.1) ? [random.pick(Vocabulary.tags)] : [],
            followers: maybe(followers, missing: 0.1, forced: index == 0),
            handle: random.chance(0.7) ? "@" + Self.slug(name).replacingOccurrences(of: "-", with: "") : nil,
            topics: pickTopics(topics, max: 2),
            sentiment: maybe(enumValue(index, Sentiment.self), missing: 0.3, forced: index < 4))
    }

    mutating func makeStakeholder(_ index: Int) -> Stakeholder {
        let name: String
        if index == 0 {
            name = random.pick(Vocabulary.brandSyllables) + random.pick(Vocabulary.brandSyllables).lowercased()
                + random.pick(Vocabulary.brandSyllables).lowercased()
        } else {
            name = fill(random.pick(Vocabulary.organisations), subject: random.pick(Vocabulary.subjects),
                        place: random.pick(Vocabulary.places))
        }
        let roles = StakeholderRole.allCases
        // The first stakeholder is the brand; the next ones walk through the other roles.
        let role = index < roles.count ? roles[index] : roles[1 + random.nextInt(below: roles.count - 1)]
        return Stakeholder(id: makeId(name), name: name,
                           url: random.chance(0.5) ? "https://\(Self.slug(name)).example" : nil,
                           role: maybe(role, missing: 0.05, forced: index < roles.count))
    }

    // MARK: - Links

    /// Preferential attachment: each node joins with one to three links, mostly to nodes that already
    /// have many (picked from the list of link endpoints), sometimes to any earlier node. The brand
    /// (`hub`) joins first; a handful of nodes (at most 10) stay unlinked, as in real listening data.
    mutating func makeLinks(ids: [String], hub: Int?) -> [Link] {
        let n = ids.count
        guard n > 1 else { return [] }
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, random.nextInt(below: i + 1)) }
        if let hub, let at = order.firstIndex(of: hub) { order.swapAt(0, at) }
        let isolated = min(n / 200, 10)
        var endpoints: [Int] = []
        endpoints.reserveCapacity(n * 4)
        var seen = Set<UInt64>()
        var links: [Link] = []
        links.reserveCapacity(n * 2)
        for position in 1..<(n - isolated) {
            let node = order[position]
            let wanted = min(position, 1 + random.nextInt(below: 3))
            var made = 0, attempts = 0
            while made < wanted && attempts < 20 {
                attempts += 1
                let other = endpoints.isEmpty || random.chance(0.2)
                    ? order[random.nextInt(below: position)] : endpoints[random.nextInt(below: endpoints.count)]
                let key = UInt64(min(node, other)) << 32 | UInt64(max(node, other))
                if other == node || seen.contains(key) { continue }
                seen.insert(key)
                made += 1
                endpoints.append(node)
                endpoints.append(other)
                let weight = min(100, max(5, (random.logNormal(median: 0.35, sigma: 0.6) * 100).rounded())) / 100
                let longForm = random.chance(0.15)
                let directed = longForm && random.chance(0.25)
                // Half the links point from the newcomer to the earlier node, half the other way.
                let (from, to) = random.chance(0.5) ? (node, other) : (other, node)
                links.append(Link(from: ids[from], to: ids[to], weight: weight,
                                  kind: longForm ? random.pick(Vocabulary.linkKinds) : nil, directed: directed))
            }
        }
        return links
    }
}
