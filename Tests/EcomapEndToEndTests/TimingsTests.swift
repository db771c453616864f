import Foundation
import XCTest

final class TimingsTests: XCTestCase {
    func testRankTimingsGoToStderrAndLeaveStdoutUnchanged() throws {
        let plain = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "csv"])
        let timed = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "csv", "--timings"])
        XCTAssertEqual(timed.status, 0, timed.stderr)
        XCTAssertEqual(timed.stdout, plain.stdout)
        let stages = timed.stderr.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.first == "timing:" ? String(words[1]) : nil
        }
        XCTAssertEqual(stages, ["load", "validate", "score", "score.graph", "score.pagerank", "score.betweenness",
                                "score.scores", "render", "write", "total", "peak-rss"])
        // No progress indicator when stderr is not a terminal.
        XCTAssertFalse(timed.stderr.contains("\r"))
    }

    func testVerboseAddsSizes() throws {
        let result = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--verbose"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("ecomap: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("timing: score "), result.stderr)
    }
}

final class RenderTimingsTests: XCTestCase {
    func testRenderTimingsCoverEveryStageAndSkipCentrality() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.svg").path
        let result = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "-o", out, "--timings", "--verbose"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stages = result.stderr.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.first == "timing:" ? String(words[1]) : nil
        }
        XCTAssertEqual(stages, ["load", "validate", "score", "score.graph", "score.scores", "spec", "layout",
                                "render", "write", "total", "peak-rss"])
        XCTAssertTrue(result.stderr.contains("ecomap: 20 nodes"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out))
    }
}
