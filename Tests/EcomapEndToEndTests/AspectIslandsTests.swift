import Foundation
import XCTest

/// `ecomap render --aspect` on the built binary with a map of eight islands: the islands are spread
/// over the slide's shape (not padded), nothing overlaps, and the bytes are the same every run.
final class AspectIslandsTests: XCTestCase {
    func testAspectSpreadsIslands() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = "Tests/Fixtures/islands.yaml"
        let plain = dir.appendingPathComponent("plain.svg").path
        XCTAssertEqual(try BinaryRunner.run(["render", input, "-o", plain]).status, 0)
        let unfitted = try SlideGeometry(svg: try Data(contentsOf: URL(fileURLWithPath: plain)))
        for aspect in ["16:9", "4:3", "1:1"] {
            let parts = aspect.split(separator: ":").compactMap { Double($0) }
            let ratio = parts[0] / parts[1]
            var outputs: [Data] = []
            for run in ["a", "b"] {
                let out = dir.appendingPathComponent("\(run)-\(aspect.replacingOccurrences(of: ":", with: "x")).svg").path
                let result = try BinaryRunner.run(["render", input, "--aspect", aspect, "-o", out])
                XCTAssertEqual(result.status, 0, result.stderr)
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
            XCTAssertEqual(outputs[0], outputs[1], "\(aspect): not byte-identical")
            let svg = try SlideGeometry(svg: outputs[0])
            XCTAssertEqual(svg.width / svg.height, ratio, accuracy: 0.01, aspect)
            XCTAssertEqual(svg.shapeOverlaps, [], "\(aspect): shapes overlap")
            XCTAssertEqual(svg.textOverlaps, [], "\(aspect): texts overlap")
            // The node shapes span the room left of the legend and under the title in its shape.
            let nodes = svg.shapes.map(\.box)
            let minX = nodes.map(\.minX).min()!, maxX = nodes.map(\.maxX).max()!
            let minY = nodes.map(\.minY).min()!, maxY = nodes.map(\.maxY).max()!
            let legendLeft = svg.texts.filter { $0.content == "Legend" }.map(\.box.minX).min()!
            let titleBottom = svg.texts.filter { $0.node == nil && $0.box.minX < legendLeft - 40 && $0.box.maxY < minY + 1 }
                .map(\.box.maxY).max() ?? 0
            let room = (width: legendLeft - 32, height: svg.height - titleBottom - 16)
            let drawn = (maxX - minX) / (maxY - minY)
            XCTAssertEqual(drawn / (room.width / room.height), 1, accuracy: 0.2, "\(aspect): drawing \(drawn), room \(room)")
            XCTAssertGreaterThan((maxX - minX) * (maxY - minY) / (room.width * room.height), 0.7, aspect)
            // Padding the free layout to the aspect needs a larger picture (a smaller map on the slide).
            let w = unfitted.width, h = unfitted.height
            let padded = w / h > ratio ? w * w / ratio : h * h * ratio
            XCTAssertLessThan(svg.width * svg.height, padded * (aspect == "16:9" ? 0.8 : 1.0), aspect)
        }
    }
}
