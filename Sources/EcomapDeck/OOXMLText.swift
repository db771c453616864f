/// Text for OOXML parts: escaped for XML, and without the characters XML 1.0 cannot hold.
enum OOXMLText {
    /// Element text and attribute values: `&`, `<`, `>`, `"` and `'` escaped; control characters other
    /// than tab, line feed and carriage return, and U+FFFE / U+FFFF, removed (XML 1.0's `Char`).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// One line: line breaks and tabs become spaces (a `<a:t>` holds one line), then `escape`.
    static func line(_ text: String) -> String {
        escape(String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) }))
    }

    /// Points to EMU (12,700 per point), rounded.
    static func emu(_ points: Double) -> Int { Int((points * 12700).rounded()) }

    /// A colour as `RRGGBB` (anything else becomes black).
    static func color(_ hex: String) -> String {
        let cleaned = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        return cleaned.count == 6 && cleaned.allSatisfy(\.isHexDigit) ? cleaned.uppercased() : "000000"
    }
}
