import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import Foundation
import XCTest

/// Every example's SVG (every theme) renders without errors in librsvg (`rsvg-convert`) and parses
/// in headless Chromium. The PNGs are left in `.build/ecomap-rsvg/` for a human look.
final class RendererCompatibilityTests: XCTestCase {
    func testLibrsvgRendersEveryExample() throws {
        guard let rsvg = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: FileManager.default.isExecutableFile) else {
            return XCTFail("rsvg-convert is not installed: run scripts/install-deps.sh --test (librsvg2-bin)")
        }
        let out = repositoryRoot.appendingPathComponent(".build/ecomap-rsvg")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ExampleMaps.names {
            for theme in Theme.allCases {
                let svg = out.appendingPathComponent("\(name).\(theme.rawValue).svg")
                let png = out.appendingPathComponent("\(name).\(theme.rawValue).png")
                try Data(try MapRendering.render(try ExampleMaps.spec(name, MapOptions(theme: theme)), as: .svg).bytes).write(to: svg)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: rsvg)
                process.arguments = [svg.path, "-o", png.path]
                let errors = Pipe()
                process.standardError = errors
                try process.run()
                process.waitUntilExit()
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                XCTAssertEqual(process.terminationStatus, 0, "\(name) \(theme): \(message)")
                XCTAssertEqual(message, "", "\(name) \(theme)")
                let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
                XCTAssertGreaterThan(size, 1000, "\(name) \(theme): empty PNG")
            }
        }
    }

    func testHeadlessChromiumParsesEveryExample() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile) else {
            return XCTFail("chromium is not installed: run scripts/install-deps.sh --test")
        }
        let out = repositoryRoot.appendingPathComponent(".build/ecomap-chromium")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ExampleMaps.names {
            for theme in Theme.allCases {
                let svg = out.appendingPathComponent("\(name).\(theme.rawValue).svg")
                try Data(try MapRendering.render(try ExampleMaps.spec(name, MapOptions(theme: theme)), as: .svg).bytes).write(to: svg)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: chromium)
                process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", svg.absoluteString]
                let dom = Pipe()
                process.standardOutput = dom
                process.standardError = FileHandle.nullDevice
                try process.run()
                let text = String(decoding: dom.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                // Chromium shows XML errors as a <parsererror> page instead of the drawing.
                XCTAssertTrue(text.hasPrefix("<svg"), "\(name) \(theme): \(text.prefix(300))")
                XCTAssertFalse(text.contains("parsererror"), "\(name) \(theme)")
            }
        }
    }
}
