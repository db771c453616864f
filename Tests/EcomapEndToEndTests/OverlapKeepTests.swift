import Foundation
import XCTest

/// `ecomap render --overlap keep`: the full map without overlap removal, for maps too large to lay out
/// with it within --timeout.
final class OverlapKeepTests: XCTestCase {
    private var scratch: URL!
    override func setUpWithError() throws { scratch = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// The graph handed to Graphviz keeps overlaps (`overlap=true`, no `sep`); the default removes them.
    func testKeepTurnsOverlapRemovalOff() throws {
        let file = scratch.appendingPathComponent("gen.yaml")
        XCTAssertEqual(try BinaryRunner.run(["generate", "--communities", "500", "--seed", "4", "-o", file.path]).status, 0)
        let kept = scratch.appendingPathComponent("kept.dot"), removed = scratch.appendingPathComponent("removed.dot")
        XCTAssertEqual(try BinaryRunner.run(["render", file.path, "--overlap", "keep", "-o", kept.path]).status, 0)
        XCTAssertEqual(try BinaryRunner.run(["render", file.path, "-o", removed.path]).status, 0)
        let keptDOT = try String(contentsOf: kept, encoding: .utf8), removedDOT = try String(contentsOf: removed, encoding: .utf8)
        XCTAssertTrue(keptDOT.contains("overlap=true"), "no overlap removal")
        XCTAssertFalse(keptDOT.contains("overlap=prism"))
        XCTAssertFalse(keptDOT.contains("sep=\"+8\""))
        XCTAssertTrue(removedDOT.contains("overlap=prism"), "the default removes overlaps")

        // A real layout without overlap removal: written, and the run says so.
        let svg = scratch.appendingPathComponent("kept.svg")
        let run = try BinaryRunner.run(["render", file.path, "--overlap", "keep", "-o", svg.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("sfdp; no overlap removal (--overlap keep)"), run.stderr)
        let bytes = try Data(contentsOf: svg)
        XCTAssertEqual(bytes.count > 0, true)
        XCTAssertEqual(bytes, try Data(contentsOf: { () -> URL in
            let again = scratch.appendingPathComponent("again.svg")
            _ = try? BinaryRunner.run(["render", file.path, "--overlap", "keep", "-o", again.path])
            return again
        }()), "byte-identical")
    }

    /// A map refused with overlap removal (estimate above --timeout) is started without it: the
    /// estimate for `--overlap keep` is checked instead (DOT: the graph as handed to the layout).
    func testKeepMakesALargeMapFitTheTimeout() throws {
        let file = scratch.appendingPathComponent("big.yaml")
        try SlideViewTests.plainEcosystem(communities: 8000).write(to: file, atomically: true, encoding: .utf8)
        let dot = scratch.appendingPathComponent("big.dot")
        let refused = try BinaryRunner.run(["render", file.path, "-o", dot.path, "--timeout", "8"])
        XCTAssertEqual(refused.status, 4, refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dot.path))
        let kept = try BinaryRunner.run(["render", file.path, "-o", dot.path, "--timeout", "8", "--overlap", "keep"])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertTrue(try String(contentsOf: dot, encoding: .utf8).contains("overlap=true"))
    }

    func testKeepIsForTheFullMapOnly() throws {
        for args in [["--slide"], ["--view", "matrix"]] {
            let run = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "--overlap", "keep", "-o",
                                            scratch.appendingPathComponent("x.svg").path] + args)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("--overlap applies to"), run.stderr)
        }
        XCTAssertEqual(try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "--overlap", "maybe"]).status, 2)
    }
}
