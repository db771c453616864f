@testable import EcomapLoad
import XCTest

/// The keys each mapping accepts are spelt as the format spells them (docs/ecosystem-format.md), in the
/// order "did you mean" hints consider them.
final class FieldKeyTests: XCTestCase {
    func testKeysAreSpeltAsInTheFile() {
        typealias D = EcosystemDecoder
        XCTAssertEqual(D.TopLevelKey.keys.names, [
            "version", "ecosystem", "description", "as_of", "focus", "topics", "communities", "influencers",
            "stakeholders", "links", "scoring", "style",
        ])
        XCTAssertEqual(D.TopicKey.keys.names, ["id", "name", "url", "notes", "tags", "description"])
        XCTAssertEqual(D.CommunityKey.keys.names, [
            "id", "name", "url", "notes", "tags", "channel", "platform", "presence", "scope", "topics", "members",
            "activity", "reach", "actions", "sentiment", "phase", "goals", "funnel_step", "sources",
        ])
        XCTAssertEqual(D.ActivityKey.keys.names, ["discussions", "reactions"])
        XCTAssertEqual(D.InfluencerKey.keys.names,
                       ["id", "name", "url", "notes", "tags", "followers", "handle", "topics", "sentiment"])
        XCTAssertEqual(D.StakeholderKey.keys.names, ["id", "name", "url", "notes", "tags", "role"])
        XCTAssertEqual(D.LinkKey.keys.names, ["from", "to", "weight", "kind", "directed"])
        XCTAssertEqual(D.SourceKey.keys.names, ["format", "path", "preset"])
        XCTAssertEqual(D.ScoringKey.keys.names, ["weights", "goal"])
        XCTAssertEqual(D.WeightKey.keys.names, ["size", "activity", "reach", "action"])
        XCTAssertEqual(D.StyleKey.keys.names, ["engine", "theme", "group_by", "label_top", "palette"])
        XCTAssertEqual(D.CommunityKey.funnelStep.name, "funnel_step")
    }

    /// Each case reads the key its name spells (a key list out of step with the cases would read one
    /// key's value as another's).
    func testEveryCaseNamesItsKey() {
        func check<K: FieldKey>(_ type: K.Type, line: UInt = #line) {
            let spelt = K.allCases.map { key in
                "\(key)".map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined()
            }
            XCTAssertEqual(spelt, K.keys.names, line: line)
            XCTAssertEqual(K.allCases.map(\.rawValue), Array(K.keys.names.indices), line: line)
        }
        typealias D = EcosystemDecoder
        check(D.TopLevelKey.self)
        check(D.TopicKey.self)
        check(D.CommunityKey.self)
        check(D.ActivityKey.self)
        check(D.InfluencerKey.self)
        check(D.StakeholderKey.self)
        check(D.LinkKey.self)
        check(D.SourceKey.self)
        check(D.ScoringKey.self)
        check(D.WeightKey.self)
        check(D.StyleKey.self)
    }

    func testSnakeCaseKeysAreRead() throws {
        let result = EcosystemLoader.load(yaml: """
            ecosystem: Test
            as_of: 2026-01-31
            communities:
              - id: a
                funnel_step: help-act
            style:
              group_by: channel
              label_top: 5
            """, file: "t.yaml")
        let e = try XCTUnwrap(result.ecosystem, result.diagnostics.description)
        XCTAssertEqual(e.asOf?.description, "2026-01-31")
        XCTAssertEqual(e.communities[0].funnelStep, .helpAct)
        XCTAssertEqual(e.style.groupBy, .channel)
        XCTAssertEqual(e.style.labelTop, 5)
    }
}
