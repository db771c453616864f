import EcomapModel
import EcomapText

/// Interprets tables (from CSV or a workbook) as an ecosystem: headers matched with their aliases,
/// numbers read in the file's own style, ids derived from names where there are none, and the rows
/// mapped onto the document tree that the YAML reader builds, so one decoder validates both.
enum TableLoader {
    static let listColumns: Set<String> = ["tags", "topics", "goals"]
    /// Columns holding counts (whole numbers) and per-month figures.
    static let wholeColumns: Set<String> = ["members", "reach", "followers"]
    static let fractionColumns: Set<String> = ["activity.discussions", "activity.reactions", "actions"]
    static let sections: [(type: String, key: String)] = [
        ("topic", "topics"), ("community", "communities"), ("influencer", "influencers"),
        ("stakeholder", "stakeholders"),
    ]
    /// Node types as a spreadsheet may spell them.
    static let typeAliases: [String: String] = [
        "topic": "topic", "onderwerp": "topic", "thema": "topic", "thema's": "topic", "topics": "topic",
        "community": "community", "communities": "community", "gemeenschap": "community", "gemeinschaft": "community",
        "influencer": "influencer", "influencers": "influencer",
        "stakeholder": "stakeholder", "stakeholders": "stakeholder", "belanghebbende": "stakeholder",
        "interessengruppe": "stakeholder",
    ]

    /// Cells kept per row, by column: the scalar the decoder reads.
    private struct Row {
        var number: Int
        var cells: [String: Scalar]
        var anchor: SourceLocation
    }

    static func load(nodes: RawTable, links: RawTable?, title: String, limits: Limits) -> LoadResult {
        var diagnostics = Diagnostics()
        var hints = HintBudget()
        let start = SourceLocation(file: nodes.file, line: 1, column: 1)
        guard let nodeColumns = columns(nodes, links: false, diagnostics: &diagnostics, hints: &hints) else {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics)
        }
        var numbers = NumberReader(table: nodes, columns: nodeColumns)
        var rows: [Row] = []
        for (number, cells) in nodes.rows {
            var row = Row(number: number, cells: [:], anchor: nodes.location(row: number, column: 0))
            for cell in cells {
                guard cell.column < nodeColumns.count, let column = nodeColumns[cell.column] else {
                    if cell.column >= nodeColumns.count, !cell.text.isEmpty || cell.number != nil {
                        diagnostics.append(.error("row has more cells than the header has columns",
                                                  at: nodes.location(row: number, column: cell.column)))
                    }
                    continue
                }
                let location = nodes.location(row: number, column: cell.column)
                if column == "id" { row.anchor = location }
                if wholeColumns.contains(column) || fractionColumns.contains(column) {
                    guard let text = numbers.read(cell, column: column, whole: wholeColumns.contains(column),
                                                  at: location, into: &diagnostics) else { continue }
                    row.cells[column] = Scalar(text: text, style: .plain, location: location)
                } else if let value = cell.number {
                    row.cells[column] = Scalar(text: NumberStyle.canonical(value), style: .plain, location: location)
                } else if !cell.text.isEmpty {
                    row.cells[column] = Scalar(text: cell.text, style: .plain, location: location)
                }
            }
            if !row.cells.isEmpty { rows.append(row) }
        }
        if let warning = numbers.styleWarning() { diagnostics.append(warning) }

        // Ids: written, or derived from the name (unique, in row order).
        let hasTypeColumn = nodeColumns.contains("type")
        var taken = Set(rows.compactMap { $0.cells["id"]?.text })
        var nameToId: [String: String] = [:]
        var derived: [(id: String, name: String, location: SourceLocation)] = []
        for i in rows.indices where rows[i].cells["id"] == nil {
            guard let name = rows[i].cells["name"] else {
                diagnostics.append(.error("this row has neither an id nor a name; give it a name",
                                          at: rows[i].anchor))
                continue
            }
            var base = IdSlug.slug(name.text)
            if base.isEmpty { base = "row-\(rows[i].number)" }
            var id = base, n = 2
            while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
            taken.insert(id)
            rows[i].cells["id"] = Scalar(text: id, style: .quoted, location: name.location)
            derived.append((id, name.text, name.location))
        }
        for row in rows {
            if let id = row.cells["id"]?.text, let name = row.cells["name"]?.text, nameToId[name] == nil {
                nameToId[name] = id
            }
        }
        if !derived.isEmpty {
            let shown = derived.prefix(20).map { "`\($0.id)` for \(FieldReader.quoted($0.name))" }.joined(separator: ", ")
            let more = derived.count > 20 ? " and \(derived.count - 20) more" : ""
            diagnostics.append(Diagnostic(.note, "ids derived from names (the table has no `id` for "
                                          + "\(derived.count == 1 ? "this row" : "these rows")): \(shown)\(more); "
                                          + "add an `id` column to keep them when names change", at: derived[0].location))
        }

