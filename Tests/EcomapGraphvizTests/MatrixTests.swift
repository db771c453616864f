import XCTest
import Foundation
import EcomapModel
import EcomapAnalysis
@testable import EcomapMapSpec
@testable import EcomapGraphviz
import EcomapMapRender

/// The strategy matrix and the compared map through the real Graphviz path.
final class MatrixRenderTests: XCTestCase {
    private func matrix(_ name: String, _ options: MatrixOptions = MatrixOptions()) throws -> MapSpec {
        MatrixSpecBuilder.build(Analyzer.analyze(try ExampleMaps.ecosystem(name)), options: options).0
    }

    /// Graphviz keeps every pinned position: the distance between any two bubbles in the SVG equals the
    /// distance between their positions in the spec (y flipped), to the SVG's 2-decimal precision.
    func testBubblesStayWhereTheScoresPutThem() throws {
        for (name, options) in [("alpha-moms", MatrixOptions()), ("fietsvrienden", MatrixOptions(x: .size, y: .activity))] {
            let spec = try matrix(name, options)
            let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
            let centres = Dictionary(svg.nodes.compactMap { n in n.ellipse.map { (n.id, $0) } }, uniquingKeysWith: { a, _ in a })
            let bubbles = spec.nodes.filter { $0.shape == .circle && $0.position != nil }
            XCTAssertGreaterThanOrEqual(bubbles.count, 5, name)
            let first = try XCTUnwrap(bubbles.first), c0 = try XCTUnwrap(centres[first.domID])
            for b in bubbles.dropFirst() {
                let c = try XCTUnwrap(centres[b.domID], b.id)
                XCTAssertEqual(c.cx - c0.cx, b.position!.x - first.position!.x, accuracy: 0.02, "\(name) \(b.id) x")
                XCTAssertEqual(c.cy - c0.cy, -(b.position!.y - first.position!.y), accuracy: 0.02, "\(name) \(b.id) y")
                // fixedsize: the bubble's diameter is exactly the spec's (inches -> points).
                // Graphviz rounds node sizes to whole points.
                XCTAssertEqual(2 * c.rx, b.minWidth * 72, accuracy: 1, b.id)
            }
        }
    }

    func testMatrixAndComparedMapAreByteIdenticalOnEveryRun() throws {
        let spec = try matrix("alpha-moms")
        XCTAssertEqual(try MapRendering.render(spec, as: .svg).bytes, try MapRendering.render(spec, as: .svg).bytes)
        let old = Analyzer.analyze(try ExampleMaps.ecosystem("alpha-moms"))
        let new = Analyzer.analyze(try ExampleMaps.ecosystem("alpha-moms-2027q1"))
        let compared = CompareDecoration.apply(MapSpecBuilder.build(new).0, diff: Differ.diff(old: old, new: new), theme: .light)
        XCTAssertEqual(try MapRendering.render(compared, as: .svg).bytes, try MapRendering.render(compared, as: .svg).bytes)
    }

    func testHostileNamesStayTextInTheMatrix() throws {
        let names = ["<script>alert(1)</script>", "\\N \\G \\l &amp; \"q\"", "<img src=x onerror=alert(1)>", "a\u{202E}b"]
        let eco = Ecosystem(title: "<b>T</b> \\N", communities: names.enumerated().map { i, n in
            Community(id: "c\(i)", name: n, url: "javascript:alert(\(i))", members: 1000 * (i + 1),
                      discussions: 10, reactions: 100, reach: 10_000 * (i + 1), actions: Double(i + 1))
        } + [Community(id: "unplaced", name: "<svg onload=alert(1)>", members: 10)])
        let spec = MatrixSpecBuilder.build(Analyzer.analyze(eco)).0
        let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
        let forbidden: Set<String> = ["script", "foreignObject", "image", "use", "iframe", "style"]
        for e in svg.elements {
            XCTAssertFalse(forbidden.contains(e.name), e.name)
            for (k, v) in e.attributes {
                XCTAssertFalse(k.lowercased().hasPrefix("on"), k)
                XCTAssertFalse(v.lowercased().contains("javascript:"), "\(k)=\(v)")
            }
        }
        // Every line of every name is drawn exactly as the spec has it (names are wrapped at spaces).
        let texts = svg.elements.filter { $0.name == "text" }.map(\.text)
        let nameNodes = spec.nodes.filter { $0.id.hasPrefix("#name-") }
        XCTAssertEqual(nameNodes.count, 4, "every placed community is named")
        for node in nameNodes {
            for line in node.labelLines { XCTAssertTrue(texts.contains(line), "literal: \(line) in \(texts)") }
            let name = String(node.tooltip.prefix { $0 != "\n" }.dropLast(" (community)".count))
            XCTAssertEqual(node.labelLines.joined().filter { $0 != " " }, name.filter { $0 != " " })
            XCTAssertNil(node.url, "a javascript: URL is dropped from the name too")
        }
        XCTAssertEqual(Set(nameNodes.map { String($0.tooltip.prefix { $0 != "\n" }.dropLast(" (community)".count)) }),
                       Set(eco.communities.prefix(4).map(\.name)))
        XCTAssertTrue(texts.contains { $0.contains("<svg onload=alert(1)>") }, "the unplaced name is listed literally")
    }
}
