import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import XCTest

/// `--aspect` on maps of several islands: the islands are arranged to fill the slide's shape (not
/// padded), without overlaps, byte for byte the same every run.
final class IslandAspectTests: XCTestCase {
    /// An ecosystem of islands of the given sizes: each a star with a few chords between its leaves.
    static func islands(_ sizes: [Int], title: String = "Islands") -> Ecosystem {
        var communities: [Community] = [], links: [Link] = []
        for (k, size) in sizes.enumerated() {
            for j in 0..<size {
                communities.append(Community(id: "i\(k)-\(j)", name: "Island \(k) community \(j)", members: 100 * (j + 1) * (k + 1)))
                if j > 0 { links.append(Link(from: "i\(k)-0", to: "i\(k)-\(j)", weight: 0.5)) }
                if j >= 2, j % 2 == 0 { links.append(Link(from: "i\(k)-\(j - 1)", to: "i\(k)-\(j)", weight: 0.3)) }
            }
        }
        return Ecosystem(title: title, communities: communities, links: links, sourceFile: "islands.yaml")
    }

    /// Where the drawing may go: the picture less the title strip and the legend column.
    struct Measure {
        var drawingRatio: Double
        var areaRatio: Double
        /// Node bounding box area over the drawing area.
        var fill: Double
        var overlaps: Int
    }

    static func measure(_ svg: SVGDocument) -> Measure {
        let boxes = svg.nodes.map(\.box)
        let all = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        func texts(_ id: String) -> [(x: Double, y: Double)] {
            svg.elements.first { $0.attributes["id"] == id }?.all.compactMap { e in
                e.name == "text" ? (Double(e.attributes["x"] ?? "") ?? 0, Double(e.attributes["y"] ?? "") ?? 0) : nil
            } ?? []
        }
        let titleBottom = (texts("map-heading").map(\.y).max() ?? 0) + 8
        let legendLeft = texts("map-legend").map(\.x).min() ?? svg.width
        let area = (width: legendLeft - 16 - 16, height: svg.height - titleBottom - 16)
        var overlaps = 0
        for i in svg.nodes.indices {
            for j in svg.nodes.indices where j > i && svg.nodes[i].box.overlaps(svg.nodes[j].box, tolerance: 0.5) { overlaps += 1 }
        }
        return Measure(drawingRatio: all.width / all.height, areaRatio: area.width / area.height,
                       fill: all.width * all.height / (area.width * area.height), overlaps: overlaps)
    }

    func testIslandsFillTheAspect() throws {
        let cases: [(String, Ecosystem)] = [
            ("7 islands", Self.islands([12, 8, 5, 3, 2, 1, 1])),
            ("one large, eight small", Self.islands([30, 4, 4, 3, 3, 2, 2, 1, 1])),
            ("five alike", Self.islands([6, 6, 5, 5, 4])),
        ]
        for (name, ecosystem) in cases {
            for aspect in Aspect.allCases {
                let spec = Fixtures.spec(ecosystem, MapOptions(aspect: aspect))
                let bytes = try MapRendering.render(spec, as: .svg).bytes
                XCTAssertEqual(bytes, try MapRendering.render(spec, as: .svg).bytes, "\(name) \(aspect.rawValue): not deterministic")
                let svg = try SVGDocument(bytes)
                XCTAssertEqual(svg.width / svg.height, aspect.ratio, accuracy: 0.01)
                let m = Self.measure(svg)
                XCTAssertEqual(m.overlaps, 0, "\(name) \(aspect.rawValue): overlapping shapes")
                // The islands span the drawing area's shape (within 20%) and fill most of it.
                XCTAssertEqual(m.drawingRatio / m.areaRatio, 1, accuracy: 0.2,
                               "\(name) \(aspect.rawValue): drawing \(m.drawingRatio), area \(m.areaRatio)")
                XCTAssertGreaterThan(m.fill, 0.7, "\(name) \(aspect.rawValue): fill \(m.fill)")
                // Padding (Graphviz's packing, then padded to the aspect) makes a larger picture: the same
                // map is drawn smaller on the slide. The arrangement never needs more, and far less at 16:9.
                let unfitted = try SVGDocument(try MapRendering.render(Fixtures.spec(ecosystem), as: .svg).bytes)
                let padded = Self.paddedArea(unfitted, to: aspect), arranged = svg.width * svg.height
                print("aspect \(name) \(aspect.rawValue): drawing/area ratio \(m.drawingRatio / m.areaRatio), fill \(m.fill), picture area arranged/padded \(arranged / padded)")
                XCTAssertLessThanOrEqual(arranged, padded * (aspect == .wide ? 0.8 : 1.0), "\(name) \(aspect.rawValue)")
            }
        }
    }

