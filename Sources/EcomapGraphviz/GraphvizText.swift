/// Makes user text literal for Graphviz.
///
/// Graphviz treats labels, tooltips, ids and URLs as escStrings (`\N`, `\G`, `\E`, `\T`, `\H`, `\L`
/// expand to object names, `\n` `\l` `\r` break lines, other backslashes vanish) and decodes HTML
/// entities such as `&amp;` in labels. Doubling every backslash and writing every `&` as `&amp;`
/// leaves exactly the user's characters. Labels are always plain strings set through `agsafeset`,
/// never HTML-like `<...>` labels, and no node uses a record shape, so `{ | < >` are ordinary text.
enum GraphvizText {
    /// One line of user text, escaped.
    static func literal(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                if ch.value < 0x20 || (0x7F...0x9F).contains(ch.value) { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// Several lines, each escaped and centred (`\n` is Graphviz's centred line break).
    static func lines(_ lines: [String]) -> String {
        lines.map(literal).joined(separator: "\\n")
    }

    /// Several lines, each escaped and left-aligned (`\l` ends a left-aligned line).
    static func leftAlignedLines(_ lines: [String]) -> String {
        lines.map { literal($0) + "\\l" }.joined()
    }
}
