import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The hostile-input corpus (`Hostile/`, one file per attack) run through the built binary: every file
/// ends within the hang guard, without a crash, with the documented exit code and the exact first
/// diagnostic. Valid-but-hostile files (markup, formulas, escapes in names) must load and rank with
/// every score finite and within 0-100. Large inputs are generated into a temporary folder.
final class HostileCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    /// Hang guard for one run on a small hostile file (the tool answers these in well under a second).
    static let guardSeconds: TimeInterval = 30

    /// File, exit code, first line on stderr (nil: nothing on stderr).
    static let expectations: [(file: String, status: Int32, firstLine: String?)] = [
        ("alias-amplified-long-anchor.yaml", 1, "alias-amplified-long-anchor.yaml:199:11: error: aliases repeat more than 4194304 bytes of text (limit: alias text)"),
        ("alias-as-key.yaml", 1, "alias-as-key.yaml:3:5: error: keys in a community must be text, found a mapping"),
        ("alias-forward-reference.yaml", 1, "alias-forward-reference.yaml:1:12: error: undefined alias `*title`"),
        ("alias-quadratic.yaml", 1, "alias-quadratic.yaml:3:6001: error: the document expands to more than 1000000 nodes through aliases (limit: alias expansion)"),
        ("bidi-in-names.yaml", 0, nil),
        ("billion-laughs-mappings.yaml", 1, "billion-laughs-mappings.yaml:7:25: error: the document expands to more than 1000000 nodes through aliases (limit: alias expansion)"),
        ("billion-laughs-merge-keys.yaml", 1, "billion-laughs-merge-keys.yaml:7:55: error: the document expands to more than 1000000 nodes through aliases (limit: alias expansion)"),
        ("billion-laughs.yaml", 1, "billion-laughs.yaml:7:45: error: the document expands to more than 1000000 nodes through aliases (limit: alias expansion)"),
        ("control-character-escaped.yaml", 1, "control-character-escaped.yaml:4:11: error: `name` contains the control character U+009B, which is not allowed in text"),
        ("control-character-raw.yaml", 1, "control-character-raw.yaml:4:15: error: invalid YAML: control characters are not allowed (U+0007)"),
        ("counts-at-limit.yaml", 0, nil),
        ("csv-bad-numbers.csv", 1, "csv-bad-numbers.csv:3:members: error: `members` must be 0 or more, found -3"),
        ("csv-formula-names.csv", 0, "csv-formula-names.csv:1:1: warning: no links table found beside this file (looked for csv-formula-names-links.csv, csv-formula-names-verbindungen.csv, csv-formula-names-kanten.csv, ...); the map will have no links. Pass the links table with `--links FILE`, or leave this as is if the table has no links"),
        ("csv-nul-byte.csv", 1, "csv-nul-byte.csv:2:14: error: cannot read the table: it contains a NUL byte; save it again as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", in LibreOffice Calc tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\""),
        ("csv-ragged-row.csv", 1, "csv-ragged-row.csv:2:#4: error: row has more cells than the header has columns"),
        // An unknown column is ignored with a warning; the escape sequence reaches the terminal only as text.
        ("csv-terminal-escape-in-header.csv", 0, "csv-terminal-escape-in-header.csv:1:<U+001B>]0;owned<U+0007><U+001B>[2J: warning: column `<U+001B>]0;owned<U+0007><U+001B>[2J` is not an ecomap node field and is ignored (known columns and their Dutch and German names: docs/ecosystem-format.md)"),
        ("csv-unterminated-quote.csv", 1, "csv-unterminated-quote.csv:2:name: error: quoted cell never closes: a `\"` is missing, so every row after it would be read as this cell"),
        ("dangling-focus.yaml", 1, "dangling-focus.yaml:5:8: error: `focus` names unknown id `ghost`; did you mean `a`?"),
        ("dangling-link.yaml", 1, "dangling-link.yaml:6:9: error: link to unknown id `ghost`; did you mean `a`?"),
        ("dangling-topic.yaml", 1, "dangling-topic.yaml:4:22: error: unknown topic `teck`; did you mean `tech`?"),
        ("deep-nesting-block-mapping.yaml", 1, "deep-nesting-block-mapping.yaml:66:129: error: nesting is deeper than 64 levels (limit: nesting depth)"),
        ("deep-nesting-block-sequence.yaml", 1, "deep-nesting-block-sequence.yaml:3:129: error: nesting is deeper than 64 levels (limit: nesting depth)"),
        ("deep-nesting-flow-mapping.yaml", 1, "deep-nesting-flow-mapping.yaml:2:266: error: nesting is deeper than 64 levels (limit: nesting depth)"),
        ("deep-nesting-flow-sequence.yaml", 1, "deep-nesting-flow-sequence.yaml:2:15: error: nesting is deeper than 64 levels (limit: nesting depth)"),
        ("duplicate-id-across-kinds.yaml", 1, "duplicate-id-across-kinds.yaml:6:10: error: duplicate id `b`: already used by the community at line 4"),
        ("duplicate-id.yaml", 1, "duplicate-id.yaml:5:9: error: duplicate id `a`: already used by the community at line 3"),
        ("duplicate-keys.yaml", 1, "duplicate-keys.yaml:2:1: error: duplicate key `ecosystem` (first at line 1)"),
        ("empty.yaml", 1, "empty.yaml:1:1: error: the file is empty; expected a mapping with `ecosystem` and `communities`"),
        ("id-case-only.yaml", 0, "id-case-only.yaml:4:9: warning: id `mom-101` differs from `Mom-101` (line 3) only by letter case"),
        ("id-combining-grapheme-joiner.yaml", 1, "id-combining-grapheme-joiner.yaml:4:9: error: id \"a<U+034F>b\" contains the invisible character U+034F; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("id-hangul-filler.yaml", 1, "id-hangul-filler.yaml:4:9: error: id \"a<U+3164>\" contains the invisible character U+3164; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("id-nfc-nfd-duplicate.yaml", 1, "id-nfc-nfd-duplicate.yaml:4:9: error: duplicate id `cafe\u{301}`: already used by the community at line 3"),
        ("id-nfd-reference.yaml", 0, nil),
        ("id-rtl-override.yaml", 1, "id-rtl-override.yaml:3:9: error: id \"<U+202E>gpj.exe\" contains the invisible character U+202E; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("id-variation-selector.yaml", 1, "id-variation-selector.yaml:4:9: error: id \"a<U+FE0F>\" contains the invisible character U+FE0F; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("id-zero-width-joiner.yaml", 1, "id-zero-width-joiner.yaml:4:9: error: id \"a<U+200D>\" contains the invisible character U+200D; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("id-zero-width-space.yaml", 1, "id-zero-width-space.yaml:4:9: error: id \"a<U+200B>\" contains the invisible character U+200B; ids may contain only letters, digits, `-`, `_` and `.`"),
        ("fuzz-flow-sequence-cut-at-end-of-file.yaml", 1, "fuzz-flow-sequence-cut-at-end-of-file.yaml:6:14: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (line 6)"),
        ("invalid-utf8-above-unicode.yaml", 1, "invalid-utf8-above-unicode.yaml:5:12: error: the file is not valid UTF-8 (byte 0xF4)"),
        ("invalid-utf8-latin1.yaml", 1, "invalid-utf8-latin1.yaml:1:15: error: the file is not valid UTF-8 (byte 0xE9)"),
        ("invalid-utf8-overlong.yaml", 1, "invalid-utf8-overlong.yaml:5:14: error: the file is not valid UTF-8 (byte 0xC0)"),
        ("invalid-utf8-surrogate.yaml", 1, "invalid-utf8-surrogate.yaml:5:13: error: the file is not valid UTF-8 (byte 0xED)"),
        ("invalid-utf8-truncated.yaml", 1, "invalid-utf8-truncated.yaml:5:12: error: the file is not valid UTF-8 (byte 0xC3)"),
        ("members-1e400.yaml", 1, "members-1e400.yaml:4:14: error: `members` must be a finite number, found 1e400"),
        ("members-fraction.yaml", 1, "members-fraction.yaml:4:14: error: `members` must be a whole number, found 2.5"),
        ("members-hex.yaml", 1, "members-hex.yaml:4:14: error: `members` must be a whole number, found \"0x7FFFFFFFFFFFFFFF\""),
        ("members-int-overflow.yaml", 1, "members-int-overflow.yaml:4:14: error: `members` is larger than 1e12 (limit: counts)"),
        ("members-list.yaml", 1, "members-list.yaml:4:14: error: `members` must be a number, found a list"),
        ("members-nan.yaml", 1, "members-nan.yaml:4:14: error: `members` must be a finite number, found .NaN"),
        ("members-negative.yaml", 1, "members-negative.yaml:4:14: error: `members` must be 0 or more, found -3"),
        ("members-over-limit.yaml", 1, "members-over-limit.yaml:4:14: error: `members` is larger than 1e12 (limit: counts)"),
        ("merge-key-scalar.yaml", 1, "merge-key-scalar.yaml:3:10: error: a merge key `<<` takes a mapping or a list of mappings"),
        ("names-formulas.yaml", 0, nil),
        ("names-graphviz-escapes.yaml", 0, nil),
        ("names-markdown.yaml", 0, nil),
        ("names-markup.yaml", 0, nil),
        ("names-invisible-marks.yaml", 0, nil),
        ("names-noncharacters.yaml", 0, nil),
        ("neato-two-way-pairs.yaml", 0, nil),
        ("nul-byte.yaml", 1, "nul-byte.yaml:3:10: error: the file contains a NUL byte; is it a text file?"),
        ("only-comments.yaml", 1, "only-comments.yaml:1:1: error: the file is empty; expected a mapping with `ecosystem` and `communities`"),
        ("scoring-weight-nan.yaml", 1, "scoring-weight-nan.yaml:6:19: error: `scoring.weights.size` must be a finite number, found .nan"),
        ("scoring-weight-negative.yaml", 1, "scoring-weight-negative.yaml:6:19: error: `scoring.weights.size` must be 0 or more, found -1"),
        ("scoring-weights-all-zero.yaml", 1, "scoring-weights-all-zero.yaml:6:12: error: `scoring.weights` must not all be zero"),
        ("self-loop.yaml", 1, "self-loop.yaml:6:5: error: a link from `a` to itself is not allowed"),
        ("several-documents-after-end-marker.yaml", 1, "several-documents-after-end-marker.yaml:7:1: error: the file holds several YAML documents; ecomap reads exactly one"),
        ("several-documents.yaml", 1, "several-documents.yaml:5:1: error: the file holds several YAML documents; ecomap reads exactly one"),
        ("syntax-long-implicit-key.yaml", 1, "syntax-long-implicit-key.yaml:2:2001: error: invalid YAML: could not find expected ':' while scanning a simple key (line 2)"),
        ("syntax-tab-indentation.yaml", 1, "syntax-tab-indentation.yaml:3:1: error: a tab is used for indentation here; YAML indents with spaces only: replace the tab with spaces (set your editor to insert spaces)"),
        ("syntax-unterminated-quote.yaml", 1, "syntax-unterminated-quote.yaml:4:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar (line 1)"),
        ("tag-binary.yaml", 1, "tag-binary.yaml:4:12: error: unsupported YAML tag `!!binary`; only the core schema's tags are allowed"),
        ("tag-custom.yaml", 1, "tag-custom.yaml:3:5: error: unsupported YAML tag `!custom`; only the core schema's tags are allowed"),
        ("tag-directive.yaml", 1, "tag-directive.yaml:3:12: error: unsupported YAML tag `tag:evil.example,2026:shell`; only the core schema's tags are allowed"),
        ("tag-python-object.yaml", 1, "tag-python-object.yaml:1:12: error: unsupported YAML tag `!!python/object/apply:os.system`; only the core schema's tags are allowed"),
        ("tag-set.yaml", 1, "tag-set.yaml:2:14: error: unsupported YAML tag `!!set`; only the core schema's tags are allowed"),
        ("tag-verbatim.yaml", 1, "tag-verbatim.yaml:1:12: error: unsupported YAML tag `!!python/name:os.system`; only the core schema's tags are allowed"),
        ("terminal-escape-in-key.yaml", 1, "terminal-escape-in-key.yaml:2:1: error: unknown key `<U+001B>]0;owned<U+0007><U+001B>[2J` in the ecosystem file; did you mean `version`?"),
        ("terminal-escape-in-tag.yaml", 1, "terminal-escape-in-tag.yaml:1:12: error: unsupported YAML tag `<U+001B>[2J<U+001B>]0;owned<U+0007>`; only the core schema's tags are allowed"),
        ("undefined-alias.yaml", 1, "undefined-alias.yaml:4:11: error: undefined alias `*nowhere`"),
        ("urls-hostile.yaml", 0, "urls-hostile.yaml:3:18: warning: `url` \"javascript:alert(1)\" is not an http, https or mailto address; it will be shown but not linked"),
        ("utf16be-bom.yaml", 1, "utf16be-bom.yaml:1:1: error: the file is UTF-16 encoded; save it as UTF-8"),
        ("utf16le-bom.yaml", 1, "utf16le-bom.yaml:1:1: error: the file is UTF-16 encoded; save it as UTF-8"),
        ("utf16le-no-bom.yaml", 1, "utf16le-no-bom.yaml:1:2: error: the file contains a NUL byte; is it a text file?"),
        ("utf32le-bom.yaml", 1, "utf32le-bom.yaml:1:1: error: the file is UTF-32 encoded; save it as UTF-8"),
        ("utf8-bom.yaml", 0, nil),
        ("weight-above-one.yaml", 1, "weight-above-one.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found 1.5"),
        ("weight-infinite.yaml", 1, "weight-infinite.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found .inf"),
        ("weight-nan.yaml", 1, "weight-nan.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found .nan"),
        ("weight-negative.yaml", 1, "weight-negative.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found -0.5"),
        ("weight-subnormal.yaml", 0, nil),
        ("weight-text.yaml", 1, "weight-text.yaml:6:30: error: `weight` must be a number greater than 0 and at most 1, found \"high\""),
        ("weight-underflow.yaml", 1, "weight-underflow.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found 1e-400"),
        ("weight-zero.yaml", 1, "weight-zero.yaml:6:12: error: `weight` must be greater than 0 and at most 1, found 0"),
    ]

    func testEveryCorpusFileHasAnExpectationAndViceVersa() throws {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path))
        let expected = Set(Self.expectations.map(\.file))
        XCTAssertEqual(files.subtracting(expected).sorted(), [], "corpus files without an expectation")
        XCTAssertEqual(expected.subtracting(files).sorted(), [], "expectations without a corpus file")
        XCTAssertGreaterThanOrEqual(files.count, 80)
    }

    /// `validate` and `rank`: the same exit code and first diagnostic, no crash, no hang.
    func testValidateAndRankEndWithTheDocumentedExitAndFirstDiagnostic() throws {
        for (file, status, firstLine) in Self.expectations {
            for command in [["validate"], ["rank", "--format", "json"]] {
                let r = try BinaryRunner.run(command + [file], in: Self.corpus, timeout: Self.guardSeconds)
                let what = "\(command[0]) \(file)"
                XCTAssertFalse(r.signalled, "\(what) died of signal \(r.status)")
                XCTAssertEqual(r.status, status, "\(what): \(r.stderr)")
                let first = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
                XCTAssertEqual(first == "" ? nil : first, firstLine, what)
                if status == 0 && command[0] == "rank" { try assertScoresAreFiniteAndInRange(r.stdout, what) }
            }
        }
    }

    /// Caret snippets quote the source: with them on, nothing but line breaks may be a control character.
    func testDiagnosticsNeverCarryControlCharactersEvenWithSnippets() throws {
        for (file, _, firstLine) in Self.expectations where firstLine != nil {
            let r = try BinaryRunner.run(["validate", file], in: Self.corpus, environment: ["ECOMAP_SNIPPETS": "1"],
                                         timeout: Self.guardSeconds)
            XCTAssertFalse(r.signalled, file)
            let bad = r.stderr.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            XCTAssertNil(bad, "\(file): control character U+\(String(bad?.value ?? 0, radix: 16)) on stderr")
        }
    }

    /// Every valid hostile file ranks in every format; table, CSV and Markdown stay one line per community.
    func testValidHostileFilesRankInEveryFormat() throws {
        for (file, status, _) in Self.expectations where status == 0 {
            for format in ["table", "csv", "markdown"] {
                let r = try BinaryRunner.run(["rank", file, "--format", format], in: Self.corpus, timeout: Self.guardSeconds)
                XCTAssertEqual(r.status, 0, "\(file) \(format): \(r.stderr)")
                // CSV may quote tabs and line breaks inside a cell (RFC 4180); the others stay one line per row.
                let allowed: Set<Unicode.Scalar> = format == "csv" ? ["\n", "\r", "\t"] : ["\n"]
                XCTAssertFalse(r.stdout.unicodeScalars.contains {
                    ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && !allowed.contains($0)
                }, "\(file) \(format): control character in the output")
                if format == "csv" {
                    for cell in Self.csvCells(r.stdout) {
                        XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) }
                                       && Double(cell) == nil, "\(file): CSV cell a spreadsheet reads as a formula: \(cell)")
                    }
                }
            }
        }
    }

    /// The other commands read the same files: `gaps`, `export` (GraphML must stay well-formed XML),
    /// `diff` (a file against itself) and `report` end the same way, without a crash or a hang.
    func testEveryOtherCommandEndsTheSameWay() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (file, status, firstLine) in Self.expectations {
            let report = dir.appendingPathComponent("report.html").path
            let commands = [["gaps", file], ["export", file, "--format", "graphml"], ["diff", file, file],
                            ["report", file, "-o", report]]
            for command in commands {
                let r = try BinaryRunner.run(command, in: Self.corpus, timeout: Self.guardSeconds)
                let what = command.joined(separator: " ")
                XCTAssertFalse(r.signalled, "\(what) died of signal \(r.status)")
                XCTAssertEqual(r.status, status, "\(what): \(r.stderr)")
                if status != 0 {
                    XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), firstLine, what)
                } else if command[0] == "export" {
                    let parser = XMLParser(data: Data(r.stdout.utf8))
                    XCTAssertTrue(parser.parse(), "\(what): GraphML is not well-formed XML")
                }
            }
            if status != 0 { XCTAssertFalse(FileManager.default.fileExists(atPath: report), "\(file): report written") }
            try? FileManager.default.removeItem(atPath: report)
        }
    }

    // MARK: - Generated inputs

    func testHugeFilesAndTextsAreRefusedByTheirLimits() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 65 MiB, sparse: refused from its size before a byte is read.
        let huge = dir.appendingPathComponent("huge.yaml")
        _ = FileManager.default.createFile(atPath: huge.path, contents: Data("ecosystem: T\n".utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 65 * 1024 * 1024)
        try handle.close()
        // One 70,000-byte name, plain and as a block scalar; one 70,000-byte key.
        let long = String(repeating: "n", count: 70_000)
        try Data("ecosystem: T\ncommunities:\n  - id: a\n    name: \(long)\n".utf8)
            .write(to: dir.appendingPathComponent("huge-scalar.yaml"))
        try Data("ecosystem: T\ncommunities:\n  - id: a\n    notes: |\n      \(long)\n".utf8)
            .write(to: dir.appendingPathComponent("huge-block-scalar.yaml"))
        try Data("ecosystem: T\n? \(long)\n: 1\ncommunities:\n  - id: a\n".utf8)
            .write(to: dir.appendingPathComponent("huge-key.yaml"))
        let cases: [(String, String)] = [
            ("huge.yaml", "error: `huge.yaml` has 68157440 bytes, more than the limit of 67108864 bytes (limit: file size)"),
            ("huge-scalar.yaml", "huge-scalar.yaml:4:11: error: text of 70000 bytes is longer than the limit of 65536 bytes (limit: text length)"),
            ("huge-block-scalar.yaml", "huge-block-scalar.yaml:4:12: error: text of 70001 bytes is longer than the limit of 65536 bytes (limit: text length)"),
            ("huge-key.yaml", "huge-key.yaml:2:3: error: text of 70000 bytes is longer than the limit of 65536 bytes (limit: text length)"),
        ]
        for (file, firstLine) in cases {
            for command in ["validate", "rank"] {
                let r = try BinaryRunner.run([command, file], in: dir, timeout: Self.guardSeconds)
                XCTAssertFalse(r.signalled, "\(command) \(file)")
                XCTAssertEqual(r.status, 1, "\(command) \(file)")
                XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), firstLine, "\(command) \(file)")
            }
        }
    }

    func testInputsThatAreNotRegularFilesNeverBlock() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.yaml")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        // Nobody ever writes to the FIFO: opening it for reading would block forever.
        let cases: [(String, String)] = [
            ("pipe.yaml", "error: cannot read `pipe.yaml`: it is a pipe, not a file"),
            ("/dev/zero", "error: cannot read `/dev/zero`: it is a device, not a file"),
            ("/dev/urandom", "error: cannot read `/dev/urandom`: it is a device, not a file"),
            (".", "error: cannot read `.`: it is a directory, not a file"),
            ("missing.yaml", "error: cannot read `missing.yaml`: No such file or directory"),
            ("pipe.csv", "error: cannot read `pipe.csv`: it is a pipe, not a file"),
        ]
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("pipe.csv").path, 0o600), 0)
        for (file, firstLine) in cases {
            for command in ["validate", "rank"] {
                let r = try BinaryRunner.run([command, file], in: dir, timeout: Self.guardSeconds)
                XCTAssertFalse(r.signalled, "\(command) \(file)")
                XCTAssertEqual(r.status, 1, "\(command) \(file)")
                XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), firstLine, "\(command) \(file)")
            }
        }
        // A CSV node table whose links table is a FIFO.
        try Data("type,id\ncommunity,a\n".utf8).write(to: dir.appendingPathComponent("nodes.csv"))
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("links.csv").path, 0o600), 0)
        let r = try BinaryRunner.run(["validate", "nodes.csv"], in: dir, timeout: Self.guardSeconds)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init),
                       "error: cannot read `links.csv`: it is a pipe, not a file")
    }

    // MARK: - Helpers

    /// Every number in the rank JSON is finite (JSON has no NaN, so an unparsable file fails too),
    /// and every score is within 0-100.
    func assertScoresAreFiniteAndInRange(_ json: String, _ what: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let root = try XCTUnwrap(object as? [String: Any], what)
        let communities = try XCTUnwrap(root["communities"] as? [[String: Any]], what)
        XCTAssertFalse(communities.isEmpty, what)
        // PageRank is at least (1 - damping) / n for every node: 0 here means a NaN printed as 0.
        for node in try XCTUnwrap(root["nodes"] as? [[String: Any]], what) {
            let pagerank = try XCTUnwrap(node["pagerank"] as? NSNumber, what).doubleValue
            XCTAssertGreaterThan(pagerank, 0, "\(what): pagerank of \(node["id"] ?? "?")")
        }
        for c in communities {
            var scores: [Any?] = [c["score"]]
            if let dimensions = c["dimensions"] as? [String: Any] { scores += dimensions.values.map { $0 } }
            for case let value as NSNumber in scores.compactMap({ $0 }) {
                XCTAssertTrue(value.doubleValue.isFinite && (0...100).contains(value.doubleValue),
                              "\(what): score \(value) of \(c["id"] ?? "?")")
            }
        }
    }

    /// The cells of a CSV text (quoted cells unquoted), for the formula check.
    static func csvCells(_ text: String) -> [String] {
        var cells: [String] = [], cell = "", inQuotes = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); cell.append("\"") } else { inQuotes = false }
                } else { cell.append(c) }
            } else if c == "\"" && cell.isEmpty {
                inQuotes = true
            } else if c == "," || c == "\n" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }
}
