import EcomapLoad
import EcomapModel
import XCTest

final class StructureTests: XCTestCase {
    func testSpecExampleLoadsCompletely() throws {
        let e = try XCTUnwrap(loadValid("""
            version: 1
            ecosystem: Alpha Moms
            as_of: 2026-11-01
            focus: acme
            topics: [parenting-tech, family-finance]
            communities:
              - id: mom-101
                name: Mom-101
                url: https://mom-101.com
                channel: blog
                presence: hybrid
                scope: global
                topics: [parenting-tech]
                members: 12000
                activity: { discussions: 120, reactions: 2400 }
                reach: 250000
                actions: 35
                sentiment: positive
                phase: continuation
                goals: [content, product-innovation]
              - id: mom20-summit
                name: Mom 2.0 Summit
                channel: event
                presence: offline
                members: 900
            influencers:
              - { id: jill, name: Jill Smith, followers: 80000 }
            stakeholders:
              - { id: acme, name: ACME Baby Tech, role: brand }
            links:
              - [jill, mom-101, 0.8]
              - { from: acme, to: mom20-summit, weight: 0.4, kind: sponsors }
            """))
        XCTAssertEqual(e.title, "Alpha Moms")
        XCTAssertEqual(e.asOf, CalendarDate(year: 2026, month: 11, day: 1))
        XCTAssertEqual(e.focus, "acme")
        XCTAssertEqual(e.topics.map(\.id), ["parenting-tech", "family-finance"])
        let mom = e.communities[0]
        XCTAssertEqual(mom.channel, .blog)
        XCTAssertEqual(mom.presence, .hybrid)
        XCTAssertEqual(mom.scope, .global)
        XCTAssertEqual(mom.members, 12000)
        XCTAssertEqual(mom.discussions, 120)
        XCTAssertEqual(mom.reactions, 2400)
        XCTAssertEqual(mom.reach, 250000)
        XCTAssertEqual(mom.actions, 35)
        XCTAssertEqual(mom.sentiment, .positive)
        XCTAssertEqual(mom.phase, .continuation)
        XCTAssertEqual(mom.goals, [.content, .productInnovation])
        XCTAssertEqual(mom.location?.line, 7)
        let summit = e.communities[1]
        XCTAssertNil(summit.discussions, "an unknown is not a zero")
        XCTAssertNil(summit.reach)
        XCTAssertEqual(e.influencers[0].followers, 80000)
        XCTAssertEqual(e.stakeholders[0].role, .brand)
        XCTAssertEqual(e.links, [
            Link(from: "jill", to: "mom-101", weight: 0.8, location: e.links[0].location),
            Link(from: "acme", to: "mom20-summit", weight: 0.4, kind: "sponsors", location: e.links[1].location),
        ])
    }

    func testRequiredTopLevelKeys() {
        assertErrors("description: x\n", [
            "t.yaml:1:1: error: missing required key `ecosystem` (the title of the map)",
            "t.yaml:1:1: error: missing required key `communities` (at least one community)",
        ])
        assertErrors("ecosystem: T\ncommunities: []\n",
                     ["t.yaml:2:14: error: `communities` must list at least one community"])
    }

    func testVersionOtherThanOneIsAnError() {
        assertErrors("version: 2\n" + minimalYAML,
                     ["t.yaml:1:10: error: unsupported format version 2; this ecomap reads version 1"])
        XCTAssertNotNil(loadValid("version: 1\n" + minimalYAML))
    }

    func testUnknownKeysNameTheNearestKnownKey() {
        assertErrors("""
            ecosystem: T
            comunities:
              - id: a
            communities:
              - id: b
                membres: 3
                activity: { discusions: 2 }
            links:
              - { from: a, too: b }
            style: { theme: dark, pallete: {} }
            """, [
                "t.yaml:2:1: error: unknown key `comunities` in the ecosystem file; did you mean `communities`?",
                "t.yaml:6:5: error: unknown key `membres` in a community; did you mean `members`?",
                "t.yaml:7:17: error: unknown key `discusions` in `activity`; did you mean `discussions`?",
                "t.yaml:9:16: error: unknown key `too` in a link; did you mean `to`?",
                "t.yaml:9:5: error: missing required key `to` in a link",
                "t.yaml:10:23: error: unknown key `pallete` in `style`; did you mean `palette`?",
            ].sortedByPosition())
    }

    func testDuplicateKeysAreErrors() {
        assertErrors("""
            ecosystem: T
            communities:
              - id: a
                members: 1
                members: 2
            ecosystem: U
            """, [
                "t.yaml:5:5: error: duplicate key `members` (first at line 4)",
                "t.yaml:6:1: error: duplicate key `ecosystem` (first at line 1)",
            ])
    }

