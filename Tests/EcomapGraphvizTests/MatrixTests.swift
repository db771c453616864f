import XCTest
import Foundation
import EcomapModel
import EcomapAnalysis
import EcomapLoad
@testable import EcomapMapSpec
@testable import EcomapGraphviz

final class MatrixTests: XCTestCase {
    private func analysis(_ name: String) throws -> Analysis {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = EcosystemLoader.load(path: root.appendingPathComponent("examples/\(name).yaml").path)
        return Analyzer.analyze(try XCTUnwrap(result.ecosystem))
    }

    func testRenderScratch() throws {
        let (spec, _) = MatrixSpecBuilder.build(try analysis("alpha-moms"))
        let svg = try MapRendering.render(spec, as: .svg)
        try Data(svg.bytes).write(to: URL(fileURLWithPath: "/tmp/matrix.svg"))
        let dot = try MapRendering.render(spec, as: .dot)
        try Data(dot.bytes).write(to: URL(fileURLWithPath: "/tmp/matrix.dot"))
    }
}

final class CompareScratchTests: XCTestCase {
    func testRenderCompareScratch() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func load(_ n: String) throws -> Analysis {
            Analyzer.analyze(try XCTUnwrap(EcosystemLoader.load(path: root.appendingPathComponent("examples/\(n).yaml").path).ecosystem))
        }
        let old = try load("alpha-moms"), new = try load("alpha-moms-2027q1")
        let (spec, _) = MapSpecBuilder.build(new)
        let decorated = CompareDecoration.apply(spec, diff: Differ.diff(old: old, new: new), theme: .light)
        let svg = try MapRendering.render(decorated, as: .svg)
        try Data(svg.bytes).write(to: URL(fileURLWithPath: "/tmp/compare.svg"))
    }
}
