import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapOutput
#if canImport(FoundationXML)
import FoundationXML
#endif

final class ExportFormatTests: XCTestCase {
    private var analysis: Analysis {
        Analyzer.analyze(Ecosystem(
            title: "T <&> \"q\"", communities: [
                Community(id: "a", name: "x\u{1}y\u{FFFE}z <b> & \"", notes: "tab\there\nnew", members: 5),
            ], stakeholders: [Stakeholder(id: "s", name: "]]>")], links: [Link(from: "a", to: "s", kind: "k&")]))
    }

    func testXMLEscaping() {
        XCTAssertEqual(GraphMLExport.xml("a<b>&\"c\"", attribute: false), "a&lt;b&gt;&amp;\"c\"")
        XCTAssertEqual(GraphMLExport.xml("a\"\n\t\r", attribute: true), "a&quot;&#10;&#9;&#13;")
        XCTAssertEqual(GraphMLExport.xml("\u{1}\u{FFFF}", attribute: false), "\u{FFFD}\u{FFFD}")
    }

    func testGraphMLParsesAndDeclaresEveryKeyItUses() throws {
        let text = ModelExport.rendered(analysis, as: .graphml)
        final class Collector: NSObject, XMLParserDelegate {
            var declared = Set<String>(), used = Set<String>(), texts: [String] = [], current = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "key", let id = attributes["id"] { declared.insert(id) }
                if name == "data", let key = attributes["key"] { used.insert(key) }
                current = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "data" { texts.append(current) }
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), parser.parserError.map { "\($0)" } ?? "")
        XCTAssertTrue(collector.used.isSubset(of: collector.declared), "\(collector.used.subtracting(collector.declared))")
        XCTAssertTrue(collector.texts.contains("x\u{FFFD}y\u{FFFD}z <b> & \""), "\(collector.texts)")
        XCTAssertTrue(collector.texts.contains("T <&> \"q\""))
        XCTAssertTrue(collector.texts.contains("]]>"))
        XCTAssertEqual(ModelExport.rendered(analysis, as: .graphml), text, "deterministic")
    }

    func testJSONKeepsUnknownsNullAndParses() throws {
        let text = ModelExport.rendered(analysis, as: .json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let c = try XCTUnwrap((object["communities"] as? [[String: Any]])?.first)
        XCTAssertTrue(c["reach"] is NSNull)
        XCTAssertEqual(c["members"] as? Int, 5)
        XCTAssertEqual(object["ranking"] as? [String], ["a"])
    }
}
