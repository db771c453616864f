@testable import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import Foundation
import XCTest

/// Graphviz's messages come back as ecomap messages, never as raw stderr: both cgraph's error
/// channel and plugins that print to stderr directly (cairo's "graph is too large" notice does).
final class GraphvizMessageTests: XCTestCase {
    func testStderrWrittenDuringASessionIsCaptured() {
        let messages = GraphvizSession.shared.run { _ -> [String] in
            FileHandle.standardError.write(Data("(null): graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit\n".utf8))
            return GraphvizSession.shared.drainMessages()
        }
        XCTAssertEqual(messages, ["graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit"])
        // Nothing stale is carried into the next session.
        XCTAssertEqual(GraphvizSession.shared.run { _ in GraphvizSession.shared.drainMessages() }, [])
    }

    func testOrdinaryRendersReportNothing() throws {
        XCTAssertEqual(try MapRendering.render(Fixtures.spec(Fixtures.small), as: .svg).messages, [])
    }
}
