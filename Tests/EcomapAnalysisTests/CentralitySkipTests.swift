@testable import EcomapAnalysis
import EcomapLoad
import EcomapModel
import Foundation
import XCTest

final class CentralitySkipTests: XCTestCase {
    /// Skipping PageRank and betweenness (as the map does) changes nothing else.
    func testScoresAndDegreesDoNotDependOnCentrality() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let e = try XCTUnwrap(EcosystemLoader.load(path: root.appendingPathComponent("examples/alpha-moms.yaml").path)
            .ecosystem)
        let full = Analyzer.analyze(e)
        let lean = Analyzer.analyze(e, centrality: false)
        XCTAssertEqual(full.ranking, lean.ranking)
        XCTAssertEqual(full.nodes.map { $0.degree }, lean.nodes.map { $0.degree })
        XCTAssertEqual(full.nodes.map { $0.weightedDegree }, lean.nodes.map { $0.weightedDegree })
        XCTAssertTrue(lean.nodes.allSatisfy { $0.pagerank == 0 && $0.betweenness == 0 })
        XCTAssertTrue(full.nodes.contains { $0.betweenness > 0 })
    }
}
