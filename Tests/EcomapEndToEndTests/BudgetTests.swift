import Foundation
import XCTest

/// A small file must not buy unbounded work: text repeated through aliases, every output and the
/// diagnostics are bounded, and every command finishes or refuses under a 1 GiB address-space limit.
final class BudgetTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let amplified = HostileCorpusTests.corpus.appendingPathComponent("alias-amplified-long-anchor.yaml")

    /// Every command, the 240 KB file whose one 65,000-letter anchor is reused by 2,000 names, under
    /// `ulimit -v 1048576`: refused by the alias text limit, within 60 s, no signal.
    func testEveryCommandRefusesTheAliasAmplifiedFileUnderOneGiB() throws {
        try FileManager.default.copyItem(at: Self.amplified, to: dir.appendingPathComponent("amp.yaml"))
        let attributes = try FileManager.default.attributesOfItem(atPath: Self.amplified.path)
        XCTAssertLessThan(try XCTUnwrap(attributes[.size] as? Int), 250_000)
        for command in Self.commands {
            let r = try BinaryRunner.shell("ulimit -v 1048576 && exec \"$ECOMAP\" \(command.replacingOccurrences(of: "FILE", with: "amp.yaml"))",
                                           in: dir, timeout: 60)
            XCTAssertFalse(r.timedOut, command)
            XCTAssertEqual(r.status, 1, "\(command): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("amp.yaml:199:11: error: aliases repeat more than 4194304 bytes of text (limit: alias text)"),
                          "\(command): \(r.stderr)")
        }
    }

    /// Just under the alias text limit (59 aliases of the 65,000-letter name, 3.8 MB of text): every
    /// command finishes under 1 GiB within 60 s, and the long names are cut where they are drawn.
    func testEveryCommandFinishesJustUnderTheLimitUnderOneGiB() throws {
        let anchor = String(repeating: "A", count: 65_000)
        var yaml = "ecosystem: Within budget\ncommunities:\n  - id: c0\n    name: &long \(anchor)\n    members: 10\n"
        for i in 1..<60 { yaml += "  - id: c\(i)\n    name: *long\n    members: \(10 + i)\n" }
        yaml += "links:\n"
        for i in 1..<60 { yaml += "  - {from: c\(i - 1), to: c\(i), weight: 0.5}\n" }
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("amp.yaml"))
        for command in Self.commands {
            let r = try BinaryRunner.shell("ulimit -v 1048576 && exec \"$ECOMAP\" \(command.replacingOccurrences(of: "FILE", with: "amp.yaml")) > out",
                                           in: dir, timeout: 60)
            XCTAssertFalse(r.timedOut, command)
            XCTAssertFalse(r.signalled, "\(command): signal \(r.status)")
            XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
        }
        // Labels are wrapped and cut (3 lines of 22), tooltips cut at 1,000 characters.
        let svg = try String(contentsOf: dir.appendingPathComponent("amp.svg"), encoding: .utf8)
        XCTAssertFalse(svg.contains(String(repeating: "A", count: 1_001)))
        XCTAssertLessThan(svg.utf8.count, 2_000_000)
    }

    static let commands = ["validate FILE", "rank FILE", "rank FILE --sensitivity", "render FILE -o amp.svg",
                           "report FILE -o amp.html", "export FILE", "export FILE --format graphml", "gaps FILE",
                           "diff FILE FILE"]

    /// Thousands of links to an unknown 2,000-character id: the id is cut in each message with its
    /// length shown, 100 diagnostics are printed, then one line counts the rest.
    func testDiagnosticsAreCappedAndLongValuesCut() throws {
        let ghost = String(repeating: "g", count: 2_000)
        var yaml = "ecosystem: Many bad links\ncommunities:\n  - {id: a, name: A}\n  - {id: b, name: B}\nlinks:\n"
        for _ in 0..<2_000 { yaml += "  - {from: a, to: \(ghost), weight: 0.5}\n" }
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let r = try BinaryRunner.run(["validate", "bad.yaml"], in: dir)
        XCTAssertEqual(r.status, 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 102, r.stderr.suffix(300).description)
        XCTAssertEqual(lines.first, "bad.yaml:6:19: error: link to unknown id `\(String(repeating: "g", count: 64))…` (2000 characters)")
        XCTAssertEqual(lines[100], "and 1900 more errors (limit: 100 diagnostics shown)")
        XCTAssertEqual(lines[101], "2000 errors")
        XCTAssertLessThan(r.stderr.utf8.count, 20_000)
    }

    /// An output larger than the limit is refused, naming the limit (exit 3, nothing written), on stdout
    /// as in a file. (`ECOMAP_MAX_OUTPUT_BYTES` lowers the 256 MiB limit, so the test stays small.)
    func testOutputSizeLimitIsNamed() throws {
        let example = BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path
        for args in [["render", example, "-o", "map.svg"], ["export", example], ["report", example, "-o", "r.html"],
                     ["rank", example]] {
            let r = try BinaryRunner.run(args, in: dir, environment: ["ECOMAP_MAX_OUTPUT_BYTES": "1000"])
            XCTAssertEqual(r.status, 3, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("more than the limit of 1000 bytes (limit: output size)"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
