import EcomapAnalysis
import EcomapModel

/// A message's identity across every source of one community: the source, a channel (or topic) within
/// it, and the export's id of the message.
struct MessageKey: Hashable {
    var source: Int32
    var channel: Int32
    var id: UInt64
}

/// The figures of one community's messages, before formatting (docs/measure.md defines each).
struct ActivityFigures {
    var activeMembers: Int
    var discussions: Int
    var replies: Int
    var emojiReactions: Int
    var answered: Int
    var medianFirstResponseHours: Double?
    var keyPeople: [KeyPerson]
}

/// Collects the counted messages of one community, source after source, in bounded memory: per message it
/// keeps only its author (for replies to it) and, inside the window, its time and parent.
final class ActivityCollector {
    let window: MeasureWindow
    private var personIndex: [String: Int32] = [:]
    private(set) var personIDs: [String] = []
    private var names: [String] = []
    private var messageCounts: [Int] = []
    /// Author of every counted message, inside the window or not (a reply may answer an older message).
    private var authorOf: [MessageKey: Int32] = [:]
    /// Window discussions: author and time.
    private var discussions: [MessageKey: (author: Int32, time: Double)] = [:]
    /// Window replies.
    private var replies: [(author: Int32, time: Double, parent: MessageKey)] = []
    private var emojiReactions = 0
    /// Interactions between two different people: key `low << 32 | high`, value their number.
    private var interactions: [UInt64: Double] = [:]

    init(window: MeasureWindow) { self.window = window }

    /// The index of a person (`id` qualified by its source). An author's display name is the one on
    /// their latest message; a name seen only in a mention or reaction is used until then.
    func person(_ id: String, name: String?, isAuthor: Bool = false) -> Int32 {
        if let i = personIndex[id] {
            if isAuthor, let name, !name.isEmpty { names[Int(i)] = name }
            return i
        }
        let i = Int32(personIDs.count)
        personIndex[id] = i
        personIDs.append(id)
        names.append(name?.isEmpty == false ? name! : id)
        messageCounts.append(0)
        return i
    }

    /// Records one counted message (never a bot's or a system message). `reactions` is the number of emoji
    /// reactions by people, `reactors` those the export names, `mentions` the people it mentions.
    func add(key: MessageKey, author: Int32, time: Double, parent: MessageKey?, reactions: Int,
             reactors: [Int32], mentions: [Int32]) {
        authorOf[key] = author
        guard window.contains(time) else { return }
        messageCounts[Int(author)] += 1
        if let parent {
            replies.append((author, time, parent))
        } else {
            discussions[key] = (author, time)
        }
        emojiReactions += reactions
        for r in reactors { interact(r, author) }
        for m in mentions { interact(author, m) }
    }

    private func interact(_ a: Int32, _ b: Int32) {
        guard a != b else { return }
        let key = UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
        interactions[key, default: 0] += 1
    }

    /// The figures; `keyPeople` of the most central people.
    func figures(keyPeople count: Int = 5) -> ActivityFigures {
        var firstResponse: [MessageKey: Double] = [:]
        for reply in replies {
            guard let parentAuthor = authorOf[reply.parent] else { continue }
            interact(reply.author, parentAuthor)
            if let d = discussions[reply.parent], d.author != reply.author, reply.time >= d.time {
                let delay = reply.time - d.time
                if delay < firstResponse[reply.parent] ?? .infinity { firstResponse[reply.parent] = delay }
            }
        }
        let delays = firstResponse.values.sorted()
        var median: Double?
        if !delays.isEmpty {
            let mid = delays.count / 2
            median = (delays.count % 2 == 1 ? delays[mid] : (delays[mid - 1] + delays[mid]) / 2) / 3600
        }
        let active = messageCounts.filter { $0 > 0 }.count
        let people = keyPeopleRanking(count)
        return ActivityFigures(
            activeMembers: active, discussions: discussions.count, replies: replies.count,
            emojiReactions: emojiReactions, answered: firstResponse.count, medianFirstResponseHours: median,
            keyPeople: people.map { KeyPerson(id: personIDs[$0.index], name: names[$0.index], score: $0.score, messages: messageCounts[$0.index]) })
    }

    /// Weighted PageRank over the window's people (authors of counted messages and everyone they
    /// interacted with), undirected; ties broken by more messages, then name, then id.
    private func keyPeopleRanking(_ count: Int) -> [(index: Int, score: Double)] {
        var local: [Int32: Int] = [:]
        var nodes: [Int] = []
        func node(_ p: Int32) -> Int {
            if let i = local[p] { return i }
            local[p] = nodes.count
            nodes.append(Int(p))
            return nodes.count - 1
        }
        for (p, n) in messageCounts.enumerated() where n > 0 { _ = node(Int32(p)) }
        var edges: [(Int, Int, Double, Bool)] = []
        for (key, weight) in interactions.sorted(by: { $0.key < $1.key }) {
            edges.append((node(Int32(key >> 32)), node(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)), weight, false))
        }
        guard !nodes.isEmpty else { return [] }
        let ranks = PageRank.compute(Graph(nodeCount: nodes.count, edges: edges))
        let order = nodes.indices.sorted { a, b in
            let ra = (ranks[a] * 1e8).rounded(), rb = (ranks[b] * 1e8).rounded()
            if ra != rb { return ra > rb }
            let ma = messageCounts[nodes[a]], mb = messageCounts[nodes[b]]
            if ma != mb { return ma > mb }
            if names[nodes[a]] != names[nodes[b]] { return names[nodes[a]] < names[nodes[b]] }
            return personIDs[nodes[a]] < personIDs[nodes[b]]
        }
        return order.prefix(count).map { (nodes[$0], ranks[$0]) }
    }
}
