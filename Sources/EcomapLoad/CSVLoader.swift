import CSV
import EcomapModel
import Foundation

/// Reads the spreadsheet form: `nodes.csv` (one row per node) and `links.csv`.
///
/// Rows are mapped onto the same document tree the YAML reader builds, so both inputs are validated by
/// one decoder and give the same messages; locations are `FILE:ROW:COLUMN-NAME` (the header is row 1).
enum CSVLoader {
    static let nodeColumns = [
        "type", "id", "name", "url", "notes", "tags", "description", "channel", "presence", "scope", "topics",
        "members", "activity.discussions", "activity.reactions", "reach", "actions", "sentiment", "phase",
        "goals", "funnel_step", "followers", "handle", "role",
    ]
    static let listColumns: Set<String> = ["tags", "topics", "goals"]
    static let linkColumns = ["from", "to", "weight", "kind", "directed"]
    static let sections: [(type: String, key: String)] = [
        ("topic", "topics"), ("community", "communities"), ("influencer", "influencers"),
        ("stakeholder", "stakeholders"),
    ]

    static func load(nodesPath: String, linksPath: String?, title: String?, limits: Limits) -> LoadResult {
        var diagnostics = Diagnostics()
        var hints = HintBudget()
        var sources: [String: String] = [:]
        guard let nodesText = readText(nodesPath, limits: limits, into: &diagnostics) else {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics)
        }
        sources[nodesPath] = nodesText
        let nodesURL = URL(fileURLWithPath: nodesPath)
        let defaultLinks = nodesURL.deletingLastPathComponent().appendingPathComponent("links.csv").path
        let linksFile = linksPath ?? (nodesPath.contains("/") ? defaultLinks : "links.csv")
        var linksText: String?
        if linksPath != nil || FileManager.default.fileExists(atPath: linksFile) {
            linksText = readText(linksFile, limits: limits, into: &diagnostics)
            if linksText == nil { return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources) }
            sources[linksFile] = linksText
        }

        var sectionItems: [String: [DocumentNode]] = [:]
        let start = SourceLocation(file: nodesPath, line: 1, column: 1)
        guard let nodeRows = rows(nodesText, file: nodesPath, known: nodeColumns, required: ["type", "id"],
                                  diagnostics: &diagnostics, hints: &hints)
        else { return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources) }
        for row in nodeRows {
            guard let typeCell = row.cells["type"], !typeCell.text.isEmpty else {
                diagnostics.append(.error("missing node type; expected one of topic, community, influencer, stakeholder",
                                          at: row.location("type")))
                continue
            }
            guard let section = sections.first(where: { $0.type == typeCell.text.lowercased() }) else {
                let hint = Suggestions.hint(for: typeCell.text, in: sections.map(\.type), closeOnly: true, budget: &hints)
                diagnostics.append(.error("unknown node type \(FieldReader.quoted(typeCell.text)); expected topic, "
                                          + "community, influencer or stakeholder\(hint)", at: row.location("type")))
                continue
            }
            sectionItems[section.key, default: []].append(nodeMapping(row))
        }

        var linkItems: [DocumentNode] = []
        if let linksText {
            guard let linkRows = rows(linksText, file: linksFile, known: linkColumns, required: ["from", "to"],
                                      diagnostics: &diagnostics, hints: &hints)
            else { return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources) }
            for row in linkRows {
                var pairs: [(key: DocumentNode, value: DocumentNode)] = []
                for column in linkColumns {
                    guard let cell = row.cells[column], !cell.text.isEmpty else { continue }
                    pairs.append((key(column, row), .scalar(cell)))
                }
                linkItems.append(.mapping(pairs, row.location("from")))
            }
        }

        let mapTitle = title ?? defaultTitle(nodesURL)
        var top: [(key: DocumentNode, value: DocumentNode)] = [
            (.scalar(Scalar(text: "ecosystem", style: .plain, location: start)),
             .scalar(Scalar(text: mapTitle, style: .quoted, location: start))),
        ]
        for section in sections {
            let items = sectionItems[section.key] ?? []
            if items.isEmpty && section.key != "communities" { continue }
            top.append((.scalar(Scalar(text: section.key, style: .plain, location: start)), .sequence(items, start)))
        }
        if !linkItems.isEmpty {
            top.append((.scalar(Scalar(text: "links", style: .plain, location: start)), .sequence(linkItems, start)))
        }
        if let brand = singleBrand(sectionItems["stakeholders"] ?? []) {
            top.append((.scalar(Scalar(text: "focus", style: .plain, location: start)),
                        .scalar(Scalar(text: brand, style: .quoted, location: start))))
        }
        var decoder = EcosystemDecoder(file: nodesPath, limits: limits)
        let ecosystem = decoder.decode(.mapping(top, start))
        diagnostics.items.append(contentsOf: decoder.diagnostics)
        return LoadResult(ecosystem: diagnostics.hasErrors ? nil : ecosystem, diagnostics: diagnostics,
                          sources: sources)
    }

    // MARK: - Rows

    struct Row {
        var file: String
        var number: Int
        var cells: [String: Scalar]
        func location(_ column: String) -> SourceLocation {
            SourceLocation(file: file, line: number, column: 0, columnName: column)
        }
    }

    private static func readText(_ path: String, limits: Limits, into diagnostics: inout Diagnostics) -> String? {
        switch InputFile.read(path, limits: limits) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let bytes):
            switch ByteCheck.utf8Text(bytes, file: path) {
            case .failure(let d):
                diagnostics.append(d)
                return nil
            case .success(let body):
                return String(decoding: body, as: UTF8.self)
            }
        }
    }

    /// The delimiter a spreadsheet used: `,` unless the header row only makes sense split on `;` or tab.
    static func delimiter(of text: String) -> UnicodeScalar {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        if header.contains(",") { return "," }
        if header.contains("\t") { return "\t" }
        if header.contains(";") { return ";" }
        return ","
    }

    /// Parses a table, checks its header against `known` and yields its non-empty rows;
    /// nil when the header itself is wrong (the rows cannot be read then).
    private static func rows(_ text: String, file: String, known: [String], required: [String],
                             diagnostics: inout Diagnostics, hints: inout HintBudget) -> [Row]? {
        if let problem = quotingProblem(text, delimiter: delimiter(of: text)) {
            diagnostics.append(.error(problem.message, at: SourceLocation(file: file, line: problem.row, column: 0,
                                                                          columnName: problem.column)))
            return nil
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter(of: text))
        } catch {
            diagnostics.append(.error("cannot read the table: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard let header = reader.next() else {
            diagnostics.append(.error("the table is empty; expected a header row", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let errorsBefore = diagnostics.errors.count
        var columns: [String?] = []
        var seen: Set<String> = []
        for raw in header {
            let name = raw.trimmingCharacters(in: .whitespaces)
            let location = SourceLocation(file: file, line: 1, column: 0, columnName: name.isEmpty ? "(empty)" : name)
            if name.isEmpty {
                columns.append(nil)
            } else if !known.contains(name) {
                diagnostics.append(.error("unknown column `\(name)`\(Suggestions.hint(for: name, in: known, budget: &hints))", at: location))
                columns.append(nil)
            } else if seen.contains(name) {
                diagnostics.append(.error("duplicate column `\(name)`", at: location))
                columns.append(nil)
            } else {
                seen.insert(name)
                columns.append(name)
            }
        }
        for name in required where !seen.contains(name) {
            diagnostics.append(.error("missing required column `\(name)`", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if diagnostics.errors.count > errorsBefore { return nil }
        var result: [Row] = []
        var number = 1
        while let cells = reader.next() {
            number += 1
            var row = Row(file: file, number: number, cells: [:])
            for (index, raw) in cells.enumerated() {
                let value = raw.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                guard index < columns.count, let column = columns[index] else {
                    if index >= columns.count {
                        diagnostics.append(.error("row has more cells than the header has columns",
                                                  at: SourceLocation(file: file, line: number, column: 0,
                                                                     columnName: "#\(index + 1)")))
                    }
                    continue
                }
                row.cells[column] = Scalar(text: value, style: .plain, location: row.location(column))
            }
            if !row.cells.isEmpty { result.append(row) }
        }
        return result
    }

    /// The first break of RFC 4180 quoting: a quoted cell that never closes, or text after a closing
    /// quote. The CSV reader accepts both silently (an unclosed quote swallows every row after it),
    /// so they are caught here, with the row (record) and column where the cell starts.
    static func quotingProblem(_ text: String, delimiter: UnicodeScalar)
        -> (message: String, row: Int, column: String)? {
        var header: [String] = [], cell = String.UnicodeScalarView()
        var row = 1, field = 0
        var atCellStart = true, inQuotes = false, afterClosingQuote = false
        var quoteRow = 1, quoteField = 0
        var previousWasCR = false
        func columnName(_ index: Int) -> String {
            index < header.count && !header[index].isEmpty ? header[index] : "#\(index + 1)"
        }
        func endCell() {
            if row == 1 { header.append(String(cell).trimmingCharacters(in: .whitespaces)) }
            cell = String.UnicodeScalarView()
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let c = pending {
            pending = scalars.next()
            defer { previousWasCR = c == "\r" }
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" { pending = scalars.next(); cell.append(c); continue }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    cell.append(c)
                }
                continue
            }
            if c == delimiter {
                endCell()
                field += 1
                atCellStart = true
                afterClosingQuote = false
            } else if c == "\n" || c == "\r" {
                if c == "\n" && previousWasCR { continue }
                endCell()
                row += 1
                field = 0
                atCellStart = true
                afterClosingQuote = false
            } else if afterClosingQuote {
                return ("text after the closing quote of a quoted cell; double a quote inside quotes (\"\")",
                        row, columnName(field))
            } else if c == "\"" && atCellStart {
                inQuotes = true
                quoteRow = row
                quoteField = field
                atCellStart = false
            } else {
                cell.append(c)
                atCellStart = false
            }
        }
        if inQuotes {
            return ("quoted cell never closes: a `\"` is missing, so every row after it would be read as this cell",
                    quoteRow, columnName(quoteField))
        }
        return nil
    }

    private static func key(_ column: String, _ row: Row) -> DocumentNode {
        .scalar(Scalar(text: column, style: .plain, location: row.location(column)))
    }

    /// One node row as a mapping: `;` lists become sequences, `activity.*` a nested mapping.
    private static func nodeMapping(_ row: Row) -> DocumentNode {
        var pairs: [(key: DocumentNode, value: DocumentNode)] = []
        var activity: [(key: DocumentNode, value: DocumentNode)] = []
        for column in nodeColumns where column != "type" {
            guard let cell = row.cells[column] else { continue }
            if column.hasPrefix("activity.") {
                let sub = String(column.dropFirst("activity.".count))
                activity.append((.scalar(Scalar(text: sub, style: .plain, location: cell.location)), .scalar(cell)))
            } else if listColumns.contains(column) {
                let items = cell.text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                    .map { DocumentNode.scalar(Scalar(text: $0, style: .plain, location: cell.location)) }
                pairs.append((key(column, row), .sequence(items, cell.location)))
            } else {
                // A spreadsheet cell is text where text is expected, a number where a number is expected.
                pairs.append((key(column, row), .scalar(cell)))
            }
        }
        if !activity.isEmpty {
            pairs.append((key("activity", row), .mapping(activity, row.location("activity.discussions"))))
        }
        return .mapping(pairs, row.location("id"))
    }

    private static func singleBrand(_ stakeholders: [DocumentNode]) -> String? {
        let brands = stakeholders.compactMap { node -> String? in
            guard case .mapping(let pairs, _) = node else { return nil }
            var id: String?, role: String?
            for (k, v) in pairs {
                guard case .scalar(let key) = k, case .scalar(let value) = v else { continue }
                if key.text == "id" { id = value.text }
                if key.text == "role" { role = value.text }
            }
            return role == "brand" ? id : nil
        }
        return brands.count == 1 ? brands[0] : nil
    }

    /// The title when none is given: the folder of a `nodes.csv`, else the file name without extension.
    static func defaultTitle(_ url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent
        if stem.lowercased() == "nodes" {
            let folder = url.deletingLastPathComponent().standardizedFileURL.lastPathComponent
            if !folder.isEmpty && folder != "/" && folder != "." { return folder }
        }
        return stem
    }
}
