import Foundation
import ZIPFoundation

/// One community's conversation with known answers, written out in every export format.
///
/// Window: 90 days ending 2026-03-31 (2026-01-01 ... 2026-03-31). Counted messages: m1-m7 and m11 (8);
/// not counted: a bot's message (m8), a join (m9), an old discussion (m10, only a reply target) and a
/// message after the window (m12). Expected figures are worked out by hand in `Expected`.
struct Scenario {
    struct Person { var id: Int; var name: String; var bot = false }
    struct Message {
        var n: Int
        var author: Int
        var time: String  // ISO 8601, UTC
        var replyTo: Int?
        var reactors: [Int] = []
        var mentions: [Int] = []
        var system = false
    }

    static let people = [
        Person(id: 1, name: "Ann"), Person(id: 2, name: "Bob"), Person(id: 3, name: "Cat"), Person(id: 4, name: "Dan"),
        Person(id: 9, name: "Helperbot", bot: true),
    ]

    static let messages = [
        Message(n: 1, author: 1, time: "2026-03-01T10:00:00", replyTo: nil, reactors: [2, 3, 9]),
        Message(n: 2, author: 2, time: "2026-03-01T12:00:00", replyTo: 1),
        Message(n: 3, author: 1, time: "2026-03-01T13:00:00", replyTo: 1),  // self-reply
        Message(n: 4, author: 3, time: "2026-03-02T09:00:00", replyTo: nil, mentions: [4]),
        Message(n: 5, author: 3, time: "2026-03-02T10:00:00", replyTo: 4),  // self-reply only: m4 unanswered
        Message(n: 6, author: 4, time: "2026-02-10T08:00:00", replyTo: nil),
        Message(n: 7, author: 1, time: "2026-02-10T14:00:00", replyTo: 6),
        Message(n: 8, author: 9, time: "2026-03-03T09:00:00", replyTo: nil),  // bot
        Message(n: 9, author: 3, time: "2026-03-03T10:00:00", replyTo: nil, system: true),  // join
        Message(n: 10, author: 4, time: "2025-12-01T08:00:00", replyTo: nil),  // before the window
        Message(n: 11, author: 2, time: "2026-01-05T08:00:00", replyTo: 10),  // reply to an old message
        Message(n: 12, author: 1, time: "2026-04-02T08:00:00", replyTo: nil),  // after the window
    ]

    /// Hand-worked answers (see the type's comment).
    enum Expected {
        static let activeMembers = 4              // Ann, Bob, Cat, Dan
        static let discussionsPerMonth = 1.0      // m1, m4, m6: 3 x 30 / 90
        static let reactionsPerMonth = 7.0 / 3    // 5 replies + 2 emoji reactions by people, x 30 / 90
        static let density = (1.0 + 7.0 / 3) / 4
        static let responseRate = 2.0 / 3         // m1 (Bob, 2 h) and m6 (Ann, 6 h); m4 only self-answered
        static let medianHours = 4.0
        /// Messages per person in the window.
        static let messages = ["Ann": 3, "Bob": 2, "Cat": 2, "Dan": 1]
        /// Interactions: reactions Bob-Ann, Cat-Ann; mention Cat-Dan; replies Bob-Ann, Ann-Dan, Bob-Dan.
        static let interactions: [(String, String, Double)] = [("Ann", "Bob", 2), ("Ann", "Cat", 1), ("Cat", "Dan", 1),
                                                               ("Ann", "Dan", 1), ("Bob", "Dan", 1)]
    }

    static func name(_ id: Int) -> String { people.first { $0.id == id }!.name }
    static func isBot(_ id: Int) -> Bool { people.first { $0.id == id }!.bot }

    // MARK: Discord (DiscordChatExporter JSON)

