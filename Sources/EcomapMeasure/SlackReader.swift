import Foundation
import ZIPFoundation

/// Reads a Slack workspace export: the ZIP file Slack hands out, or the folder it unpacks to. `users.json`
/// gives names, bots and the registered members; every `<channel>/<YYYY-MM-DD>.json` is a list of messages.
///
/// Counted: messages with no `subtype` or one of `thread_broadcast`, `file_share`, `me_message`, from a
/// user who is not a bot (no `bot_id`, not `subtype: bot_message`, not `is_bot` in users.json, not
/// Slackbot). A message whose `thread_ts` differs from its `ts` is a reply to the thread's first message.
struct SlackReader {
    let name: String
    let sourceIndex: Int32

    /// Largest ZIP member read (uncompressed): a guard against ZIP bombs.
    static let maxMemberBytes: UInt64 = 512 * 1024 * 1024

    private struct Person {
        var display: String
        var isBot: Bool
        var deleted: Bool
    }

    static let countedSubtypes: Set<String> = ["thread_broadcast", "file_share", "me_message"]

    /// Reads the export; returns the number of registered members (people in users.json who are
    /// neither bots nor deleted).
    func read(path: String, into collector: ActivityCollector) throws(MeasureError) -> Int {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let members: [(path: String, open: () throws(MeasureError) -> ByteSource)]
        if isFolder.boolValue {
            members = try folderMembers(path)
        } else {
            members = try zipMembers(path)
        }
        guard let usersMember = members.first(where: { $0.path == "users.json" }) else {
            throw MeasureError(file: name, message: "no users.json: not a Slack workspace export")
        }
        let people = try users(usersMember.open(), name: "\(name):users.json")
        var channels: [String: Int32] = [:]
        for member in members {
            let parts = member.path.split(separator: "/")
            guard parts.count == 2, parts[1].hasSuffix(".json"),
                  CalendarDateText.isDate(parts[1].dropLast(5)) else { continue }
            let channel = channels[String(parts[0])] ?? {
                let c = Int32(channels.count)
                channels[String(parts[0])] = c
                return c
            }()
            try day(member.open(), name: "\(name):\(member.path)", channel: channel, people: people, collector)
        }
        return people.values.filter { !$0.isBot && !$0.deleted }.count
    }

