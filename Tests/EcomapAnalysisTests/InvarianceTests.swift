import XCTest
import EcomapModel
@testable import EcomapAnalysis

/// Property: a community's size, activity and action scores do not depend on the other communities.
/// Seeded random ecosystems; one community is added or removed and everyone else is compared.
final class InvarianceTests: XCTestCase {
    private func randomCommunity(_ i: Int, _ rng: inout SplitMix64) -> Community {
        func maybe<T>(_ value: T) -> T? { rng.nextInt(below: 5) == 0 ? nil : value }
        let members = maybe(rng.nextInt(below: 2_000_000))
        let discussions = maybe(Double(rng.nextInt(below: 5000)))
        let reactions = maybe(Double(rng.nextInt(below: 100_000)))
        let reach = maybe(rng.nextInt(below: 10_000_000))
        let actions = maybe(Double(rng.nextInt(below: 300)))
        return Community(id: "c\(i)", name: "Community \(i % 7)", members: members, discussions: discussions,
                         reactions: reactions, reach: reach, actions: actions)
    }

    private func randomEcosystem(seed: UInt64) -> Ecosystem {
        var rng = SplitMix64(seed: seed)
        let count = 3 + rng.nextInt(below: 30)
        let communities = (0..<count).map { randomCommunity($0, &rng) }
        let influencers = (0..<5).map { Influencer(id: "i\($0)", followers: rng.nextInt(below: 1_000_000)) }
        var links: [Link] = []
        for c in communities where rng.nextInt(below: 2) == 0 {
            links.append(Link(from: influencers[rng.nextInt(below: 5)].id, to: c.id,
                              weight: 0.1 + 0.9 * rng.nextUnit()))
        }
        return Ecosystem(title: "random", communities: communities, influencers: influencers, links: links)
    }

    func testAddingOrRemovingACommunityLeavesOthersSizeActivityAndActionUnchanged() {
        for seed in UInt64(1)...40 {
            var eco = randomEcosystem(seed: seed)
            let before = Analyzer.analyze(eco)
            var rng = SplitMix64(seed: seed &* 7919)
            // Remove one community (and its links).
            let removed = eco.communities.remove(at: rng.nextInt(below: eco.communities.count))
            eco.links.removeAll { $0.from == removed.id || $0.to == removed.id }
            // Add a new, linked one.
            eco.communities.append(randomCommunity(999, &rng))
            eco.links.append(Link(from: "i0", to: "c999", weight: 0.5))
            let after = Analyzer.analyze(eco)
            for s in after.ranking where s.id != "c999" {
                let old = before.score(for: s.id)!
                for d in [Dimension.size, .activity, .action] {
                    XCTAssertEqual(s.dimensions[d], old.dimensions[d], "seed \(seed) \(s.id) \(d)")
                }
                XCTAssertEqual(s.missing, old.missing)
            }
            XCTAssertNil(after.score(for: removed.id))
        }
    }
}

extension InvarianceTests {
    /// Property: whatever the figures (zero, huge, NaN, infinite, negative), every score is finite and in range.
    func testScoresAreFiniteAndInRangeForAnyFigures() {
        let counts = [0, 1, 7, 1_000_000_000_000, Int.max]
        let rates: [Double] = [0, 0.5, 3, 1e12, 1e300, .infinity, .nan, -1]
        var rng = SplitMix64(seed: 99)
        for _ in 0..<300 {
            func count() -> Int? { rng.nextInt(below: 6) == 0 ? nil : counts[rng.nextInt(below: counts.count)] }
            func rate() -> Double? { rng.nextInt(below: 6) == 0 ? nil : rates[rng.nextInt(below: rates.count)] }
            let c = Community(id: "c", members: count(), discussions: rate(), reactions: rate(), reach: count(),
                              actions: rate())
            let weights = ScoringWeights(size: rng.nextUnit(), activity: rng.nextUnit(), reach: rng.nextUnit(),
                                         action: 1e-300 + rng.nextUnit())
            let s = Analyzer.score(c, networkAudience: rates[rng.nextInt(below: rates.count)], weights: weights)
            XCTAssertTrue(s.score.isFinite && (0...100).contains(s.score), "\(c)")
            XCTAssertTrue(s.confidence.isFinite && (0...1).contains(s.confidence))
            for d in Dimension.allCases {
                if let v = s.dimensions[d] { XCTAssertTrue(v.isFinite && (0...100).contains(v), "\(d) \(c)") }
            }
            if let density = s.socialDensity { XCTAssertTrue(density.isFinite) }
        }
    }
}
