import Foundation
import XCTest

/// `ecomap rank` on the built binary: goldens for every example in every format, flags, exit codes.
final class RankTests: XCTestCase {
    /// Every example, by the argument a user would type.
    private let examples = [
        ("alpha-moms", ["examples/alpha-moms.yaml"]),
        ("alpha-moms-csv", ["examples/alpha-moms-csv/nodes.csv"]),
        ("fietsvrienden", ["examples/fietsvrienden.yaml"]),
        ("starter", ["examples/starter.yaml"]),
    ]

    func testEveryExampleInEveryFormatMatchesItsGolden() throws {
        for (name, input) in examples {
            for format in ["table", "csv", "json", "markdown"] {
                let result = try BinaryRunner.run(["rank"] + input + ["--format", format])
                XCTAssertEqual(result.status, 0, "\(name) \(format): \(result.stderr)")
                Golden.check(result.stdout, "rank/\(name).\(format == "markdown" ? "md" : format)")
            }
        }
    }

    func testExplainSensitivityAndTopMatchGoldens() throws {
        for format in ["table", "json"] {
            let result = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--top", "5", "--explain",
                                               "--sensitivity", "--trials", "100", "--seed", "7",
                                               "--format", format])
            XCTAssertEqual(result.status, 0, result.stderr)
            Golden.check(result.stdout, "rank/alpha-moms-explain-sensitivity.\(format)")
        }
    }

    /// `--locale de`: the table and Markdown with `48.000` and `58,3`; names stay literal.
    func testGermanNumbersMatchGoldens() throws {
        for format in ["table", "markdown"] {
            let result = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--explain", "--locale", "de", "--format", format])
            XCTAssertEqual(result.status, 0, result.stderr)
            Golden.check(result.stdout, "rank/alpha-moms.de.\(format == "markdown" ? "md" : format)")
            XCTAssertTrue(result.stdout.contains("Mom 2.0 Summit"), "names are literal")
            let english = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--explain", "--format", format]).stdout
            XCTAssertNotEqual(result.stdout, english)
            XCTAssertEqual(result.stdout.count, english.count, "only separators change")
        }
    }

    func testDefaultIsTheTableAndOutputIsDeterministic() throws {
        let a = try BinaryRunner.run(["rank", "examples/fietsvrienden.yaml"])
        let b = try BinaryRunner.run(["rank", "examples/fietsvrienden.yaml", "--format", "table"])
        XCTAssertEqual(a.status, 0)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertTrue(a.stdout.contains("ranking for focus"))
    }

    func testCSVPairRanksLikeTheYAMLFile() throws {
        func communities(_ path: String) throws -> NSArray {
            let out = try BinaryRunner.run(["rank", path, "--format", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? NSDictionary
            return try XCTUnwrap(object?["communities"] as? NSArray)
        }
        XCTAssertEqual(try communities("examples/alpha-moms.yaml"), try communities("examples/alpha-moms-csv/nodes.csv"))
    }

    func testWeightsFlagWinsAndChangesTheOrder() throws {
        let plain = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "csv"])
        let heavy = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "csv",
                                          "--weights", "size=0,activity=0,reach=0,action=1"])
        XCTAssertEqual(heavy.status, 0, heavy.stderr)
        XCTAssertNotEqual(plain.stdout, heavy.stdout)
        let json = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "json", "--weights", "action=3"])
        XCTAssertTrue(json.stdout.contains("\"action\": 3\n"), "named weight replaced")
        XCTAssertTrue(json.stdout.contains("\"size\": 1,"), "unnamed weights kept")
    }

    func testBadFlagsAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--weights", "sise=2"], "unknown dimension `sise` (did you mean `size`?)"),
            (["--weights", "size=-1"], "must be a finite number >= 0"),
            (["--weights", "size=0,activity=0,reach=0,action=0"], "must not all be zero"),
            (["--top", "0"], "--top must be at least 1"),
            (["--trials", "5"], "--trials and --seed apply only with --sensitivity"),
            (["--format", "pdf"], "pdf"),
        ]
        for (flags, message) in cases {
            let result = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml"] + flags)
            XCTAssertEqual(result.status, 2, "\(flags): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(flags): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testInvalidFileReportsDiagnosticsAndExitsOne() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try Data("ecosystem: Bad\ncommunities:\n  - id: a\n    members: -3\n".utf8).write(to: file)
        let result = try BinaryRunner.run(["rank", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.yaml:4:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}

/// Plausibility warnings from the analysis reach the terminal as located `warning:` lines; the run succeeds.
final class PlausibilityWarningTests: XCTestCase {
    func testImplausibleFiguresWarnWithPositionsAndExitZero() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("odd.yaml")
        try Data("""
            version: 1
            ecosystem: Odd
            communities:
              - id: tiny-busy
                presence: online
                members: 10
                activity: { discussions: 5000, reactions: 900000 }
              - id: eager
                presence: online
                members: 5000
                activity: { discussions: 1, reactions: 20 }
                actions: 1000

            """.utf8).write(to: file)
        for command in [["rank", "odd.yaml"], ["validate", "odd.yaml"]] {
            let r = try BinaryRunner.run(command, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            XCTAssertTrue(lines.contains { $0.hasPrefix("odd.yaml:6:14: warning: community `tiny-busy`: 905,000 discussions") },
                          r.stderr)
            XCTAssertTrue(lines.contains { $0.hasPrefix("odd.yaml:12:14: warning: community `eager`: 1,000 actions a month from 1 discussions") },
                          r.stderr)
        }
    }
}

/// `--goal` presets and `--previous` hysteresis on the built binary.
final class RankGoalAndPreviousTests: XCTestCase {
    private func json(_ args: [String]) throws -> [String: Any] {
        let r = try BinaryRunner.run(args + ["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func testGoalPresetSetsWeightsAndWeightsStillOverride() throws {
        let support = try json(["rank", "examples/alpha-moms.yaml", "--goal", "support"])
        XCTAssertEqual(support["goal"] as? String, "support")
        XCTAssertEqual(support["weights"] as? [String: Double], ["size": 1, "activity": 1.5, "reach": 0.5, "action": 1.5])
        XCTAssertEqual(support["model"] as? Int, 2)
        let mixed = try json(["rank", "examples/alpha-moms.yaml", "--goal", "support", "--weights", "action=3"])
        XCTAssertEqual(mixed["weights"] as? [String: Double], ["size": 1, "activity": 1.5, "reach": 0.5, "action": 3])
        let table = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--goal", "acquisition"])
        XCTAssertTrue(table.stdout.contains("Goal: acquisition (actions count sign-ups, trials, purchases and referrals)"),
                      table.stdout)
        let bad = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--goal", "sales"])
        XCTAssertNotEqual(bad.status, 0)
    }

    func testPreviousSnapshotHoldsTiersAndIsNamed() throws {
        let held = try json(["rank", "examples/alpha-moms-2027q1.yaml", "--previous", "examples/alpha-moms.yaml"])
        XCTAssertEqual(held["previous"] as? String, "examples/alpha-moms.yaml")
        let communities = try XCTUnwrap(held["communities"] as? [[String: Any]])
        let motherhood = try XCTUnwrap(communities.first { $0["id"] as? String == "themotherhood" })
        XCTAssertEqual(motherhood["previous_tier"] as? String, "focus")
        let newcomer = try XCTUnwrap(communities.first { $0["id"] as? String == "night-feed-club" })
        XCTAssertTrue(newcomer["previous_tier"] is NSNull)
        let table = try BinaryRunner.run(["rank", "examples/alpha-moms-2027q1.yaml", "--previous", "examples/alpha-moms.yaml"])
        XCTAssertTrue(table.stdout.contains("Tiers held against: examples/alpha-moms.yaml"), table.stdout)
        let missing = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--previous", "nope.yaml"])
        XCTAssertEqual(missing.status, 1)
    }

    func testExplainGivesReasonsAndTargetsInTheUsersFigures() throws {
        let r = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--explain"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("why: the brand has reached step 3 (monitor conversations) here, which earns the right to step 4"),
                      r.stdout)
        XCTAssertTrue(r.stdout.contains("next tier: about 32 actions a month (now 20) would lift it to focus"), r.stdout)
    }
}
