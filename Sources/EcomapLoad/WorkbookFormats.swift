import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Cell budget shared by every sheet of one workbook.
final class CellBudget {
    var used = 0
    func take(_ n: Int, at cell: String) throws {
        used = used > Int.max - n ? Int.max : used + n
        if used > Workbook.maxCells {
            throw Workbook.Failure(message: "the workbook holds more than \(Workbook.maxCells) cells (limit: workbook "
                                   + "cells)", cell: cell)
        }
    }
}

// MARK: - Excel (.xlsx)

extension Workbook {
    static func xlsx(_ archive: Archive, unpacked: inout Int) throws -> [Sheet] {
        guard let workbookXML = try part(archive, "xl/workbook.xml", unpacked: &unpacked) else {
            throw Failure(message: "cannot read the workbook: it has no `xl/workbook.xml`, so it is not an Excel "
                          + "workbook", cell: nil)
        }
        let book = XLSXWorkbookHandler()
        try parse(workbookXML, part: "xl/workbook.xml", book)
        var targets: [String: String] = [:]
        if let rels = try part(archive, "xl/_rels/workbook.xml.rels", unpacked: &unpacked) {
            let handler = XLSXRelationsHandler()
            try parse(rels, part: "xl/_rels/workbook.xml.rels", handler)
            targets = handler.targets
        }
        var shared: [String] = []
        if let data = try part(archive, "xl/sharedStrings.xml", unpacked: &unpacked) {
            let handler = XLSXSharedStringsHandler()
            try parse(data, part: "xl/sharedStrings.xml", handler)
            shared = handler.strings
        }
        var dateStyles: Set<Int> = []
        if let data = try part(archive, "xl/styles.xml", unpacked: &unpacked) {
            let handler = XLSXStylesHandler()
            try parse(data, part: "xl/styles.xml", handler)
            for (index, id) in handler.cellFormats.enumerated()
            where isDateFormat(id: id, code: handler.customFormats[id]) { dateStyles.insert(index) }
        }
        let budget = CellBudget()
        var sheets: [Sheet] = []
        for (index, entry) in book.sheets.enumerated() {
            var target = entry.relation.flatMap { targets[$0] } ?? "worksheets/sheet\(index + 1).xml"
            target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let data = try part(archive, target, unpacked: &unpacked) else {
                throw Failure(message: "the sheet `\(entry.name)` is missing from the workbook (`\(target)`)", cell: nil)
            }
            let handler = XLSXSheetHandler(name: entry.name, shared: shared, dateStyles: dateStyles,
                                           date1904: book.date1904, budget: budget)
            try parse(data, part: target, handler)
            sheets.append(handler.sheet)
        }
        return sheets
    }
}

final class XLSXWorkbookHandler: XMLEvents {
    var sheets: [(name: String, relation: String?)] = []
    var date1904 = false
    override func start(_ name: String, _ a: [String: String]) throws {
        if name == "sheet", let sheetName = a["name"] { sheets.append((sheetName, a["id"])) }
        if name == "workbookPr", let d = a["date1904"] { date1904 = d == "1" || d == "true" }
    }
}

final class XLSXRelationsHandler: XMLEvents {
    var targets: [String: String] = [:]
    override func start(_ name: String, _ a: [String: String]) throws {
        if name == "Relationship", let id = a["Id"], let target = a["Target"] { targets[id] = target }
    }
}

