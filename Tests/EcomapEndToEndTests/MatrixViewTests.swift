import Foundation
import XCTest

/// The full strategy matrix (`ecomap render FILE --view matrix`, no `--slide`) measured on its SVG: the
/// same guarantees as the slide matrix, on every example, generated ecosystems and hostile names.
final class MatrixViewTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws { scratch = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// Space kept between a text and anything else drawn (points).
    static let clearance = 2.0

    /// Renders the full matrix and measures it: no text within `clearance` of another text, a bubble or
    /// a line (frame, midline, leader line); no two bubbles overlapping; names in whole words.
    @discardableResult
    private func assertCleanMatrix(_ input: String, _ extra: [String] = [], leadersClear: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> (SlideGeometry, String) {
        let out = scratch.appendingPathComponent(UUID().uuidString + ".svg")
        let run = try BinaryRunner.run(["render", input, "--view", "matrix", "-o", out.path] + extra)
        XCTAssertEqual(run.status, 0, "\(input): \(run.stderr)", file: file, line: line)
        let data = try Data(contentsOf: out)
        let g = try SlideGeometry(svg: data)
        XCTAssertGreaterThan(g.texts.count, 10, "\(input): no texts measured", file: file, line: line)
        XCTAssertGreaterThan(g.segments.count, 5, "\(input): no frame or midlines measured", file: file, line: line)
        XCTAssertEqual(g.shapeOverlaps, [], "\(input): overlapping bubbles", file: file, line: line)
        XCTAssertEqual(g.crowdedTexts(clearance: Self.clearance), [], "\(input): texts on texts, bubbles or lines", file: file, line: line)
        // A leader line passes no other bubble (in a crowded plot it may, rather than leave a name out).
        if leadersClear { XCTAssertEqual(g.leadersThroughBubbles, [], "\(input): leader lines through bubbles", file: file, line: line) }
        // Names are whole words: every line of a name is a run of the name's words, the last possibly shortened with "…".
        let svg = String(decoding: data, as: UTF8.self)
        let names = g.texts.filter { $0.node?.contains("_23name-") ?? false }
        XCTAssertGreaterThan(names.count, 0, "\(input): no names drawn", file: file, line: line)
        for n in names {
            let words = n.content.replacingOccurrences(of: "…", with: "").split(separator: " ")
            XCTAssertFalse(words.isEmpty, "\(input): empty name line", file: file, line: line)
        }
        return (g, svg)
    }

    /// The words of a name as drawn (lines of one `#name-` node joined), grouped by node.
    private func drawnNames(_ g: SlideGeometry) -> [String: String] {
        var out: [String: String] = [:]
        for t in g.texts { if let n = t.node, n.contains("_23name-") { out[n, default: ""] += (out[n] == nil ? "" : " ") + t.content } }
        return out
    }

    func testEveryExampleHasNoCrowdedText() throws {
        for example in SlideViewTests.examples { try assertCleanMatrix(example) }
        try assertCleanMatrix("examples/alpha-moms-2027q1.yaml", ["--theme", "print"])
        try assertCleanMatrix("examples/fietsvrienden.yaml", ["--x", "size", "--y", "activity"])
        try assertCleanMatrix("examples/alpha-moms.yaml", ["--aspect", "16:9"])
    }

    func testGeneratedEcosystemsOf20And300And2000Communities() throws {
        for (count, seed) in [(20, 7), (300, 11), (2000, 5)] {
            let file = scratch.appendingPathComponent("gen-\(count).yaml")
            XCTAssertEqual(try BinaryRunner.run(["generate", "--communities", "\(count)", "--seed", "\(seed)", "-o", file.path]).status, 0)
            let (g, svg) = try assertCleanMatrix(file.path, leadersClear: count == 20)
            // The best ranked are named where there is room, even in a crowded plot.
            XCTAssertGreaterThanOrEqual(drawnNames(g).count, count == 20 ? 5 : 15, "names at \(count)")
            XCTAssertTrue(svg.contains("communities placed"), "caption at \(count)")
        }
    }

    /// Every name of a small file is drawn in full, in whole words; the unplaced are listed by name.
    func testLongWordsAndHostileNamesStayWholeAndLiteral() throws {
        let file = scratch.appendingPathComponent("hostile.yaml")
        let names = ["Averyveryverylongsinglewordwithoutanyspacesinsideit", "#wanderlustdeutschland", "Night Feed Club",
                     "Gemeinschaftsverpflegung Nordrhein-Westfalen e.V.", "<script>alert(1)</script>", "Tom & Jerry \\\"fans\\\"",
                     "Ünïcode 🚲 go", "a\\u202Eb", "Same Spot One", "Same Spot Two", "Same Spot Three", "Same Spot Four"]
        var yaml = "version: 1\necosystem: \"<b>Hostile</b> & long\"\ncommunities:\n"
        for (i, n) in names.enumerated() {
            let reach = i >= 8 ? 50_000 : 1_000 * (i * i + 1), actions = i >= 8 ? 10 : i + 1
            yaml += "  - { id: c\(i), name: \"\(n)\", members: \(500 * (i + 1)), activity: { discussions: 10, reactions: 100 }, reach: \(reach), actions: \(actions) }\n"
        }
        yaml += "  - { id: u1, name: \"Unplaced <svg onload=x> Club\", members: 300 }\n  - { id: u2, name: \"Geen Bereik\", members: 40 }\n"
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let (g, first) = try assertCleanMatrix(file.path)
        let (_, second) = try assertCleanMatrix(file.path)
        XCTAssertEqual(first, second, "deterministic")
        XCTAssertFalse(first.contains("<script") || first.contains("<svg onload"), "names are text")
        let drawn = Set(drawnNames(g).values)
        for n in ["#wanderlustdeutschland", "Night Feed Club", "Gemeinschaftsverpflegung Nordrhein-Westfalen e.V.",
                  "<script>alert(1)</script>", "Tom & Jerry \"fans\"", "Same Spot One", "Same Spot Four"] {
            XCTAssertTrue(drawn.contains(n), "\(n) not drawn whole: \(drawn.sorted())")
        }
        // A word longer than a name line is shortened with "…", never broken onto the next line.
        XCTAssertTrue(drawn.contains { $0.hasPrefix("Averyveryverylong") && $0.hasSuffix("…") && !$0.contains(" ") }, "\(drawn.sorted())")
        // The unplaced are listed by name under the plot, as text.
        let list = g.texts.filter { $0.node?.contains("_23unplaced") ?? false }.map(\.content).joined(separator: " ")
        XCTAssertTrue(list.contains("Not placed") && list.contains("Unplaced <svg onload=x> Club") && list.contains("Geen Bereik"), list)
    }

    /// Texts anchored at their left end (the not-placed list, the left quadrant names, the y axis title)
    /// start at the same x, whatever width the font draws them at.
    func testLeftAnchoredTextsLineUp() throws {
        let (g, _) = try assertCleanMatrix("examples/fietsvrienden.yaml", ["--x", "size", "--y", "activity"])
        func starts(_ prefix: String) -> [Double] { g.texts.filter { $0.node?.hasPrefix("node-_23" + prefix) ?? false }.map(\.box.minX) }
        let list = starts("unplaced-")
        XCTAssertEqual(list.count, 2, "the list wraps onto two lines")
        XCTAssertEqual(list[0], list[1], accuracy: 0.5)
        let left = starts("quadrant-tl") + starts("quadrant-bl")
        XCTAssertEqual(left.count, 2)
        XCTAssertEqual(left[0], left[1], accuracy: 0.5)
    }
}
