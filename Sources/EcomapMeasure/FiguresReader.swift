import EcomapModel

/// Reads figures measured elsewhere: a CSV with one row per community and window, as
/// `ecomap measure --format csv` writes it and as the SQL in docs/measure.md produces it.
struct FiguresReader {
    let name: String

    static let required = ["community", "from", "to", "active_members", "discussions", "reactions"]
    static let optional = ["density", "response_rate", "median_first_response_hours", "registered_members",
                           "mentions", "positive", "neutral", "negative", "key_people"]

    /// The row of `community` whose window ends latest on or before `asOf`.
    func read(path: String, community: String, asOf: CalendarDate) throws(MeasureError) -> CommunityMeasurement {
        let rows = try CSVRows(path: path, name: name)
        guard let first = try rows.next() else { throw rows.error("empty file: no header row") }
        let header = CSVHeader(first)
        for column in Self.required where !header.has(column) {
            throw MeasureError(file: name, line: 1, column: 0, columnName: column,
                               message: "a figures CSV needs the column `\(column)` (needed: \(Self.required.joined(separator: ", ")); optional: \(Self.optional.joined(separator: ", ")))")
        }
        var best: CommunityMeasurement?
        while let row = try rows.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            guard header.cell(row, "community") == community else { continue }
            func date(_ column: String) throws(MeasureError) -> CalendarDate {
                guard let text = header.cell(row, column), let d = CalendarDate(parsing: text) else {
                    throw rows.error("`\(column)` must be a date YYYY-MM-DD", column: column)
                }
                return d
            }
            func number(_ column: String) throws(MeasureError) -> Double? {
                guard let text = header.cell(row, column) else { return nil }
                guard let v = Double(text), v.isFinite, v >= 0, v <= 1e12 else {
                    throw rows.error("`\(column)` must be a number from 0 to 10^12, found \"\(text)\"", column: column)
                }
                return v
            }
            let from = try date("from"), to = try date("to")
            guard from <= to else { throw rows.error("`from` is after `to`", column: "from") }
            guard to <= asOf, best.map({ $0.to < to }) ?? true else { continue }
            var m = CommunityMeasurement(communityID: community, from: from, to: to)
            m.activeMembers = try number("active_members").map { Int($0) }
            m.discussions = try number("discussions")
            m.reactions = try number("reactions")
            m.density = try number("density")
            m.responseRate = try number("response_rate")
            m.medianFirstResponseHours = try number("median_first_response_hours")
            m.registeredMembers = try number("registered_members").map { Int($0) }
            if let n = try number("mentions") {
                let shares = (try number("positive") ?? 0, try number("neutral") ?? 0, try number("negative") ?? 0)
                let rated = shares.0 + shares.1 + shares.2 > 0 ? Int(n) : 0
                m.sentiment = SentimentShares(mentions: Int(n), rated: rated, positive: shares.0, neutral: shares.1,
                                              negative: shares.2, competitors: nil)
            }
            if m.density == nil, let a = m.activeMembers, a > 0, let d = m.discussions, let r = m.reactions {
                m.density = (d + r) / Double(a)
            }
            best = m
        }
        guard let best else {
            throw MeasureError(file: name, line: 1, column: 0, columnName: "community",
                               message: "no row for community `\(community)` with a window ending on or before \(asOf)")
        }
        return best
    }
}
