import EcomapModel

/// Loads an ecosystem from a workbook: a nodes sheet and a links sheet (named like the CSV tables:
/// `nodes`, `Knoten`, `knooppunten`, ... and `links`, `Verbindungen`, `koppelingen`, ...), or one
/// sheet of communities. The header is the sheet's first non-empty row.
enum WorkbookLoader {
    static func load(path: String, linksPath: String?, title: String?, limits: Limits) -> LoadResult {
        var diagnostics = Diagnostics()
        let bytes: [UInt8]
        switch InputFile.read(path, limits: limits) {
        case .failure(let d): return LoadResult(ecosystem: nil, diagnostics: Diagnostics([d]))
        case .success(let b): bytes = b
        }
        let sheets: [Workbook.Sheet]
        switch Workbook.sheets(bytes, path: path) {
        case .failure(let d): return LoadResult(ecosystem: nil, diagnostics: Diagnostics([d]))
        case .success(let s): sheets = s
        }
        let nonEmpty = sheets.filter { !$0.rows.isEmpty }
        func named(_ words: [String]) -> Workbook.Sheet? {
            nonEmpty.first { words.contains(ColumnNames.normalise($0.name).replacingOccurrences(of: " ", with: "")) }
        }
        let linksSheet = named(LinkTableNaming.linkWords)
        var nodesSheet = named(LinkTableNaming.nodeWords + ["community", "gemeenschap", "gemeinschaft"])
        if nodesSheet == nil {
            nodesSheet = nonEmpty.first { $0.name != linksSheet?.name }
            if let chosen = nodesSheet, nonEmpty.count > (linksSheet == nil ? 1 : 2) {
                diagnostics.append(.warning("the workbook has no sheet named `nodes` (or `communities`, `Knoten`, "
                                            + "`knooppunten`); reading the first sheet, `\(chosen.name)`",
                                            at: SourceLocation(file: path, line: 1, column: 0, cell: "\(chosen.name)!A1")))
            }
        }
        guard let nodesSheet, let nodes = table(nodesSheet, file: path) else {
            diagnostics.append(.error("the workbook has no sheet with data", at: SourceLocation(file: path, line: 1, column: 1)))
            return LoadResult(ecosystem: nil, diagnostics: diagnostics)
        }
        var links: RawTable?
        var sources: [String: String] = [:]
        if let linksPath {
            guard let text = CSVLoader.readText(linksPath, limits: limits, into: &diagnostics),
                  let table = CSVLoader.table(text, file: linksPath, diagnostics: &diagnostics) else {
                return LoadResult(ecosystem: nil, diagnostics: diagnostics)
            }
            sources[linksPath] = text
            links = table
        } else if let linksSheet {
            links = table(linksSheet, file: path)
        }
        let mapTitle = title ?? RawPath.stem(of: path)
        var result = TableLoader.load(nodes: nodes, links: links, title: mapTitle, limits: limits)
        if links == nil && !result.diagnostics.hasErrors {
            diagnostics.append(.warning("the workbook has no links sheet (named `links`, `Verbindungen`, `verbindingen`, "
                                        + "`koppelingen`, ...); the map will have no links. Add one, or pass a links "
                                        + "table with `--links FILE`",
                                        at: SourceLocation(file: path, line: 1, column: 0, cell: "\(nodesSheet.name)!A1")))
        }
        result.diagnostics.items.insert(contentsOf: diagnostics.items, at: 0)
        if result.diagnostics.hasErrors { result.ecosystem = nil }
        result.sources.merge(sources) { a, _ in a }
        return result
    }

    /// A sheet as a table: the first non-empty row is the header.
    static func table(_ sheet: Workbook.Sheet, file: String) -> RawTable? {
        let numbers = sheet.rows.keys.sorted()
        guard let headerRow = numbers.first else { return nil }
        func sorted(_ cells: [RawCell]) -> [RawCell] { cells.sorted { $0.column < $1.column } }
        return RawTable(file: file, sheet: sheet.name, headerRow: headerRow, header: sorted(sheet.rows[headerRow]!),
                        rows: numbers.dropFirst().map { ($0, sorted(sheet.rows[$0]!)) }, delimiter: nil)
    }
}
