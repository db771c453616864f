/// Making user text safe where it lands: one line in a terminal, a CSV cell, a Markdown table cell.
public enum TextSafety {
    /// Line breaks and tabs become spaces; every other character `TerminalText.isUnsafe` names (controls,
    /// bidi controls, zero-width and tag characters, noncharacters) is dropped, so text cannot break a
    /// table row, reorder what a reader sees, or drive a terminal.
    public static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            case _ where TerminalText.isUnsafe(scalars, at: i):
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
    public static func csvField(_ text: String, delimiter: Character = ",") -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
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
    public func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// The one sanitiser for text that reaches a terminal: every line ecomap prints goes through
/// `escaped` (the console funnel applies it), and names put into messages go through `name`.
///
/// Unsafe characters are shown as `<U+XXXX>` (a byte of a file name that is not UTF-8 as `<0xE9>`):
/// C0 and C1 controls, DEL and ESC (escape sequences could rewrite the terminal), line breaks inside a
/// name (could fake a message line), bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9: could reorder
/// what is shown), zero-width characters (U+200B/C, U+2060-4, U+FEFF, U+180E; a zero-width joiner
/// between two emoji stays, it is part of one picture), tag characters (U+E0000-E007F) and
/// noncharacters.
public enum TerminalText {
    /// True for a character that must not reach a terminal as it is.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x180E, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF: return true
        case 0x2028, 0x2029: return true
        case 0xE0000...0xE007F: return true
        case 0xFDD0...0xFDEF: return true
        case let v where v & 0xFFFE == 0xFFFE: return true
        case 0x10FE80...0x10FEFF: return true  // raw file name bytes (RawPath)
        default: return false
        }
    }

    /// `isUnsafe` for the character at `i`, except a zero-width joiner between two emoji (part of one
    /// picture, as in a family emoji).
    public static func isUnsafe(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let s = scalars[i]
        guard isUnsafe(s) else { return false }
        if s.value == 0x200D, i > 0, i + 1 < scalars.count,
           scalars[i - 1].value > 0x7F, scalars[i + 1].value > 0x7F,
           scalars[i - 1].properties.isEmoji || scalars[i - 1].properties.isEmojiModifier
               || scalars[i - 1].value == 0xFE0F,
           scalars[i + 1].properties.isEmoji {
            return false
        }
        return true
    }

    /// `text` with every unsafe character shown as `<U+XXXX>`; with `keepLineBreaks`, `\n` (and tabs)
    /// stay, for text of several lines that ecomap composed itself.
    public static func escaped(_ text: String, keepLineBreaks: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            if !isUnsafe(scalars, at: i) || (keepLineBreaks && (s == "\n" || s == "\t")) {
                out.append(s)
            } else {
                out.append(contentsOf: shown(s).unicodeScalars)
            }
        }
        return String(out)
    }

    /// A file name (or any single value) for a message: everything unsafe escaped, line breaks included.
    public static func name(_ text: String) -> String { escaped(text) }

    private static func shown(_ s: Unicode.Scalar) -> String {
        if s.value >= 0x10FE80 && s.value <= 0x10FEFF {
            return "<0x" + String(s.value - 0x10FE00, radix: 16, uppercase: true) + ">"
        }
        let hex = String(s.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
