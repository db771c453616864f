import EcomapModel
import EcomapText

/// Formats diagnostics the way a compiler does: `FILE:LINE:COL: error: message`, optionally followed by
/// the source line and a caret under the column (on a terminal).
///
/// Messages and snippets quote the input, so control characters (ESC sequences could rewrite the
/// user's terminal) and bidirectional overrides (could reorder what is shown) are printed as `<U+001B>`.
public struct DiagnosticPrinter: Sendable {
    /// File text by the name used in diagnostics; needed for snippets.
    public var sources: [String: String]
    /// Show the offending line with a caret.
    public var snippets: Bool

    /// Snippet lines longer than this many characters are cut to a window around the caret.
    static let snippetWidth = 160

    public init(sources: [String: String] = [:], snippets: Bool) {
        self.sources = sources
        self.snippets = snippets
    }

    /// One diagnostic, with its snippet when enabled and available.
    public func format(_ diagnostic: Diagnostic) -> String {
        var index = LineIndex()
        return format(diagnostic, lines: &index)
    }

    /// All diagnostics, sorted by position, one block each, followed by a count line when there are errors.
    public func format(_ diagnostics: Diagnostics) -> String {
        var index = LineIndex()
        return diagnostics.sorted.map { format($0, lines: &index) }.joined(separator: "\n")
    }

    private func format(_ diagnostic: Diagnostic, lines: inout LineIndex) -> String {
        var text = Self.visible(diagnostic.description)
        guard snippets, let location = diagnostic.location, location.columnName == nil, location.column > 0,
              let source = sources[location.file],
              let line = lines.line(location.line, of: source, file: location.file)
        else { return text }
        var scalars = Array(line.unicodeScalars)
        var caretColumn = min(location.column - 1, scalars.count)
        if scalars.count > Self.snippetWidth {
            let start = max(0, min(caretColumn - Self.snippetWidth / 2, scalars.count - Self.snippetWidth))
            let end = min(scalars.count, start + Self.snippetWidth)
            let cut = Array(scalars[start..<end])
            scalars = (start > 0 ? ["…"] : []) + cut + (end < line.unicodeScalars.count ? ["…"] : [])
            caretColumn = caretColumn - start + (start > 0 ? 1 : 0)
        }
        // Each shown character takes one column, so the caret stays under the right one.
        let shown = scalars.map { s -> String in
            s == "\t" ? " " : Self.isUnsafe(s) ? "?" : String(s)
        }.joined()
        text += "\n" + shown + "\n" + String(repeating: " ", count: caretColumn) + "^"
        return text
    }

    /// Characters that must not reach a terminal as they are (`TerminalText.isUnsafe`).
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool { TerminalText.isUnsafe(s) }

    /// `text` with every unsafe character written as `<U+XXXX>` (line breaks included: one diagnostic, one line).
    static func visible(_ text: String) -> String { TerminalText.escaped(text) }

    /// The 1-based line `number` of `text`, without its line break.
    static func line(_ number: Int, of text: String) -> Substring? {
        var index = LineIndex()
        return index.line(number, of: text, file: "")
    }

    /// Where each line of each source starts, built once per file on first use, so thousands of
    /// diagnostics on a large file cost one scan, not one scan each.
    struct LineIndex {
        private var starts: [String: [String.Index]] = [:]

        mutating func line(_ number: Int, of text: String, file: String) -> Substring? {
            if starts[file] == nil {
                var lineStarts = [text.startIndex]
                var index = text.startIndex
                while index < text.endIndex {
                    let next = text.index(after: index)
                    if text[index] == "\n" || text[index] == "\r\n" { lineStarts.append(next) }
                    index = next
                }
                starts[file] = lineStarts
            }
            let lineStarts = starts[file]!
            guard number >= 1, number <= lineStarts.count else { return nil }
            let start = lineStarts[number - 1]
            var end = number < lineStarts.count ? text.index(before: lineStarts[number]) : text.endIndex
            if end < start { end = start }
            return text[start..<end]
        }
    }
}