    /// The area of the unfitted picture once padded to `aspect`.
    static func paddedArea(_ svg: SVGDocument, to aspect: Aspect) -> Double {
        let w = svg.width, h = svg.height
        return w / h > aspect.ratio ? w * w / aspect.ratio : h * h * aspect.ratio
    }

    /// Islands keep their own layout: each island is moved as a whole (every distance inside it kept).
    func testIslandsMoveRigidly() throws {
        let ecosystem = Self.islands([6, 4, 3, 1])
        let free = try SVGDocument(try MapRendering.render(Fixtures.spec(ecosystem), as: .svg).bytes)
        let fitted = try SVGDocument(try MapRendering.render(Fixtures.spec(ecosystem, MapOptions(aspect: .wide)), as: .svg).bytes)
        func centres(_ svg: SVGDocument) -> [String: (Double, Double)] {
            Dictionary(uniqueKeysWithValues: svg.nodes.map { ($0.id, (($0.box.minX + $0.box.maxX) / 2, ($0.box.minY + $0.box.maxY) / 2)) })
        }
        let a = centres(free), b = centres(fitted)
        var moved = false
        for k in 0..<4 {
            let ids = a.keys.filter { $0.hasPrefix("node-i\(k)-") }.sorted()
            guard let first = ids.first, let a0 = a[first], let b0 = b[first] else { return XCTFail("island \(k) missing") }
            let shift = (b0.0 - a0.0, b0.1 - a0.1)
            if abs(shift.0) > 1 || abs(shift.1) > 1 { moved = true }
            for id in ids {
                XCTAssertEqual(b[id]!.0 - a[id]!.0, shift.0, accuracy: 0.02, id)
                XCTAssertEqual(b[id]!.1 - a[id]!.1, shift.1, accuracy: 0.02, id)
            }
        }
        XCTAssertTrue(moved, "no island moved")
    }

    func testPackerNeverOverlapsAndKeepsTheGap() {
        var rng = SplitMix64(seed: 7)
        let boxes = (0..<120).map { _ in
            IslandPacker.Size(width: Double(10 + rng.next() % 300), height: Double(10 + rng.next() % 200))
        }
        for target in [0.5, 1.0, 16.0 / 9.0, 4.0] {
            let placement = IslandPacker.arrange(boxes, gap: 18) { w, h in abs(log(w / h / target)) }
            XCTAssertEqual(placement, IslandPacker.arrange(boxes, gap: 18) { w, h in abs(log(w / h / target)) })
            XCTAssertEqual(placement.width / placement.height, target, accuracy: target * 0.2, "target \(target)")
            for i in boxes.indices {
                let a = placement.origins[i]
                XCTAssertGreaterThanOrEqual(a.x, 0)
                XCTAssertGreaterThanOrEqual(a.y, 0)
                XCTAssertLessThanOrEqual(a.x + boxes[i].width, placement.width + 1e-6)
                XCTAssertLessThanOrEqual(a.y + boxes[i].height, placement.height + 1e-6)
                for j in boxes.indices where j > i {
                    let b = placement.origins[j]
                    let apart = a.x + boxes[i].width + 18 <= b.x + 1e-6 || b.x + boxes[j].width + 18 <= a.x + 1e-6
                        || a.y + boxes[i].height + 18 <= b.y + 1e-6 || b.y + boxes[j].height + 18 <= a.y + 1e-6
                    XCTAssertTrue(apart, "boxes \(i) and \(j) closer than the gap")
                }
            }
        }
    }
}
