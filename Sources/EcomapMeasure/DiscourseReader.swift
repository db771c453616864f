import Foundation

/// Reads a Discourse source: the admin user list CSV (registered members), a Data Explorer CSV of posts
/// (activity; the query is in docs/measure.md) or the public `/about.json` (registered members), told
/// apart by the extension and the header.
struct DiscourseReader {
    let name: String
    let sourceIndex: Int32

    /// Columns a posts CSV needs.
    static let postColumns = ["topic_id", "post_number", "user_id", "username", "created_at"]

    enum Outcome {
        /// Registered members counted.
        case members(Int)
        /// Posts were collected.
        case posts
    }

    func read(path: String, into collector: ActivityCollector) throws(MeasureError) -> Outcome {
        if path.lowercased().hasSuffix(".json") { return .members(try about(path)) }
        let rows = try CSVRows(path: path, name: name)
        guard let first = try rows.next() else { throw rows.error("empty file: no header row") }
        let header = CSVHeader(first)
        if header.has("post_number") {
            try posts(rows, header, collector)
            return .posts
        }
        if header.has("username") && (header.has("trust_level") || header.has("last_seen_at")) {
            return .members(try users(rows, header))
        }
        throw rows.error("not a Discourse export: a posts CSV (Data Explorer) needs the columns "
            + Self.postColumns.joined(separator: ", ") + " (optional: reply_to_post_number, like_count, post_type); "
            + "a user list needs username and trust_level; found " + first.joined(separator: ", "))
    }

    /// Admin user list: every row is a member unless `staged`, `suspended_at` or `active = false` say otherwise.
    private func users(_ rows: CSVRows, _ header: CSVHeader) throws(MeasureError) -> Int {
        var count = 0
        while let row = try rows.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            if let staged = header.cell(row, "staged"), staged.lowercased() == "true" { continue }
            if let active = header.cell(row, "active"), active.lowercased() == "false" { continue }
            if header.cell(row, "suspended_at") != nil { continue }
            if let id = header.cell(row, "id"), let n = Int(id), n <= 0 { continue }  // system and bots
            count += 1
        }
        return count
    }

    private func posts(_ rows: CSVRows, _ header: CSVHeader, _ collector: ActivityCollector) throws(MeasureError) {
        for column in Self.postColumns where !header.has(column) {
            throw MeasureError(file: name, line: 1, column: 0, columnName: column,
                               message: "a Discourse posts CSV needs the column `\(column)` (needed: \(Self.postColumns.joined(separator: ", ")))")
        }
        func whole(_ row: [String], _ column: String, required: Bool) throws(MeasureError) -> Int? {
            guard let text = header.cell(row, column) else {
                if required { throw rows.error("`\(column)` is empty", column: column) }
                return nil
            }
            guard let v = Int(text) else { throw rows.error("`\(column)` must be a whole number, found \"\(text)\"", column: column) }
            return v
        }
        while let row = try rows.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            let topic = try whole(row, "topic_id", required: true)!
            let number = try whole(row, "post_number", required: true)!
            let user = try whole(row, "user_id", required: true)!
            guard topic >= 0, number >= 1 else { throw rows.error("`post_number` must be 1 or more", column: "post_number") }
            guard let created = header.cell(row, "created_at"), let time = UTC.seconds(iso: Array(created.utf8)) else {
                throw rows.error("`created_at` must be an ISO 8601 date and time", column: "created_at")
            }
            // Post types: 1 regular, 2 moderator action, 3 small action (system), 4 whisper.
            if let type = try whole(row, "post_type", required: false), type != 1 { continue }
            if user <= 0 { continue }  // system (-1) and discobot (-2)
            let reply = try whole(row, "reply_to_post_number", required: false)
            let likes = try whole(row, "like_count", required: false) ?? 0
            func key(_ n: Int) -> MessageKey { MessageKey(source: sourceIndex, channel: 0, id: UInt64(topic) << 24 | UInt64(n & 0xFF_FFFF)) }
            let author = collector.person("discourse:\(user)", name: header.cell(row, "username"), isAuthor: true)
            collector.add(key: key(number), author: author, time: time,
                          parent: number == 1 ? nil : key(reply ?? 1), reactions: max(0, likes), reactors: [], mentions: [])
        }
    }

    /// `/about.json`: `about.stats.user_count`.
    private func about(_ path: String) throws(MeasureError) -> Int {
        let json = JSONStream(source: try FileByteSource(path: path, name: name), name: name)
        guard try json.next() == .beginObject else { throw json.error("about.json must be an object") }
        var users: Int?
        while try json.nextKey() {
            guard json.valueIs("about"), try json.beginObjectOrNull("about") else {
                if !json.valueIs("about") { try json.skipValue() }
                continue
            }
            while try json.nextKey() {
                guard json.valueIs("stats"), try json.beginObjectOrNull("stats") else {
                    if !json.valueIs("stats") { try json.skipValue() }
                    continue
                }
                while try json.nextKey() {
                    if json.valueIs("user_count") || json.valueIs("users_count") {
                        users = try json.integerOrNull("user_count")
                    } else {
                        try json.skipValue()
                    }
                }
            }
        }
        guard try json.next() == .end else { throw json.error("unexpected text after the document") }
        guard let users else {
            throw MeasureError(file: name, line: 1, column: 1, offset: 0, message: "no `about.stats.user_count`: not a Discourse /about.json")
        }
        return users
    }
}
