import Foundation
import XCTest

/// `ecomap render --slide`: measured on the SVG as it would fill a 13.33 x 7.5 in slide.
final class SlideViewTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws { scratch = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    static let examples = ["examples/alpha-moms.yaml", "examples/alpha-moms-2027q1.yaml", "examples/fietsvrienden.yaml",
                           "examples/starter.yaml", "examples/alpha-moms-csv/nodes.csv"]

    /// Renders a slide and measures it; every check that the issue names, with what failed in the message.
    @discardableResult
    private func assertLegibleSlide(_ input: String, _ extra: [String] = [], lines: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> (SlideGeometry, String) {
        let out = scratch.appendingPathComponent(UUID().uuidString + ".svg")
        let run = try BinaryRunner.run(["render", input, "--slide", "-o", out.path] + extra)
        XCTAssertEqual(run.status, 0, "\(input): \(run.stderr)", file: file, line: line)
        let data = try Data(contentsOf: out)
        let g = try SlideGeometry(svg: data)
        XCTAssertEqual(g.width / g.height, 16.0 / 9.0, accuracy: 0.01, "\(input): not a 16:9 picture", file: file, line: line)
        XCTAssertLessThanOrEqual(g.width, 960.5, "\(input): wider than the slide", file: file, line: line)
        XCTAssertGreaterThan(g.texts.count, 3, "\(input): no texts measured", file: file, line: line)
        XCTAssertGreaterThan(g.shapes.count, 0, "\(input): no node shapes measured", file: file, line: line)
        XCTAssertGreaterThanOrEqual(g.smallestTextOnSlide, 10, "\(input): smallest text on the slide", file: file, line: line)
        XCTAssertEqual(g.shapeOverlaps, [], "\(input): overlapping shapes", file: file, line: line)
        XCTAssertEqual(g.textOverlaps, [], "\(input): overlapping texts", file: file, line: line)
        XCTAssertEqual(g.textsOutsideTheirShape, [], "\(input): labels outside their shape", file: file, line: line)
        if lines { XCTAssertEqual(g.textsCrossedByLines, [], "\(input): lines through texts", file: file, line: line) }
        return (g, String(decoding: data, as: UTF8.self))
    }

    /// The slide's SVG byte for byte: two examples drawn whole, and a generated 300-community ecosystem
    /// folded by channel, by scope with `--top`, with `--tier` and `--around`, and by detected cluster
    /// (no channel given). Selection, placement, summaries and the tooltips' advice are all in it.
    func testSlideGoldens() throws {
        let generated = scratch.appendingPathComponent("gen-300.yaml")
        let gen = try BinaryRunner.run(["generate", "--communities", "300", "--seed", "11", "-o", generated.path])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let withoutChannels = scratch.appendingPathComponent("no-channel-300.yaml")
        let text = try String(contentsOf: generated, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("    channel:") }
            .joined(separator: "\n").write(to: withoutChannels, atomically: true, encoding: .utf8)
        let cases: [(String, [String])] = [
            ("render/alpha-moms.slide.svg", ["examples/alpha-moms.yaml"]),
            ("render/fietsvrienden.slide.svg", ["examples/fietsvrienden.yaml"]),
            ("render/generated-300.slide.svg", [generated.path]),
            ("render/generated-300.scope-top5.slide.svg", [generated.path, "--group-by", "scope", "--top", "5"]),
            ("render/generated-300.nurture-around.slide.svg", [generated.path, "--tier", "nurture", "--around", "vogelkijkenclub-koeln-1"]),
            ("render/generated-300.no-channel.slide.svg", [withoutChannels.path]),
        ]
        for (golden, args) in cases {
            let out = scratch.appendingPathComponent(UUID().uuidString + ".svg")
            let run = try BinaryRunner.run(["render"] + args + ["--slide", "-o", out.path])
            XCTAssertEqual(run.status, 0, "\(golden): \(run.stderr)")
            Golden.check(String(decoding: try Data(contentsOf: out), as: UTF8.self), golden)
        }
    }

    func testEveryExampleIsLegibleOnTheSlide() throws {
        for example in Self.examples { try assertLegibleSlide(example) }
    }

    /// The slide's legend names only what the slide draws: the stakeholder roles present, no "no role" row
    /// for a file whose stakeholders all have a role.
    func testSlideLegendNamesOnlyTheRolesDrawn() throws {
        let (_, svg) = try assertLegibleSlide("examples/alpha-moms.yaml")
        for role in ["Stakeholder: brand", "Stakeholder: competitor", "Stakeholder: media"] {
            XCTAssertTrue(svg.contains(role), role)
        }
        XCTAssertFalse(svg.contains("no role"))
    }

    func testGeneratedEcosystemsOf300And2000Communities() throws {
        for (count, seed) in [(300, 11), (2000, 5)] {
            let file = scratch.appendingPathComponent("gen-\(count).yaml")
            let gen = try BinaryRunner.run(["generate", "--communities", "\(count)", "--seed", "\(seed)", "-o", file.path])
            XCTAssertEqual(gen.status, 0, gen.stderr)
            let (g, svg) = try assertLegibleSlide(file.path)
            // Folded nodes are summarised and the slide says how many it shows.
            XCTAssertTrue(g.texts.contains { $0.content.hasPrefix("+") && $0.content.contains("more") }, "no summary node at \(count)")
            XCTAssertTrue(svg.contains("of \(count == 300 ? "300" : "2,000") communities drawn"), "caption at \(count)")
            // The best-ranked community is drawn with its rank.
            XCTAssertTrue(g.texts.contains { $0.content.hasPrefix("#1 ") || $0.content == "#1" }, "rank 1 missing at \(count)")
        }
    }

    /// The strategy matrix on a slide: the same measures, and no line through any text.
    func testMatrixSlideIsLegible() throws {
        for example in Self.examples { try assertLegibleSlide(example, ["--view", "matrix"], lines: true) }
        for (count, seed) in [(300, 11), (2000, 5)] {
            let file = scratch.appendingPathComponent("gen-\(count).yaml")
            XCTAssertEqual(try BinaryRunner.run(["generate", "--communities", "\(count)", "--seed", "\(seed)", "-o", file.path]).status, 0)
            let (g, _) = try assertLegibleSlide(file.path, ["--view", "matrix"], lines: true)
            // The best ranked are named where there is room, even in a crowded plot.
            XCTAssertGreaterThanOrEqual(Set(g.texts.compactMap { $0.node }.filter { $0.contains("_23name-") }).count, count == 300 ? 10 : 4, "names at \(count)")
        }
        // The outdoor brand's file has little reach: the default axes follow what most communities have.
        let (_, svg) = try assertLegibleSlide("examples/fietsvrienden.yaml", ["--view", "matrix"], lines: true)
        XCTAssertTrue(svg.contains("communities placed"), "caption")
        XCTAssertFalse(svg.contains("Size 67 · Size"), "a dimension twice in a tooltip")
    }

    func testOptionsChooseWhatIsDrawn() throws {
        // --around puts a node and its neighbours on the slide; --top 3 badges three.
        let (g, _) = try assertLegibleSlide("examples/alpha-moms.yaml", ["--around", "coolmomtech", "--top", "3"])
        let ranks = g.texts.filter { $0.node != nil && $0.content.hasPrefix("#") }.map(\.content)
        XCTAssertEqual(ranks.count, 3, "\(ranks)")
        // --tier focus: only focus-tier communities chosen by rank (the rest of a big file folded).
        let file = scratch.appendingPathComponent("gen.yaml")
        _ = try BinaryRunner.run(["generate", "--communities", "400", "--seed", "2", "-o", file.path])
        try assertLegibleSlide(file.path, ["--tier", "focus", "--group-by", "topic"])
        try assertLegibleSlide(file.path, ["--group-by", "channel", "--top", "25"])
    }

    /// A full map whose layout cannot finish within --timeout is refused right after loading (before
    /// scoring and layout), pointing to --slide and to --overlap keep. A plain file of 8,000 communities
    /// loads in well under a second (a few on a busy machine), far inside the 8 s, while sfdp with
    /// overlap removal is estimated at 13 s.
    func testTooLargeFullMapIsRefusedUpFrontWithTheSlideAsWayOut() throws {
        let file = scratch.appendingPathComponent("big.yaml")
        try Self.plainEcosystem(communities: 8000).write(to: file, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("big.svg")
        let run = try BinaryRunner.run(["render", file.path, "-o", out.path, "--timeout", "8"])
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("--slide") && run.stderr.contains("needs about 13 s"), run.stderr)
        XCTAssertTrue(run.stderr.contains("use --overlap keep (about 5 s, shapes may overlap)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("did not finish"), "refused before the layout, not stopped by the timeout")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        try assertLegibleSlide(file.path)
    }

    /// `communities` communities with an id and a name only, and no links.
    static func plainEcosystem(communities: Int) -> String {
        var text = "version: 1\necosystem: Plain\ncommunities:\n"
        for i in 0..<communities { text += "  - {id: c\(i), name: Community \(i)}\n" }
        return text
    }

    func testBadSlideOptionsAreUsageErrors() throws {
        let unknown = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "--slide", "--around", "coolmomtec", "-o", scratch.appendingPathComponent("x.svg").path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean `coolmomtech`"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("x.svg").path))
        for args in [["--tier", "gold"], ["--aspect", "4:3"], ["--engine", "dot"], ["--view", "matrix", "--around", "coolmomtech"]] {
            let run = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "--slide", "-o", scratch.appendingPathComponent("y.svg").path] + args)
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
        }
        let noSlide = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "--around", "coolmomtech", "-o", scratch.appendingPathComponent("z.svg").path])
        XCTAssertEqual(noSlide.status, 2)
    }

    func testSlideIsDeterministicAndNamesStayLiteral() throws {
        let hostile = scratch.appendingPathComponent("hostile.yaml")
        try """
        version: 1
        ecosystem: "Tom & Jerry <b>fans</b>"
        focus: brand
        communities:
          - { id: a, name: "<script>alert(1)</script>", members: 100 }
          - { id: b, name: "Ünïcode & \\"quotes\\" 🚲 go", members: 5000 }
          - { id: c, name: "Averyveryverylongsinglewordwithoutanyspacesinsideit", members: 50 }
        stakeholders:
          - { id: brand, name: "Brand & Co", role: brand }
        links:
          - { from: brand, to: a, weight: 0.5 }
          - { from: brand, to: b, weight: 0.9 }
        """.write(to: hostile, atomically: true, encoding: .utf8)
        let (_, first) = try assertLegibleSlide(hostile.path)
        let (_, second) = try assertLegibleSlide(hostile.path)
        XCTAssertEqual(first, second)
        XCTAssertFalse(first.contains("<script"))
        XCTAssertTrue(first.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(first.contains("Averyveryverylongsingle"), "a long word is shortened, not dropped")
    }
}
