import Foundation
import XCTest

/// Faults found from outside in drawing and argument parsing: noncharacters in names (cairo cut the
/// PDF short), two-way links between every pair (neato crashed), numeric options that overflowed,
/// and file names that look like options.
final class DrawingFaultTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func hostile(_ name: String) -> String { HostileCorpusTests.corpus.appendingPathComponent(name).path }

    /// Every label is in the PDF (read back with poppler's `pdftotext`), none is lost after the first
    /// noncharacter, and each noncharacter is drawn as U+FFFD.
    func testNoncharactersInNamesNeverCutThePDFShort() throws {
        for format in ["pdf", "png", "svg"] {
            let output = dir.appendingPathComponent("map.\(format)").path
            let r = try BinaryRunner.run(["render", hostile("names-noncharacters.yaml"), "-o", output])
            XCTAssertEqual(r.status, 0, "\(format): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("cairo"), r.stderr)
        }
        let text = try BinaryRunner.shell("pdftotext map.pdf -", in: dir)
        XCTAssertEqual(text.status, 0, "pdftotext (scripts/install-deps.sh --test installs poppler-utils): \(text.stderr)")
        for label in ["Alpha", "one", "Beta", "two", "Gamma", "three", "Delta", "four", "Epsilon", "five", "Zeta", "six", "Omega"] {
            XCTAssertTrue(text.stdout.contains(label), "\(label) missing from the PDF: \(text.stdout)")
        }
        let svg = try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("Alpha \u{FFFD} one"), "noncharacter not shown as U+FFFD")
        XCTAssertFalse(svg.unicodeScalars.contains { ($0.value & 0xFFFE) == 0xFFFE || (0xFDD0...0xFDEF).contains($0.value) })
    }

    /// 20 communities linked both ways with every other: drawn by neato and by auto (neato for 20
    /// nodes), each two-way pair as one line with arrowheads at both ends.
    func testTwoWayLinksBetweenEveryPairDraw() throws {
        for engine in ["neato", "auto"] {
            let output = dir.appendingPathComponent("two-way-\(engine).svg").path
            let r = try BinaryRunner.run(["render", hostile("neato-two-way-pairs.yaml"), "-o", output, "--engine", engine])
            XCTAssertEqual(r.status, 0, "\(engine): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("neato"), r.stderr)
            let svg = try String(contentsOfFile: output, encoding: .utf8)
            XCTAssertEqual(svg.components(separatedBy: "id=\"edge-").count - 1, 190, engine)
        }
        let json = try BinaryRunner.run(["render", hostile("neato-two-way-pairs.yaml"), "-o", dir.appendingPathComponent("m.json").path])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("m.json"))) as? [String: Any]
        XCTAssertEqual((object?["links"] as? [Any])?.count, 380, "the JSON keeps every link")
        let dot = try BinaryRunner.run(["render", hostile("neato-two-way-pairs.yaml"), "--format", "dot", "-o", dir.appendingPathComponent("m.dot").path])
        XCTAssertEqual(dot.status, 0)
        let text = try String(contentsOf: dir.appendingPathComponent("m.dot"), encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "dir=both").count - 1, 190)
    }

    /// Numeric options out of range are usage errors naming the limit, never an overflow trap.
    func testNumericOptionsAreBounded() throws {
        let cases: [([String], String)] = [
            (["generate", "--communities", "9223372036854775807"], "--communities must be at most 250000 (limit: number of nodes)"),
            (["generate", "--communities", "1", "--topics", "9223372036854775807"], "--topics must be at most 250000 (limit: number of nodes)"),
            (["generate", "--communities", "99999999999999999999"], "--communities"),
            (["rank", "examples/alpha-moms.yaml", "--top", "9223372036854775807"], "--top must be at most 1000000"),
            (["render", "examples/alpha-moms.yaml", "--top", "9223372036854775807"], "--top must be at most 1000000"),
            (["render", "examples/alpha-moms.yaml", "--timeout", "inf"], "--timeout must be a positive number of seconds"),
            (["gaps", "examples/alpha-moms.yaml", "--limit", "-1"], "--limit"),
        ]
        for (args, message) in cases {
            let r = try BinaryRunner.run(args)
            XCTAssertFalse(r.signalled, "\(args)")
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }

    /// After `--`, `-h.yaml` is a file (not help); `--help` says so.
    func testDoubleDashEndsTheOptions() throws {
        try FileManager.default.copyItem(atPath: BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path,
                                         toPath: dir.appendingPathComponent("-h.yaml").path)
        let validate = try BinaryRunner.run(["validate", "--", "-h.yaml"], in: dir)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.hasPrefix("-h.yaml: ok:"), validate.stdout)
        let render = try BinaryRunner.run(["render", "-o", "map.svg", "--", "-h.yaml"], in: dir)
        XCTAssertEqual(render.status, 0, render.stderr)
        let help = try BinaryRunner.run(["--help"])
        XCTAssertTrue(help.stdout.contains("`--` ends the options"), help.stdout)
        let renderHelp = try BinaryRunner.run(["render", "--help"])
        XCTAssertTrue(renderHelp.stdout.contains("`--` ends the options"), renderHelp.stdout)
    }

    /// `--engine`, `--format` and `--aspect` are enums the argument parser checks: a wrong value is a
    /// usage error (exit 2) that lists the choices, printed once; nothing runs.
    func testEnumOptionsAreCheckedByTheParser() throws {
        let example = "examples/alpha-moms.yaml"
        let cases: [([String], [String])] = [
            (["render", example, "--engine", "osage"], ["auto", "neato", "sfdp"]),
            (["report", example, "--engine", "nope"], ["auto", "dot"]),
            (["render", example, "--format", "gif"], ["svg", "png", "pdf", "dot", "json"]),
            (["render", example, "--aspect", "21:9"], ["16:9", "4:3", "1:1"]),
        ]
        for (args, choices) in cases {
            let r = try BinaryRunner.run(args, in: dir)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
            XCTAssertTrue(r.stderr.hasPrefix("Error: The value '\(args[3])' is invalid for '\(args[2])"), r.stderr)
            for choice in choices {
                XCTAssertTrue(r.stderr.contains("'\(choice)'") || r.stderr.contains("  - \(choice)\n"), "\(args): \(r.stderr)")
            }
            XCTAssertEqual(r.stderr.components(separatedBy: "is invalid").count, 2, "printed once: \(r.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        // A failure with its exit code is printed once, by the one error path.
        let out = try BinaryRunner.run(["render", BinaryRunner.root.appendingPathComponent(example).path, "-o", dir.path], in: dir)
        XCTAssertEqual(out.status, 3)
        XCTAssertEqual(out.stderr.components(separatedBy: "error:").count, 2, out.stderr)
    }
}
