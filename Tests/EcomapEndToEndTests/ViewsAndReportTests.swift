import Foundation
import XCTest

/// `ecomap render --view matrix`, `ecomap render --compare` and `ecomap report` on the built binary.
final class ViewsAndReportTests: XCTestCase {
    private func run(_ args: [String], output name: String) throws -> (BinaryRunner.Output, Data) {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(name)
        let result = try BinaryRunner.run(args + ["-o", out.path])
        return (result, (try? Data(contentsOf: out)) ?? Data())
    }

    func testMatrixAndCompareGoldens() throws {
        let cases: [(String, [String])] = [
            ("render/alpha-moms-2027q1.matrix.svg", ["render", "examples/alpha-moms-2027q1.yaml", "--view", "matrix"]),
            ("render/fietsvrienden.matrix-size-activity.svg",
             ["render", "examples/fietsvrienden.yaml", "--view", "matrix", "--x", "size", "--y", "activity"]),
            ("render/alpha-moms-2027q1.matrix-print.svg",
             ["render", "examples/alpha-moms-2027q1.yaml", "--view", "matrix", "--theme", "print"]),
            ("render/alpha-moms-2027q1.compare.svg",
             ["render", "examples/alpha-moms-2027q1.yaml", "--compare", "examples/alpha-moms.yaml"]),
            ("render/alpha-moms.slide.svg", ["render", "examples/alpha-moms.yaml", "--slide"]),
            ("render/fietsvrienden.slide-dark.svg", ["render", "examples/fietsvrienden.yaml", "--slide", "--theme", "dark"]),
            ("render/alpha-moms-2027q1.matrix-slide.svg",
             ["render", "examples/alpha-moms-2027q1.yaml", "--view", "matrix", "--slide"]),
        ]
        for (golden, args) in cases {
            let (result, bytes) = try run(args, output: "out.svg")
            XCTAssertEqual(result.status, 0, "\(golden): \(result.stderr)")
            XCTAssertFalse(bytes.isEmpty, golden)
            Golden.check(String(decoding: bytes, as: UTF8.self), golden)
        }
    }

