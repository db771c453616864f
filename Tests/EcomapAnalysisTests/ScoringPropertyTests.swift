import Foundation
import XCTest
import EcomapLoad
import EcomapModel
import EcomapSynthetic
@testable import EcomapAnalysis

/// Properties 1-5 of scoring model version 2 (docs/scoring.md), checked on both examples and on seeded
/// generated ecosystems, with equal weights and every goal preset.
final class ScoringPropertyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Both examples and three generated ecosystems.
    static let ecosystems: [(String, Ecosystem)] = {
        var out: [(String, Ecosystem)] = []
        for name in ["alpha-moms", "fietsvrienden"] {
            let path = root.appendingPathComponent("examples/\(name).yaml").path
            if let e = EcosystemLoader.load(path: path).ecosystem { out.append((name, e)) }
        }
        for seed in UInt64(1)...3 {
            let e = SyntheticEcosystem.generate(.init(communities: 70, influencers: 12, stakeholders: 3, topics: 6,
                                                      seed: seed))
            out.append(("generated seed \(seed)", e))
        }
        return out
    }()

    static let weightSets: [(String, ScoringWeights)] =
        [("equal", .equal)] + Goal.allCases.map { ($0.rawValue, GoalPreset.weights($0)) }

    private func analyze(_ e: Ecosystem, _ w: ScoringWeights) -> Analysis {
        Analyzer.analyze(e, weights: w, centrality: false, targets: false)
    }

    func testTheEcosystemsAreThere() {
        XCTAssertEqual(Self.ecosystems.count, 5, "both examples load")
        let generated = Self.ecosystems[2].1
        XCTAssertTrue(generated.communities.contains { $0.presence == .offline || $0.channel == .event })
        XCTAssertTrue(generated.communities.contains { $0.actions == nil })
    }

    /// Property 1: deleting any figure of a community never lifts its rank nor its conservative score,
    /// never lowers its optimistic score, and never raises its confidence.
    func testProperty1DeletingAFigureNeverLiftsTheCommunity() {
        let paths: [WritableKeyPath<Community, Double?>] = [\.discussions, \.reactions, \.actions]
        for (name, eco) in Self.ecosystems {
            for (wname, w) in Self.weightSets where name.hasPrefix("generated") ? wname == "equal" || wname == "acquisition" : true {
                let base = analyze(eco, w)
                for (i, c) in eco.communities.enumerated() {
                    guard let old = base.score(for: c.id) else { return XCTFail("missing \(c.id)") }
                    var variants: [(String, Community)] = []
                    if c.members != nil { var v = c; v.members = nil; variants.append(("members", v)) }
                    if c.reach != nil { var v = c; v.reach = nil; variants.append(("reach", v)) }
                    for p in paths where c[keyPath: p] != nil { var v = c; v[keyPath: p] = nil; variants.append(("\(p)", v)) }
                    for (figure, v) in variants {
                        var e = eco
                        e.communities[i] = v
                        let new = analyze(e, w).score(for: c.id)!
                        let at = "\(name) \(wname) \(c.id) without \(figure)"
                        XCTAssertGreaterThanOrEqual(new.rank, old.rank, at)
                        XCTAssertLessThanOrEqual(new.score, old.score + 1e-9, at)
                        XCTAssertGreaterThanOrEqual(new.optimistic, old.optimistic - 1e-9, at)
                        XCTAssertLessThanOrEqual(new.confidence, old.confidence + 1e-12, at)
                        XCTAssertLessThanOrEqual(new.tier.order, old.tier.order, at)
                    }
                }
            }
        }
    }

    /// Property 1: a tier above monitor needs enough known figures.
    func testProperty1NoTierAboveMonitorWithoutEnoughKnown() {
        for (name, eco) in Self.ecosystems {
            for s in analyze(eco, .equal).ranking where s.confidence < Tiering.minConfidence {
                XCTAssertEqual(s.tier, .monitor, "\(name) \(s.id)")
            }
        }
        let onlyMembers = Ecosystem(title: "t", communities: [Community(id: "m", members: 5_000_000)])
        XCTAssertEqual(analyze(onlyMembers, .equal).ranking[0].tier, .monitor)
        XCTAssertLessThan(analyze(onlyMembers, .equal).ranking[0].score, 20)
    }

    /// Property 2: a silent giant is neither in focus nor above an active community of 20,000, in
    /// every ecosystem and with every weight set.
    func testProperty2SilentGiantIsNeitherFocusNorAboveAnActiveCommunity() {
        let giant = Community(id: "silent-giant", name: "Silent giant", presence: .online, members: 10_000_000,
                              discussions: 10, reactions: 50)
        let active = Community(id: "active-20k", name: "Active", presence: .online, members: 20_000,
                               discussions: 400, reactions: 4000)
        for (name, eco) in Self.ecosystems {
            var e = eco
            e.communities += [giant, active]
            for (wname, w) in Self.weightSets {
                let a = analyze(e, w)
                let g = a.score(for: giant.id)!, act = a.score(for: active.id)!
                XCTAssertNotEqual(g.tier, .focus, "\(name) \(wname)")
                XCTAssertGreaterThan(g.rank, act.rank, "\(name) \(wname)")
                // With no audience beyond its members, and the active one turning talk into action, too.
                var e2 = e
                e2.communities[e2.communities.count - 2].reach = 0
                e2.communities[e2.communities.count - 1].reach = 0
                e2.communities[e2.communities.count - 1].actions = 40
                let b = analyze(e2, w)
                XCTAssertNotEqual(b.score(for: giant.id)!.tier, .focus, "\(name) \(wname)")
                XCTAssertGreaterThan(b.score(for: giant.id)!.rank, b.score(for: active.id)!.rank, "\(name) \(wname)")
            }
        }
    }

    /// Property 2: reach is the audience beyond the members; the borrowed part is capped at 15 points.
    func testProperty2MembersCountOnceAndBorrowedReachIsCapped() {
        for (name, eco) in Self.ecosystems {
            let a = analyze(eco, .equal)
            for (c, s) in zip(eco.communities, eco.communities.map { a.score(for: $0.id)! }) {
                XCTAssertLessThanOrEqual(s.borrowedReach, 15 + 1e-9, "\(name) \(c.id)")
                var bigger = eco
                let i = eco.communities.firstIndex { $0.id == c.id }!
                bigger.communities[i].members = (c.members ?? 0) * 3 + 10
                let b = analyze(bigger, .equal).score(for: c.id)!
                XCTAssertEqual(b.pessimisticDimensions.reach!, s.pessimisticDimensions.reach!, accuracy: 1e-9,
                               "\(name) \(c.id): members do not feed its reach")
            }
        }
    }

    /// Property 3: no discussions is not full conversion; one more discussion a month moves no dimension
    /// (either end of its range) by more than 4 points.
    func testProperty3OneMoreDiscussionMovesNoDimensionByMoreThanFourPoints() {
        var checked = 0
        for (name, eco) in Self.ecosystems {
            for c in eco.communities {
                for start in [c.discussions ?? 0, 0] {
                    var a = c, b = c
                    a.discussions = start
                    b.discussions = start + 1
                    let sa = Analyzer.score(a, networkAudience: 0, weights: .equal)
                    let sb = Analyzer.score(b, networkAudience: 0, weights: .equal)
                    for d in Dimension.allCases {
                        XCTAssertLessThanOrEqual(abs(sa.pessimisticDimensions[d]! - sb.pessimisticDimensions[d]!),
                                                 Scales.maxMovePerDiscussion, "\(name) \(c.id) \(d) from \(start)")
                        XCTAssertLessThanOrEqual(abs(sa.optimisticDimensions[d]! - sb.optimisticDimensions[d]!),
                                                 Scales.maxMovePerDiscussion, "\(name) \(c.id) \(d) from \(start)")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 200)
        // The cases of the v1 model: 0.01 actions from no discussion, 50 from 100.
        XCTAssertLessThan(Scales.action(actions: 0.01, discussions: 0), Scales.action(actions: 50, discussions: 100))
        XCTAssertLessThan(Scales.action(actions: 0.01, discussions: 0), 5)
    }

    /// Property 3: an offline or event community with actions and no discussions is scored per member.
    func testProperty3OfflineCommunitiesAreScoredOnActionsPerMember() {
        let small = Community(id: "s", channel: .event, presence: .offline, members: 300, actions: 12)
        let large = Community(id: "l", channel: .event, presence: .offline, members: 30_000, actions: 12)
        let s = Analyzer.score(small, networkAudience: 0, weights: .equal)
        let l = Analyzer.score(large, networkAudience: 0, weights: .equal)
        XCTAssertNotNil(s.dimensions.action, "known without discussions")
        XCTAssertGreaterThan(s.dimensions.action!, l.pessimisticDimensions.action!)
        XCTAssertLessThan(s.dimensions.action!, 70, "not full conversion")
    }

    /// Property 4: engagement does not depend on size, density is a band, reactions weigh a quarter.
    func testProperty4EngagementIndependentOfSizeAndReactionsWeighLess() {
        for (name, eco) in Self.ecosystems {
            for c in eco.communities where c.discussions != nil && c.reactions != nil {
                var bigger = c
                bigger.members = (c.members ?? 0) * 10 + 1
                let a = Analyzer.score(c, networkAudience: 0, weights: .equal)
                let b = Analyzer.score(bigger, networkAudience: 0, weights: .equal)
                XCTAssertEqual(a.dimensions.activity!, b.dimensions.activity!, "\(name) \(c.id)")
            }
        }
        // 8 discussions and 4,300 reactions are 1,083 weighted interactions, not 4,308.
        XCTAssertEqual(Scales.interactions(discussions: 8, reactions: 4300), 1083)
        XCTAssertLessThan(Scales.activity(discussions: 8, reactions: 4300), Scales.activity(discussions: 4308, reactions: 0))
        // Density is reported in a band; more density is not a higher score.
        let quiet = Analyzer.score(Community(id: "q", members: 100_000, discussions: 100, reactions: 400), networkAudience: 0,
                                   weights: .equal)
        let busy = Analyzer.score(Community(id: "b", members: 100, discussions: 100, reactions: 400), networkAudience: 0,
                                  weights: .equal)
        XCTAssertEqual(quiet.densityBand, .low)
        XCTAssertEqual(busy.densityBand, .high)
        XCTAssertEqual(quiet.dimensions.activity!, busy.dimensions.activity!)
    }

    /// Property 5: more members, reactions, reach or actions never lower the composite, for every
    /// community, several multipliers, equal weights and every goal preset.
    func testProperty5MoreOfAFigureNeverLowersTheComposite() {
        let multipliers = [1.01, 1.5, 2, 10, 1000]
        var checked = 0
        for (name, eco) in Self.ecosystems {
            let base = Dictionary(uniqueKeysWithValues: eco.communities.map { ($0.id, $0) })
            for (wname, w) in Self.weightSets {
                let context = ScoringContext(weights: w, goal: nil, asOf: nil, targets: false)
                let a = analyze(eco, w)
                for s in a.ranking {
                    let c = base[s.id]!
                    let borrowed = s.borrowedReach / 15
                    func score(_ v: Community) -> Double {
                        Analyzer.score(v, networkAudience: 0, borrowedShare: borrowed, context: context,
                                       previousTier: nil).score
                    }
                    let start = score(c)
                    XCTAssertEqual(start, s.score, accuracy: 1e-9)
                    for m in multipliers {
                        var variants: [(String, Community)] = []
                        if let v = c.members { var x = c; x.members = Int((Double(v) * m).rounded(.up)) + 1; variants.append(("members", x)) }
                        if let v = c.reactions { var x = c; x.reactions = v * m + 1; variants.append(("reactions", x)) }
                        if let v = c.reach { var x = c; x.reach = Int((Double(v) * m).rounded(.up)) + 1; variants.append(("reach", x)) }
                        if let v = c.actions { var x = c; x.actions = v * m + 0.5; variants.append(("actions", x)) }
                        for (figure, x) in variants {
                            XCTAssertGreaterThanOrEqual(score(x), start - 1e-9, "\(name) \(wname) \(c.id) \(figure) x\(m)")
                            checked += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
    }
}