    static func discordJSON() -> String {
        func user(_ id: Int) -> String {
            "{\"id\":\"\(1000 + id)\",\"name\":\"\(name(id).lowercased())\",\"discriminator\":\"0000\",\"nickname\":\"\(name(id))\",\"color\":null,\"isBot\":\(isBot(id)),\"roles\":[],\"avatarUrl\":\"https://cdn.discordapp.com/embed/avatars/0.png\"}"
        }
        var items: [String] = []
        for m in messages {
            let type = m.system ? "GuildMemberJoin" : m.replyTo != nil ? "Reply" : "Default"
            var fields = [
                "\"id\":\"\(5000 + m.n)\"", "\"type\":\"\(type)\"", "\"timestamp\":\"\(m.time).000+00:00\"",
                "\"timestampEdited\":null", "\"callEndedTimestamp\":null", "\"isPinned\":false",
                "\"content\":\"message \(m.n) with \\\"quotes\\\" and \\u00e9 \\ud83d\\ude00\"", "\"author\":\(user(m.author))",
                "\"attachments\":[]", "\"embeds\":[]", "\"stickers\":[]",
            ]
            let reactions = m.reactors.isEmpty ? "[]" :
                "[{\"emoji\":{\"id\":\"\",\"name\":\"👍\",\"code\":\"thumbsup\",\"isAnimated\":false,\"imageUrl\":\"x\"},\"count\":\(m.reactors.count),\"users\":[\(m.reactors.map(user).joined(separator: ","))]}]"
            fields.append("\"reactions\":\(reactions)")
            fields.append("\"mentions\":[\(m.mentions.map(user).joined(separator: ","))]")
            if let r = m.replyTo {
                fields.append("\"reference\":{\"messageId\":\"\(5000 + r)\",\"channelId\":\"77\",\"guildId\":\"66\"}")
            }
            items.append("    {\n      " + fields.joined(separator: ",\n      ") + "\n    }")
        }
        return """
            {
              "guild": {"id": "66", "name": "Test Guild", "iconUrl": "x"},
              "channel": {"id": "77", "type": "GuildTextChat", "categoryId": "1", "category": "Text", "name": "general", "topic": null},
              "dateRange": {"after": null, "before": null},
              "exportedAt": "2026-04-05T00:00:00+00:00",
              "messages": [
            \(items.joined(separator: ",\n"))
              ],
              "messageCount": \(messages.count)
            }

            """
    }

    // MARK: Slack (workspace export ZIP)

    static func slackTS(_ m: Message) -> String {
        let seconds = Int(isoSeconds(m.time))
        return "\(seconds).\(String(format: "%06d", m.n))"
    }

