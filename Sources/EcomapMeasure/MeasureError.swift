import EcomapModel

/// A problem in an export: which file (or ZIP member), where, and what. Reported as an error diagnostic;
/// a community with a broken source gets no measured figure at all, never a partial one.
public struct MeasureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the ecosystem file names it, with `:member` for a ZIP member.
    public var file: String
    /// 1-based line and column (bytes), 0 when unknown.
    public var line: Int
    public var column: Int
    /// Byte offset from the start of the file (or member), for JSON.
    public var offset: Int?
    /// CSV column name, for CSV exports.
    public var columnName: String?
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, offset: Int? = nil, columnName: String? = nil,
                message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.columnName = columnName
        self.message = message
    }

    /// The error as a located diagnostic; a JSON byte offset is added to the message.
    public var diagnostic: Diagnostic {
        let text = offset.map { "\(message) (byte offset \($0))" } ?? message
        if line > 0 || columnName != nil {
            return .error(text, at: SourceLocation(file: file, line: max(line, 1), column: column, columnName: columnName))
        }
        return .error("\(file): \(text)")
    }

    public var description: String { diagnostic.description }
}
