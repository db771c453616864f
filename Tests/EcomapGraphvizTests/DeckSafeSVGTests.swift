import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import EcomapAnalysis
import XCTest

/// The structural promises of the SVG, checked on the parsed output of every example.
final class DeckSafeSVGTests: XCTestCase {
    func testStructure() throws {
        for name in ExampleMaps.names {
            let spec = try ExampleMaps.spec(name)
            let bytes = try MapRendering.render(spec, as: .svg).bytes
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\""))
            XCTAssertFalse(text.contains("<!--") || text.contains("<!DOCTYPE") || text.contains("graphviz version"))
            let svg = try SVGDocument(bytes)
            let root = svg.root
            XCTAssertNotNil(root.attributes["viewBox"])
            XCTAssertTrue(root.attributes["width"]?.hasSuffix("pt") == true)
            XCTAssertTrue(root.attributes["height"]?.hasSuffix("pt") == true)
            XCTAssertEqual(root.children.first?.name, "title")
            XCTAssertEqual(root.children.dropFirst().first?.name, "desc")
            XCTAssertEqual(root.children.first?.text, spec.title.accessibleName)
            // Only ecomap's font stack; no transforms left on the drawing.
            let fonts = Set(svg.elements.compactMap { $0.attributes["font-family"] })
            XCTAssertEqual(fonts, ["Arial, Helvetica, 'Liberation Sans', sans-serif"])
            XCTAssertTrue(svg.elements.allSatisfy { $0.attributes["transform"] == nil })
            // Title strip and legend inside the picture; every node has its stable id.
            XCTAssertTrue(svg.elements.contains { $0.attributes["id"] == "map-heading" })
            XCTAssertTrue(svg.elements.contains { $0.attributes["id"] == "map-legend" })
            XCTAssertEqual(Set(svg.nodes.map(\.id)), Set(spec.nodes.map(\.domID)))
            // Edges come before nodes, so nodes are drawn on top.
            let graph = try XCTUnwrap(svg.elements.first { $0.attributes["id"] == "graph0" })
            let classes = graph.children.compactMap { $0.attributes["class"] }
            if let lastEdge = classes.lastIndex(of: "edge"), let firstNode = classes.firstIndex(of: "node") {
                XCTAssertLessThan(lastEdge, firstNode, name)
            }
            // Tooltips: every node's hover title names what is missing (communities) or its kind.
            for node in spec.nodes where node.kind == .community {
                let group = svg.elements.first { $0.attributes["id"] == node.domID }
                let tooltip = group?.children.first { $0.name == "title" }?.text ?? ""
                XCTAssertTrue(tooltip.contains("Missing:"), "\(node.id): \(tooltip)")
            }
        }
    }

    func testTooManyGroupsAreNotDrawn() throws {
        var ecosystem = GeneratedEcosystem.make(nodes: 500)  // 350 communities
        ecosystem.topics = (0..<301).map { Topic(id: "t\($0)") }
        for i in ecosystem.communities.indices { ecosystem.communities[i].topics = ["t\(i % 301)"] }
        let (spec, warnings) = MapSpecBuilder.build(Analyzer.analyze(ecosystem), options: MapOptions(groupBy: .topic))
        XCTAssertTrue(spec.clusters.isEmpty)
        XCTAssertTrue(warnings.contains { $0.message.contains("more than 300") })
    }
}
