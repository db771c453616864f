import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapMapSpec

final class MatrixSpecTests: XCTestCase {
    private func community(_ id: String, reach: Int?, actions: Double?, members: Int? = 1000) -> Community {
        Community(id: id, members: members, discussions: 20, reactions: 200, reach: reach, actions: actions)
    }

    private var analysis: Analysis {
        Analyzer.analyze(Ecosystem(title: "T", communities: [
            community("a", reach: 1_000_000, actions: 30), community("b", reach: 10_000, actions: 2),
            community("c", reach: 100_000, actions: 10, members: nil), community("no-reach", reach: nil, actions: 5),
        ], influencers: [Influencer(id: "i")], stakeholders: [Stakeholder(id: "s")]))
    }

    func testBubblesArePlacedByTheirScoresOnAZoomedAxisSplitAtTheMedian() throws {
        let a = analysis
        let spec = MatrixSpecBuilder.build(a).0
        XCTAssertTrue(spec.layout.pinned)
        XCTAssertTrue(spec.nodes.allSatisfy { $0.position != nil }, "every node is pinned")
        let placed = a.ranking.filter { $0.dimensions.reach != nil && $0.dimensions.action != nil }
        XCTAssertEqual(placed.count, 3)
        let xs = placed.map { $0.dimensions.reach! }, ys = placed.map { $0.dimensions.action! }
        let axisX = MatrixSpecBuilder.Axis(xs), axisY = MatrixSpecBuilder.Axis(ys)
        XCTAssertEqual(axisX.split, xs.sorted()[1], "median of three")
        XCTAssertLessThanOrEqual(axisX.low, xs.min()! - 5)
        XCTAssertGreaterThanOrEqual(axisX.high, xs.max()! + 5)
        XCTAssertEqual(axisX.low.truncatingRemainder(dividingBy: 10), 0)
        // The plot's size is where the frame's corners are.
        let w = try XCTUnwrap(spec.nodes.first { $0.id == "#corner-10" }?.position?.x)
        let h = try XCTUnwrap(spec.nodes.first { $0.id == "#corner-01" }?.position?.y)
        XCTAssertEqual(w, 720)
        XCTAssertEqual(h, 480)
        for s in placed {
            let node = try XCTUnwrap(spec.nodes.first { $0.id == s.id })
            XCTAssertEqual(node.shape, .circle)
            XCTAssertFalse(node.externalLabel, "names are placed by ecomap, not by Graphviz")
            XCTAssertEqual(node.labelLines, [])
            XCTAssertEqual(node.position!.x, (s.dimensions.reach! - axisX.low) / (axisX.high - axisX.low) * w, accuracy: 1e-9)
            XCTAssertEqual(node.position!.y, (s.dimensions.action! - axisY.low) / (axisY.high - axisY.low) * h, accuracy: 1e-9)
            XCTAssertEqual(node.fill, MatrixSpecBuilder.tierFill(s.tier, theme: .light))
            // Its name is a text of its own, beside the bubble, with the bubble's tooltip.
            let name = try XCTUnwrap(spec.nodes.first { $0.id.hasPrefix("#name-") && $0.tooltip == node.tooltip }, s.id)
            XCTAssertEqual(name.labelLines.joined(separator: " "), s.name)
            XCTAssertTrue(node.tooltip.hasPrefix(s.name + " (community)\nRank \(s.rank) of 4"), node.tooltip)
        }
        // Unknown size: dashed bubble; unknown axis figure: listed under the plot.
        XCTAssertTrue(try XCTUnwrap(spec.nodes.first { $0.id == "c" }).dashed)
        XCTAssertNil(spec.nodes.first { $0.id == "no-reach" })
        let list = try XCTUnwrap(spec.nodes.first { $0.id == "#unplaced-0" })
        XCTAssertEqual(list.labelLines, ["Not placed (reach or action unknown): no-reach"])
        XCTAssertLessThan(list.position!.y, 0, "under the plot")
        // Influencers and stakeholders are not in the matrix; decorations are.
        XCTAssertNil(spec.nodes.first { $0.id == "i" || $0.id == "s" })
        XCTAssertEqual(spec.nodes.filter { $0.id.hasPrefix("#quadrant-") }.count, 4)
        XCTAssertEqual(spec.edges.filter(\.dashed).count, 2, "two midlines")
        XCTAssertTrue(spec.title.descriptionLines.joined().contains("3 of 4 communities placed"))
    }

    func testLargerBubblesAreDrawnFirst() {
        let spec = MatrixSpecBuilder.build(analysis).0
        let bubbles = spec.nodes.filter { $0.shape == .circle }
        XCTAssertEqual(bubbles.map(\.minWidth), bubbles.map(\.minWidth).sorted(by: >))
    }

