import EcomapLoad
import EcomapModel
import XCTest

final class ValueTests: XCTestCase {
    func testPlainScalarsAreTextWhereTextIsExpected() throws {
        let e = try XCTUnwrap(loadValid("""
            ecosystem: 2026
            communities:
              - { id: 007, name: Yes }
              - { id: b, name: 0.1230 }
              - { id: c, name: off, notes: null, tags: [true, 1.50] }
            influencers:
              - { id: d, handle: ~ }
            """))
        XCTAssertEqual(e.title, "2026")
        XCTAssertEqual(e.communities.map(\.id), ["007", "b", "c"])
        XCTAssertEqual(e.communities.map(\.name), ["Yes", "0.1230", "off"])
        XCTAssertEqual(e.communities[2].notes, "null")
        XCTAssertEqual(e.communities[2].tags, ["true", "1.50"])
        XCTAssertEqual(e.influencers[0].handle, "~")
    }

    func testNonASCIINamesSurviveUnchanged() throws {
        let names = ["Fietsersbond afdeling Utrecht – Zuid", "Radfahrer-Stammtisch München", "Straße & Söhne",
                     "🚲 Fietsmaatjes", "Ünïcödé \"quoted\" <b>", "naïve café", "Line one\nline two"]
        var yaml = "ecosystem: Ökosystem 🌍\ncommunities:\n"
        for (i, name) in names.enumerated() {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            yaml += "  - { id: c\(i), name: \"\(escaped)\" }\n"
        }
        yaml += "  - id: ß-ü.é_1\n    name: plain Grüße 👋🏽 text\n"
        let e = try XCTUnwrap(loadValid(yaml))
        XCTAssertEqual(e.title, "Ökosystem 🌍")
        XCTAssertEqual(Array(e.communities.map(\.name).prefix(names.count)), names)
        XCTAssertEqual(e.communities.last?.id, "ß-ü.é_1")
        XCTAssertEqual(e.communities.last?.name, "plain Grüße 👋🏽 text")
    }

    func testControlCharactersInTextNameFieldLineAndColumn() {
        assertErrors(minimalYAML + "\n    name: \"bell\\a\"\n    notes: \"esc\\u001B[31m\"\n    tags: [\"del\\x7F\"]\n", [
            "t.yaml:4:11: error: `name` contains the control character U+0007, which is not allowed in text",
            "t.yaml:5:12: error: `notes` contains the control character U+001B, which is not allowed in text",
            "t.yaml:6:12: error: `tags` contains the control character U+007F, which is not allowed in text",
        ])
        XCTAssertEqual(loadValid(minimalYAML + "\n    name: \"tab\\tand\\r\\nbreak\"\n")?.communities[0].name,
                       "tab\tand\r\nbreak")
    }

    func testCountsMustBeWholeNonNegativeFiniteNumbers() {
        assertErrors("""
            ecosystem: T
            communities:
              - id: a
                members: -3
                reach: 1e400
              - id: b
                members: 12.5
                reach: "12000"
              - id: c
                members: many
                reach: 1e13
              - id: d
                members: .nan
                reach: [1]
            """, [
                "t.yaml:4:14: error: `members` must be 0 or more, found -3",
                "t.yaml:5:12: error: `reach` must be a finite number, found 1e400",
                "t.yaml:7:14: error: `members` must be a whole number, found 12.5",
                "t.yaml:8:12: error: `reach` must be a whole number, found \"12000\"",
                "t.yaml:10:14: error: `members` must be a whole number, found \"many\"",
                "t.yaml:11:12: error: `reach` is larger than 1e12 (limit: counts)",
                "t.yaml:13:14: error: `members` must be a finite number, found .nan",
                "t.yaml:14:12: error: `reach` must be a number, found a list",
            ])
    }

