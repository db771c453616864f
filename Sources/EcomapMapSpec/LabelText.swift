import EcomapModel

/// How user text is shortened before it reaches Graphviz.
///
/// Names are wrapped at word boundaries into at most `maxLines` lines of at most `lineLength`
/// characters; a word longer than a line is cut; text that does not fit ends in `…`. Line breaks
/// and runs of whitespace in the input count as single spaces; control characters become spaces.
public struct LabelText: Sendable, Hashable {
    public var lineLength: Int
    public var maxLines: Int

    public init(lineLength: Int, maxLines: Int) {
        precondition(lineLength >= 2 && maxLines >= 1)
        self.lineLength = lineLength
        self.maxLines = maxLines
    }

    /// Node names: 22 characters a line, 3 lines.
    public static let nodeName = LabelText(lineLength: 22, maxLines: 3)
    /// The map title: one line of 80.
    public static let title = LabelText(lineLength: 80, maxLines: 1)
    /// The description under the title: 110 characters a line, 3 lines.
    public static let description = LabelText(lineLength: 110, maxLines: 3)
    /// Cluster captions: one line of 40.
    public static let cluster = LabelText(lineLength: 40, maxLines: 1)

    /// The lines to draw (never empty; an empty text gives one empty line).
    ///
    /// Linear in the text's length: each character is looked at a fixed number of times, and the
    /// work stops once one line more than fits has been filled (that line only decides the `…`).
    public func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = "", currentCount = 0
        // Places one piece (a word, or a line-sized cut of a longer one); false once enough is known.
        func place(_ piece: String, _ count: Int) -> Bool {
            if currentCount == 0 && current.isEmpty {
                current = piece
                currentCount = count
            } else if currentCount + 1 + count <= lineLength {
                current += " " + piece
                currentCount += 1 + count
            } else {
                lines.append(current)
                current = piece
                currentCount = count
            }
            return lines.count <= maxLines
        }
        pieces: for word in LabelText.words(text) {
            // Words longer than a line are hard-cut into line-sized pieces, in one pass.
            var chunk = "", count = 0
            for character in word {
                chunk.append(character)
                count += 1
                if count == lineLength {
                    guard place(chunk, count) else { break pieces }
                    chunk = ""
                    count = 0
                }
            }
            if count > 0 { guard place(chunk, count) else { break pieces } }
        }
        lines.append(current)
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = LabelText.ellipsized(kept[maxLines - 1], lineLength)
        return kept
    }

    private static func words(_ text: String) -> [String] {
        var cleaned = ""
        for scalar in DrawableText.sanitized(text).unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            let isSpace = scalar.properties.isWhitespace || isControl
            cleaned.unicodeScalars.append(isSpace ? " " : scalar)
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    private static func ellipsized(_ line: String, _ length: Int) -> String {
        line.count < length ? line + "…" : String(line.prefix(length - 1)) + "…"
    }
}
