import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapOutput
import EcomapText

final class DiffFormatTests: XCTestCase {
    /// A rename to a hostile name, an added community with a hostile name, a reweighted link.
    private var report: DiffReport {
        let old = Ecosystem(title: "Eco", asOf: CalendarDate(year: 2026, month: 1, day: 1), communities: [
            Community(id: "a", name: "Alpha", members: 1000, discussions: 10, reactions: 100, reach: 1000, actions: 2),
        ], influencers: [Influencer(id: "i", followers: 10)], links: [Link(from: "i", to: "a", weight: 0.5)])
        var new = old
        new.asOf = CalendarDate(year: 2026, month: 4, day: 1)
        new.communities[0].name = "Pipe | *bold*\nnext `code` <b>"
        new.communities.append(Community(id: "b", name: "=cmd|' /C calc'!A0", members: 10))
        new.links = [Link(from: "a", to: "i", weight: 0.7, kind: "x|y")]
        return DiffReport(diff: Differ.diff(old: Analyzer.analyze(old), new: Analyzer.analyze(new)))
    }

    func testMarkdownRowsKeepTheirColumnCount() {
        let text = report.rendered(as: .markdown)
        XCTAssertTrue(text.hasPrefix("## Eco: 2026-01-01 → 2026-04-01\n"), text)
        XCTAssertTrue(text.contains("Pipe \\| \\*bold\\* next \\`code\\` &lt;b&gt; (was Alpha)"), text)
        var columns: Int?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### ") { columns = nil; continue }
            guard line.hasPrefix("| ") else { continue }
            let pipes = line.indices.filter { i in
                line[i] == "|" && (i == line.startIndex || line[line.index(before: i)] != "\\")
            }.count
            if let columns { XCTAssertEqual(pipes, columns, String(line)) } else { columns = pipes }
        }
    }

    func testTableIsSingleLinePerRowAndShowsMoves() {
        let text = report.rendered(as: .table)
        XCTAssertTrue(text.contains("Pipe | *bold* next `code` <b> (was Alpha)"), text)
        XCTAssertTrue(text.contains("  reweighted  a — i  0.5 → 0.7  (none) → x|y\n"), text)
        XCTAssertFalse(text.contains("\nnext"), "a line break in a name cannot start a new row")
        XCTAssertEqual(DiffCells.move(2), "up 2")
        XCTAssertEqual(DiffCells.move(-1), "down 1")
        XCTAssertEqual(DiffCells.move(0), "=")
        XCTAssertEqual(DiffCells.dimension(.init(old: 40, new: 45.4)), "+5")
        XCTAssertEqual(DiffCells.dimension(.init(old: 40, new: 40.2)), "+0.2")
        XCTAssertEqual(DiffCells.dimension(.init(old: 40, new: 40)), "0")
        XCTAssertEqual(DiffCells.dimension(.init(old: nil, new: 44.6)), "new 45")
        XCTAssertEqual(DiffCells.dimension(.init(old: 3, new: nil)), "unknown")
        XCTAssertEqual(DiffCells.dimension(.init(old: nil, new: nil)), "-")
    }

    func testTableAlignsWideCharactersAndShortensLongCells() {
        let text = TextTable.render(header: ["A", "B"], rows: [["日本語", "x"], ["ab", "y"]], rightAligned: [])
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "日本語  x")
        XCTAssertEqual(lines[2], "ab      y")
        let long = TextTable.render(header: ["A"], rows: [[String(repeating: "n", count: 90)]], rightAligned: [])
        let lastLine = String(long.split(separator: "\n")[1])
        XCTAssertEqual(TextSafety.displayWidth(lastLine), TextTable.maxCellWidth)
        XCTAssertTrue(lastLine.hasSuffix("…"))
    }

    func testJSONParsesAndHasTheDocumentedShape() throws {
        let text = report.rendered(as: .json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Array(object.keys).sorted(),
                       ["communities", "links", "new", "nodes", "notes", "old", "phase_changes", "summary"])
        let communities = try XCTUnwrap(object["communities"] as? [String: Any])
        let added = try XCTUnwrap(communities["added"] as? [[String: Any]])
        XCTAssertEqual(added.first?["name"] as? String, "=cmd|' /C calc'!A0")
        let changed = try XCTUnwrap(communities["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.first?["old_name"] as? String, "Alpha")
        let links = try XCTUnwrap(object["links"] as? [String: Any])
        let reweighted = try XCTUnwrap(links["reweighted"] as? [[String: Any]])
        XCTAssertEqual(reweighted.first?["old_weight"] as? Double, 0.5)
        XCTAssertEqual(reweighted.first?["new_weight"] as? Double, 0.7)
        XCTAssertEqual(report.rendered(as: .json), text, "deterministic")
    }
}