        var sectionItems: [String: [TreeNode]] = [:]
        for row in rows {
            var type = "community"
            if hasTypeColumn, let typeCell = row.cells["type"] {
                guard let known = typeAliases[typeCell.text.lowercased()] else {
                    let hint = Suggestions.hint(for: typeCell.text, in: sections.map(\.type), closeOnly: true, budget: &hints)
                    diagnostics.append(.error("unknown node type \(FieldReader.quoted(typeCell.text)); expected topic, "
                                              + "community, influencer or stakeholder\(hint)", at: typeCell.location))
                    continue
                }
                type = known
            }
            guard let section = sections.first(where: { $0.type == type }) else { continue }
            sectionItems[section.key, default: []].append(nodeMapping(row))
        }

        var linkItems: [TreeNode] = []
        if let links, let linkColumns = columns(links, links: true, diagnostics: &diagnostics, hints: &hints) {
            var weights = NumberReader(table: links, columns: linkColumns)
            for (number, cells) in links.rows {
                var pairs: [(key: TreeNode, value: TreeNode)] = []
                var anchor = links.location(row: number, column: 0)
                for cell in cells {
                    guard cell.column < linkColumns.count, let column = linkColumns[cell.column] else { continue }
                    let location = links.location(row: number, column: cell.column)
                    if column == "from" { anchor = location }
                    var text = cell.number.map(NumberStyle.canonical) ?? cell.text
                    if column == "weight" {
                        guard let read = weights.readWeight(cell, at: location, into: &diagnostics) else { continue }
                        text = read
                    }
                    if text.isEmpty { continue }
                    if (column == "from" || column == "to") && !taken.contains(text), let id = nameToId[text] {
                        text = id  // a link written with the community's name
                    }
                    pairs.append((key(column, location), .scalar(Scalar(text: text, style: .plain, location: location))))
                }
                if !pairs.isEmpty { linkItems.append(.mapping(pairs, anchor)) }
            }
        } else if links != nil {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics)
        }

        var top: [(key: TreeNode, value: TreeNode)] = [
            (key("ecosystem", start), .scalar(Scalar(text: title, style: .quoted, location: start))),
        ]
        for section in sections {
            let items = sectionItems[section.key] ?? []
            if items.isEmpty && section.key != "communities" { continue }
            top.append((key(section.key, start), .sequence(items, start)))
        }
        if !linkItems.isEmpty { top.append((key("links", start), .sequence(linkItems, start))) }
        if let brand = singleBrand(sectionItems["stakeholders"] ?? []) {
            top.append((key("focus", start), .scalar(Scalar(text: brand, style: .quoted, location: start))))
        }
        var decoder = EcosystemDecoder(file: nodes.file, limits: limits)
        let store = DocumentStore(file: nodes.file)
        let ecosystem = decoder.decode(Document(store: store, root: store.add(.mapping(top, start))))
        diagnostics.items.append(contentsOf: decoder.diagnostics)
        return LoadResult(ecosystem: diagnostics.hasErrors ? nil : ecosystem, diagnostics: diagnostics)
    }

    // MARK: - Header

    /// The column each header cell means (nil: ignored); nil when the header cannot be used.
    private static func columns(_ table: RawTable, links: Bool, diagnostics: inout Diagnostics,
                                hints: inout HintBudget) -> [String?]? {
        let errorsBefore = diagnostics.errors.count
        var result: [String?] = []
        var seen: [String: String] = [:]
        let spellings = ColumnNames.spellings(links: links)
        for cell in table.header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            let location = table.location(row: table.headerRow, column: cell.column)
            while result.count < cell.column { result.append(nil) }
            guard !name.isEmpty else { result.append(nil); continue }
            guard let column = ColumnNames.column(for: name, links: links) else {
                let near = Suggestions.nearest(to: ColumnNames.normalise(name), in: spellings.map(\.spelling), budget: &hints)
                let close = near.map {
                    EditDistance.distance(Array(ColumnNames.normalise(name).unicodeScalars),
                                         Array(ColumnNames.normalise($0).unicodeScalars)) <= max(1, name.count / 4)
                } ?? false
                if close, let near, let column = spellings.first(where: { $0.spelling == near })?.column {
                    let shown = near == column ? "`\(column)`" : "`\(near)` (the `\(column)` column)"
                    diagnostics.append(.error("unknown column `\(name)`; did you mean \(shown)?", at: location))
                } else {
                    diagnostics.append(.warning("column `\(name)` is not an ecomap \(links ? "link" : "node") field "
                                                + "and is ignored (known columns and their Dutch and German names: "
                                                + "docs/ecosystem-format.md)", at: location))
                }
                result.append(nil)
                continue
            }
            if let first = seen[column] {
                diagnostics.append(.error("columns `\(first)` and `\(name)` both mean `\(column)`; keep one", at: location))
                result.append(nil)
                continue
            }
            seen[column] = name
            result.append(column)
        }
        if links {
            for name in ["from", "to"] where seen[name] == nil {
                diagnostics.append(.error("missing required column `\(name)` in the links table",
                                          at: SourceLocation(file: table.file, line: table.headerRow, column: 1,
                                                             cell: table.sheet.map { "\($0)!A\(table.headerRow)" })))
            }
        } else if seen["id"] == nil && seen["name"] == nil {
            diagnostics.append(.error("the table needs a `name` column (or `id`); found "
                                      + (table.header.isEmpty ? "no header" : table.header.map { "`\($0.text)`" }.joined(separator: ", ")),
                                      at: SourceLocation(file: table.file, line: table.headerRow, column: 1,
                                                         cell: table.sheet.map { "\($0)!A\(table.headerRow)" })))
        }
        return diagnostics.errors.count > errorsBefore ? nil : result
    }

    // MARK: - Rows to the document tree

    private static func key(_ column: String, _ location: SourceLocation) -> TreeNode {
        .scalar(Scalar(text: column, style: .plain, location: location))
    }

    private static let nodeOrder = [
        "id", "name", "url", "notes", "tags", "description", "channel", "platform", "presence", "scope", "topics",
        "members", "activity.discussions", "activity.reactions", "reach", "actions", "sentiment", "phase",
        "goals", "funnel_step", "followers", "handle", "role",
    ]

    /// One node row as a mapping: `;` lists become sequences, `activity.*` a nested mapping.
    private static func nodeMapping(_ row: Row) -> TreeNode {
        var pairs: [(key: TreeNode, value: TreeNode)] = []
        var activity: [(key: TreeNode, value: TreeNode)] = []
        var activityLocation: SourceLocation?
        for column in nodeOrder {
            guard let cell = row.cells[column] else { continue }
            if column.hasPrefix("activity.") {
                let sub = String(column.dropFirst("activity.".count))
                activity.append((key(sub, cell.location), .scalar(cell)))
                if activityLocation == nil { activityLocation = cell.location }
            } else if listColumns.contains(column) {
                let separator: Character = cell.text.contains(";") ? ";" : ","
                let items = cell.text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                    .map { TreeNode.scalar(Scalar(text: $0, style: .plain, location: cell.location)) }
                pairs.append((key(column, cell.location), .sequence(items, cell.location)))
            } else {
                pairs.append((key(column, cell.location), .scalar(cell)))
            }
        }
        if !activity.isEmpty, let activityLocation {
            pairs.append((key("activity", activityLocation), .mapping(activity, activityLocation)))
        }
        return .mapping(pairs, row.anchor)
    }

    private static func singleBrand(_ stakeholders: [TreeNode]) -> String? {
        let brands = stakeholders.compactMap { node -> String? in
            guard case .mapping(let pairs, _) = node else { return nil }
            var id: String?, role: String?
            for (k, v) in pairs {
                guard case .scalar(let key) = k, case .scalar(let value) = v else { continue }
                if key.text == "id" { id = value.text }
                if key.text == "role" { role = value.text.lowercased() }
            }
            return role == "brand" ? id : nil
        }
        return brands.count == 1 ? brands[0] : nil
    }
}

