import Foundation
import XCTest

/// `ecomap diff` on the built binary.
final class DiffCommandTests: XCTestCase {
    private let old = "examples/alpha-moms.yaml", new = "examples/alpha-moms-2027q1.yaml"

    func testAlphaMomsQuarterInEveryFormatMatchesItsGolden() throws {
        for (format, ext) in [("table", "txt"), ("json", "json"), ("markdown", "md")] {
            let r = try BinaryRunner.run(["diff", old, new, "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stderr, "")
            Golden.check(r.stdout, "diff/alpha-moms-2027q1.\(ext)")
        }
    }

    func testTheExampleShowsEveryKindOfChange() throws {
        let r = try BinaryRunner.run(["diff", old, new, "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        for key in ["communities_added", "communities_removed", "moved_up", "moved_down", "tier_changes",
                    "phase_changes", "links_added", "links_removed", "links_reweighted"] {
            XCTAssertGreaterThan(summary[key] ?? 0, 0, key)
        }
        let communities = try XCTUnwrap(object["communities"] as? [String: Any])
        XCTAssertEqual((communities["added"] as? [[String: Any]])?.map { $0["id"] as? String }, ["night-feed-club"])
        XCTAssertEqual((communities["removed"] as? [[String: Any]])?.map { $0["id"] as? String }, ["techmamas"])
    }

    func testSameFileHasNoChangesAndDefaultIsTheTable() throws {
        let r = try BinaryRunner.run(["diff", old, old])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("No changes.\n"), r.stdout)
        XCTAssertTrue(r.stdout.hasPrefix("Alpha Moms: 2026-11-01 → 2026-11-01\n"), r.stdout)
    }

    func testReversedSnapshotsAreNoted() throws {
        let r = try BinaryRunner.run(["diff", new, old, "--format", "markdown"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("> Note: NEW (as of 2026-11-01) is older than OLD (as of 2027-02-01)"), r.stdout)
    }

    func testErrorsInBothFilesAreReportedAndExitOne() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ecosystem: A\ncommunities:\n  - id: a\n    members: lots\n".utf8)
            .write(to: dir.appendingPathComponent("a.yaml"))
        try Data("ecosystem: B\ncommunities:\n  - id: b\n    membres: 3\n".utf8)
            .write(to: dir.appendingPathComponent("b.yaml"))
        let r = try BinaryRunner.run(["diff", "a.yaml", "b.yaml"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("a.yaml:4:14: error:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("b.yaml:4:5: error:"), r.stderr)
    }

    func testOutputFileForDiffAndGaps() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stdout = try BinaryRunner.run(["diff", old, new, "--format", "markdown"]).stdout
        let toFile = try BinaryRunner.run(["diff", old, new, "--format", "markdown", "-o", dir.appendingPathComponent("d.md").path])
        XCTAssertEqual(toFile.status, 0, toFile.stderr)
        XCTAssertEqual(toFile.stdout, "")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("d.md"), encoding: .utf8), stdout)
        let gaps = try BinaryRunner.run(["gaps", new, "-o", dir.appendingPathComponent("g.txt").path])
        XCTAssertEqual(gaps.status, 0, gaps.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("g.txt"), encoding: .utf8),
                       try BinaryRunner.run(["gaps", new]).stdout)
        // Never over an input.
        let copy = dir.appendingPathComponent("old.yaml")
        try FileManager.default.copyItem(at: BinaryRunner.root.appendingPathComponent(old), to: copy)
        let clobber = try BinaryRunner.run(["diff", copy.path, new, "-o", copy.path])
        XCTAssertEqual(clobber.status, 3)
        XCTAssertEqual(try Data(contentsOf: copy), try Data(contentsOf: BinaryRunner.root.appendingPathComponent(old)))
    }

    func testWeightsApplyToBothAndBadWeightsAreAUsageError() throws {
        let r = try BinaryRunner.run(["diff", old, new, "--weights", "action=3", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"notes\": []"), "same weights on both sides: no note")
        let bad = try BinaryRunner.run(["diff", old, new, "--weights", "size=-1"])
        XCTAssertEqual(bad.status, 2)
    }
}
