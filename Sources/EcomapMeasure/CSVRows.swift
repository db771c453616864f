import CSV
import Foundation

/// A CSV export read row by row (CSV.swift over a file stream): UTF-8 (with or without a byte-order
/// mark) or UTF-16 with a byte-order mark, as Meltwater writes; the separator is a comma, else a tab or a
/// semicolon when the first line holds no comma. Rows count from 1 (the first line of the file).
final class CSVRows {
    let name: String
    private let reader: CSVReader
    /// The 1-based number of the last row returned.
    private(set) var row = 0

    init(path: String, name: String) throws(MeasureError) {
        self.name = name
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MeasureError(file: name, message: "cannot read the export")
        }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        let bytes = [UInt8](head)
        let utf16LE = bytes.starts(with: [0xFF, 0xFE]), utf16BE = bytes.starts(with: [0xFE, 0xFF])
        let firstLine: String
        if utf16LE || utf16BE {
            let text = String(decoding: stride(from: 2, to: bytes.count - 1, by: 2).map {
                utf16LE ? UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 : UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
            }, as: UTF16.self)
            firstLine = String(text.prefix { $0 != "\n" })
        } else {
            firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        }
        let delimiter: UnicodeScalar = firstLine.contains(",") ? "," : firstLine.contains("\t") ? "\t" : firstLine.contains(";") ? ";" : ","
        guard let stream = InputStream(fileAtPath: path) else { throw MeasureError(file: name, message: "cannot read the export") }
        do {
            if utf16LE || utf16BE {
                reader = try CSVReader(stream: stream, codecType: UTF16.self, endian: utf16LE ? .little : .big,
                                       trimFields: true, delimiter: delimiter)
            } else {
                reader = try CSVReader(stream: stream, trimFields: true, delimiter: delimiter)
            }
        } catch {
            throw MeasureError(file: name, message: "cannot read the CSV: \(error)")
        }
    }

    /// The next row (cells trimmed; a byte-order mark dropped), nil at the end; a malformed row is an error.
    func next() throws(MeasureError) -> [String]? {
        guard var cells = reader.next() else {
            if let error = reader.error {
                throw MeasureError(file: name, line: row + 1, column: 0, message: "malformed CSV after row \(row): \(error)")
            }
            return nil
        }
        row += 1
        if row == 1, let first = cells.first, first.hasPrefix("\u{FEFF}") { cells[0] = String(first.dropFirst()) }
        return cells
    }

    func error(_ message: String, column: String? = nil) -> MeasureError {
        MeasureError(file: name, line: row, column: 0, columnName: column, message: message)
    }
}

/// Column positions by lower-cased header name.
struct CSVHeader {
    let names: [String]
    private let index: [String: Int]

    init(_ cells: [String]) {
        names = cells
        var index: [String: Int] = [:]
        for (i, c) in cells.enumerated() where index[c.lowercased()] == nil { index[c.lowercased()] = i }
        self.index = index
    }

    func has(_ column: String) -> Bool { index[column.lowercased()] != nil }
    func position(_ column: String) -> Int? { index[column.lowercased()] }

    /// The cell of `column` in `row`, nil when the column is absent or the cell empty.
    func cell(_ row: [String], _ column: String) -> String? {
        guard let i = index[column.lowercased()], i < row.count, !row[i].isEmpty else { return nil }
        return row[i]
    }
}