/// Reads the number cells of one table in the table's own style (see `NumberStyle`).
struct NumberReader {
    let table: RawTable
    let detection: NumberStyle.Detection
    /// The first cell read with `.` (or `,`) as thousands without the file settling it, for the warning.
    private var assumed: (text: String, value: String, location: SourceLocation)?
    /// The first cell whose three digits after the mark were read as thousands.
    private var thousands: (text: String, value: String, location: SourceLocation)?

    init(table: RawTable, columns: [String?]) {
        self.table = table
        let numeric = TableLoader.wholeColumns.union(TableLoader.fractionColumns).union(["weight"])
        var cells: [(text: String, row: Int, column: String)] = []
        for (number, row) in table.rows {
            for cell in row where cell.number == nil && cell.column < columns.count {
                guard let column = columns[cell.column], numeric.contains(column) else { continue }
                let where_ = table.location(row: number, column: cell.column)
                cells.append((cell.text, number, where_.cell ?? "row \(number), \(where_.columnName ?? "")"))
            }
        }
        // A workbook's typed numbers need no style; its text cells are read as in a comma-free file.
        detection = NumberStyle.detect(cells, delimiter: table.delimiter ?? ",")
    }

    private func witness() -> String {
        guard let w = detection.witness else { return "" }
        return " (`\(w.text)` in \(w.column))"
    }