    func testNumbersAsYAMLWritesThem() throws {
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            communities:
              - id: a
                members: 12_000
                reach: 1.2e5
                activity: { discussions: 2.5, reactions: +40 }
                actions: 0
              - id: b
                members: 12000.0
                actions: ~
            """))
        XCTAssertEqual(e.communities[0].members, 12000)
        XCTAssertEqual(e.communities[0].reach, 120_000)
        XCTAssertEqual(e.communities[0].discussions, 2.5)
        XCTAssertEqual(e.communities[0].reactions, 40)
        XCTAssertEqual(e.communities[0].actions, 0, "a zero is a known zero")
        XCTAssertEqual(e.communities[1].members, 12000)
        XCTAssertNil(e.communities[1].actions, "null is unknown")
    }

    func testEnumerationsListTheirValues() {
        assertErrors("""
            ecosystem: T
            communities:
              - id: a
                presence: sometimes
                scope: galactic
                phase: buildup
                goals: [support, sales]
            stakeholders:
              - { id: s, role: brnad }
            """, [
                "t.yaml:4:15: error: `presence` must be one of online, offline, hybrid, found \"sometimes\"",
                "t.yaml:5:12: error: `scope` must be one of local, regional, national, global, found \"galactic\"",
                "t.yaml:6:12: error: `phase` must be one of acquaintance, build-up, continuation, deterioration, termination, found \"buildup\"; did you mean `build-up`?",
                "t.yaml:7:22: error: `goals` must be one of support, product-innovation, acquisition, content, engagement, found \"sales\"",
                "t.yaml:9:20: error: `role` must be one of brand, competitor, partner, media, regulator, supplier, customer, other, found \"brnad\"; did you mean `brand`?",
            ])
    }

    func testIdsAreCheckedAndUniqueAcrossKinds() {
        assertErrors("""
            ecosystem: T
            topics: [tech, "bad id"]
            communities:
              - id: tech
              - id: "a\u{200D}b"
              - name: no id
              - id: ""
            influencers:
              - id: x
            stakeholders:
              - id: x
            """, [
                "t.yaml:2:16: error: id \"bad id\" may contain only letters, digits, `-`, `_` and `.`; use `bad-id`",
                "t.yaml:4:9: error: duplicate id `tech`: already used by the topic at line 2",
                "t.yaml:5:9: error: id \"a<U+200D>b\" contains the invisible character U+200D; ids may contain only letters, digits, `-`, `_` and `.`",
                "t.yaml:6:5: error: missing required key `id` in a community",
                "t.yaml:7:9: error: `id` must not be empty",
                "t.yaml:11:9: error: duplicate id `x`: already used by the influencer at line 9",
            ])
    }

    func testIdsEqualUnderUnicodeNormalisationAreDuplicatesAndCaseOnlyDifferencesWarn() {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        assertErrors("ecosystem: T\ncommunities:\n  - id: \(nfc)\n  - id: \(nfd)\n",
                     ["t.yaml:4:9: error: duplicate id `\(nfd)`: already used by the community at line 3"])
        let result = load("ecosystem: T\ncommunities:\n  - id: Mom-101\n  - id: mom-101\n")
        XCTAssertNotNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description),
                       ["t.yaml:4:9: warning: id `mom-101` differs from `Mom-101` (line 3) only by letter case"])
    }

    func testTopicReferencesMustExist() {
        assertErrors("""
            ecosystem: T
            topics: [parenting-tech, { id: finance, name: Family finance }]
            communities:
              - { id: a, topics: [parenting, finance] }
            influencers:
              - { id: i, topics: [gardening] }
            """, [
                "t.yaml:4:23: error: unknown topic `parenting`; did you mean `parenting-tech`?",
                "t.yaml:6:23: error: unknown topic `gardening`; did you mean `finance`?",
            ])
    }

    func testURLsThatCannotBeLinkedWarn() throws {
        let result = load(minimalYAML + "\n    url: javascript:alert(1)\n")
        XCTAssertNotNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:4:10: warning: `url` \"javascript:alert(1)\" is not an http, https or mailto address; it will be shown but not linked",
        ])
    }

    func testScoringWeights() throws {
        let e = try XCTUnwrap(loadValid(minimalYAML + "\nscoring:\n  weights: { size: 2, action: 3 }\n"))
        XCTAssertEqual(e.scoringWeights, ScoringWeights(size: 2, activity: 1, reach: 1, action: 3))
        assertErrors(minimalYAML + "\nscoring:\n  weights: { size: 0, activity: 0, reach: 0, action: 0 }\n",
                     ["t.yaml:5:12: error: `scoring.weights` must not all be zero"])
        assertErrors(minimalYAML + "\nscoring:\n  weights: { size: -1, power: 2 }\n", [
            "t.yaml:5:20: error: `scoring.weights.size` must be 0 or more, found -1",
            "t.yaml:5:24: error: unknown key `power` in `scoring.weights`; did you mean `size`?",
        ])
    }

    func testStyle() throws {
        let e = try XCTUnwrap(loadValid(minimalYAML + """

            style:
              engine: sfdp
              theme: print
              group_by: topic
              label_top: 5
              palette: { brand: "#0b6e4f", background: "#FFFFFF" }
            """))
        XCTAssertEqual(e.style, Style(engine: .sfdp, theme: .print, groupBy: .topic, labelTop: 5,
                                      palette: ["brand": "#0B6E4F", "background": "#FFFFFF"]))
        assertErrors(minimalYAML + """

            style:
              engine: graphviz
              label_top: -1
              palette: { brand: red, links: "#000000", text: "#12345" }
            """, [
                "t.yaml:5:11: error: `engine` must be one of dot, neato, fdp, sfdp, circo, twopi, found \"graphviz\"",
                "t.yaml:6:14: error: `label_top` must be between 0 and 1000, found -1",
                "t.yaml:7:21: error: `palette.brand` must be a colour #RRGGBB, found \"red\"",
                "t.yaml:7:26: error: unknown key `links` in `style.palette`; did you mean `link`?",
                "t.yaml:7:50: error: `palette.text` must be a colour #RRGGBB, found \"#12345\"",
            ])
    }

    func testEmptyQuotedTextAndNullsInChoicesAndLists() throws {
        assertErrors("ecosystem: \"\"\ncommunities: [{id: a}]\n",
                     ["t.yaml:1:12: error: `ecosystem` must not be empty: it is the title of the map"])
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            communities:
              - { id: a, name: "", sentiment: null, phase: ~, tags: ~, goals: null }
            """))
        XCTAssertEqual(e.communities[0].name, "a")
        XCTAssertNil(e.communities[0].sentiment)
        XCTAssertNil(e.communities[0].phase)
        assertErrors(minimalYAML + "\n    tags: [\"\", x]\n", ["t.yaml:4:12: error: items of `tags` must not be empty"])
    }

    func testCaseOnlyWarningFoldsSharpS() {
        let result = load("ecosystem: T\ncommunities:\n  - id: STRASSE\n  - id: straße\n")
        XCTAssertEqual(result.diagnostics.warnings.map(\.description),
                       ["t.yaml:4:9: warning: id `straße` differs from `STRASSE` (line 3) only by letter case"])
    }

    func testReadingProblemsDoNotHideContentErrors() {
        assertErrors("ecosystem: !custom T\ncommunities:\n  - { id: a, members: -1 }\n", [
            "t.yaml:1:12: error: unsupported YAML tag `!custom`; only the core schema's tags are allowed",
            "t.yaml:3:23: error: `members` must be 0 or more, found -1",
        ])
    }
}
