/// Advance widths of the map's font for layouts that ecomap computes itself (the slide view).
///
/// The SVG names Arial first and Liberation Sans (metric-compatible with Arial) next, so the
/// widths are Arial's (Helvetica's AFM widths, per 1,000 units of the em) for printable ASCII.
/// Other letters count 0.62 em, wide scripts, symbols and emoji 1.0 em: generous, so that a label
/// measured here never spills out of the shape sized for it.
public enum TextMetrics {
    /// Helvetica / Arial advance widths for U+0020 ... U+007E.
    private static let ascii: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ... /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 ... ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ ... O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P ... _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` ... o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p ... ~
    ]

    /// Width in points of one line of `text` at `size` points (bold: 8% wider, Arial Bold's average).
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v <= 0x7E {
                units += Double(ascii[Int(v - 0x20)])
            } else if v < 0x20 || (0x7F...0x9F).contains(v) || (0x300...0x36F).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v) {
                continue  // control characters, combining marks and joiners take no advance of their own
            } else if v < 0x2000 {
                units += 620
            } else {
                units += 1000
            }
        }
        return units / 1000 * size * (bold ? 1.08 : 1)
    }

    /// Graphviz's distance between two label lines, as a multiple of the font size.
    public static let lineSpacing = 1.2

    /// Wraps `text` into at most `maxLines` lines no wider than `maxWidth` points, breaking only
    /// between words. A word wider than a line, or text beyond the last line, is shortened with `…`
    /// (never broken in the middle onto the next line). Whitespace and control characters count as
    /// single spaces.
    public static func wrap(_ text: String, size: Double, maxWidth: Double, maxLines: Int, bold: Bool = false) -> [String] {
        // No line holds more than this many characters (the narrowest advance is 0.191 em): longer
        // text is cut before measuring, so the work stays linear in the label, not in the input.
        let perLine = Int(maxWidth / (0.19 * size)) + 1
        var cleaned = ""
        for scalar in text.unicodeScalars.prefix(perLine * maxLines + 2) {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            cleaned.unicodeScalars.append(scalar.properties.isWhitespace || isControl ? " " : scalar)
        }
        let words = cleaned.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty {
                // A single word wider than the line: shortened, and the rest of the text is dropped.
                lines.append(fit(word + "…", size: size, maxWidth: maxWidth, bold: bold))
                return lines
            }
            lines.append(current)
            current = ""
            if lines.count == maxLines { break }
        }
        if index < words.count {
            // More text than lines: the last line ends in an ellipsis.
            let last = lines.removeLast()
            lines.append(fit(last + " " + words[index] + "…", size: size, maxWidth: maxWidth, bold: bold))
            return lines
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            let kept = Array(lines.prefix(maxLines))
            return Array(kept.dropLast()) + [fit(kept.last! + "…", size: size, maxWidth: maxWidth, bold: bold)]
        }
        return lines
    }

    /// `text` (ending in `…`) shortened from the end until it fits `maxWidth`.
    private static func fit(_ text: String, size: Double, maxWidth: Double, bold: Bool) -> String {
        var body = String(text.dropLast().prefix(Int(maxWidth / (0.19 * size)) + 1))
        while !body.isEmpty && width(body + "…", size: size, bold: bold) > maxWidth { body.removeLast() }
        while body.last == " " { body.removeLast() }
        return body + "…"
    }
}