    /// The cell as the decoder's canonical number text; nil after reporting an error. Text that does
    /// not look like a number is passed on for the decoder's own message.
    mutating func read(_ cell: RawCell, column: String, whole: Bool, at location: SourceLocation,
                       into diagnostics: inout Diagnostics) -> String? {
        if let number = cell.number { return NumberStyle.canonical(number) }
        if cell.text.isEmpty { return nil }
        guard let shape = NumberStyle.shape(cell.text) else { return cell.text }
        if shape.percent {
            diagnostics.append(.error("`\(column)` takes a \(whole ? "count" : "figure per month"), not a percentage; "
                                      + "write it without `%`, found \(FieldReader.quoted(cell.text))", at: location))
            return nil
        }
        return value(shape, text: cell.text, at: location, into: &diagnostics)
    }

    /// A link weight: `0,8` or `0.8` by the file's style; `80%` and `40 %` are refused with the fraction.
    mutating func readWeight(_ cell: RawCell, at location: SourceLocation, into diagnostics: inout Diagnostics) -> String? {
        if let number = cell.number { return NumberStyle.canonical(number) }
        if cell.text.isEmpty { return nil }
        guard let shape = NumberStyle.shape(cell.text) else { return cell.text }
        guard let text = value(shape, text: cell.text, at: location, into: &diagnostics) else { return nil }
        if shape.percent, let percent = Double(text) {
            diagnostics.append(.error("`weight` is a fraction between 0 and 1, not a percentage: write "
                                      + "\(FieldReader.fraction(percent / 100)) for \(FieldReader.quoted(cell.text))", at: location))
            return nil
        }
        return text
    }

    private mutating func value(_ shape: NumberShape, text: String, at location: SourceLocation,
                                into diagnostics: inout Diagnostics) -> String? {
        let mark = detection.mark
        switch shape.evidence {
        case .decimal(let m) where m != mark:
            diagnostics.append(.error("\(FieldReader.quoted(text)) writes decimals with a \(m == .comma ? "comma" : "point"), "
                                      + "but this file's other numbers use a \(mark == .comma ? "comma" : "point")\(witness()); "
                                      + "write all numbers of the file the same way", at: location))
            return nil
        case .ambiguous(let m) where m == mark:
            let digits = shape.body.filter { $0.isNumber }
            let parts = shape.body.split(separator: m.character)
            let lead = parts[0].filter { $0.isNumber }
            var tail = String(parts[1])
            while tail.count > 1 && tail.hasSuffix("0") { tail.removeLast() }
            let decimalForm = "\(lead)\(mark.character)\(tail)"
            let decimalValue = tail == "0" ? String(lead) : "\(lead).\(tail)"
            let why = detection.settled
                ? "this file writes decimals with a \(mark == .comma ? "comma" : "point")\(witness()), so it could be "
                    + "\(decimalForm) or \(digits)"
                : "nothing in this file shows whether `\(m.character)` separates decimals or thousands"
            diagnostics.append(.error("\(FieldReader.quoted(text)) is ambiguous: \(why); write \(digits) if you mean "
                                      + "\(digits), or \(decimalForm) if you mean \(decimalValue)", at: location))
            return nil
        default:
            break
        }
        guard let value = NumberStyle.value(shape, decimal: mark) else {
            diagnostics.append(.error("\(FieldReader.quoted(text)) is not a number as this file writes them "
                                      + "(decimal \(mark == .comma ? "comma" : "point"), thousands in groups of three)",
                                      at: location))
            return nil
        }
        let canonical = NumberStyle.canonical(value)
        if case .ambiguous = shape.evidence {
            if !detection.settled, assumed == nil { assumed = (text, canonical, location) }
            if thousands == nil { thousands = (text, canonical, location) }
        }
        return canonical
    }

    /// One warning per file whose numbers were read with `.` (or `,`) grouping thousands, saying how
    /// they were read (never a silent reinterpretation of `48.000`).
    func styleWarning() -> Diagnostic? {
        guard let first = assumed ?? thousands else { return nil }
        let mark = detection.mark
        let how = "numbers are read with a decimal \(mark == .comma ? "comma" : "point") and `\(mark.other.character)` "
            + "between thousands"
        let why = detection.settled
            ? "as this file writes them\(witness())"
            : "because cells are separated by `;`, as Excel and LibreOffice write them where the comma is the decimal mark"
        return .warning("\(how), \(why): \(FieldReader.quoted(first.text)) is \(first.value); write whole numbers "
                        + "without separators to be unambiguous", at: first.location)
    }
}
