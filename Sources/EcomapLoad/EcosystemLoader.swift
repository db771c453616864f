import EcomapModel
import Foundation

/// The outcome of loading: a validated ecosystem when there were no errors, and every diagnostic.
public struct LoadResult: Sendable {
    /// The ecosystem, or nil when any error was found.
    public var ecosystem: Ecosystem?
    /// Errors and warnings, in the order found.
    public var diagnostics: Diagnostics
    /// The text of every file read, by the name used in diagnostics (for caret snippets). Made when
    /// asked for: most runs print no snippet, and a large file's text would be checked a second time.
    public var sources: [String: String] {
        get {
            var all = texts
            for (name, bytes) in sourceBytes where all[name] == nil { all[name] = String(decoding: bytes, as: UTF8.self) }
            return all
        }
        set {
            texts = newValue
            sourceBytes = [:]
        }
    }
    private var texts: [String: String]
    private var sourceBytes: [String: [UInt8]] = [:]

    public init(ecosystem: Ecosystem?, diagnostics: Diagnostics, sources: [String: String] = [:]) {
        self.ecosystem = ecosystem
        self.diagnostics = diagnostics
        self.texts = sources
    }

    /// A result whose source text is kept as the (UTF-8) bytes read.
    init(ecosystem: Ecosystem?, diagnostics: Diagnostics, sourceBytes: [String: [UInt8]]) {
        self.ecosystem = ecosystem
        self.diagnostics = diagnostics
        self.texts = [:]
        self.sourceBytes = sourceBytes
    }
}

/// Reads ecosystem files (YAML) and CSV pairs into a validated `Ecosystem`.
public enum EcosystemLoader {
    /// Loads `path`: a `.csv`, `.tsv` or `.txt` file is a nodes table (or one table of communities; links
    /// from `linksPath`, else a links table found beside it by name: see `LinkTableNaming`); anything
    /// else is read as YAML.
    /// - Parameter title: the map title for CSV input (default: the folder or file name).
    /// - Parameter stageDone: called with `load` once the file is read and parsed and with `validate`
    ///   once it is checked and decoded (for `--timings`; CSV input reports both at the end).
    public static func load(path: String, linksPath: String? = nil, title: String? = nil,
                            limits: Limits = .standard, stageDone: ((String) -> Void)? = nil) -> LoadResult {
        if Workbook.isWorkbook(path) {
            let result = WorkbookLoader.load(path: path, linksPath: linksPath, title: title, limits: limits)
            stageDone?("load")
            stageDone?("validate")
            return result
        }
        if isTable(path) {
            let result = CSVLoader.load(nodesPath: path, linksPath: linksPath, title: title, limits: limits)
            stageDone?("load")
            stageDone?("validate")
            return result
        }
        switch InputFile.read(path, limits: limits) {
        case .failure(let diagnostic):
            return LoadResult(ecosystem: nil, diagnostics: Diagnostics([diagnostic]))
        case .success(let bytes):
            return load(yamlBytes: bytes, file: path, limits: limits, stageDone: stageDone)
        }
    }

    /// True for the text forms of a table: `.csv`, `.tsv` and `.txt` (Excel's "Unicode text").
    public static func isTable(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
    }

    /// Loads YAML text; `file` is the name used in diagnostics.
    public static func load(yaml: String, file: String = "<input>", limits: Limits = .standard) -> LoadResult {
        load(yamlBytes: Array(yaml.utf8), file: file, limits: limits)
    }

    /// Loads YAML bytes; `file` is the name used in diagnostics.
    public static func load(yamlBytes bytes: [UInt8], file: String, limits: Limits = .standard,
                            stageDone: ((String) -> Void)? = nil) -> LoadResult {
        load(yamlBytes: bytes, file: file, limits: limits, halves: Halves(), stageDone: stageDone)
    }

    /// Loads YAML bytes as `load(yamlBytes:file:limits:)` does, but reads any file that offers a cut in
    /// two halves (`HalvedRead`), one half after the other, however small the file. For checks that
    /// the two ways agree (tests, fuzzing).
    @_spi(Testing) public static func loadInHalves(yamlBytes bytes: [UInt8], file: String,
                                                   limits: Limits = .standard) -> LoadResult {
        load(yamlBytes: bytes, file: file, limits: limits,
             halves: Halves(readFrom: 0, concurrently: false, linksFrom: 2))
    }

    /// When a file is read in two halves.
    struct Halves {
        /// Files of at least this many bytes are read in two halves.
        var readFrom = HalvedRead.minimumBytes
        /// Both halves at the same time (else one after the other).
        var concurrently = true
        /// Link lists at least this long, in a file read in halves, are decoded in halves.
        var linksFrom = EcosystemDecoder.longLinkList
    }

    static func load(yamlBytes bytes: [UInt8], file: String, limits: Limits, halves: Halves,
                     stageDone: ((String) -> Void)? = nil) -> LoadResult {
        if bytes.count > limits.maxFileBytes {
            return LoadResult(ecosystem: nil, diagnostics: Diagnostics([.error(
                "`\(file)` has \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes) bytes (limit: file size)")]))
        }
        let body: [UInt8]
        let characters: Int
        switch ByteCheck.utf8Text(bytes, file: file) {
        case .failure(let diagnostic):
            return LoadResult(ecosystem: nil, diagnostics: Diagnostics([diagnostic]))
        case .success(let checked):
            (body, characters) = checked
        }
        var reader = YAMLReader(file: file, limits: limits)
        // A large file is read in two halves at once; anything unusual reads it in one piece.
        let halved = HalvedRead.read(body, file: file, limits: limits, minimumBytes: halves.readFrom,
                                     concurrently: halves.concurrently)
        let document = halved?.document ?? reader.read(body, characters: characters)
        var diagnostics = Diagnostics(reader.diagnostics)
        stageDone?("load")
        // Problems such as an unsupported tag or a duplicate key do not stop the check of the content.
        guard let document else {
            return LoadResult(ecosystem: nil, diagnostics: diagnostics, sourceBytes: [file: body])
        }
        // A file read in halves has its long link list decoded in halves too, on two threads when the
        // halves were read so.
        let decoded = EcosystemDecoder.decode(document, readAhead: halved?.readAhead, file: file, limits: limits,
                                              linksInHalves: halved.map { _ in halves.concurrently },
                                              linksInHalvesFrom: halves.linksFrom)
        let ecosystem = decoded.ecosystem
        diagnostics.items.append(contentsOf: decoded.diagnostics)
        stageDone?("validate")
        return LoadResult(ecosystem: diagnostics.hasErrors ? nil : ecosystem, diagnostics: diagnostics,
                          sourceBytes: [file: body])
    }
}
