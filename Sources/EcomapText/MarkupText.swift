/// The one set of markup escapers (XML for SVG and GraphML, HTML for the report); CSV, Markdown and
/// terminal text are in `TextSafety` and `TerminalText`.
public enum MarkupText {
    /// XML 1.0 escaping. Characters XML cannot carry (C0 controls other than tab, line feed and carriage
    /// return) and Unicode noncharacters (U+FDD0...U+FDEF, U+xFFFE, U+xFFFF, which some font stacks choke
    /// on) become U+FFFD; in attributes, tab and line breaks become character references so they survive
    /// attribute-value normalisation; a carriage return always does.
    public static func xml(_ text: String, attribute: Bool) -> String {
        // Most text needs nothing: printable ASCII without & < > " (checked on the bytes).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "\r": out += "&#13;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// HTML text and attribute escaping (`&`, `<`, `>`, `"` and `'`).
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
