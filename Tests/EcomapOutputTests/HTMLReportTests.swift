import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapOutput

final class HTMLReportTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(SHA256.base64(Array("abc".utf8)), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    private var hostile: Analysis {
        Analyzer.analyze(Ecosystem(
            title: "</title><script>alert(1)</script>", description: "<img src=x onerror=alert(1)> \u{2028}",
            topics: [Topic(id: "t", name: "</script>")],
            communities: [
                Community(id: "a", name: "</script><script>alert('x')</script>", url: "javascript:alert(1)",
                          notes: "a & b \u{2029} <!--", topics: ["t"], members: 100),
            ],
            stakeholders: [Stakeholder(id: "s", name: "<b>S</b>", url: "https://ok.example/?q=<x>", role: .brand)],
            links: [Link(from: "a", to: "s", kind: "<kind>")]))
    }

    private func scripts(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<script"), let close = rest.range(of: "</script>", range: open.upperBound..<rest.endIndex) {
            out.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }

    func testUserTextNeverLeavesTheJSONBlockOrEscapesIt() {
        let html = HTMLReport.render(hostile, map: nil, gaps: Gaps.find(hostile))
        let blocks = scripts(html)
        XCTAssertEqual(blocks.count, 2, "only the data block and the one script: \(blocks.map { $0.prefix(40) })")
        XCTAssertTrue(blocks[0].hasPrefix("<script type=\"application/json\" id=\"ecomap-data\">"))
        let json = blocks[0].dropFirst("<script type=\"application/json\" id=\"ecomap-data\">".count).dropLast("</script>".count)
        XCTAssertFalse(json.contains("<"))
        XCTAssertFalse(json.contains(">"))
        XCTAssertFalse(json.contains("&"))
        XCTAssertFalse(json.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
        // The escaped JSON still means the same text.
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let node = (decoded?["nodes"] as? [[String: Any]])?.first
        XCTAssertEqual(node?["name"] as? String, "</script><script>alert('x')</script>")
        XCTAssertEqual(node?["url"] as? String, "javascript:alert(1)")
        XCTAssertTrue(node?["link"] is NSNull, "a javascript: URL is never a link")
        let brand = (decoded?["nodes"] as? [[String: Any]])?.last
        // One URL rule (SafeURL): `<` and `>` are not URI characters, so that URL is shown but never linked.
        XCTAssertEqual(brand?["url"] as? String, "https://ok.example/?q=<x>")
        XCTAssertTrue(brand?["link"] is NSNull, "a URL with < > is never a link")
        // Text outside the JSON is HTML-escaped.
        XCTAssertTrue(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; — ecosystem report</title>"))
        XCTAssertTrue(html.contains("<p class=\"description\">&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>S</b>"))
    }

    func testCSPCarriesTheHashesOfTheInlineScriptAndStyle() throws {
        let html = HTMLReport.render(hostile, map: nil, gaps: nil)
        let script = try XCTUnwrap(scripts(html).last)
        let body = String(script.dropFirst("<script>".count).dropLast("</script>".count))
        XCTAssertEqual(body, ReportAssets.script)
        XCTAssertTrue(html.contains("script-src 'sha256-\(SHA256.base64(Array(body.utf8)))'"))
        XCTAssertTrue(html.contains("style-src 'sha256-\(SHA256.base64(Array(ReportAssets.style.utf8)))'"))
        XCTAssertTrue(html.contains("default-src 'none'"))
        XCTAssertFalse(html.contains("unsafe-inline"))
        XCTAssertFalse(ReportAssets.script.contains("innerHTML"), "the script never parses text as HTML")
        XCTAssertFalse(ReportAssets.script.contains("insertAdjacentHTML"))
        XCTAssertFalse(ReportAssets.script.contains("document.write"))
        XCTAssertFalse(ReportAssets.script.contains("eval("))
        XCTAssertFalse(html.contains("http://") || html.contains("https://") && !html.contains("ok.example"),
                       "no external resource")
    }

    func testTheMapIsInlinedWithoutItsXMLDeclaration() {
        let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"node-a\"/></svg>\n"
        let map = ReportMap(svg: svg, nodeElementIDs: ["a": "node-a"], edgeElementIDs: [:])
        let html = HTMLReport.render(hostile, map: map, gaps: nil)
        XCTAssertTrue(html.contains("<div id=\"map\" class=\"map\"><svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"node-a\"/></svg></div>"))
        XCTAssertFalse(html.contains("<?xml"))
        XCTAssertTrue(html.contains("\"dom\": \"node-a\""))
        XCTAssertEqual(HTMLReport.render(hostile, map: map, gaps: nil), html, "deterministic")
    }

    func testSummaryInPlainLanguage() {
        let eco = Ecosystem(title: "T", communities: [
            Community(id: "big", name: "Big", members: 1_000_000, discussions: 5000, reactions: 100_000, reach: 5_000_000, actions: 3000),
            Community(id: "small", name: "Small", members: 10),
        ], influencers: [Influencer(id: "i")])
        let text = ReportSummary.text(Analyzer.analyze(eco), gaps: nil)
        XCTAssertTrue(text.hasPrefix("2 communities, 1 to focus on: Big. 0 to nurture, 1 to monitor. Around them: 1 influencer and 0 stakeholders. Next steps: Big, "), text)
        XCTAssertTrue(text.contains("Collect the missing figures first for Small."), text)
    }
}
