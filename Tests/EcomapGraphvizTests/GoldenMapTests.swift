import EcomapGraphviz
@testable import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import XCTest

/// Every example in every theme as SVG, plus DOT, JSON, aspect and grouping variants, PNG and PDF:
/// compared byte for byte with the goldens.
final class GoldenMapTests: XCTestCase {
    func testExampleSVGPerTheme() throws {
        for name in ExampleMaps.names {
            for theme in Theme.allCases {
                let spec = try ExampleMaps.spec(name, MapOptions(theme: theme))
                let map = try MapRendering.render(spec, as: .svg)
                Golden.check(map.bytes, "\(name).\(theme.rawValue).svg")
            }
        }
    }

    func testDotAndJSON() throws {
        for name in ExampleMaps.names {
            let spec = try ExampleMaps.spec(name)
            Golden.check(try MapRendering.render(spec, as: .dot).bytes, "\(name).dot")
            Golden.check(try MapRendering.render(spec, as: .json).bytes, "\(name).json")
        }
    }

    func testAspectAndGroupingVariants() throws {
        for aspect in Aspect.allCases {
            let spec = try ExampleMaps.spec("alpha-moms", MapOptions(aspect: aspect))
            let name = "alpha-moms.aspect-\(aspect.rawValue.replacingOccurrences(of: ":", with: "x")).svg"
            Golden.check(try MapRendering.render(spec, as: .svg).bytes, name)
        }
        let grouped = try ExampleMaps.spec("alpha-moms", MapOptions(groupBy: .topic))
        Golden.check(try MapRendering.render(grouped, as: .svg).bytes, "alpha-moms.group-topic.svg")
        let dot = try ExampleMaps.spec("alpha-moms", MapOptions(engine: .fixed(.dot)))
        Golden.check(try MapRendering.render(dot, as: .svg).bytes, "alpha-moms.engine-dot.svg")
    }

    func testPNGAndPDFAreDeterministic() throws {
        let spec = try ExampleMaps.spec("starter")
        let png = try MapRendering.render(spec, as: .png).bytes
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(png, try MapRendering.render(spec, as: .png).bytes)
        Golden.check(png, "starter.png")

        let pdf = try MapRendering.render(spec, as: .pdf).bytes
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
        XCTAssertEqual(pdf, try MapRendering.render(spec, as: .pdf).bytes)
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (20000101000000Z)"), "creation date not fixed")
        XCTAssertTrue(text.contains("/ModDate (20000101000000Z)"), "modification date not fixed")
        Golden.check(pdf, "starter.pdf")
    }

    /// PNG and PDF are drawn from the SVG of the scene: the page is the picture's size, and the
    /// title and legend are on it (removing them changes the pixels and the page content).
    func testPNGAndPDFCarryTitleAndLegend() throws {
        let spec = try ExampleMaps.spec("alpha-moms")
        let scene = try GraphvizLayout.scene(spec).scene
        var bare = scene
        bare.legend = []
        var untitled = scene
        untitled.heading = []
        for kind in [RasterRenderer.Kind.png, .pdf] {
            let full = try RasterRenderer.render(scene, as: kind)
            XCTAssertNotEqual(full, try RasterRenderer.render(bare, as: kind), "legend not drawn in \(kind)")
            XCTAssertNotEqual(full, try RasterRenderer.render(untitled, as: kind), "title not drawn in \(kind)")
        }
        let png = try RasterRenderer.render(scene, as: .png)
        func be32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual(be32(16), Int((scene.width * RasterRenderer.defaultPixelsPerPoint).rounded(.up)))
        XCTAssertEqual(be32(20), Int((scene.height * RasterRenderer.defaultPixelsPerPoint).rounded(.up)))
        let pdf = String(decoding: try RasterRenderer.render(scene, as: .pdf), as: UTF8.self)
        let box = try XCTUnwrap(pdf.range(of: "/MediaBox [ 0 0 ").map { pdf[$0.upperBound...].prefix { $0 != "]" } })
        let size = box.split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(size.count, 2)
        XCTAssertEqual(size.first ?? 0, scene.width, accuracy: 0.01, "page width")
        XCTAssertEqual(size.last ?? 0, scene.height, accuracy: 0.01, "page height")
    }

    func testAspectFitsTheSlide() throws {
        for aspect in Aspect.allCases {
            let spec = try ExampleMaps.spec("alpha-moms", MapOptions(aspect: aspect))
            let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
            XCTAssertEqual(svg.width / svg.height, aspect.ratio, accuracy: 0.01, "\(aspect.rawValue)")
            // Little wasted margin: the drawing and legend fill most of the slide.
            let used = svg.contentArea / (svg.width * svg.height)
            XCTAssertGreaterThan(used, 0.5, "\(aspect.rawValue): only \(used) of the slide used")
        }
    }
}
