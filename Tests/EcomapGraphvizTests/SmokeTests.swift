import XCTest
import EcomapGraphviz
import EcomapMapSpec
import EcomapOutput

final class SmokeTests: XCTestCase {
    func testSmoke() throws {
        let spec = Fixtures.spec(Fixtures.small)
        let result = try GraphvizRenderer.render(spec, as: .svg)
        try Data(result.bytes).write(to: URL(fileURLWithPath: "/tmp/ecomap-raw.svg"))
        let svg = try SVGPostProcessor.process(result.bytes, spec: spec)
        try svg.write(toFile: "/tmp/ecomap-smoke.svg", atomically: false, encoding: .utf8)
        print(result.messages)
    }
}
