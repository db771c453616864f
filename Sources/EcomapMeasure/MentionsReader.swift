import EcomapModel
import Foundation

/// Column layout of a listening tool's mention export.
public struct MentionPreset: Sendable, Hashable {
    public var name: String
    /// The date (or date and time) column.
    public var date: String
    public var sentiment: String
    public var author: String?
    /// Text columns searched for competitor names (never output).
    public var text: [String]
    /// The community column (generic layout): rows of other communities are skipped.
    public var community: String?

    /// The presets, in detection order (docs/measure.md).
    public static let all: [MentionPreset] = [
        MentionPreset(name: "brandwatch", date: "Date", sentiment: "Sentiment", author: "Author",
                      text: ["Title", "Full Text", "Snippet"], community: nil),
        MentionPreset(name: "talkwalker", date: "published", sentiment: "sentiment",
                      author: "extra_author_attributes.name", text: ["title", "content"], community: nil),
        MentionPreset(name: "meltwater", date: "Date", sentiment: "Sentiment", author: "Author",
                      text: ["Headline", "Hit Sentence", "Opening Text"], community: nil),
        MentionPreset(name: "generic", date: "date", sentiment: "sentiment", author: "author",
                      text: ["text"], community: "community"),
    ]

    /// The columns that identify the preset in a header.
    var signature: [String] {
        switch name {
        case "brandwatch": return ["Date", "Sentiment", "Full Text"]
        case "talkwalker": return ["published", "sentiment", "content"]
        case "meltwater": return ["Date", "Sentiment", "Hit Sentence"]
        default: return ["community", "date", "author", "sentiment", "text"]
        }
    }

    var layout: String { "\(name) (\(signature.joined(separator: ", ")))" }
}

/// Reads a mention export into sentiment shares and competitor counts. Exports may start with a few
/// lines of report information (Brandwatch writes some): the header is the first of the first 20 rows
/// that matches a preset.
struct MentionsReader {
    let name: String

    /// Competitors: stakeholder id and the names searched for (as whole words, ignoring case).
    func read(path: String, preset chosen: String?, community: Community, competitors: [(id: String, names: [String])],
              window: MeasureWindow) throws(MeasureError) -> SentimentShares {
        let rows = try CSVRows(path: path, name: name)
        var header: CSVHeader?
        var preset: MentionPreset?
        var firstRow: [String] = []
        while header == nil, rows.row < 20, let row = try rows.next() {
            if firstRow.isEmpty { firstRow = row }
            let h = CSVHeader(row)
            if let chosen {
                let p = MentionPreset.all.first { $0.name == chosen }!
                if h.has(p.date) && h.has(p.sentiment) { header = h; preset = p }
            } else if let p = MentionPreset.all.first(where: { $0.signature.allSatisfy(h.has) }) {
                header = h
                preset = p
            }
        }
        guard let header, let preset else {
            let needed = chosen.flatMap { c in MentionPreset.all.first { $0.name == c } }.map { "the \($0.name) preset needs the columns \($0.date) and \($0.sentiment)" }
                ?? "known layouts: " + MentionPreset.all.map(\.layout).joined(separator: "; ")
            throw MeasureError(file: name, line: 1, column: 0,
                               message: "unknown mention export layout (first row: \(firstRow.prefix(12).joined(separator: ", "))); \(needed); or name the layout with `preset:`")
        }
        let textColumns = preset.text.filter(header.has)
        let patterns = competitors.map { c in (c.id, c.names.map { $0.lowercased() }.filter { !$0.isEmpty }) }
        var counts = (mentions: 0, positive: 0, neutral: 0, negative: 0)
        var named: [String: Int] = [:]
        for (id, _) in patterns { named[id] = 0 }
        while let row = try rows.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            if let column = preset.community, let value = header.cell(row, column),
               value != community.id && value != community.name { continue }
            guard let dateText = header.cell(row, preset.date) else { throw rows.error("the date is empty", column: preset.date) }
            guard let time = Self.time(dateText) else {
                throw rows.error("cannot read the date \"\(dateText)\" (expected YYYY-MM-DD, an ISO 8601 date and time, DD-Mon-YYYY or milliseconds since 1970)",
                                 column: preset.date)
            }
            guard window.contains(time) else { continue }
            counts.mentions += 1
            switch Self.sentiment(header.cell(row, preset.sentiment) ?? "") {
            case .some(.positive): counts.positive += 1
            case .some(.negative): counts.negative += 1
            case .some(.neutral): counts.neutral += 1
            default: break
            }
            if !textColumns.isEmpty {
                let text = textColumns.compactMap { header.cell(row, $0) }.joined(separator: " ").lowercased()
                for (id, names) in patterns where names.contains(where: { Self.containsWord(text, $0) }) {
                    named[id, default: 0] += 1
                }
            }
        }
        let rated = counts.positive + counts.neutral + counts.negative
        func share(_ n: Int) -> Double { rated == 0 ? 0 : Double(n) / Double(rated) }
        return SentimentShares(mentions: counts.mentions, rated: rated, positive: share(counts.positive),
                               neutral: share(counts.neutral), negative: share(counts.negative),
                               competitors: textColumns.isEmpty ? nil : named)
    }

    /// `positive`/`negative`/`neutral` in any case, or a number (> 0, < 0, 0, as Talkwalker writes);
    /// anything else (`not rated`, empty, `mixed`) is unrated.
    static func sentiment(_ text: String) -> Sentiment? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "positive", "pos": return .positive
        case "negative", "neg": return .negative
        case "neutral", "neu": return .neutral
        default:
            guard let v = Double(t), v.isFinite else { return nil }
            return v > 0 ? .positive : v < 0 ? .negative : .neutral
        }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since the epoch of the date forms mention exports use.
    static func time(_ text: String) -> Double? {
        if let t = UTC.seconds(iso: Array(text.utf8)) { return t }
        if text.count >= 12, text.allSatisfy(\.isNumber), let ms = Double(text) { return ms / 1000 }
        // Meltwater: `15-Jan-2026` or `15-Jan-2026 09:30AM`.
        let parts = text.split(separator: " ", maxSplits: 1)
        let day = parts[0].split(separator: "-")
        guard day.count == 3, let d = Int(day[0]), let y = Int(day[2]), day[2].count == 4,
              let m = months.firstIndex(of: day[1].lowercased()),
              let date = CalendarDate(parsing: String(format: "%04d-%02d-%02d", y, m + 1, d)) else { return nil }
        var seconds = Double(UTC.days(date)) * 86_400
        if parts.count == 2 {
            var clock = parts[1].lowercased()
            let pm = clock.hasSuffix("pm"), am = clock.hasSuffix("am")
            if pm || am { clock.removeLast(2) }
            let hm = clock.split(separator: ":")
            guard hm.count >= 2, var h = Int(hm[0]), let mi = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(mi) else { return nil }
            if pm && h < 12 { h += 12 }
            if am && h == 12 { h = 0 }
            seconds += Double(h * 3600 + mi * 60)
        }
        return seconds
    }

    /// Whether `word` occurs in `text` with no letter or digit on either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: searchRange) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            searchRange = text.index(after: r.lowerBound)..<text.endIndex
        }
        return false
    }
}
