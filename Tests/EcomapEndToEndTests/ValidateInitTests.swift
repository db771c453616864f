import Foundation
import XCTest

final class ValidateInitTests: XCTestCase {
    func testEveryExampleValidates() throws {
        let r = try BinaryRunner.run(["validate", "examples/alpha-moms.yaml", "examples/fietsvrienden.yaml",
                                      "examples/starter.yaml", "examples/alpha-moms-csv/nodes.csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.stdout, """
            examples/alpha-moms.yaml: ok: 13 communities, 4 influencers, 3 stakeholders, 6 topics, 37 links
            examples/fietsvrienden.yaml: ok: 11 communities, 3 influencers, 5 stakeholders, 6 topics, 25 links
            examples/starter.yaml: ok: 2 communities, 1 influencer, 1 stakeholder, 2 topics, 3 links
            examples/alpha-moms-csv/nodes.csv: ok: 13 communities, 4 influencers, 3 stakeholders, 6 topics, 37 links

            """)
    }

    func testInvalidFileReportsEveryErrorAndExitsOne() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            version: 1
            ecosystem: Broken
            communities:
              - id: a
                members: lots
              - id: a
            links:
              - [a, b]

            """.utf8).write(to: dir.appendingPathComponent("broken.yaml"))
        let r = try BinaryRunner.run(["validate", "broken.yaml"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "broken.yaml: invalid: 3 error(s)\n")
        XCTAssertEqual(r.stderr, """
            broken.yaml:5:14: error: `members` must be a whole number, found "lots"
            broken.yaml:6:9: error: duplicate id `a`: already used by the community at line 4
            broken.yaml:8:9: error: link to unknown id `b`; did you mean `a`?
            3 errors

            """)
        let caret = try BinaryRunner.run(["validate", "broken.yaml"], in: dir, environment: ["ECOMAP_SNIPPETS": "1"])
        XCTAssertTrue(caret.stderr.hasPrefix("""
            broken.yaml:5:14: error: `members` must be a whole number, found "lots"
                members: lots
                         ^

            """), caret.stderr)
    }

    func testWarningsKeepExitCodeZero() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ecosystem: W\ncommunities: [{id: a}, {id: b}]\nlinks: [[a, b, 0.2], [b, a, 0.9]]\n".utf8)
            .write(to: dir.appendingPathComponent("w.yaml"))
        let r = try BinaryRunner.run(["validate", "w.yaml"], in: dir)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "w.yaml: ok: 2 communities, 0 influencers, 0 stakeholders, 0 topics, 1 link (1 warning)\n")
        XCTAssertTrue(r.stderr.contains("w.yaml:3:22: warning: duplicate link"), r.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try BinaryRunner.run(["validate"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["validate", "--no-such-flag", "x.yaml"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["no-such-command"]).status, 2)
        let version = try BinaryRunner.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
        XCTAssertEqual(try BinaryRunner.run(["validate", "--help"]).status, 0)
    }

    func testInitWritesTheStarterThatValidatesAndNeverClobbers() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try BinaryRunner.run(["init", "mine.yaml"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try String(contentsOf: dir.appendingPathComponent("mine.yaml"), encoding: .utf8)
        let starter = try String(contentsOf: BinaryRunner.root.appendingPathComponent("examples/starter.yaml"), encoding: .utf8)
        XCTAssertEqual(written, starter, "init writes examples/starter.yaml")
        XCTAssertEqual(try BinaryRunner.run(["validate", "mine.yaml"], in: dir).status, 0)

        try Data("keep me".utf8).write(to: dir.appendingPathComponent("mine.yaml"))
        let again = try BinaryRunner.run(["init", "mine.yaml"], in: dir)
        XCTAssertEqual(again.status, 3)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("mine.yaml"), encoding: .utf8), "keep me")
        XCTAssertEqual(try BinaryRunner.run(["init", "mine.yaml", "--force"], in: dir).status, 0)
        XCTAssertEqual(try BinaryRunner.run(["init", "missing-dir/x.yaml"], in: dir).status, 3)
    }

    func testInputThatIsNotARegularFileIsAClearError() throws {
        let r = try BinaryRunner.run(["validate", "/dev/zero", "examples"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, """
            error: cannot read `/dev/zero`: it is a device, not a file
            1 error
            error: cannot read `examples`: it is a directory, not a file
            1 error

            """)
    }
}
