/// Where a diagnostic points: a YAML line and column, or a CSV row and column name.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file as the user named it.
    public var file: String
    /// 1-based line (YAML) or row (CSV, the header row is row 1).
    public var line: Int
    /// 1-based column in characters (YAML); 0 when a CSV column name is given instead.
    public var column: Int
    /// The CSV column name, for spreadsheet input.
    public var columnName: String?
    /// The workbook cell, `SHEET!B7`, for `.xlsx` and `.ods` input (`line` is then the row).
    public var cell: String?

    @inlinable public init(file: String, line: Int, column: Int, columnName: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.cell = cell
    }

    /// `FILE:LINE:COL`, for CSV `FILE:ROW:COLUMN-NAME`, for a workbook `FILE:SHEET!CELL`.
    public var description: String {
        if let cell { return "\(file):\(cell)" }
        if let columnName { return "\(file):\(line):\(columnName)" }
        return "\(file):\(line):\(column)"
    }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var order: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
}

/// One problem found in the input, reported the way a compiler would.
public struct Diagnostic: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = Diagnostic.bounded(message)
        self.location = location
    }

    /// Longest message kept whole, in characters (values quoted in it are cut first).
    public static let maxMessageCharacters = 2_000

    /// `message` with every `` `quoted` `` value longer than `Limits.standard.maxQuotedCharacters` cut
    /// and its length shown (`` `aaaa…` (65000 characters) ``), and the whole message bounded, so that
    /// a 65,000-character id named by 15,000 links costs kilobytes of messages, not a gigabyte.
    static func bounded(_ message: String) -> String {
        let maxQuoted = Limits.standard.maxQuotedCharacters
        guard message.utf8.count > maxQuoted else { return message }
        var parts = message.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3 {
            for i in stride(from: 1, to: parts.count - 1, by: 2) {
                let count = parts[i].count
                guard count > maxQuoted else { continue }
                parts[i] = String(parts[i].prefix(maxQuoted)) + "…"
                parts[i + 1] = " (\(count) characters)" + parts[i + 1]
            }
        }
        var result = parts.joined(separator: "`")
        let total = result.count
        if total > maxMessageCharacters {
            result = String(result.prefix(maxMessageCharacters)) + "… (message of \(total) characters)"
        }
        return result
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `FILE:LINE:COL: error: message`, or `error: message` without a location.
    public var description: String {
        if let location { return "\(location.description): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// A collection of diagnostics, in the order they were found.
public struct Diagnostics: Sendable, Hashable, Error, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    /// The diagnostics sorted by file, line and column (stable for equal positions).
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x.file != y.file { return x.file < y.file }
                if x.line != y.line { return x.line < y.line }
                if x.column != y.column { return x.column < y.column }
                return a.offset < b.offset
            }
        }.map(\.element)
    }

    public var description: String { items.map(\.description).joined(separator: "\n") }
}
