import Foundation

/// A CSV export read row by row from a stream, in bounded memory (RFC 4180: quoted cells with doubled
/// quotes, line breaks inside quotes, CRLF or LF). UTF-8 with or without a byte-order mark, or UTF-16 with
/// a byte-order mark (as Meltwater writes; converted to UTF-8 first). The separator is a comma, else a tab
/// or a semicolon when the first line holds no comma. Rows count from 1 (the first record of the file);
/// `line` is the physical line a row starts on.
final class CSVRows {
    let name: String
    private let source: ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private var position = 0
    private var atEOF = false
    private var delimiter: UInt8 = UInt8(ascii: ",")
    private var physicalLine = 1
    /// The 1-based number of the last row returned.
    private(set) var row = 0
    /// The physical line the last row started on.
    private(set) var line = 0

    static let maxCellBytes = 16 * 1024 * 1024
    static let maxUTF16Bytes = 512 * 1024 * 1024

    init(path: String, name: String) throws(MeasureError) {
        self.name = name
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 8)
        let file = try FileByteSource(path: path, name: name)
        let n = (try? file.read(into: buffer)) ?? 0
        count = n
        let head = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            // UTF-16: read whole (bounded), convert to UTF-8.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int, size <= Self.maxUTF16Bytes,
                  let data = FileManager.default.contents(atPath: path) else {
                throw MeasureError(file: name, message: "a UTF-16 export larger than \(Self.maxUTF16Bytes) bytes; save it as UTF-8")
            }
            let little = head[0] == 0xFF
            let units = stride(from: 2, to: data.count - 1, by: 2).map {
                little ? UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 : UInt16(data[$0]) << 8 | UInt16(data[$0 + 1])
            }
            source = MemoryByteSource(Array(String(decoding: units, as: UTF16.self).utf8))
            count = 0
        } else {
            source = file
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        // The separator, from the first line.
        _ = try peek()
        var i = position
        var sawTab = false, sawSemicolon = false
        while i < count, buffer[i] != 0x0A {
            if buffer[i] == UInt8(ascii: ",") { delimiter = UInt8(ascii: ","); return }
            if buffer[i] == 0x09 { sawTab = true }
            if buffer[i] == UInt8(ascii: ";") { sawSemicolon = true }
            i += 1
        }
        delimiter = sawTab ? 0x09 : sawSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    deinit { buffer.deallocate() }

    private func peek() throws(MeasureError) -> UInt8? {
        if position < count { return buffer[position] }
        if atEOF { return nil }
        do { count = try source.read(into: buffer) } catch { throw MeasureError(file: name, message: "cannot read the export: \(error)") }
        position = 0
        if count == 0 { atEOF = true; return nil }
        return buffer[0]
    }

    /// The next row (cells trimmed of spaces), nil at the end; a quoted cell left open is an error.
    func next() throws(MeasureError) -> [String]? {
        guard try peek() != nil else { return nil }
        line = physicalLine
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        func finish() {
            var text = String(decoding: cell, as: UTF8.self)
            if !wasQuoted { text = text.trimmingCharacters(in: .whitespaces) }
            cells.append(text)
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while let c = try peek() {
            position += 1
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if try peek() == UInt8(ascii: "\"") {
                        position += 1
                        cell.append(c)
                    } else {
                        quoted = false
                    }
                } else {
                    if c == 0x0A { physicalLine += 1 }
                    cell.append(c)
                }
            } else if c == delimiter {
                finish()
            } else if c == 0x0A {
                physicalLine += 1
                if cell.last == 0x0D { cell.removeLast() }
                finish()
                row += 1
                return cells
            } else if c == UInt8(ascii: "\"") && cell.allSatisfy({ $0 == 0x20 }) {
                cell.removeAll()
                quoted = true
                wasQuoted = true
            } else {
                cell.append(c)
            }
            if cell.count > Self.maxCellBytes {
                throw MeasureError(file: name, line: line, column: 0, message: "a cell longer than \(Self.maxCellBytes) bytes")
            }
        }
        if quoted {
            throw MeasureError(file: name, line: line, column: 0,
                               message: "a quoted cell opened in row \(row + 1) is never closed (is the export truncated?)")
        }
        if cell.last == 0x0D { cell.removeLast() }
        finish()
        row += 1
        return cells
    }

    func error(_ message: String, column: String? = nil) -> MeasureError {
        MeasureError(file: name, line: line, column: 0, columnName: column, message: message)
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
