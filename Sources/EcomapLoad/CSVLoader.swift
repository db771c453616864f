import CSV
import EcomapModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the spreadsheet form saved as text: a nodes table (`nodes.csv`, `brand-nodes.csv`, or one
/// table of communities) and, when there is one, a links table. The delimiter (`,` `;` or tab), the
/// encoding and the way numbers are written are detected per file; `TableLoader` interprets the rows.
enum CSVLoader {
    static func load(nodesPath: String, linksPath: String?, title: String?, limits: Limits) -> LoadResult {
        var diagnostics = Diagnostics()
        var sources: [String: String] = [:]
        guard let nodesText = readText(nodesPath, limits: limits, into: &diagnostics) else {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics)
        }
        sources[nodesPath] = nodesText
        guard let nodes = table(nodesText, file: nodesPath, diagnostics: &diagnostics) else {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources)
        }
        var links: RawTable?
        let linksFile = linksPath ?? LinkTableNaming.find(besides: nodesPath)
        if let linksFile {
            guard let linksText = readText(linksFile, limits: limits, into: &diagnostics) else {
                return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources)
            }
            sources[linksFile] = linksText
            links = table(linksText, file: linksFile, diagnostics: &diagnostics)
            if links == nil { return LoadResult(ecosystem: nil, diagnostics: diagnostics, sources: sources) }
        }
        let mapTitle = title ?? defaultTitle(nodesPath)
        var result = TableLoader.load(nodes: nodes, links: links, title: mapTitle, limits: limits)
        // Said once the table loads: with errors to fix first, it would only be noise.
        if linksFile == nil && !result.diagnostics.hasErrors && !diagnostics.hasErrors {
            diagnostics.append(LinkTableNaming.missingWarning(nodesPath))
        }
        result.diagnostics.items.insert(contentsOf: diagnostics.items, at: 0)
        if result.diagnostics.hasErrors { result.ecosystem = nil }
        result.sources.merge(sources) { a, _ in a }
        return result
    }

    /// Reads and decodes a table file; a Windows-1252 file gives one warning.
    static func readText(_ path: String, limits: Limits, into diagnostics: inout Diagnostics) -> String? {
        switch InputFile.read(path, limits: limits) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let bytes):
            switch TableText.decode(bytes, file: path) {
            case .failure(let d):
                diagnostics.append(d)
                return nil
            case .success(let decoded):
                if let warning = TableText.encodingWarning(decoded, file: path) { diagnostics.append(warning) }
                return decoded.text
            }
        }
    }

    /// The delimiter a spreadsheet used: of `,` `;` and tab, the one that splits the header into
    /// several cells and the first rows into as many cells as the header (quotes respected). A
    /// decimal comma in a `;` file therefore never makes it look like a comma file.
    static func delimiter(of text: String) -> UnicodeScalar {
        var best: (delimiter: UnicodeScalar, consistent: Int, width: Int)?
        for candidate: UnicodeScalar in ["\t", ";", ","] {
            let widths = recordWidths(text, delimiter: candidate, records: 200)
            guard let header = widths.first, header >= 2 else { continue }
            let consistent = widths.filter { $0 == header }.count
            if best == nil || consistent > best!.consistent || (consistent == best!.consistent && header > best!.width) {
                best = (candidate, consistent, header)
            }
        }
        return best?.delimiter ?? ","
    }

    /// Cells per record for the first `records` records (blank lines skipped).
    static func recordWidths(_ text: String, delimiter: UnicodeScalar, records: Int) -> [Int] {
        var widths: [Int] = []
        var cells = 1, inQuotes = false, blank = true
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if inQuotes {
                if c == "\"" { inQuotes = false }
                continue
            }
            if c == "\"" { inQuotes = true; blank = false } else if c == delimiter { cells += 1; blank = false } else if c == "\n" || c == "\r" {
                if !blank { widths.append(cells) }
                if widths.count >= records { return widths }
                cells = 1
                blank = true
            } else if c != " " {
                blank = false
            }
        }
        if !blank { widths.append(cells) }
        return widths
    }

    /// Splits a table's text into rows of cells; nil (with an error) when its quoting is broken.
    static func table(_ text: String, file: String, diagnostics: inout Diagnostics) -> RawTable? {
        let delimiter = delimiter(of: text)
        if let problem = quotingProblem(text, delimiter: delimiter) {
            diagnostics.append(.error(problem.message, at: SourceLocation(file: file, line: problem.row, column: 0,
                                                                          columnName: problem.column)))
            return nil
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            diagnostics.append(.error("cannot read the table: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard let header = reader.next() else {
            diagnostics.append(.error("the table is empty; expected a header row", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var table = RawTable(file: file, sheet: nil, header: header.enumerated().map { RawCell(text: $1, column: $0) },
                             rows: [], delimiter: Character(delimiter))
        var number = 1
        while let cells = reader.next() {
            number += 1
            let row = cells.enumerated().map { RawCell(text: $1.trimmingCharacters(in: .whitespaces), column: $0) }
            if row.contains(where: { !$0.text.isEmpty }) { table.rows.append((number, row)) }
        }
        return table
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
                if c == " " || c == "\t" { continue }
                return ("text after the closing quote of a quoted cell; double a quote inside quotes (\"\")",
                        row, columnName(field))
            } else if c == "\"" && atCellStart {
                inQuotes = true
                quoteRow = row
                quoteField = field
                atCellStart = false
            } else {
                cell.append(c)
                if c != " " { atCellStart = false }
            }
        }
        if inQuotes {
            return ("quoted cell never closes: a `\"` is missing, so every row after it would be read as this cell",
                    quoteRow, columnName(quoteField))
        }
        return nil
    }

    /// The title when none is given: the folder of a `nodes.csv`, else the file name without extension
    /// (and without a `-nodes` ending).
    static func defaultTitle(_ path: String) -> String {
        let stem = RawPath.stem(of: path)
        if LinkTableNaming.nodeWords.contains(stem.lowercased()) {
            let directory = RawPath.directory(of: path)
            let resolved = RawPath.withCString(directory) { realpath($0, nil) }
            defer { free(resolved) }
            let folder = RawPath.lastComponent(of: resolved.map { RawPath.fromCString($0) } ?? directory)
            if !folder.isEmpty && folder != "/" && folder != "." && folder != ".." { return folder }
        }
        if let split = LinkTableNaming.split(stem), !split.prefix.isEmpty { return split.prefix }
        return stem
    }
}

/// How a links table is found beside a nodes table: by the names spreadsheet programs give per-sheet
/// exports, in English, Dutch and German.
enum LinkTableNaming {
    static let nodeWords = ["nodes", "knoten", "knopen", "knooppunten", "communities", "gemeenschappen",
                            "gemeinschaften", "communitys"]
    static let linkWords = ["links", "verbindungen", "kanten", "verbindingen", "koppelingen", "edges", "relaties",
                            "beziehungen"]
    static let separators: [Character] = ["-", "_", " ", "."]

    /// `brand-nodes` -> (`brand`, `-`); `nodes` -> (``, nil); nil when the stem ends in no node word.
    static func split(_ stem: String) -> (prefix: String, separator: Character?)? {
        let lower = stem.lowercased()
        for word in nodeWords where lower.hasSuffix(word) {
            let prefix = String(stem.dropLast(word.count))
            if prefix.isEmpty { return ("", nil) }
            if let sep = prefix.last, separators.contains(sep) { return (String(prefix.dropLast()), sep) }
        }
        return nil
    }

    /// The file names looked for, in order of preference.
    static func candidates(for nodesPath: String) -> [String] {
        let stem = RawPath.stem(of: nodesPath)
        let given = RawPath.lastComponent(of: nodesPath)
        let ext = given.count > stem.count + 1 ? String(given.dropFirst(stem.count + 1)) : "csv"
        var names: [String] = []
        if let split = split(stem) {
            if let sep = split.separator { names += linkWords.map { "\(split.prefix)\(sep)\($0).\(ext)" } }
        } else {
            names += linkWords.map { "\(stem)-\($0).\(ext)" }
        }
        names += linkWords.map { "\($0).\(ext)" }
        return names
    }

    /// The links table beside `nodesPath`, matched without letter case; nil when there is none.
    static func find(besides nodesPath: String) -> String? {
        let directory = RawPath.directory(of: nodesPath)
        var byLower: [String: String] = [:]
        guard let dir = RawPath.withCString(directory, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var scanned = 0
        while let entry = readdir(dir), scanned < 100_000 {
            scanned += 1
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { RawPath.fromCString($0) }
            }
            if byLower[name.lowercased()] == nil { byLower[name.lowercased()] = name }
        }
        let own = RawPath.lastComponent(of: nodesPath).lowercased()
        for name in candidates(for: nodesPath) where name.lowercased() != own {
            guard let entry = byLower[name.lowercased()] else { continue }
            // The name as the user would write it: the nodes file's own folder, kept relative.
            let path = nodesPath.contains("/") ? RawPath.join(directory, entry) : entry
            // Whatever it is: reading it refuses a pipe or a directory with a clear message.
            return path
        }
        return nil
    }

    static func missingWarning(_ nodesPath: String) -> Diagnostic {
        let looked = candidates(for: nodesPath).prefix(3).joined(separator: ", ")
        return .warning("no links table found beside this file (looked for \(looked), ...); the map will have no "
                        + "links. Pass the links table with `--links FILE`, or leave this as is if the table has no links",
                        at: SourceLocation(file: nodesPath, line: 1, column: 1))
    }
}