    func testQuadrantNamesAndAxisChoice() {
        XCTAssertEqual(MatrixSpecBuilder.quadrantNames(x: .reach, y: .action).topRight, "Mobilise: wide reach, acts")
        XCTAssertEqual(MatrixSpecBuilder.quadrantNames(x: .size, y: .activity).bottomLeft, "Low size, low activity")
        let (spec, warnings) = MatrixSpecBuilder.build(analysis, options: MatrixOptions(x: .size, y: .size))
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(spec.nodes.contains { $0.labelLines == ["Size score →"] })
    }

    func testLargeMatricesNameTheBestRankedWhereThereIsRoomOnALargerPlot() throws {
        let many = (0..<200).map { i in
            Community(id: "c\(i)", name: "Community \(i)", members: 100 * (i + 1), discussions: 10, reactions: 100,
                      reach: 1000 * (i + 1), actions: Double(i % 7))
        }
        let a = Analyzer.analyze(Ecosystem(title: "T", communities: many))
        let spec = MatrixSpecBuilder.build(a).0
        let named = spec.nodes.filter { $0.id.hasPrefix("#name-") }.map { $0.labelLines.joined(separator: " ") }
        XCTAssertGreaterThanOrEqual(named.count, 20)
        XCTAssertTrue(Set(named).isSubset(of: Set(a.ranking.prefix(80).map(\.name))), "only the 80 best ranked are named")
        XCTAssertTrue(spec.nodes.filter { $0.shape == .circle }.allSatisfy { !$0.tooltip.isEmpty })
        // Texts that say it all have no tooltip; a tooltip names each figure once.
        XCTAssertTrue(spec.nodes.filter { $0.id.hasPrefix("#tick-") || $0.id.hasPrefix("#quadrant-") }.allSatisfy { $0.tooltip.isEmpty })
        for node in spec.nodes where node.kind == .community {
            let figures = node.tooltip.split(separator: "\n")[2].split(separator: " · ").map { $0.split(separator: " ")[0] }
            XCTAssertEqual(figures, ["Reach", "Action-orientation", "Size"], node.tooltip)
        }
        XCTAssertTrue(spec.title.descriptionLines.last!.contains("; names for \(named.count) of the 80 best ranked, where there is room"), spec.title.descriptionLines.last!)
        // A crowded plot is larger: 200 placed communities get (200/60)^0.5 times the 720 x 480 plot.
        XCTAssertEqual(try XCTUnwrap(spec.nodes.first { $0.id == "#corner-10" }?.position?.x), (720 * (200.0 / 60).squareRoot()).rounded())
        // The slide keeps its size, whatever the count.
        let slide = MatrixSpecBuilder.build(a, options: MatrixOptions(slide: true)).0
        XCTAssertLessThan(try XCTUnwrap(slide.nodes.first { $0.id == "#corner-10" }?.position?.x), 720)
    }

    /// The placement engine on random plots: every placed name is inside the plot, clear of every bubble,
    /// line and other name (2 pt), and no leader line crosses a name; the same input places the same.
    func testNamePlacementKeepsClearOnRandomPlots() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let words = ["Club", "Gemeinschaftsverpflegung", "Mom", "#wanderlustdeutschland", "Treff", "Amsterdam", "&", "<b>", "Ünïcode", "🚲"]
        var placedNames = 0
        var failures: [String] = []
        for round in 0..<40 {
            let n = 3 + round * 5, w = 720.0, h = 480.0
            let centres = (0..<n).map { _ in (x: random() * w, y: random() * h) }
            let radii = (0..<n).map { _ in 3 + random() * 20 }
            let names = (0..<n).map { _ in (0..<(1 + Int(random() * 4))).map { _ in words[Int(random() * Double(words.count))] }.joined(separator: " ") }
            let separated = MatrixPlot.separate(centres, radii: radii, width: w, height: h)
            let lines = [MatrixPlot.Rect(x0: w / 2 - 2, y0: 0, x1: w / 2 + 2, y1: h), MatrixPlot.Rect(x0: 0, y0: h / 2 - 2, x1: w, y1: h / 2 + 2)]
            let placements = MatrixPlot.placeNames(names, centres: separated, radii: radii, texts: [], lines: lines, width: w, height: h)
            XCTAssertEqual(placements.map { $0?.centre.x }, MatrixPlot.placeNames(names, centres: separated, radii: radii, texts: [], lines: lines,
                                                                               width: w, height: h).map { $0?.centre.x }, "deterministic")
            let rects = placements.map { $0.map { MatrixPlot.Rect(centre: $0.centre, width: $0.width, height: $0.height) } }
            for (i, rect) in rects.enumerated() {
                guard let rect else { continue }
                placedNames += 1
                if !(rect.x0 >= 0 && rect.y0 >= 0 && rect.x1 <= w && rect.y1 <= h) { failures.append("round \(round): name \(i) outside the plot") }
                for (j, c) in separated.enumerated() where rect.intersects(MatrixPlot.Rect(centre: c, width: 2 * radii[j], height: 2 * radii[j]), margin: 2) {
                    failures.append("round \(round): name \(i) on bubble \(j)")
                }
                for line in lines where rect.intersects(line, margin: 2) { failures.append("round \(round): name \(i) on a line") }
                for (j, other) in rects.enumerated() where j != i {
                    guard let other else { continue }
                    if rect.intersects(other, margin: 2) { failures.append("round \(round): names \(i) and \(j)") }
                    if let end = placements[j]?.leader, leaderCrosses(from: separated[j], radius: radii[j], to: end, rect) {
                        failures.append("round \(round): leader of \(j) through name \(i)")
                    }
                }
            }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(placedNames, 500, "names are placed at all")
    }