    static func isoSeconds(_ text: String) -> Double {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text + "Z")!.timeIntervalSince1970
    }

    static func slackUsers() -> String {
        var users = people.map { p in
            "{\"id\":\"U\(p.id)\",\"team_id\":\"T1\",\"name\":\"\(p.name.lowercased())\",\"deleted\":false,\"real_name\":\"\(p.name) Real\",\"is_bot\":\(p.bot),\"profile\":{\"real_name\":\"\(p.name) Real\",\"display_name\":\"\(p.name)\"}}"
        }
        users.append("{\"id\":\"U7\",\"name\":\"eve\",\"deleted\":false,\"is_bot\":false,\"profile\":{\"display_name\":\"\"}}")
        users.append("{\"id\":\"U8\",\"name\":\"fay\",\"deleted\":true,\"is_bot\":false,\"profile\":{}}")
        users.append("{\"id\":\"USLACKBOT\",\"name\":\"slackbot\",\"deleted\":false,\"is_bot\":false,\"profile\":{}}")
        return "[\n" + users.joined(separator: ",\n") + "\n]\n"
    }

    /// Day files by `general/YYYY-MM-DD.json`.
    static func slackDays() -> [String: String] {
        var days: [String: [String]] = [:]
        for m in messages {
            var fields = ["\"type\":\"message\"", "\"ts\":\"\(slackTS(m))\""]
            let mentionText = m.mentions.map { "<@U\($0)>" }.joined(separator: " ")
            fields.append("\"text\":\"message \(m.n) \(mentionText)\"")
            if m.system {
                fields.append("\"subtype\":\"channel_join\"")
                fields.append("\"user\":\"U\(m.author)\"")
            } else if isBot(m.author) {
                fields.append("\"subtype\":\"bot_message\"")
                fields.append("\"bot_id\":\"B9\"")
            } else {
                fields.append("\"user\":\"U\(m.author)\"")
            }
            if let r = m.replyTo {
                fields.append("\"thread_ts\":\"\(slackTS(messages.first { $0.n == r }!))\"")
                fields.append("\"parent_user_id\":\"U\(messages.first { $0.n == r }!.author)\"")
            } else if messages.contains(where: { $0.replyTo == m.n }) {
                fields.append("\"thread_ts\":\"\(slackTS(m))\"")  // a thread's first message: thread_ts == ts
                fields.append("\"reply_count\":\(messages.filter { $0.replyTo == m.n }.count)")
            }
            if !m.reactors.isEmpty {
                fields.append("\"reactions\":[{\"name\":\"+1\",\"users\":[\(m.reactors.map { "\"U\($0)\"" }.joined(separator: ","))],\"count\":\(m.reactors.count)}]")
            }
            days["general/\(m.time.prefix(10)).json", default: []].append("{" + fields.joined(separator: ",") + "}")
        }
        return days.mapValues { "[\n" + $0.joined(separator: ",\n") + "\n]\n" }
    }

    static func writeSlackZip(to url: URL, extra: [String: String] = [:]) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var files = slackDays()
        files["users.json"] = slackUsers()
        files["channels.json"] = "[{\"id\":\"C1\",\"name\":\"general\",\"created\":1600000000,\"members\":[\"U1\",\"U2\"]}]\n"
        for (k, v) in extra { files[k] = v }
        for path in files.keys.sorted() {
            let data = Data(files[path]!.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    // MARK: Discourse (Data Explorer posts CSV, admin user list)

    static func discoursePosts() -> String {
        // Topics: m1 -> 1, m4 -> 2, m6 -> 3, m10 -> 4, m8 (bot) -> 5, m9 is a small action in topic 1.
        let topicOf = [1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 3, 8: 5, 9: 1, 10: 4, 11: 4, 12: 6]
        var numbers: [Int: Int] = [:]
        var lines = ["post_id,topic_id,post_number,user_id,username,created_at,reply_to_post_number,like_count,post_type"]
        var postNumber: [Int: Int] = [:]
        for m in messages {
            let topic = topicOf[m.n]!
            let number = (numbers[topic] ?? 0) + 1
            numbers[topic] = number
            postNumber[m.n] = number
            let user = isBot(m.author) ? -1 : m.author
            // Replies to the topic's first post leave reply_to_post_number empty, as Discourse does.
            let replyTo = m.replyTo.map { postNumber[$0]! == 1 ? "" : String(postNumber[$0]!) } ?? ""
            let likes = m.reactors.filter { !isBot($0) }.count
            let type = m.system ? 3 : 1
            lines.append("\(m.n),\(topic),\(number),\(user),\(name(m.author)),\(m.time.replacingOccurrences(of: "T", with: " ")),\(replyTo),\(likes),\(type)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func discourseUsers() -> String {
        """
        id,name,username,email,title,created_at,last_seen_at,last_posted_at,trust_level,active,admin,moderator,staged,suspended_at
        -1,system,system,no_email,,2025-01-01,,,4,true,true,true,false,
        1,Ann,ann,ann@example.org,,2025-01-01,2026-03-01,2026-03-01,2,true,false,false,false,
        2,Bob,bob,bob@example.org,,2025-01-01,2026-03-01,2026-03-01,1,true,false,false,false,
        3,Cat,cat,cat@example.org,,2025-01-01,2026-03-01,2026-03-01,1,true,false,false,false,
        4,Dan,dan,dan@example.org,,2025-01-01,2026-03-01,2026-03-01,1,true,false,false,false,
        5,Eve,eve,eve@example.org,,2025-01-01,,,0,true,false,false,false,
        6,Staged,staged,s@example.org,,2025-01-01,,,0,false,false,false,true,
        7,Gone,gone,g@example.org,,2025-01-01,,,0,true,false,false,false,2026-01-01

        """
    }
}
