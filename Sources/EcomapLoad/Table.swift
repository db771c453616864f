import EcomapModel

/// One cell of a table as read from its file, before its column gives it a meaning.
struct RawCell: Sendable {
    /// The text as written (a CSV cell) or as shown (a workbook cell's string).
    var text: String
    /// A workbook cell typed as a number by the program that wrote it (no locale guessing needed).
    var number: Double?
    /// 0-based column index.
    var column: Int
}

/// A table from a CSV file or a workbook sheet: the header row and the rows below it.
struct RawTable: Sendable {
    var file: String
    /// The sheet's name for a workbook; nil for CSV.
    var sheet: String?
    /// 1-based row number of the header in the file or sheet.
    var headerRow: Int = 1
    var header: [RawCell]
    /// Rows after the header, with their 1-based row numbers; blank rows are left out.
    var rows: [(number: Int, cells: [RawCell])]
    /// The delimiter a CSV used (`,` `;` or tab); nil for a workbook.
    var delimiter: Character?

    /// Where a cell is: `FILE:ROW:HEADER` for CSV, `FILE:SHEET!B7` for a workbook.
    func location(row: Int, column: Int) -> SourceLocation {
        if let sheet {
            return SourceLocation(file: file, line: row, column: 0, columnName: nil,
                                  cell: "\(sheet)!\(Self.columnLetters(column))\(row)")
        }
        let name = column < header.count ? header[column].text.trimmingCharacters(in: .whitespaces) : ""
        return SourceLocation(file: file, line: row, column: 0, columnName: name.isEmpty ? "#\(column + 1)" : name)
    }

    /// `A`, `B`, ..., `Z`, `AA`: a spreadsheet's column letters for a 0-based index.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// Ids derived from names, for tables without an `id` column (or an empty `id` cell).
enum IdSlug {
    /// A valid id for `text`: lower case, letters and digits kept (with their accents), every run of
    /// anything else one `-`. `r/wandern` gives `r-wandern`, `Fietsvrienden NL` `fietsvrienden-nl`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for ch in text.lowercased() {
            let keep = ch.isLetter || (ch.isNumber && ch.isASCII) || ch == "_" || ch == "."
            if keep && !ch.unicodeScalars.contains(where: { $0.properties.isDefaultIgnorableCodePoint }) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(ch)
            } else {
                pendingDash = true
            }
        }
        while result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