final class XLSXSharedStringsHandler: XMLEvents {
    var strings: [String] = []
    private var current = ""
    private var inText = false, inPhonetic = false
    override func start(_ name: String, _ a: [String: String]) throws {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }
    override func end(_ name: String) throws {
        switch name {
        case "si":
            strings.append(current)
            if strings.count > Workbook.maxCells {
                throw Workbook.Failure(message: "the workbook holds more than \(Workbook.maxCells) texts (limit: "
                                       + "workbook cells)", cell: nil)
            }
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    override func text(_ string: String) {
        if inText && current.utf8.count < 1 << 20 { current += string }
    }
}

final class XLSXStylesHandler: XMLEvents {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false
    override func start(_ name: String, _ a: [String: String]) throws {
        switch name {
        case "numFmt":
            if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(a["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    override func end(_ name: String) throws { if name == "cellXfs" { inCellXfs = false } }
}

final class XLSXSheetHandler: XMLEvents {
    var sheet: Workbook.Sheet
    let shared: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    let budget: CellBudget
    private var row = 0, nextColumn = 0
    private var cellRef = "", cellType = "n", cellStyle = 0, cellColumn = 0
    private var value = "", inlineText = ""
    private var inValue = false, inInline = false, inCell = false

    init(name: String, shared: [String], dateStyles: Set<Int>, date1904: Bool, budget: CellBudget) {
        sheet = Workbook.Sheet(name: name)
        self.shared = shared
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.budget = budget
    }

    override func start(_ name: String, _ a: [String: String]) throws {
        switch name {
        case "row":
            row = a["r"].flatMap(Int.init) ?? row + 1
            guard row >= 1, row <= Workbook.maxRows else {
                throw Workbook.Failure(message: "row \(a["r"] ?? "?") is beyond the last row a sheet may have "
                                       + "(\(Workbook.maxRows))", cell: "\(sheet.name)!A1")
            }
            nextColumn = 0
        case "c":
            inCell = true
            cellType = a["t"] ?? "n"
            cellStyle = a["s"].flatMap(Int.init) ?? 0
            if let r = a["r"] {
                guard let ref = Workbook.reference(r), ref.column < Workbook.maxColumns else {
                    throw Workbook.Failure(message: "malformed cell reference `\(r.prefix(20))`", cell: "\(sheet.name)!A\(row)")
                }
                if ref.row != row && row > 0 { row = ref.row }
                cellColumn = ref.column
            } else {
                cellColumn = nextColumn
            }
            nextColumn = cellColumn + 1
            cellRef = "\(sheet.name)!\(RawTable.columnLetters(cellColumn))\(row)"
            value = ""
            inlineText = ""
        case "v": inValue = inCell
        case "is": inInline = inCell
        default: break
        }
    }

    override func text(_ string: String) {
        guard inCell else { return }
        if inValue { value += string } else if inInline { inlineText += string }
    }

    override func end(_ name: String) throws {
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "c":
            inCell = false
            guard let cell = try makeCell() else { return }
            try budget.take(1, at: cellRef)
            sheet.rows[row, default: []].append(cell)
        default: break
        }
    }

    private func makeCell() throws -> RawCell? {
        switch cellType {
        case "s":
            guard !value.isEmpty else { return nil }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < shared.count else {
                throw Workbook.Failure(message: "the cell refers to shared text \(value.prefix(12)), which the "
                                       + "workbook does not have", cell: cellRef)
            }
            let text = shared[index]
            return text.isEmpty ? nil : RawCell(text: text, column: cellColumn)
        case "inlineStr":
            return inlineText.isEmpty ? nil : RawCell(text: inlineText, column: cellColumn)
        case "str", "e":
            // A formula's text result, or an error value such as #DIV/0! (shown as is).
            return value.isEmpty ? nil : RawCell(text: value, column: cellColumn)
        case "b":
            return value.isEmpty ? nil : RawCell(text: value == "1" ? "true" : "false", column: cellColumn)
        case "d":
            return value.isEmpty ? nil : RawCell(text: String(value.prefix(10)), column: cellColumn)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let number = Double(trimmed), number.isFinite else {
                throw Workbook.Failure(message: "the cell holds \(FieldReader.quoted(trimmed)) where the file says "
                                       + "a number", cell: cellRef)
            }
            if dateStyles.contains(cellStyle), let date = Workbook.isoDate(serial: number, date1904: date1904) {
                return RawCell(text: date, column: cellColumn)
            }
            return RawCell(text: NumberStyle.canonical(number), number: number, column: cellColumn)
        }
    }
}

// MARK: - LibreOffice (.ods)

extension Workbook {
    static func ods(_ archive: Archive, unpacked: inout Int) throws -> [Sheet] {
        guard let content = try part(archive, "content.xml", unpacked: &unpacked) else {
            throw Failure(message: "cannot read the workbook: it has no `content.xml`, so it is not an "
                          + "OpenDocument spreadsheet", cell: nil)
        }
        let handler = ODSContentHandler(budget: CellBudget())
        try parse(content, part: "content.xml", handler)
        return handler.sheets
    }
}

/// Reads `content.xml`: tables, rows and cells with their repeat counts. Repeated empty rows and
/// cells (Calc writes a million of them to the end of a sheet) only advance the position.
final class ODSContentHandler: XMLEvents {
    var sheets: [Workbook.Sheet] = []
    let budget: CellBudget
    private var current: Workbook.Sheet?
    private var row = 0, column = 0
    private var rowRepeat = 1, cellRepeat = 1
    private var rowCells: [RawCell] = []
    private var inCell = false, paragraphs = 0
    private var cellText = "", cellValue: Double?, cellKind = ""
    private var textDepth = 0

    init(budget: CellBudget) { self.budget = budget }

    private func repeatCount(_ a: [String: String], _ key: String) throws -> Int {
        guard let raw = a[key] else { return 1 }
        guard let n = Int(raw), n >= 1 else {
            throw Workbook.Failure(message: "malformed repeat count `\(raw.prefix(20))`",
                                   cell: "\(current?.name ?? "?")!\(RawTable.columnLetters(column))\(row + 1)")
        }
        return n
    }

    override func start(_ name: String, _ a: [String: String]) throws {
        switch name {
        case "table":
            current = Workbook.Sheet(name: a["name"] ?? "Sheet\(sheets.count + 1)")
            row = 0
        case "table-row":
            rowRepeat = try repeatCount(a, "number-rows-repeated")
            column = 0
            rowCells = []
        case "table-cell", "covered-table-cell":
            cellRepeat = try repeatCount(a, "number-columns-repeated")
            inCell = true
            cellText = ""
            paragraphs = 0
            cellKind = a["value-type"] ?? ""
            switch cellKind {
            case "float", "percentage", "currency":
                cellValue = a["value"].flatMap(Double.init)
            case "boolean":
                cellValue = nil
                cellText = a["boolean-value"] == "true" ? "true" : "false"
            case "date":
                cellValue = nil
                cellText = String((a["date-value"] ?? "").prefix(10))
            case "time":
                cellValue = nil
                cellText = a["time-value"] ?? ""
            case "string":
                cellValue = nil
                if let s = a["string-value"] { cellText = s }
            default:
                cellValue = nil
            }
        case "p" where inCell:
            if paragraphs > 0 && cellKind != "boolean" && cellKind != "date" { cellText += "\n" }
            paragraphs += 1
            textDepth += 1
        case "s" where inCell && textDepth > 0:
            let n = min(Int(a["c"] ?? "1") ?? 1, 1000)
            cellText += String(repeating: " ", count: max(1, n))
        case "tab" where inCell && textDepth > 0:
            cellText += "\t"
        case "line-break" where inCell && textDepth > 0:
            cellText += "\n"
        default:
            break
        }
    }

    override func text(_ string: String) {
        // Typed values come from attributes; the paragraph text is what a string cell shows.
        guard inCell, textDepth > 0, cellValue == nil, !["boolean", "date", "time"].contains(cellKind) else { return }
        if cellText.utf8.count < 1 << 20 { cellText += string }
    }

    override func end(_ name: String) throws {
        switch name {
        case "p":
            if textDepth > 0 { textDepth -= 1 }
        case "table-cell", "covered-table-cell":
            inCell = false
            let cell: RawCell?
            if let value = cellValue, value.isFinite {
                cell = RawCell(text: NumberStyle.canonical(value), number: value, column: column)
            } else if !cellText.isEmpty {
                cell = RawCell(text: cellText, column: column)
            } else {
                cell = nil
            }
            if let cell {
                let where_ = "\(current?.name ?? "?")!\(RawTable.columnLetters(min(column, Workbook.maxColumns)))\(row + 1)"
                guard column + cellRepeat <= Workbook.maxColumns else {
                    throw Workbook.Failure(message: "a cell lies beyond column \(Workbook.maxColumns) (limit: workbook "
                                           + "columns)", cell: where_)
                }
                try budget.take(cellRepeat * rowRepeat, at: where_)
                for k in 0..<cellRepeat {
                    var copy = cell
                    copy.column = column + k
                    rowCells.append(copy)
                }
            }
            column = column > Int.max - cellRepeat ? Int.max : column + cellRepeat
        case "table-row":
            if !rowCells.isEmpty {
                guard row + rowRepeat <= Workbook.maxRows else {
                    throw Workbook.Failure(message: "a row lies beyond row \(Workbook.maxRows) (limit: workbook rows)",
                                           cell: "\(current?.name ?? "?")!A\(row + 1)")
                }
                for k in 0..<rowRepeat { current?.rows[row + 1 + k] = rowCells }
            }
            row = row > Int.max - rowRepeat ? Int.max : row + rowRepeat
        case "table":
            if let sheet = current { sheets.append(sheet) }
            current = nil
        default:
            break
        }
    }
}
