import EcomapMapSpec
@testable import ecomap
import XCTest

/// What `render` says before refusing a full map whose layout would outlast --timeout.
final class TooLargeMessageTests: XCTestCase {
    func testPointsToSlideAndToKeepingOverlapsWhenThatFits() {
        let plan = LayoutPlan(engine: .sfdp, reason: "auto", curvedEdges: false)
        let expected = plan.estimatedSeconds(nodeCount: 50_000)!
        let text = Render.tooLarge(plan, nodes: 50_000, expected: expected, timeout: 120)
        XCTAssertTrue(text.hasPrefix("a full map of 50000 nodes needs about 201 s"), text)
        XCTAssertTrue(text.contains("use --slide"), text)
        XCTAssertTrue(text.contains("use --overlap keep (about 82 s, shapes may overlap)"), text)
        XCTAssertTrue(text.contains("--timeout 403"), text)
        // When even the layout without overlap removal would not fit, it is named with its time.
        let huge = Render.tooLarge(plan, nodes: 100_000, expected: plan.estimatedSeconds(nodeCount: 100_000)!, timeout: 120)
        XCTAssertTrue(huge.hasPrefix("a full map of 100000 nodes needs about 569 s"), huge)
        XCTAssertTrue(huge.contains("--overlap keep (no overlap removal, shapes may overlap) needs about 304 s"), huge)
    }

    func testWithoutOverlapRemovalTheEstimateIsLowerAndSaid() {
        var plan = LayoutPlan(engine: .sfdp, reason: "auto", curvedEdges: false)
        let removing = plan.estimatedSeconds(nodeCount: 20_000)!
        plan.removesOverlaps = false
        let keeping = plan.estimatedSeconds(nodeCount: 20_000)!
        XCTAssertLessThan(keeping, removing / 3)
        let text = Render.tooLarge(plan, nodes: 300_000, expected: plan.estimatedSeconds(nodeCount: 300_000)!, timeout: 120)
        XCTAssertTrue(text.contains("without overlap removal, more than --timeout 120 s"), text)
        XCTAssertTrue(text.contains("--slide"), text)
        XCTAssertFalse(text.contains("--overlap keep"), text)
        // Engines without a size rule are never refused up front.
        XCTAssertNil(LayoutPlan(engine: .neato, reason: "", curvedEdges: false).estimatedSeconds(nodeCount: 100_000))
    }
}
