/// How numbers are written for a reader: `en` as `48,000` and `2,400.5`; `nl` and `de` as `48.000`
/// and `2.400,5` (`--locale`). Built on `NumberText`, so rounding is the same in every locale;
/// the default everywhere is `en`.
public enum NumberLocale: String, Sendable, Hashable, CaseIterable {
    case en, nl, de

    /// The locale for a `--locale` value (case-insensitive), or nil.
    public init?(option: String) {
        self.init(rawValue: option.lowercased())
    }

    public var decimalSeparator: Character { self == .en ? "." : "," }
    public var groupSeparator: Character { self == .en ? "," : "." }

    /// A whole number with groups of three digits: `48,000` / `48.000`.
    public func grouped(_ n: Int) -> String {
        let english = NumberText.grouped(n)
        return self == .en ? english : String(english.map { $0 == "," ? groupSeparator : $0 })
    }

    /// `value` rounded to at most `decimals` places (trailing zeros trimmed), the whole part grouped:
    /// `2,400.5` / `2.400,5`.
    public func decimal(_ value: Double, _ decimals: Int) -> String {
        let text = NumberText.fixed(value, decimals)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, let n = Int(whole) else { return text }
        return (negative ? "-" : "") + grouped(n) + (parts.count > 1 ? String(decimalSeparator) + parts[1] : "")
    }

    /// `value` rounded to exactly `decimals` places, not grouped (scores in a column): `58.3` / `58,3`.
    public func padded(_ value: Double, _ decimals: Int) -> String {
        swapSeparators(NumberText.padded(value, decimals))
    }

    /// Rewrites the numbers in a text written the English way (`48,000`, `0.35`, `2,400.5`) in this
    /// locale, leaving everything else as it is. A number is a run of digits, optionally grouped by
    /// `,` in threes and followed by `.` and digits, standing alone (no letter, digit, `.` or `,`
    /// joined to it on either side, except a sentence's full stop after it). For ecomap's own
    /// generated sentences (reasons, targets, summaries), never for names or notes: the occurrences of
    /// `keeping` (names quoted in the sentence) are left exactly as they are.
    public func localize(_ text: String, keeping: [String] = []) -> String {
        guard self != .en else { return text }
        let chars = Array(text)
        var kept = [Bool](repeating: false, count: chars.count)
        for literal in keeping where !literal.isEmpty {
            let pattern = Array(literal)
            var start = 0
            while start + pattern.count <= chars.count {
                if chars[start] == pattern[0], Array(chars[start..<(start + pattern.count)]) == pattern {
                    for k in start..<(start + pattern.count) { kept[k] = true }
                    start += pattern.count
                } else {
                    start += 1
                }
            }
        }
        var out = ""
        out.reserveCapacity(chars.count)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isASCII && chars[k].isNumber }
        func joins(_ k: Int) -> Bool { k >= 0 && k < chars.count && (chars[k].isLetter || chars[k].isNumber || chars[k] == "_") }
        while i < chars.count {
            guard !kept[i], isDigit(i), !joins(i - 1), !(i > 0 && (chars[i - 1] == "." || chars[i - 1] == ",") && isDigit(i - 2)) else {
                out.append(chars[i])
                i += 1
                continue
            }
            var j = i
            while isDigit(j), !kept[j] { j += 1 }
            var end = j
            // Groups of exactly three digits after `,`, only when the first group has at most three.
            if j - i <= 3 {
                while end < chars.count, chars[end] == ",", isDigit(end + 1), isDigit(end + 2), isDigit(end + 3), !isDigit(end + 4) {
                    end += 4
                }
            }
            // A decimal part.
            if end < chars.count, chars[end] == ".", isDigit(end + 1) {
                var k = end + 1
                while isDigit(k) { k += 1 }
                end = k
            }
            // Not a number when glued to a letter or another separator-digit run (versions, ids).
            let glued = joins(end) || (end < chars.count && (chars[end] == "." || chars[end] == ",") && isDigit(end + 1))
            let token = String(chars[i..<end])
            let touchesKept = kept[i..<end].contains(true)
            out += glued || touchesKept ? token : swapSeparators(token)
            i = end
        }
        return out
    }

    /// The names among `names` that `localize` would change (`Mom 2.0`): pass them as `keeping`.
    public func namesToKeep(_ names: [String]) -> [String] {
        guard self != .en else { return [] }
        return Array(Set(names.filter { localize($0) != $0 })).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    private func swapSeparators(_ english: String) -> String {
        guard self != .en else { return english }
        return String(english.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }
}
