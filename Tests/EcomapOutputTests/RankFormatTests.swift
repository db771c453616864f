import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapOutput
import EcomapText

final class RankFormatTests: XCTestCase {
    /// Two communities with hostile names, an influencer and a stakeholder.
    private var report: RankReport {
        let eco = Ecosystem(
            title: "Test | eco", asOf: CalendarDate(year: 2026, month: 11, day: 1),
            communities: [
                Community(id: "a", name: "=HYPERLINK(\"x\")", members: 12000, discussions: 120, reactions: 2400,
                          reach: 250_000, actions: 35, sentiment: .positive, phase: .continuation),
                Community(id: "b", name: "Pipe | *star* <b>\nline", members: 900),
            ],
            influencers: [Influencer(id: "jill", followers: 80_000)],
            stakeholders: [Stakeholder(id: "acme", role: .brand)],
            links: [Link(from: "jill", to: "a", weight: 0.8), Link(from: "acme", to: "b", weight: 0.4)])
        return RankReport(analysis: Analyzer.analyze(eco))
    }

    func testJSONHasTheDocumentedKeysInOrderAndNullForUnknown() throws {
        let text = report.rendered(as: .json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["ecosystem"] as? String, "Test | eco")
        XCTAssertEqual(object["as_of"] as? String, "2026-11-01")
        let communities = try XCTUnwrap(object["communities"] as? [[String: Any]])
        XCTAssertEqual(communities.map { $0["id"] as? String }, ["a", "b"])
        let b = communities[1]
        let dims = try XCTUnwrap(b["dimensions"] as? [String: Any])
        XCTAssertTrue(dims["activity"] is NSNull)
        XCTAssertEqual(b["missing"] as? [String], ["activity.discussions", "activity.reactions", "reach", "actions"])
        XCTAssertEqual(b["next_step"] as? String, "collect-figures")
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.map { $0["kind"] as? String }, ["community", "community", "influencer", "stakeholder"])
        // Key order is fixed: top level, community and node keys appear in the documented order.
        func order(_ keys: [String], in text: String) -> [Int] {
            keys.map { text.range(of: "\"\($0)\":")!.lowerBound.utf16Offset(in: text) }
        }
        let top = order(["ecosystem", "as_of", "weights", "communities", "nodes"], in: text)
        XCTAssertEqual(top, top.sorted())
        let community = order(["rank", "id", "name", "score", "confidence", "dimensions", "missing", "tier",
                               "next_step", "explanation"], in: text)
        XCTAssertEqual(community, community.sorted())
        let node = order(["degree", "weighted_degree", "pagerank", "betweenness"], in: text)
        XCTAssertEqual(node, node.sorted())
        XCTAssertEqual(report.rendered(as: .json), text, "deterministic")
    }

    func testCSVCellsAreFormulaSafeAndQuoted() {
        let lines = report.rendered(as: .csv).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[0].hasPrefix("rank,id,name,score,confidence,size,activity,reach,action,"))
        XCTAssertTrue(lines[1].hasPrefix("1,a,\"'=HYPERLINK(\"\"x\"\")\","), String(lines[1]))
        XCTAssertEqual(TextSafety.csvField("+1"), "'+1")
        XCTAssertEqual(TextSafety.csvField("-x"), "'-x")
        XCTAssertEqual(TextSafety.csvField("@sum"), "'@sum")
        XCTAssertEqual(TextSafety.csvField("\tx"), "'\tx")
        XCTAssertEqual(TextSafety.csvField("\rx"), "\"'\rx\"")
        XCTAssertEqual(TextSafety.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(TextSafety.csvField("plain"), "plain")
    }

    func testMarkdownCellsCannotBreakTheTable() {
        let text = report.rendered(as: .markdown)
        XCTAssertTrue(text.contains("| Pipe \\| \\*star\\* &lt;b&gt; line |"), text)
        XCTAssertTrue(text.hasPrefix("## Test \\| eco — ranking for focus\n"))
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let unescapedPipes = line.indices.filter { i in
                line[i] == "|" && (i == line.startIndex || line[line.index(before: i)] != "\\")
            }
            XCTAssertEqual(unescapedPipes.count, 15, String(line))
        }
        XCTAssertEqual(TextSafety.markdownCell("a\\b`c`&"), "a\\\\b\\`c\\`&amp;")
    }

    func testTableIsAlignedSingleLineAndLimitedByTop() {
        var r = report
        r.top = 1
        r.explain = true
        let text = r.rendered(as: .table)
        XCTAssertFalse(text.contains("Pipe"), "--top 1 shows one community")
        XCTAssertTrue(text.contains("size "), "explain adds contributions")
        XCTAssertEqual(TextSafety.singleLine("a\nb\u{1B}[31m\tc"), "a b[31m c")
    }

    func testNumberTextIsDeterministic() {
        XCTAssertEqual(NumberText.fixed(58.304, 2), "58.3")
        XCTAssertEqual(NumberText.fixed(3, 2), "3")
        XCTAssertEqual(NumberText.fixed(-0.0001, 2), "0")
        XCTAssertEqual(NumberText.fixed(.nan, 2), "0")
        XCTAssertEqual(NumberText.padded(7, 1), "7.0")
        XCTAssertEqual(NumberText.percent(0.755), "76%")
    }

    func testJSONStringsEscapeControlCharacters() {
        let v = JSONValue.object([.init("k\"", .string("a\u{1}\n\u{2028}é"))])
        XCTAssertEqual(v.rendered(), "{\n  \"k\\\"\": \"a\\u0001\\n\\u2028é\"\n}\n")
    }
}

extension RankFormatTests {
    func testDisplayWidthCountsWideCharactersTwice() {
        XCTAssertEqual(TextSafety.displayWidth("abc"), 3)
        XCTAssertEqual(TextSafety.displayWidth("🚲 x"), 4)
        XCTAssertEqual(TextSafety.displayWidth("日本"), 4)
        XCTAssertEqual(TextSafety.displayWidth("e\u{301}"), 1, "combining accent takes no column")
        XCTAssertEqual(TextSafety.truncated("abcdef", toWidth: 4), "abc…")
        XCTAssertEqual(TextSafety.truncated("日本語です", toWidth: 5), "日本…")
        XCTAssertEqual(TextSafety.truncated("abc", toWidth: 4), "abc")
    }
}

extension RankFormatTests {
    func testTopLimitsCommunitiesButJSONKeepsEveryNode() throws {
        var r = report
        r.top = 1
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.rendered(as: .json).utf8)) as? [String: Any])
        XCTAssertEqual((object["communities"] as? [Any])?.count, 1)
        XCTAssertEqual((object["nodes"] as? [Any])?.count, 4)
        XCTAssertEqual(r.rendered(as: .csv).split(separator: "\n").count, 2, "header + one row")
        XCTAssertEqual(r.rendered(as: .markdown).split(separator: "\n").filter { $0.hasPrefix("| ") }.count, 3)
    }
}