    /// Keys are compared only when an earlier ASCII key has the same length and first byte (or any key
    /// is not ASCII): every repeat is still found, among keys that share that bit and across it, and a
    /// key written with a code point that stands for an ASCII letter (KELVIN SIGN for K) repeats it.
    func testEveryRepeatedKeyIsFoundWhateverKeysCameBefore() {
        // 64 distinct keys of every length and first letter fill every bit, then each repeats.
        let keys = (0..<64).map { i in String(UnicodeScalar(UInt8(97 + i % 26))) + String(repeating: "x", count: i / 26) + "\(i)" }
        var text = "ecosystem: T\ncommunities: []\nstyle:\n"
        for key in keys { text += "  \(key): 1\n" }
        for key in keys.reversed() { text += "  \(key): 2\n" }
        let result = load(text)
        XCTAssertEqual(result.diagnostics.items.filter { $0.message.hasPrefix("duplicate key") }.count, 64)
        for (text, line) in [("ecosystem: T\nrests: 1\nreach: 1\nrests: 2\n", 4),
                             ("ecosystem: T\n\u{212A}ey: 1\nKey: 2\n", 3),
                             ("ecosystem: T\nKey: 1\n\u{212A}ey: 2\n", 3),
                             ("ecosystem: T\ncaf\u{E9}: 1\nid: 1\ncafe\u{301}: 2\n", 4)] {
            let found = load(text).diagnostics.items.filter { $0.message.hasPrefix("duplicate key") }
            XCTAssertEqual(found.map { $0.location?.line }, [line], text)
        }
    }

    func testAFileWithFiveDifferentErrorsReportsAllFive() {
        let result = load("""
            ecosystem: Five
            communities:
              - id: a
                members: -1
                channel: blogg
              - id: a
              - id: b
                sentiment: happy
            links:
              - [a, nobody]
            """)
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.errors.count, 5)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:4:14: error: `members` must be 0 or more, found -1",
            "t.yaml:5:14: error: `channel` must be one of forum, blog, social-group, event, newsletter, podcast, chat, video, other, found \"blogg\"; did you mean `blog`?",
            "t.yaml:6:9: error: duplicate id `a`: already used by the community at line 3",
            "t.yaml:8:16: error: `sentiment` must be one of positive, neutral, negative, mixed, found \"happy\"",
            "t.yaml:10:9: error: link to unknown id `nobody`; did you mean `b`?",
        ])
    }

    func testWrongTypesForSections() {
        assertErrors("ecosystem: T\ncommunities: {id: a}\n",
                     ["t.yaml:2:14: error: `communities` must be a list, found a mapping"])
        assertErrors("ecosystem: [T]\ncommunities:\n  - a\n", [
            "t.yaml:1:12: error: `ecosystem` must be text, found a list",
            "t.yaml:3:5: error: a community must be a mapping, found a value",
        ])
    }

    func testFocusMustNameAGraphNode() {
        assertErrors(minimalYAML + "\nfocus: b\n", ["t.yaml:4:8: error: `focus` names unknown id `b`; did you mean `a`?"])
        assertErrors(minimalYAML + "\ntopics: [tech]\nfocus: tech\n",
                     ["t.yaml:5:8: error: `focus` must name a community, influencer or stakeholder; `tech` is a topic"])
    }

    func testAsOfMustBeARealDate() {
        assertErrors(minimalYAML + "\nas_of: 2026-02-30\n",
                     ["t.yaml:4:8: error: `as_of` must be a date YYYY-MM-DD, found \"2026-02-30\""])
        XCTAssertEqual(loadValid(minimalYAML + "\nas_of: \"2024-02-29\"\n")?.asOf?.description, "2024-02-29")
    }

    func testEmptyValuesCountAsOmitted() throws {
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            description:
            communities:
              - id: a
                name:
                members:
                activity:
                tags:
            """))
        XCTAssertNil(e.description)
        XCTAssertEqual(e.communities[0].name, "a", "name defaults to the id")
        XCTAssertNil(e.communities[0].members)
        XCTAssertNil(e.communities[0].discussions)
    }

    func testMergeKeysFillInDefaults() throws {
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            communities:
              - &base { id: a, channel: blog, scope: global }
              - { <<: *base, id: b, scope: local }
            """))
        XCTAssertEqual(e.communities[1].channel, .blog)
        XCTAssertEqual(e.communities[1].scope, .local)
    }
}

extension Array where Element == String {
    /// Sorts printed diagnostics the way `Diagnostics.sorted` does (line, then column).
    func sortedByPosition() -> [String] {
        sorted { a, b in
            let pa = a.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
            let pb = b.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
            return pa.lexicographicallyPrecedes(pb)
        }
    }
}