    private func folderMembers(_ root: String) throws(MeasureError) -> [(path: String, open: () throws(MeasureError) -> ByteSource)] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw MeasureError(file: name, message: "cannot read the export folder")
        }
        var paths: [String] = []
        while let p = walker.nextObject() as? String {
            if p.hasSuffix(".json") { paths.append(p) }
        }
        let label = name
        return paths.sorted().map { p in
            (p, { () throws(MeasureError) -> ByteSource in try FileByteSource(path: root + "/" + p, name: "\(label):\(p)") })
        }
    }

    private func zipMembers(_ path: String) throws(MeasureError) -> [(path: String, open: () throws(MeasureError) -> ByteSource)] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw MeasureError(file: name, message: "not a readable ZIP file (\(error)); a Slack export is the ZIP Slack hands out")
        }
        let entries = archive.filter { $0.type == .file && $0.path.hasSuffix(".json") }
            .sorted { $0.path < $1.path }
        let label = name
        return entries.map { entry in
            (entry.path, { () throws(MeasureError) -> ByteSource in
                guard entry.uncompressedSize <= Self.maxMemberBytes else {
                    throw MeasureError(file: "\(label):\(entry.path)",
                                       message: "member larger than \(Self.maxMemberBytes) bytes uncompressed")
                }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(Int(entry.uncompressedSize))
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { data in
                        bytes.append(contentsOf: data)
                        if bytes.count > Self.maxMemberBytes { throw CocoaError(.fileReadTooLarge) }
                    }
                } catch {
                    throw MeasureError(file: "\(label):\(entry.path)", message: "cannot unpack this member (\(error))")
                }
                return MemoryByteSource(bytes)
            })
        }
    }

    private func users(_ source: ByteSource, name: String) throws(MeasureError) -> [String: Person] {
        let json = JSONStream(source: source, name: name)
        guard try json.next() == .beginArray else { throw json.error("users.json must be a list of users") }
        var people: [String: Person] = [:]
        while true {
            let t = try json.next()
            if t == .endArray { break }
            guard t == .beginObject else { throw json.error("each user must be an object") }
            var id = "", login = "", real = "", display = ""
            var bot = false, deleted = false
            while try json.nextKey() {
                if json.valueIs("id") { id = try json.stringOrNull("id") ?? "" }
                else if json.valueIs("name") { login = try json.stringOrNull("name") ?? "" }
                else if json.valueIs("real_name") { real = try json.stringOrNull("real_name") ?? "" }
                else if json.valueIs("is_bot") { bot = try json.boolOrNull("is_bot") ?? false }
                else if json.valueIs("deleted") { deleted = try json.boolOrNull("deleted") ?? false }
                else if json.valueIs("profile") {
                    guard try json.beginObjectOrNull("profile") else { continue }
                    while try json.nextKey() {
                        if json.valueIs("display_name") { display = try json.stringOrNull("display_name") ?? "" }
                        else if json.valueIs("real_name"), real.isEmpty { real = try json.stringOrNull("real_name") ?? "" }
                        else { try json.skipValue() }
                    }
                } else {
                    try json.skipValue()
                }
            }
            guard !id.isEmpty else { throw json.error("a user without `id`") }
            let shown = !display.isEmpty ? display : !real.isEmpty ? real : !login.isEmpty ? login : id
            people[id] = Person(display: shown, isBot: bot || id == "USLACKBOT", deleted: deleted)
        }
        guard try json.next() == .end else { throw json.error("unexpected text after the list") }
        return people
    }

    /// Slack's `ts`, `"1700000000.000100"`: microseconds since the epoch as the key, seconds as the time.
    static func timestamp(_ text: String) -> (key: UInt64, seconds: Double)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let s = UInt64(parts[0]), s < 100_000_000_000 else { return nil }
        var micro: UInt64 = 0
        if parts.count == 2 {
            let frac = parts[1].prefix(6)
            guard !frac.isEmpty, frac.allSatisfy(\.isASCII), let f = UInt64(frac) else { return nil }
            micro = f * UInt64([1, 100_000, 10_000, 1000, 100, 10, 1][frac.count])
        }
        return (s * 1_000_000 + micro, Double(s) + Double(micro) / 1e6)
    }

    private func day(_ source: ByteSource, name: String, channel: Int32, people: [String: Person],
                     _ collector: ActivityCollector) throws(MeasureError) {
        let json = JSONStream(source: source, name: name)
        guard try json.next() == .beginArray else { throw json.error("a day file must be a list of messages") }
        while true {
            let t = try json.next()
            if t == .endArray { break }
            guard t == .beginObject else { throw json.error("each message must be an object") }
            let start = (json.tokenLine, json.tokenColumn, json.tokenOffset)
            var user: String?, subtype: String?, ts: String?, threadTS: String?
            var botID = false
            var reactionCount = 0
            var reactors: [String] = []
            var mentions: [String] = []
            var isMessage = true
            while try json.nextKey() {
                if json.valueIs("user") { user = try json.stringOrNull("user") }
                else if json.valueIs("type") { isMessage = try json.stringOrNull("type") == "message" }
                else if json.valueIs("subtype") { subtype = try json.stringOrNull("subtype") }
                else if json.valueIs("ts") { ts = try json.stringOrNull("ts") }
                else if json.valueIs("thread_ts") { threadTS = try json.stringOrNull("thread_ts") }
                else if json.valueIs("bot_id") { botID = try json.next() != .null }
                else if json.valueIs("text") {
                    guard try json.next() == .string else { continue }
                    mentions = Self.mentionedUsers(json.value)
                } else if json.valueIs("reactions") {
                    guard try json.beginArrayOrNull("reactions") else { continue }
                    while true {
                        let r = try json.next()
                        if r == .endArray { break }
                        guard r == .beginObject else { throw json.error("each reaction must be an object") }
                        var count = 0
                        var users: [String] = []
                        while try json.nextKey() {
                            if json.valueIs("count") { count = try json.integerOrNull("reactions.count") ?? 0 }
                            else if json.valueIs("users") {
                                guard try json.beginArrayOrNull("reactions.users") else { continue }
                                while true {
                                    let u = try json.next()
                                    if u == .endArray { break }
                                    guard u == .string else { throw json.error("reaction users must be ids") }
                                    users.append(json.text)
                                }
                            } else {
                                try json.skipValue()
                            }
                        }
                        let bots = users.filter { people[$0]?.isBot == true }
                        reactionCount += max(0, count - bots.count)
                        reactors += users.filter { people[$0]?.isBot != true }
                    }
                } else {
                    try json.skipValue()
                }
            }
            guard isMessage else { continue }
            if let subtype, !Self.countedSubtypes.contains(subtype) { continue }  // system or bot message
            guard let ts, let stamp = Self.timestamp(ts) else {
                throw MeasureError(file: name, line: start.0, column: start.1, offset: start.2,
                                   message: "a message without a valid `ts`")
            }
            guard !botID, let user, !user.isEmpty, people[user]?.isBot != true else { continue }
            var parent: MessageKey?
            if let threadTS, threadTS != ts {
                guard let p = Self.timestamp(threadTS) else {
                    throw MeasureError(file: name, line: start.0, column: start.1, offset: start.2,
                                       message: "invalid `thread_ts` \"\(threadTS)\"")
                }
                parent = MessageKey(source: sourceIndex, channel: channel, id: p.key)
            }
            func who(_ id: String) -> Int32 { collector.person("slack:" + id, name: people[id]?.display) }
            collector.add(
                key: MessageKey(source: sourceIndex, channel: channel, id: stamp.key),
                author: collector.person("slack:" + user, name: people[user]?.display, isAuthor: true),
                time: stamp.seconds, parent: parent, reactions: reactionCount,
                reactors: reactors.map(who),
                mentions: mentions.filter { people[$0]?.isBot != true }.map(who))
        }
        guard try json.next() == .end else { throw json.error("unexpected text after the list") }
    }

    /// User ids mentioned as `<@U123>` or `<@U123|name>` in a message text (the text itself is dropped).
    static func mentionedUsers(_ text: [UInt8]) -> [String] {
        var result: [String] = []
        var i = 0
        while i + 2 < text.count {
            if text[i] == UInt8(ascii: "<"), text[i + 1] == UInt8(ascii: "@") {
                var j = i + 2
                while j < text.count, text[j] != UInt8(ascii: ">"), text[j] != UInt8(ascii: "|"), j - i < 40 { j += 1 }
                if j < text.count, j > i + 2 { result.append(String(decoding: text[(i + 2)..<j], as: UTF8.self)) }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }
}

/// `YYYY-MM-DD` recogniser for Slack day files.
enum CalendarDateText {
    static func isDate(_ text: Substring) -> Bool {
        text.count == 10 && text.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber }
    }
}
