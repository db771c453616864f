import EcomapModel

/// Formats diagnostics the way a compiler does: `FILE:LINE:COL: error: message`, optionally followed by
/// the source line and a caret under the column (on a terminal).
public struct DiagnosticPrinter: Sendable {
    /// File text by the name used in diagnostics; needed for snippets.
    public var sources: [String: String]
    /// Show the offending line with a caret.
    public var snippets: Bool

    public init(sources: [String: String] = [:], snippets: Bool) {
        self.sources = sources
        self.snippets = snippets
    }

    /// One diagnostic, with its snippet when enabled and available.
    public func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        guard snippets, let location = diagnostic.location, location.columnName == nil, location.column > 0,
              let source = sources[location.file], let line = Self.line(location.line, of: source)
        else { return text }
        let visible = String(line.unicodeScalars.map { $0 == "\t" ? " " : Character($0) }.map(String.init).joined())
        let caretColumn = min(location.column - 1, visible.unicodeScalars.count)
        text += "\n" + visible + "\n" + String(repeating: " ", count: caretColumn) + "^"
        return text
    }

    /// All diagnostics, sorted by position, one block each, followed by a count line when there are errors.
    public func format(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map(format).joined(separator: "\n")
    }

    /// The 1-based line `number` of `text`, without its line break.
    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return text[start..<index] }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? text[start..<text.endIndex] : nil
    }
}
