@testable import ecomap
import Foundation
import XCTest

final class StageTimerTests: XCTestCase {
    func testStagesAndPartsAreReportedInOrderWithTotals() {
        let timer = StageTimer()
        let log = StartLog()
        timer.onStageStart = { log.append($0) }
        let value = timer.measure("load") { 41 + 1 }
        XCTAssertEqual(value, 42)
        let parts = timer.measureParts("score") { part -> [String] in
            part("pagerank")
            part("betweenness")
            return ["done"]
        }
        XCTAssertEqual(parts, ["done"])
        timer.record("layout", seconds: 1.5)
        XCTAssertEqual(timer.stages.map(\.name), ["load", "score.pagerank", "score.betweenness", "score", "layout"])
        XCTAssertEqual(log.names, ["load", "score", "score", "score"])
        let score = timer.stages.first { $0.name == "score" }!.seconds
        let partsTotal = timer.stages.filter { $0.name.hasPrefix("score.") }.map(\.seconds).reduce(0, +)
        XCTAssertGreaterThanOrEqual(score, partsTotal)
        let lines = timer.report().split(separator: "\n").map(String.init)
        let expected = ["timing: load ", "timing: score ", "timing:   score.pagerank ", "timing:   score.betweenness ",
                        "timing: layout ", "timing: total ", "timing: peak-rss "]
        XCTAssertEqual(lines.count, expected.count)
        for (line, prefix) in zip(lines, expected) { XCTAssertTrue(line.hasPrefix(prefix), line) }
        XCTAssertTrue(lines.contains("timing: layout 1.500000 s"))
        XCTAssertTrue(lines.last!.hasSuffix(" MiB"))
    }
}

private final class StartLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ name: String) { lock.withLock { stored.append(name) } }
    var names: [String] { lock.withLock { stored } }
}
