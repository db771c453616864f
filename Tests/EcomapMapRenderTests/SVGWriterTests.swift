import EcomapScene
@testable import EcomapMapRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The SVG writer on hand-made scenes: escaping by construction, a closed vocabulary, numbers.
final class SVGWriterTests: XCTestCase {
    private let ink = SceneColor(red: 0x11, green: 0x22, blue: 0x33)

    private func scene(text: String, link: String? = nil) -> Scene {
        let label = SceneText(text, at: ScenePoint(x: 10, y: 20), fontSize: 11, color: ink, bold: true, anchor: .middle)
        let node = SceneNode(id: text, elementID: "node-x", kind: "community",
                             shapes: [SceneShape(.ellipse(center: ScenePoint(x: 10, y: 20), radiusX: 5, radiusY: 3), fill: ink, stroke: ink)],
                             texts: [label], tooltip: text + "\nsecond line", link: link,
                             bounds: SceneRect(x: 5, y: 17, width: 10, height: 6))
        let edge = SceneEdge(from: "a", to: "b", elementID: "edge-a__b", shapes: [
            SceneShape(.path(ScenePath(start: ScenePoint(x: 0, y: 0), segments: [(ScenePoint(x: 1, y: 1), ScenePoint(x: 2, y: 2), ScenePoint(x: 3, y: 3))])),
                       fill: nil, stroke: ink, strokeWidth: 2.5, dash: .dashed),
            SceneShape(.polygon([ScenePoint(x: 3, y: 3), ScenePoint(x: 4, y: 2), ScenePoint(x: 4, y: 4)]), fill: ink, stroke: ink),
        ], tooltip: text)
        return Scene(width: 100.004, height: 50, background: SceneColor(red: 255, green: 255, blue: 255),
                     accessibleTitle: text, accessibleDescription: text, heading: [label], clusters: [], edges: [edge],
                     nodes: [node], legend: [.text(label), .shape(SceneShape(.line(from: ScenePoint(x: 0, y: 0), to: ScenePoint(x: 1, y: 0)), fill: nil, stroke: ink))],
                     drawingBounds: SceneRect(x: 0, y: 0, width: 100, height: 50))
    }

    /// Every element and attribute name, and every text, of a written scene.
    private func parse(_ svg: String) throws -> (elements: Set<String>, attributes: Set<String>, texts: [String]) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements = Set<String>(), attributes = Set<String>(), texts: [String] = [], current = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                elements.insert(qualifiedName ?? name)
                self.attributes.formUnion(attributes.keys)
                current = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if !current.isEmpty { texts.append(current) }
                current = ""
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.coderReadCorrupt) }
        return (collector.elements, collector.attributes, collector.texts)
    }

    func testHostileTextIsLiteral() throws {
        let nonCharacters = String(String.UnicodeScalarView([Unicode.Scalar(0xFFFE)!, Unicode.Scalar(0xFDD0)!]))
        let hostile = "<script>alert(1)</script> & \"quotes\" 'x' ]]> <!-- \u{1}" + nonCharacters + " é"
        let svg = SVGWriter.write(scene(text: hostile))
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertFalse(svg.contains("<!--"))
        let parsed = try parse(svg)
        let literal = "<script>alert(1)</script> & \"quotes\" 'x' ]]> <!-- \u{FFFD}\u{FFFD}\u{FFFD} é"
        XCTAssertTrue(parsed.texts.contains(literal), "\(parsed.texts)")
        XCTAssertTrue(parsed.texts.contains(literal + "\nsecond line"))
    }

    func testClosedVocabulary() throws {
        let parsed = try parse(SVGWriter.write(scene(text: "A", link: "https://example.com/?a=1&b=\"2\"")))
        let elements: Set<String> = ["svg", "title", "desc", "rect", "g", "text", "a", "ellipse", "path", "polygon", "line"]
        XCTAssertTrue(parsed.elements.isSubset(of: elements), "\(parsed.elements.subtracting(elements))")
        let attributes: Set<String> = [
            "xmlns", "xmlns:xlink", "width", "height", "viewBox", "role", "aria-labelledby", "font-family", "id", "x", "y",
            "fill", "stroke", "class", "xlink:href", "target", "cx", "cy", "rx", "ry", "font-size", "text-anchor",
            "font-weight", "d", "stroke-width", "stroke-dasharray", "points", "x1", "y1", "x2", "y2",
        ]
        XCTAssertTrue(parsed.attributes.isSubset(of: attributes), "\(parsed.attributes.subtracting(attributes))")
    }

    func testNodesFollowEdgesAndNumbersAreFixed() {
        let svg = SVGWriter.write(scene(text: "A"))
        let edge = try? XCTUnwrap(svg.range(of: "class=\"edge\""))
        let node = try? XCTUnwrap(svg.range(of: "class=\"node\""))
        XCTAssertLessThan(edge!.lowerBound, node!.lowerBound)
        XCTAssertTrue(svg.contains("width=\"100pt\""), svg)
        XCTAssertTrue(svg.contains("d=\"M0,0C1,1 2,2 3,3\""), svg)
        XCTAssertTrue(svg.contains("stroke-dasharray=\"5,2\""))
        XCTAssertEqual(SVGWriter.number(-0.001), "0")
        // Near ties the exact decimal rounding of `%.Nf` decides, as everywhere else.
        for tie in [12.345, 0.235, 1.005, 2.675] {
            XCTAssertEqual(Double(SVGWriter.number(tie)), Double(String(format: "%.2f", tie)), "\(tie)")
        }
        XCTAssertEqual(SVGWriter.number(0.125), "0.12")  // an exact tie rounds to even
        XCTAssertEqual(SVGWriter.write(scene(text: "A")), svg)
    }
}
