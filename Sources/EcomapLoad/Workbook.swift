import EcomapModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads `.xlsx` (Excel) and `.ods` (LibreOffice Calc) workbooks directly: both are ZIP archives of
/// XML. Cell types come from the file (numbers as stored, no locale guessing); formulas give their
/// cached values; dates become `YYYY-MM-DD`. Every size is bounded before it can cost memory: the
/// bytes unpacked from the archive, the number of cells, and ODS repeat counts (empty repeats are
/// skipped, never materialised).
enum Workbook {
    /// Most bytes unpacked from one workbook, all parts together (a ZIP bomb stops here).
    static let maxUnpackedBytes = 256 * 1024 * 1024
    /// Most non-empty cells in one workbook (repeated cells counted once per repeat).
    static let maxCells = 6_000_000
    /// Highest column index a cell may have (Excel's own limit is 16,384 columns).
    static let maxColumns = 16_384
    /// Highest row number (Excel's own limit is 1,048,576 rows).
    static let maxRows = 1_048_576

    struct Sheet {
        var name: String
        /// Non-empty cells by row number (1-based), each row's cells by column index (0-based).
        var rows: [Int: [RawCell]] = [:]
    }

    struct Failure: Error {
        var message: String
        var cell: String?
    }

    static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".ods") || lower.hasSuffix(".xlsm")
    }

    /// The sheets of the workbook at `path` (already read into `bytes`), in workbook order.
    static func sheets(_ bytes: [UInt8], path: String) -> Result<[Sheet], Diagnostic> {
        let at = SourceLocation(file: path, line: 1, column: 1)
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(.error("this is an Excel 97-2003 workbook (.xls), which ecomap does not read; save it as "
                                   + "\"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\"", at: at))
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]),
              let archive = try? Archive(data: Data(bytes), accessMode: .read) else {
            return .failure(.error("cannot read the workbook: it is not a ZIP archive as .xlsx and .ods files are "
                                   + "(is it damaged, or another format renamed?)", at: at))
        }
        var unpacked = 0
        do {
            if path.lowercased().hasSuffix(".ods") {
                return .success(try ods(archive, unpacked: &unpacked))
            }
            return .success(try xlsx(archive, unpacked: &unpacked))
        } catch let failure as Failure {
            let location = failure.cell.map { SourceLocation(file: path, line: 1, column: 0, cell: $0) } ?? at
            return .failure(.error(failure.message, at: location))
        } catch {
            return .failure(.error("cannot read the workbook: \(error)", at: at))
        }
    }

    // MARK: - Archive parts

    private struct TooLarge: Error {}

    /// The bytes of one part, counted against the unpacked budget while they are inflated.
    static func part(_ archive: Archive, _ name: String, unpacked: inout Int) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        let bomb = Failure(message: "the workbook unpacks to more than \(maxUnpackedBytes / (1024 * 1024)) MiB "
                           + "(limit: workbook size); is it a ZIP bomb?", cell: nil)
        // The declared size refuses an honest bomb at once; the count below catches a lying header.
        if entry.uncompressedSize > UInt64(maxUnpackedBytes - unpacked) { throw bomb }
        var data = Data()
        var total = unpacked
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += chunk.count
                if total > maxUnpackedBytes { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw bomb
        } catch {
            throw Failure(message: "cannot read `\(name)` in the workbook: the archive is damaged (\(error))", cell: nil)
        }
        unpacked = total
        // A DOCTYPE could declare entities; no spreadsheet part has one.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Failure(message: "`\(name)` in the workbook declares a DOCTYPE or entities, which no spreadsheet "
                          + "program writes; refused", cell: nil)
        }
        return data
    }

    /// Parses XML with a handler for start tags, end tags and text (local names, prefixes dropped).
    static func parse(_ data: Data, part: String, _ handler: XMLEvents) throws {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        if !parser.parse() {
            if let failure = handler.failure { throw failure }
            let line = parser.lineNumber
            throw Failure(message: "`\(part)` in the workbook is not well-formed XML (line \(line)): "
                          + (parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error"), cell: nil)
        }
        if let failure = handler.failure { throw failure }
    }

    static func local(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    static func attributes(_ dict: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (k, v) in dict { result[local(k)] = v }
        return result
    }

    /// `B7` -> (row 7, column 1); nil when malformed.
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(u - 64); letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(u - 96); letters += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(u - 48); digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row, column - 1)
    }

    // MARK: - Dates

    /// `YYYY-MM-DD` for a spreadsheet serial day number (1900 or 1904 system).
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // Excel's 1900 system counts 1900-02-29, which never was; serial 60 is that day.
        var days = Int(serial.rounded(.down))
        if !date1904 { days = days < 60 ? days - 1 : days - 2 } else { days += 1460 }
        // Days since 1900-01-01.
        var y = 1900, remaining = days
        func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        while remaining >= (leap(y) ? 366 : 365) { remaining -= leap(y) ? 366 : 365; y += 1 }
        let lengths = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var m = 0
        while m < 12 && remaining >= lengths[m] { remaining -= lengths[m]; m += 1 }
        return String(format: "%04d-%02d-%02d", y, m + 1, remaining + 1)
    }

    /// True for number formats that show a date or time (`DD.MM.YYYY`, built-in 14-22, 45-47).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code else { return false }
        var inQuotes = false, inBrackets = false
        for ch in code.lowercased() {
            if ch == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if ch == "[" { inBrackets = true; continue }
            if ch == "]" { inBrackets = false; continue }
            if inBrackets { continue }
            if "dmyhs".contains(ch) { return true }
        }
        return false
    }
}

/// XMLParser delegate that forwards start tags, end tags and text with prefixes dropped.
class XMLEvents: NSObject, XMLParserDelegate {
    var failure: Workbook.Failure?
    func start(_ name: String, _ attributes: [String: String]) throws {}
    func end(_ name: String) throws {}
    func text(_ string: String) {}

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        do { try start(Workbook.local(elementName), Workbook.attributes(attributeDict)) } catch let f as Workbook.Failure {
            failure = f
            parser.abortParsing()
        } catch { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        do { try end(Workbook.local(elementName)) } catch let f as Workbook.Failure {
            failure = f
            parser.abortParsing()
        } catch { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}