    /// Whether the leader from the edge of the bubble at `c` to `end` crosses `rect`.
    private func leaderCrosses(from c: (x: Double, y: Double), radius r: Double, to end: (x: Double, y: Double), _ rect: MatrixPlot.Rect) -> Bool {
        let dx = end.x - c.x, dy = end.y - c.y, len = (dx * dx + dy * dy).squareRoot()
        let start = len > 1e-9 ? (x: c.x + dx / len * r, y: c.y + dy / len * r) : c
        return rect.crossed(by: start, end, margin: 0)
    }

    func testEmptyPlotStillHasItsFrame() {
        let a = Analyzer.analyze(Ecosystem(title: "T", communities: [Community(id: "x", members: 3)]))
        let spec = MatrixSpecBuilder.build(a).0
        XCTAssertEqual(MatrixSpecBuilder.Axis([]).split, 50)
        XCTAssertEqual(spec.edges.count, 6)
        XCTAssertEqual(spec.nodes.filter { $0.kind == .community }.count, 0)
        XCTAssertEqual(spec.nodes.first { $0.id == "#unplaced-0" }?.labelLines, ["Not placed (reach or action unknown): x"])
    }
}

final class CompareDecorationTests: XCTestCase {
    func testMoversAreMarkedAndTheLegendExplainsThem() throws {
        func eco(_ big: Int, extra: Bool, gone: Bool) -> Ecosystem {
            var cs = [Community(id: "a", name: "A", members: big), Community(id: "b", name: "B", members: 5000)]
            if extra { cs.append(Community(id: "n", name: "N", members: 50)) }
            if gone { cs.append(Community(id: "g", name: "G", members: 10)) }
            return Ecosystem(title: "T", asOf: CalendarDate(year: 2026, month: gone ? 1 : 4, day: 1), communities: cs)
        }
        let old = Analyzer.analyze(eco(100, extra: false, gone: true))
        let new = Analyzer.analyze(eco(1_000_000, extra: true, gone: false))
        let diff = Differ.diff(old: old, new: new)
        let spec = CompareDecoration.apply(MapSpecBuilder.build(new).0, diff: diff, theme: .light)
        let a = try XCTUnwrap(spec.nodes.first { $0.id == "a" }), b = try XCTUnwrap(spec.nodes.first { $0.id == "b" })
        let n = try XCTUnwrap(spec.nodes.first { $0.id == "n" })
        XCTAssertEqual(a.labelLines.last, "▲ 1")
        XCTAssertEqual(b.labelLines.last, "▼ 1")
        XCTAssertEqual(n.labelLines.last, "NEW")
        XCTAssertEqual(a.stroke, CompareDecoration.moverColor(.up, theme: .light))
        XCTAssertEqual(b.stroke, CompareDecoration.moverColor(.down, theme: .light))
        XCTAssertEqual(n.stroke, CompareDecoration.moverColor(.new, theme: .light))
        XCTAssertTrue(a.tooltip.contains("Up 1 place since 2026-01-01 (was #2)"), a.tooltip)
        let legend = spec.legend.items.map(\.text)
        XCTAssertTrue(legend.contains("▲ N: up N places"))
        XCTAssertTrue(legend.contains("▼ N: down N places"))
        XCTAssertTrue(legend.contains("NEW: new community"))
        XCTAssertTrue(legend.contains("1 community gone"))
        XCTAssertTrue(legend.suffix(4).allSatisfy { $0.count <= 27 }, "fits the legend column")
        XCTAssertEqual(spec.title.descriptionLines.last, "Compared with the snapshot of 2026-01-01: 1 up, 1 down, 1 new, 1 gone.")
    }
}
