import XCTest
import EcomapModel
@testable import EcomapAnalysis

final class WeightsAndSensitivityTests: XCTestCase {
    func testWeightsFlagOverridesNamedDimensionsOnly() throws {
        let spec = try WeightsSpec(parsing: "size=2, action=3")
        let base = ScoringWeights(size: 1, activity: 4, reach: 1, action: 1)
        XCTAssertEqual(try spec.applied(to: base), ScoringWeights(size: 2, activity: 4, reach: 1, action: 3))
        XCTAssertEqual(try WeightsSpec(parsing: "size=2,activity=1,reach=1,action=3").applied(to: .equal),
                       ScoringWeights(size: 2, activity: 1, reach: 1, action: 3))
    }

    func testWeightsFlagErrorsAreClear() {
        func message(_ text: String) -> String {
            do { _ = try WeightsSpec(parsing: text).applied(to: .equal); return "" } catch { return error.description }
        }
        XCTAssertEqual(message("sise=2"),
                       "--weights: unknown dimension `sise` (did you mean `size`?); known: size, activity, reach, action")
        XCTAssertEqual(message("size=-1"), "--weights: weight of `size` must be a finite number >= 0, got `-1`")
        XCTAssertEqual(message("size=nan"), "--weights: weight of `size` must be a finite number >= 0, got `nan`")
        XCTAssertEqual(message("size=inf"), "--weights: weight of `size` must be a finite number >= 0, got `inf`")
        XCTAssertEqual(message("size"), "--weights: expected NAME=NUMBER, got `size`")
        XCTAssertEqual(message("size=1,size=2"), "--weights: `size` is given twice")
        XCTAssertEqual(message(""), "--weights is empty; expected e.g. size=2,activity=1,reach=1,action=3")
        XCTAssertEqual(message("size=0,activity=0,reach=0,action=0"), "--weights: the weights must not all be zero")
    }

    private var ecosystem: Ecosystem {
        Ecosystem(title: "t", communities: [
            Community(id: "big", members: 1_000_000, discussions: 3000, reactions: 10, reach: 10, actions: 0),
            Community(id: "busy", members: 1000, discussions: 500, reactions: 20_000, reach: 10, actions: 400),
            Community(id: "small", members: 50, discussions: 1, reactions: 2, reach: 0, actions: 0),
        ])
    }

    func testSensitivityIsSeededAndBoundsTheRank() {
        let analysis = Analyzer.analyze(ecosystem)
        let options = Sensitivity.Options(trials: 300, seed: 42, sigma: 0.8, top: 1)
        let a = Sensitivity.run(analysis, options: options)
        XCTAssertEqual(a, Sensitivity.run(analysis, options: options), "same seed, same report")
        XCTAssertEqual(a.rows.map(\.id), analysis.ranking.map(\.id))
        for row in a.rows {
            XCTAssertLessThanOrEqual(row.bestRank, row.rank)
            XCTAssertGreaterThanOrEqual(row.worstRank, row.rank)
            XCTAssertTrue((0...1).contains(row.topShare))
        }
        XCTAssertEqual(a.rows.map(\.topShare).reduce(0, +), 1, accuracy: 1e-12, "exactly one community is top 1")
        let small = a.rows.first { $0.id == "small" }!
        XCTAssertEqual(small.bestRank, 3, "a community below on every dimension never climbs")
        XCTAssertEqual(small.topShare, 0)
        // big and busy trade places under strong perturbation.
        XCTAssertEqual(a.rows.filter { $0.id != "small" }.map(\.bestRank), [1, 1])
    }

    func testZeroWeightStaysZeroUnderPerturbation() {
        let analysis = Analyzer.analyze(ecosystem, weights: ScoringWeights(size: 1, activity: 0, reach: 0, action: 0))
        let report = Sensitivity.run(analysis, options: .init(trials: 100, seed: 3, sigma: 1, top: 1))
        XCTAssertEqual(report.rows.map(\.worstRank), [1, 2, 3], "only size counts, so the order cannot change")
    }
}
