/// How a table writes its numbers: which mark separates the decimals and which groups thousands.
///
/// Spreadsheet programs write numbers as the user's locale shows them: `48.000` and `0,6` in Dutch or
/// German, `48,000` and `0.6` in English. The style is decided once per file from every number cell
/// (see `NumberStyle.detect`); a cell that the file's style cannot settle is an error, never a guess.
enum DecimalMark: Sendable, Equatable {
    case point, comma

    var character: Character { self == .point ? "." : "," }
    var other: DecimalMark { self == .point ? .comma : .point }
}

/// A number cell as written, taken apart.
struct NumberShape: Equatable {
    var negative = false
    /// The digits and separators, without sign, spaces or `%`.
    var body: Substring
    var percent = false
    /// What the separators say on their own.
    var evidence: Evidence

    enum Evidence: Equatable {
        /// No `.` or `,`: `48000`, `48 000`, `48'000`.
        case none
        /// Settles the decimal mark for the whole file: `0,6` (comma), `1.234,5` (comma), `1.234.567`
        /// (point groups, so comma decimals), `12.75` (point).
        case decimal(DecimalMark)
        /// One `.` or `,` followed by exactly three digits after a 1-3 digit lead not starting with 0:
        /// `48.000` is 48 or 48000 depending on the file.
        case ambiguous(DecimalMark)
    }
}

enum NumberStyle {
    /// Thousands separators that never mean a decimal mark: spaces (also no-break and narrow no-break,
    /// which French and Swiss settings write) and the apostrophe (Swiss German).
    static let groupingOnly: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "\u{2019}"]

    /// Takes a cell apart; nil when it is not written like a number at all.
    static func shape(_ raw: String) -> NumberShape? {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces))
        var negative = false, percent = false
        if text.hasSuffix("%") {
            percent = true
            text = text.dropLast()
            while let last = text.last, last == " " || last == "\u{00A0}" || last == "\u{202F}" { text = text.dropLast() }
        }
        if text.first == "-" || text.first == "+" || text.first == "\u{2212}" {
            negative = text.first != "+"
            text = text.dropFirst()
        }
        guard let first = text.first, first.isASCII, first.isNumber || first == "." || first == "," else { return nil }
        var points = 0, commas = 0, lastMark: Character?
        for ch in text {
            if ch.isASCII && ch.isNumber { continue }
            if ch == "." { points += 1; lastMark = ch; continue }
            if ch == "," { commas += 1; lastMark = ch; continue }
            if groupingOnly.contains(ch) { continue }
            return nil
        }
        guard let lastDigit = text.last, lastDigit.isASCII, lastDigit.isNumber else { return nil }
        let evidence: NumberShape.Evidence
        if points > 0 && commas > 0 {
            // Both marks: the last one written separates the decimals.
            evidence = .decimal(lastMark == "," ? .comma : .point)
        } else if points + commas == 0 {
            evidence = .none
        } else {
            let mark: DecimalMark = points > 0 ? .point : .comma
            if points + commas > 1 {
                evidence = .decimal(mark.other)  // `1.234.567`: the repeated mark groups thousands
            } else {
                let parts = text.split(separator: mark.character, omittingEmptySubsequences: false)
                let lead = parts[0].filter { !groupingOnly.contains($0) }
                let tail = parts[1]
                if tail.count == 3 && (1...3).contains(lead.count) && lead.first != "0" {
                    evidence = .ambiguous(mark)
                } else {
                    evidence = .decimal(mark)
                }
            }
        }
        return NumberShape(negative: negative, body: text, percent: percent, evidence: evidence)
    }

    /// The value of a cell in a file whose decimal mark is `decimal`; nil when the groups are wrong
    /// (`1.23.4`) or the decimal mark appears twice.
    static func value(_ shape: NumberShape, decimal: DecimalMark) -> Double? {
        let group = decimal.other.character
        var integerPart = "", fraction = "", inFraction = false
        var groups: [Int] = [0]
        var sawGroupMark = false
        for ch in shape.body {
            if ch == decimal.character {
                if inFraction { return nil }
                inFraction = true
            } else if ch == group || groupingOnly.contains(ch) {
                if inFraction { return nil }
                sawGroupMark = true
                groups.append(0)
            } else {
                if inFraction { fraction.append(ch) } else { integerPart.append(ch); groups[groups.count - 1] += 1 }
            }
        }
        if sawGroupMark {
            // Thousands groups: a lead of 1-3 digits, then groups of exactly three.
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if inFraction && fraction.isEmpty { return nil }
        let canonical = (integerPart.isEmpty ? "0" : integerPart) + (fraction.isEmpty ? "" : "." + fraction)
        guard let magnitude = Double(canonical) else { return nil }
        return shape.negative ? -magnitude : magnitude
    }

    /// The decimal mark of a file, from all its number cells.
    struct Detection {
        var mark: DecimalMark
        /// True when some cell settled it (rather than the delimiter or the default).
        var settled: Bool
        /// A cell that settled it, for messages: the text, row and column.
        var witness: (text: String, row: Int, column: String)?
    }

    /// Decides the decimal mark: the cells that settle it vote; without any, a `;` delimiter means a
    /// comma (Excel and Calc write `;` exactly where the comma is the decimal mark), else a point.
    static func detect(_ cells: [(text: String, row: Int, column: String)], delimiter: Character) -> Detection {
        var votes: [DecimalMark: Int] = [:]
        var witness: [DecimalMark: (String, Int, String)] = [:]
        for cell in cells {
            guard let s = shape(cell.text), case .decimal(let mark) = s.evidence else { continue }
            votes[mark, default: 0] += 1
            if witness[mark] == nil { witness[mark] = (cell.text, cell.row, cell.column) }
        }
        let comma = votes[.comma] ?? 0, point = votes[.point] ?? 0
        if comma == 0 && point == 0 {
            return Detection(mark: delimiter == ";" ? .comma : .point, settled: false, witness: nil)
        }
        let mark: DecimalMark = comma > point || (comma == point && delimiter == ";") ? .comma : .point
        return Detection(mark: mark, settled: true, witness: witness[mark])
    }

    /// `48000` or `0.6`: the canonical text the decoder reads.
    static func canonical(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
