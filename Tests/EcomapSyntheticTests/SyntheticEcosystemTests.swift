import EcomapLoad
import EcomapModel
@testable import EcomapSynthetic
import XCTest

final class SyntheticEcosystemTests: XCTestCase {
    let medium = SyntheticOptions(communities: 300, influencers: 120, stakeholders: 20, topics: 12, seed: 42)

    func testSameSeedGivesSameBytes() {
        XCTAssertEqual(SyntheticEcosystem.yaml(medium), SyntheticEcosystem.yaml(medium))
    }

    func testDifferentSeedsDiffer() {
        var other = medium
        other.seed = 43
        XCTAssertNotEqual(SyntheticEcosystem.yaml(medium), SyntheticEcosystem.yaml(other))
    }

    func testSeededRandomIsSplitMix64() {
        // First outputs of SplitMix64 seeded with 0 (reference values of the published algorithm).
        var random = SplitMix64(seed: 0)
        XCTAssertEqual(random.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(random.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(random.next(), 0x06C4_5D18_8009_454F)
    }

    func testOutputValidatesAtSeveralSizesWithMatchingCounts() {
        let sizes = [
            SyntheticOptions(communities: 1, influencers: 0, stakeholders: 0, topics: 0, seed: 1),
            SyntheticOptions(communities: 12, influencers: 3, stakeholders: 2, topics: 1, seed: 2),
            medium,
            SyntheticOptions(communities: 1_400, influencers: 500, stakeholders: 100, topics: 40, seed: 9),
        ]
        for options in sizes {
            let result = EcosystemLoader.load(yaml: SyntheticEcosystem.yaml(options), file: "gen.yaml")
            XCTAssertEqual(result.diagnostics.items.map(\.description), [], "\(options)")
            guard let e = result.ecosystem else { XCTFail("\(options) did not load"); continue }
            XCTAssertEqual(e.communities.count, options.communities)
            XCTAssertEqual(e.influencers.count, options.influencers)
            XCTAssertEqual(e.stakeholders.count, options.stakeholders)
            XCTAssertEqual(e.topics.count, options.topics)
        }
    }

    /// The file says exactly what the generator made: loading it gives back the same ecosystem.
    func testFileRoundTripsThroughTheLoader() throws {
        let generated = SyntheticEcosystem.generate(medium)
        let loaded = try XCTUnwrap(EcosystemLoader.load(yaml: SyntheticEcosystem.yaml(medium)).ecosystem)
        XCTAssertEqual(strip(loaded), strip(generated))
    }

    func testEveryEnumerationIsUsed() {
        let e = SyntheticEcosystem.generate(medium)
        XCTAssertEqual(Set(e.communities.compactMap(\.channel)), Set(Channel.allCases))
        XCTAssertEqual(Set(e.communities.compactMap(\.presence)), Set(Presence.allCases))
        XCTAssertEqual(Set(e.communities.compactMap(\.scope)), Set(Scope.allCases))
        XCTAssertEqual(Set(e.communities.compactMap(\.sentiment)), Set(Sentiment.allCases))
        XCTAssertEqual(Set(e.communities.compactMap(\.phase)), Set(Phase.allCases))
        XCTAssertEqual(Set(e.communities.flatMap(\.goals)), Set(Goal.allCases))
        XCTAssertEqual(Set(e.influencers.compactMap(\.sentiment)), Set(Sentiment.allCases))
        XCTAssertEqual(Set(e.stakeholders.compactMap(\.role)), Set(StakeholderRole.allCases))
        XCTAssertEqual(e.stakeholders.first?.role, .brand)
        XCTAssertEqual(e.focus, e.stakeholders.first?.id)
        XCTAssertTrue(e.links.contains { $0.directed })
        XCTAssertTrue(e.links.contains { $0.kind != nil })
        XCTAssertTrue(e.links.contains { $0.weight == 1 })
    }

    func testRealisticShape() {
        let e = SyntheticEcosystem.generate(medium)
        let members = e.communities.compactMap(\.members).sorted()
        let median = members[members.count / 2]
        XCTAssertGreaterThan(members.last!, 20 * median, "sizes are skewed: a few large communities")
        // Activity grows with size: the larger half discusses more than the smaller half.
        let sized = e.communities.filter { $0.members != nil && $0.discussions != nil }
            .sorted { $0.members! < $1.members! }
        let half = sized.count / 2
        let small = sized[..<half].map { $0.discussions! }.reduce(0, +)
        let large = sized[half...].map { $0.discussions! }.reduce(0, +)
        XCTAssertGreaterThan(large, 3 * small)
        // Some figures are missing, most are known.
        let missingMembers = e.communities.filter { $0.members == nil }.count
        XCTAssertGreaterThan(missingMembers, 0)
        XCTAssertLessThan(missingMembers, e.communities.count / 4)
        XCTAssertTrue(e.communities.contains { $0.reach == nil })
        XCTAssertTrue(e.communities.contains { $0.actions == nil })
        // Preferential attachment: hubs with many times the mean degree.
        var degree: [String: Int] = [:]
        for link in e.links { degree[link.from, default: 0] += 1; degree[link.to, default: 0] += 1 }
        let mean = Double(2 * e.links.count) / Double(medium.nodeCount)
        XCTAssertGreaterThan(Double(degree.values.max()!), 8 * mean)
        XCTAssertTrue(e.links.allSatisfy { $0.weight > 0 && $0.weight <= 1 })
        // Non-ASCII names: diacritics and emoji.
        let names = (e.communities.map(\.name) + e.influencers.map(\.name)).joined()
        XCTAssertTrue(names.unicodeScalars.contains { "äöüßëïéø".unicodeScalars.contains($0) })
        XCTAssertTrue(names.unicodeScalars.contains { $0.properties.isEmojiPresentation })
    }

    func testTextQuoting() {
        XCTAssertEqual(EcosystemYAMLWriter.text("Fietsen Utrecht"), "Fietsen Utrecht")
        XCTAssertEqual(EcosystemYAMLWriter.text("Bäckerei Müller & Zn."), "Bäckerei Müller & Zn.")
        XCTAssertEqual(EcosystemYAMLWriter.text("'s-Hertogenbosch"), "\"'s-Hertogenbosch\"")
        XCTAssertEqual(EcosystemYAMLWriter.text("Koffie ☕"), "\"Koffie ☕\"")
        XCTAssertEqual(EcosystemYAMLWriter.text("a: b # c"), "\"a: b # c\"")
        XCTAssertEqual(EcosystemYAMLWriter.text("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"")
        XCTAssertEqual(EcosystemYAMLWriter.number(0.35), "0.35")
        XCTAssertEqual(EcosystemYAMLWriter.number(0.5), "0.5")
        XCTAssertEqual(EcosystemYAMLWriter.number(1), "1")
        XCTAssertEqual(EcosystemYAMLWriter.number(12345), "12345")
    }

    /// Locations and the source name are the loader's additions, not part of what was generated.
    private func strip(_ e: Ecosystem) -> Ecosystem {
        var e = e
        e.sourceFile = ""
        e.topics = e.topics.map { var t = $0; t.location = nil; return t }
        e.communities = e.communities.map { var c = $0; c.location = nil; c.fieldLocations = [:]; return c }
        e.influencers = e.influencers.map { var i = $0; i.location = nil; return i }
        e.stakeholders = e.stakeholders.map { var s = $0; s.location = nil; return s }
        e.links = e.links.map { var l = $0; l.location = nil; return l }
        return e
    }
}
