import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import XCTest

/// Parses the SVG geometry and proves that no two node shapes overlap and that every label line
/// lies inside its shape, on every example with every engine and on generated maps up to 2,000 nodes.
final class GeometryTests: XCTestCase {
    func testExamplesWithEveryEngine() throws {
        for name in ExampleMaps.names {
            for engine in [EngineOption.auto] + LayoutEngine.allCases.map(EngineOption.fixed) {
                let spec = try ExampleMaps.spec(name, MapOptions(engine: engine))
                try assertClean(spec, "\(name) \(spec.layout.engine.rawValue)")
            }
            let grouped = try ExampleMaps.spec(name, MapOptions(groupBy: .topic))
            try assertClean(grouped, "\(name) grouped")
        }
    }

    func testGeneratedMaps() throws {
        for count in [50, 400, 401, 2000] {
            let spec = Fixtures.spec(GeneratedEcosystem.make(nodes: count))
            try assertClean(spec, "generated \(count) (\(spec.layout.engine.rawValue))")
        }
    }

    func testManyUnlinkedNodes() throws {
        var ecosystem = GeneratedEcosystem.make(nodes: 400)
        ecosystem.communities += (0..<1600).map { Community(id: "u\($0)", name: "Unlinked community \($0)", members: Int($0)) }
        for engine in [EngineOption.auto, .fixed(.dot)] {
            let spec = Fixtures.spec(ecosystem, MapOptions(engine: engine))
            try assertClean(spec, "2,000 nodes, 1,640 unlinked, \(spec.layout.engine.rawValue)")
            // Chained into groups: not one endless row, even in dot.
            let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
            XCTAssertLessThan(max(svg.width / svg.height, svg.height / svg.width), 6, spec.layout.engine.rawValue)
        }
    }

    func testGeneratedGroupedMap() throws {
        var ecosystem = GeneratedEcosystem.make(nodes: 300)
        for i in ecosystem.communities.indices { ecosystem.communities[i].scope = Scope.allCases[i % 4] }
        try assertClean(Fixtures.spec(ecosystem, MapOptions(groupBy: .scope)), "generated 300 grouped")
    }

    private func assertClean(_ spec: MapSpec, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
        XCTAssertEqual(svg.nodes.count, spec.nodes.count, "\(what): node count", file: file, line: line)
        // Sweep along x so 2,000 nodes stay cheap.
        let sorted = svg.nodes.sorted { $0.box.minX < $1.box.minX }
        var overlaps: [String] = []
        for i in sorted.indices {
            var j = i + 1
            while j < sorted.count, sorted[j].box.minX < sorted[i].box.maxX {
                if sorted[i].box.overlaps(sorted[j].box, tolerance: 0.5) { overlaps.append("\(sorted[i].id) & \(sorted[j].id)") }
                j += 1
            }
        }
        XCTAssertEqual(overlaps, [], "\(what): overlapping node shapes", file: file, line: line)
        var outside: [String] = []
        for node in svg.nodes {
            for text in node.texts where !fits(text, in: node) { outside.append("\(node.id): \(text.content)") }
        }
        XCTAssertEqual(outside, [], "\(what): labels outside their shapes", file: file, line: line)
    }

    /// The text's box (0.5 em per character: Liberation Sans, which Graphviz measures with, averages
    /// about 0.48 em on names; ascent 0.75 em,
    /// descent 0.2 em) lies within the node's innermost outline.
    private func fits(_ text: SVGDocument.Text, in node: SVGDocument.Node) -> Bool {
        let half = 0.5 * text.size * Double(text.content.count) / 2
        let corners = [(text.x - half, text.y - 0.75 * text.size), (text.x + half, text.y - 0.75 * text.size),
                       (text.x - half, text.y + 0.2 * text.size), (text.x + half, text.y + 0.2 * text.size)]
        if let e = node.ellipse {
            return corners.allSatisfy { x, y in
                let dx = (x - e.cx) / e.rx, dy = (y - e.cy) / e.ry
                return dx * dx + dy * dy <= 1.0
            }
        }
        let b = node.inner
        return corners.allSatisfy { x, y in x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY }
    }
}
