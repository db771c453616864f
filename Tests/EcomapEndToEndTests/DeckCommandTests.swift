import Foundation
import XCTest
import ZIPFoundation

/// `ecomap deck`: the file opens in python-pptx and LibreOffice Impress (Tests/Deck/deck_check.py,
/// which the test suite's install step provides: scripts/install-deps.sh --test).
final class DeckCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws { scratch = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// Runs the deck checker; a missing tool is a failure (exit 2), never a skip.
    private func check(_ deck: URL, _ extra: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BinaryRunner.root.appendingPathComponent("Tests/Deck/deck_check.py").path, deck.path] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "deck_check: \(String(decoding: data, as: UTF8.self))", file: file, line: line)
    }

    /// The deck's parts as text for its golden: every XML part in full, in path order; binary parts
    /// (the PNG fallback) by name and size.
    private func partsText(_ deck: URL) throws -> String {
        let archive = try Archive(url: deck, accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        return parts.sorted { $0.0 < $1.0 }.map { path, data in
            path.hasSuffix(".png") ? "== \(path): \(data.count) bytes\n" : "== \(path)\n\(String(decoding: data, as: UTF8.self))\n"
        }.joined()
    }

    func testDeckGoldens() throws {
        for (golden, args) in [("deck/alpha-moms.pptx.txt", ["examples/alpha-moms.yaml"]),
                               ("deck/fietsvrienden.editable.pptx.txt", ["examples/fietsvrienden.yaml", "--editable"])] {
            let deck = scratch.appendingPathComponent("golden.pptx")
            let run = try BinaryRunner.run(["deck"] + args + ["-o", deck.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            Golden.check(try partsText(deck), golden)
        }
    }

    func testDeckOpensInPythonPptxAndImpress() throws {
        let deck = scratch.appendingPathComponent("alpha.pptx")
        let run = try BinaryRunner.run(["deck", "examples/alpha-moms.yaml", "-o", deck.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        try check(deck, ["--names", "Cool Mom Tech", "Mom-101", "Ranking"])
    }

    func testEditableDeckHasNativeShapes() throws {
        let deck = scratch.appendingPathComponent("fiets.pptx")
        let run = try BinaryRunner.run(["deck", "examples/fietsvrienden.yaml", "--editable", "-o", deck.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        try check(deck, ["--editable", "--names", "Sleutelen met Sjoerd", "Ranking"])
    }

    func testLargeEcosystemDeckContinuesTheRankingAndIsDeterministic() throws {
        let yaml = scratch.appendingPathComponent("gen.yaml")
        XCTAssertEqual(try BinaryRunner.run(["generate", "--communities", "300", "--seed", "4", "-o", yaml.path]).status, 0)
        let a = scratch.appendingPathComponent("a.pptx"), b = scratch.appendingPathComponent("b.pptx")
        XCTAssertEqual(try BinaryRunner.run(["deck", yaml.path, "-o", a.path, "--ranking-rows", "30"]).status, 0)
        XCTAssertEqual(try BinaryRunner.run(["deck", yaml.path, "-o", b.path, "--ranking-rows", "30"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b), "same input, same bytes")
        try check(a, ["--names", "Ranking (3 of 3)"])
    }

    func testHostileNamesStayLiteralAndUnsafeLinksAreDropped() throws {
        let yaml = scratch.appendingPathComponent("hostile.yaml")
        try """
        version: 1
        ecosystem: "Fans <&> \\"quotes\\""
        focus: brand
        communities:
          - { id: a, name: "<script>alert(1)</script> & Co", url: "javascript:alert(1)", members: 1000, activity: { discussions: 10 } }
          - { id: b, name: "Ünïcode 🚲 \\u200Bzero-width", url: "https://example.org/?a=1&b=2", members: 5000 }
        stakeholders:
          - { id: brand, name: "Brand", role: brand }
        links:
          - { from: brand, to: a, weight: 0.5 }
        """.write(to: yaml, atomically: true, encoding: .utf8)
        let deck = scratch.appendingPathComponent("h.pptx")
        let run = try BinaryRunner.run(["deck", yaml.path, "-o", deck.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        try check(deck, ["--names", "<script>alert(1)</script> & Co"])
    }

    func testBadArgumentsAndProtectedOutput() throws {
        XCTAssertEqual(try BinaryRunner.run(["deck", "examples/alpha-moms.yaml", "--tier", "gold", "-o", scratch.appendingPathComponent("x.pptx").path]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["deck", "examples/alpha-moms.yaml", "--around", "nobody", "-o", scratch.appendingPathComponent("x.pptx").path]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("x.pptx").path))
        XCTAssertNotEqual(try BinaryRunner.run(["deck", "examples/alpha-moms.yaml", "-o", "examples/alpha-moms.yaml"]).status, 0)
    }
}
