import Foundation
import XCTest

/// The built binary on spreadsheets as LibreOffice and Excel write them (Tests/Fixtures/Sheets).
final class SpreadsheetFixtureTests: XCTestCase {
    static let sheets = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/Sheets")

    func testCalcGermanPairValidatesWithTheThousandsWarningAndRanksByRealFigures() throws {
        let out = try BinaryRunner.run(["validate", "calc-de/wandern-Knoten.csv"], in: Self.sheets)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout, "calc-de/wandern-Knoten.csv: ok: 5 communities, 0 influencers, 0 stakeholders, "
                       + "0 topics, 3 links (1 warning)\n")
        XCTAssertTrue(out.stderr.contains("calc-de/wandern-Knoten.csv:2:Mitglieder: warning: numbers are read with a "
                                          + "decimal comma and `.` between thousands"), out.stderr)
        let rank = try BinaryRunner.run(["rank", "calc-de/wandern-Knoten.csv", "--format", "csv"], in: Self.sheets)
        XCTAssertEqual(rank.status, 0, rank.stderr)
        XCTAssertTrue(rank.stdout.contains("r-wandern"), rank.stdout)
        let export = try BinaryRunner.run(["export", "calc-de/wandern-Knoten.csv", "--format", "json"], in: Self.sheets)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"members\": 95000"), "95.000 members are 95000")
        XCTAssertTrue(export.stdout.contains("\"reactions\": 950.5"), "950,5 reactions are 950.5")
    }

    func testEveryTextFixtureLoadsOrFailsWithItsLocatedMessage() throws {
        for file in ["calc-nl/wandelen-nodes.csv", "excel/wandern-1252.csv", "excel/wandern-unicode.txt",
                     "excel/wandern-utf8bom.csv"] {
            let out = try BinaryRunner.run(["validate", file], in: Self.sheets)
            XCTAssertEqual(out.status, 0, "\(file): \(out.stderr)")
            XCTAssertTrue(out.stdout.hasPrefix("\(file): ok: 5 communities"), out.stdout)
        }
        let ambiguous = try BinaryRunner.run(["validate", "excel/ambiguous.csv"], in: Self.sheets)
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(ambiguous.stderr.contains("excel/ambiguous.csv:2:Members: error: \"48.000\" is ambiguous"),
                      ambiguous.stderr)
        let roman = try BinaryRunner.run(["rank", "excel/mac-roman.csv"], in: Self.sheets)
        XCTAssertEqual(roman.status, 1)
        XCTAssertTrue(roman.stderr.contains("excel/mac-roman.csv:2:5: error: cannot read the table: it is neither "
                                            + "UTF-8 nor Windows-1252"), roman.stderr)
    }

    func testYAMLThousandsNeverValidateSilently() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ecosystem: T\ncommunities:\n  - id: a\n    members: 95.000\n".utf8)
            .write(to: dir.appendingPathComponent("t.yaml"))
        let out = try BinaryRunner.run(["validate", "t.yaml"], in: dir)
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("t.yaml:4:14: error: `members: 95.000` looks like 95000 written with a "
                                          + "thousands point"), out.stderr)
    }
}

/// The binary on the workbooks LibreOffice wrote.
final class WorkbookFixtureTests: XCTestCase {
    func testXLSXAndODSRankAndExportTheSameFigures() throws {
        var exports: [String] = []
        for file in ["workbooks/wandern.xlsx", "workbooks/wandern.ods"] {
            let out = try BinaryRunner.run(["validate", file], in: SpreadsheetFixtureTests.sheets)
            XCTAssertEqual(out.status, 0, out.stderr)
            XCTAssertEqual(out.stdout, "\(file): ok: 5 communities, 0 influencers, 0 stakeholders, 0 topics, 3 links\n")
            let export = try BinaryRunner.run(["export", file, "--format", "json"], in: SpreadsheetFixtureTests.sheets)
            XCTAssertEqual(export.status, 0, export.stderr)
            XCTAssertTrue(export.stdout.contains("\"members\": 48000"), file)
            exports.append(export.stdout.replacingOccurrences(of: file, with: "F"))
        }
        XCTAssertEqual(exports[0], exports[1], "the .xlsx and the .ods hold the same ecosystem")
        let bomb = try BinaryRunner.run(["rank", "workbooks/bomb.ods"], in: SpreadsheetFixtureTests.sheets)
        XCTAssertEqual(bomb.status, 1)
        XCTAssertEqual(bomb.stderr, "workbooks/bomb.ods:1:1: error: the workbook unpacks to more than 256 MiB (limit: "
                       + "workbook size); is it a ZIP bomb?\n1 error\n")
    }
}

/// `rank --format csv` for the spreadsheets the figures came from, written atomically with `-o`.
final class RankCSVLocaleTests: XCTestCase {
    func testDutchAndGermanCSVAndTheOptionsThatSetIt() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = SpreadsheetFixtureTests.sheets.appendingPathComponent("calc-de/wandern-Knoten.csv").path
        let out = dir.appendingPathComponent("rang.csv").path
        let r = try BinaryRunner.run(["rank", input, "--format", "csv", "--locale", "de", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "rank;id;name;score;confidence;size;activity;reach;action;social_density;missing;tier;"
                       + "next_step;explanation;flags;pessimistic;optimistic;density_band;action_basis;borderline;"
                       + "previous_tier;reasons;target")
        XCTAssertTrue(lines[1].hasPrefix("1;wanderlust-deutschland;Wanderlust Deutschland;43,33;0,5;;43,26;65,01;;"),
                      lines[1])
        XCTAssertFalse(lines.contains { $0.contains(".") && $0.hasPrefix("1;") && $0.contains("43.33") })
        let tabs = try BinaryRunner.run(["rank", input, "--format", "csv", "--csv-delimiter", "tab", "--decimal-comma"])
        XCTAssertTrue(tabs.stdout.split(separator: "\n")[1].hasPrefix("1\twanderlust-deutschland\tWanderlust Deutschland\t43,33\t"),
                      tabs.stdout)
        let english = try BinaryRunner.run(["rank", input, "--format", "csv", "--locale", "en"])
        XCTAssertTrue(english.stdout.split(separator: "\n")[1].hasPrefix("1,wanderlust-deutschland,Wanderlust Deutschland,43.33,"))
        for (args, message) in [
            (["--decimal-comma"], "Error: --csv-delimiter and --decimal-comma apply only with --format csv"),
            (["--format", "json", "--locale", "de"],
             "Error: --locale applies to the table, Markdown and CSV formats; JSON numbers are always plain"),
            (["--format", "csv", "--decimal-comma"],
             "Error: --decimal-comma needs another delimiter than `,`: add --csv-delimiter ';' (or use --locale nl or de)"),
            (["--format", "csv", "--locale", "fr"], "Error: --locale must be nl, de or en"),
            (["--format", "csv", "--csv-delimiter", "|"], "Error: --csv-delimiter must be `,`, `;` or `tab`"),
        ] {
            let bad = try BinaryRunner.run(["rank", input] + args)
            XCTAssertEqual(bad.status, 2, "\(args): \(bad.stderr)")
            XCTAssertEqual(bad.stderr.split(separator: "\n").first.map(String.init), message)
        }
        // The nodes table's own links table is an input: never an output.
        let links = SpreadsheetFixtureTests.sheets.appendingPathComponent("calc-de/wandern-Verbindungen.csv").path
        let before = try Data(contentsOf: URL(fileURLWithPath: links))
        let clobber = try BinaryRunner.run(["rank", input, "--format", "csv", "-o", links])
        XCTAssertEqual(clobber.status, 3, clobber.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: links)), before)
    }
}
