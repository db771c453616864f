import EcomapGraphviz
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
                try Golden.check(map.bytes, "\(name).\(theme.rawValue).svg")
            }
        }
    }

    func testDotAndJSON() throws {
        for name in ExampleMaps.names {
            let spec = try ExampleMaps.spec(name)
            try Golden.check(try MapRendering.render(spec, as: .dot).bytes, "\(name).dot")
            try Golden.check(try MapRendering.render(spec, as: .json).bytes, "\(name).json")
        }
    }

    func testAspectAndGroupingVariants() throws {
        for aspect in Aspect.allCases {
            let spec = try ExampleMaps.spec("alpha-moms", MapOptions(aspect: aspect))
            let name = "alpha-moms.aspect-\(aspect.rawValue.replacingOccurrences(of: ":", with: "x")).svg"
            try Golden.check(try MapRendering.render(spec, as: .svg).bytes, name)
        }
        let grouped = try ExampleMaps.spec("alpha-moms", MapOptions(groupBy: .topic))
        try Golden.check(try MapRendering.render(grouped, as: .svg).bytes, "alpha-moms.group-topic.svg")
        let dot = try ExampleMaps.spec("alpha-moms", MapOptions(engine: .fixed(.dot)))
        try Golden.check(try MapRendering.render(dot, as: .svg).bytes, "alpha-moms.engine-dot.svg")
    }

    func testPNGAndPDFAreDeterministic() throws {
        let spec = try ExampleMaps.spec("starter")
        let png = try MapRendering.render(spec, as: .png).bytes
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(png, try MapRendering.render(spec, as: .png).bytes)
        try Golden.check(png, "starter.png")

        let pdf = try MapRendering.render(spec, as: .pdf).bytes
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (D:20000101000000"), "creation date not normalised")
        try Golden.check(pdf, "starter.pdf")
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