    func testMatrixFlagsBelongToTheirView() throws {
        for args in [["--x", "size"], ["--view", "matrix", "--compare", "examples/alpha-moms.yaml"],
                     ["--view", "matrix", "--group-by", "topic"], ["--view", "matrix", "--engine", "dot"],
                     ["--view", "matrix", "--x", "loudness"], ["--view", "table"]] {
            let r = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "-o", "/dev/null"] + args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
        }
    }

    func testCompareWithABrokenOldFileFailsAndWritesNothing() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ecosystem: Old\ncommunities: [{id: a, members: many}]\n".utf8).write(to: dir.appendingPathComponent("old.yaml"))
        try Data("previous".utf8).write(to: dir.appendingPathComponent("map.svg"))
        let example = BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path
        let r = try BinaryRunner.run(["render", example, "--compare", "old.yaml", "-o", "map.svg"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("old.yaml:2:"), r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8), "previous")
        // The old snapshot is an input too: never overwritten.
        try Data("ecosystem: Old\ncommunities: [{id: a}]\n".utf8).write(to: dir.appendingPathComponent("old.yaml"))
        let clobber = try BinaryRunner.run(["render", example, "--compare", "old.yaml", "-o", "old.yaml"], in: dir)
        XCTAssertEqual(clobber.status, 3)
    }

    func testComparedMapMarksTheMovers() throws {
        let (result, bytes) = try run(["render", "examples/alpha-moms-2027q1.yaml", "--compare", "examples/alpha-moms.yaml"],
                                      output: "c.svg")
        XCTAssertEqual(result.status, 0, result.stderr)
        let svg = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(svg.contains(">NEW</text>"), "Night Feed Club is new")
        XCTAssertTrue(svg.contains(">▲ 6</text>"), "ConnectedMoms moved up 6")
        XCTAssertTrue(svg.contains(">▼ 1</text>"), "PunditMom moved down 1")
        XCTAssertTrue(svg.contains("1 community gone"))
        XCTAssertTrue(svg.contains("Compared with the snapshot of 2026-11-01"))
    }

    /// `report --locale de`: one German number format on the whole page; English stays the default.
    func testGermanReportGolden() throws {
        let (r, bytes) = try run(["report", "examples/alpha-moms.yaml", "--locale", "de"], output: "de.html")
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = String(decoding: bytes, as: UTF8.self)
        Golden.check(html, "report/alpha-moms.de.html")
        XCTAssertTrue(html.contains("\"decimal_separator\": \",\""))
        XCTAssertTrue(html.contains("[\"Members\", \"12.000\"]"), "grouped with a point")
        XCTAssertFalse(html.contains("[\"Members\", \"12,000\"]"))
        XCTAssertTrue(html.contains("Mom 2.0 Summit"), "names are literal")
        let (_, english) = try run(["report", "examples/alpha-moms.yaml"], output: "en.html")
        XCTAssertTrue(String(decoding: english, as: UTF8.self).contains("[\"Members\", \"12,000\"]"))
        let bad = try BinaryRunner.run(["report", "examples/alpha-moms.yaml", "--locale", "fr"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
    }

    func testReportGoldenAndDeterminism() throws {
        let (a, first) = try run(["report", "examples/alpha-moms.yaml"], output: "r.html")
        XCTAssertEqual(a.status, 0, a.stderr)
        let (_, second) = try run(["report", "examples/alpha-moms.yaml"], output: "r.html")
        XCTAssertEqual(first, second, "byte-identical")
        let html = String(decoding: first, as: UTF8.self)
        Golden.check(html, "report/alpha-moms.html")
        XCTAssertTrue(html.contains("<div id=\"map\" class=\"map\"><svg "), "the map is inlined")
        XCTAssertFalse(html.contains("<?xml"))
        XCTAssertTrue(html.contains("\"dom\": \"node-themotherhood\""))
    }

    func testReportDefaultNameAtomicWriteAndExitCodes() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = BinaryRunner.root.appendingPathComponent("examples/fietsvrienden.yaml").path
        let r = try BinaryRunner.run(["report", example], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["fietsvrienden.html"])
        try Data("ecosystem: X\ncommunities: []\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let bad = try BinaryRunner.run(["report", "bad.yaml", "-o", "fietsvrienden.html"], in: dir)
        XCTAssertEqual(bad.status, 1)
        let kept = try String(contentsOf: dir.appendingPathComponent("fietsvrienden.html"), encoding: .utf8)
        XCTAssertTrue(kept.contains("Fietsvrienden"), "the previous report is untouched")
        let usage = try BinaryRunner.run(["report", example, "--engine", "nope"], in: dir)
        XCTAssertEqual(usage.status, 2)
    }

    func testHostileReportKeepsUserTextOutOfTheMarkup() throws {
        let (r, bytes) = try run(["report", "Tests/Browser/hostile.yaml"], output: "h.html")
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2, "the data block and the one script")
        // Outside the two script elements every `<` starts real markup (user text has `&lt;`): scan every tag.
        var markup = html
        for marker in ["<script type=\"application/json\" id=\"ecomap-data\">", "<script>"] {
            let open = try XCTUnwrap(markup.range(of: marker))
            let close = try XCTUnwrap(markup.range(of: "</script>", range: open.upperBound..<markup.endIndex))
            markup.removeSubrange(open.upperBound..<close.lowerBound)
        }
        let tags = markup.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        let names = Set(tags.map { String($0.prefix { !$0.isWhitespace && $0 != "/" }).lowercased() })
        XCTAssertTrue(names.isSuperset(of: ["svg", "text", "table", "select"]), "the scan sees the markup")
        XCTAssertTrue(names.isDisjoint(with: ["img", "iframe", "object", "embed", "foreignobject", "image", "use", "link", "base", "form"]),
                      "\(names.sorted())")
        for tag in tags {
            XCTAssertNil(tag.range(of: #"\son[a-z]+="#, options: .regularExpression), String(tag))
            XCTAssertFalse(tag.lowercased().contains("javascript:"), String(tag))
        }
        XCTAssertTrue(html.contains("&lt;/title&gt;&lt;script&gt;"), "the title is escaped")
    }
}
