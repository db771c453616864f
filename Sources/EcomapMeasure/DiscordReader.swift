/// Reads a DiscordChatExporter JSON export (one channel: `{"guild", "channel", "messages": [...]}`) as a
/// stream, message by message.
///
/// Counted: messages of type `Default` and `Reply` whose author is not a bot. `Reply` messages with a
/// `reference.messageId` are replies; every other type (`GuildMemberJoin`, `ChannelPinnedMessage`,
/// `ThreadCreated`, `RecipientAdd`, `Call`, ...) is a system message.
struct DiscordReader {
    let name: String
    let sourceIndex: Int32

    private struct User {
        var id = ""
        var name: String?
        var nickname: String?
        var isBot = false
        var display: String? { nickname?.isEmpty == false ? nickname : name }
    }

    func read(_ source: ByteSource, into collector: ActivityCollector) throws(MeasureError) {
        let json = JSONStream(source: source, name: name)
        guard try json.next() == .beginObject else {
            throw json.error("a DiscordChatExporter export is a JSON object with `messages`")
        }
        var sawMessages = false
        while try json.nextKey() {
            if json.valueIs("messages") {
                guard try json.next() == .beginArray else { throw json.error("`messages` must be a list") }
                sawMessages = true
                while true {
                    let t = try json.next()
                    if t == .endArray { break }
                    guard t == .beginObject else { throw json.error("each message must be an object") }
                    try message(json, collector)
                }
            } else {
                try json.skipValue()
            }
        }
        guard try json.next() == .end else { throw json.error("unexpected text after the export") }
        guard sawMessages else {
            throw MeasureError(file: name, line: 1, column: 1, offset: 0,
                               message: "no `messages` list: not a DiscordChatExporter JSON export")
        }
    }

    private func message(_ json: JSONStream, _ collector: ActivityCollector) throws(MeasureError) {
        let start = (line: json.tokenLine, column: json.tokenColumn, offset: json.tokenOffset)
        var id: UInt64?
        var type: String?
        var time: Double?
        var author: User?
        var parent: UInt64?
        var reactionCount = 0
        var reactors: [User] = []
        var mentions: [User] = []
        while try json.nextKey() {
            if json.valueIs("id") {
                guard try json.next() == .string, let v = UInt64(json.text) else {
                    throw json.error("message `id` must be a number in quotes")
                }
                id = v
            } else if json.valueIs("type") {
                type = try json.stringOrNull("type")
            } else if json.valueIs("timestamp") {
                guard try json.next() == .string, let t = UTC.seconds(iso: json.value) else {
                    throw json.error("`timestamp` must be an ISO 8601 date and time")
                }
                time = t
            } else if json.valueIs("author") {
                guard try json.beginObjectOrNull("author") else { continue }
                author = try user(json)
            } else if json.valueIs("reference") {
                guard try json.beginObjectOrNull("reference") else { continue }
                while try json.nextKey() {
                    if json.valueIs("messageId") {
                        if let v = try json.stringOrNull("reference.messageId") {
                            guard let n = UInt64(v) else { throw json.error("`reference.messageId` must be a number in quotes") }
                            parent = n
                        }
                    } else {
                        try json.skipValue()
                    }
                }
            } else if json.valueIs("reactions") {
                guard try json.beginArrayOrNull("reactions") else { continue }
                while true {
                    let t = try json.next()
                    if t == .endArray { break }
                    guard t == .beginObject else { throw json.error("each reaction must be an object") }
                    var count = 0
                    var users: [User] = []
                    while try json.nextKey() {
                        if json.valueIs("count") {
                            count = try json.integerOrNull("reactions.count") ?? 0
                        } else if json.valueIs("users") {
                            guard try json.beginArrayOrNull("reactions.users") else { continue }
                            users += try userList(json)
                        } else {
                            try json.skipValue()
                        }
                    }
                    // Reactions by bots the export names are not counted.
                    reactionCount += max(0, count - users.filter(\.isBot).count)
                    reactors += users.filter { !$0.isBot }
                }
            } else if json.valueIs("mentions") {
                guard try json.beginArrayOrNull("mentions") else { continue }
                mentions = try userList(json)
            } else {
                try json.skipValue()
            }
        }
        func missing(_ field: String) -> MeasureError {
            MeasureError(file: name, line: start.line, column: start.column, offset: start.offset,
                         message: "a message without `\(field)`")
        }
        guard let type else { throw missing("type") }
        guard type == "Default" || type == "Reply" else { return }  // system message
        guard let id else { throw missing("id") }
        guard let time else { throw missing("timestamp") }
        guard let author, !author.id.isEmpty else { throw missing("author") }
        if author.isBot { return }
        let a = collector.person("discord:" + author.id, name: author.display, isAuthor: true)
        collector.add(
            key: MessageKey(source: sourceIndex, channel: 0, id: id), author: a, time: time,
            parent: type == "Reply" ? parent.map { MessageKey(source: sourceIndex, channel: 0, id: $0) } : nil,
            reactions: reactionCount,
            reactors: reactors.map { collector.person("discord:" + $0.id, name: $0.display) },
            mentions: mentions.filter { !$0.isBot && !$0.id.isEmpty }.map { collector.person("discord:" + $0.id, name: $0.display) })
    }

    private func userList(_ json: JSONStream) throws(MeasureError) -> [User] {
        var users: [User] = []
        while true {
            let t = try json.next()
            if t == .endArray { return users }
            guard t == .beginObject else { throw json.error("expected a user object") }
            let u = try user(json)
            if !u.id.isEmpty { users.append(u) }
        }
    }

    /// The fields of a user object whose `{` was just read.
    private func user(_ json: JSONStream) throws(MeasureError) -> User {
        var u = User()
        while try json.nextKey() {
            if json.valueIs("id") {
                u.id = try json.stringOrNull("id") ?? ""
            } else if json.valueIs("name") {
                u.name = try json.stringOrNull("name")
            } else if json.valueIs("nickname") {
                u.nickname = try json.stringOrNull("nickname")
            } else if json.valueIs("isBot") {
                u.isBot = try json.boolOrNull("isBot") ?? false
            } else {
                try json.skipValue()
            }
        }
        return u
    }
}
