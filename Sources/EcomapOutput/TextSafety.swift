/// Making user text safe where it lands: one line in a terminal, a CSV cell, a Markdown table cell.
public enum TextSafety {
    /// Line breaks and tabs become spaces; other control characters (C0, DEL, C1) and bidi overrides
    /// are dropped, so text cannot break a table row or drive a terminal.
    public static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(scalar)
                lastWasSpace = scalar == " "
            }
        }
        return String(out)
    }

    /// One CSV field (RFC 4180) that no spreadsheet reads as a formula: a cell starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`; cells holding a comma, quote or line
    /// break are quoted with inner quotes doubled.
    public static func csvField(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            cell = "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// One Markdown table cell that no text can break: single line, `|` and Markdown punctuation
    /// backslash-escaped, `&` as `&amp;`, `<` and `>` as entities (no HTML gets through).
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in singleLine(text) {
            switch character {
            case "\\", "|", "`", "*", "_", "[", "]", "~", "#": out += "\\" + String(character)
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension TextSafety {
    /// Columns `text` takes in a terminal: emoji and East Asian wide characters take two, combining marks
    /// and zero-width characters none (a close approximation of wcwidth, good enough to align tables).
    public static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The longest prefix of `text` that fits `columns`, with `…` when shortened.
    public static func truncated(_ text: String, toWidth columns: Int) -> String {
        guard displayWidth(text) > columns else { return text }
        var out = "", used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    private static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
        return scalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: break
            }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return total + 2
            default:
                return total + 1
            }
        }
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
