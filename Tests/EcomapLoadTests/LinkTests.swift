import EcomapLoad
import EcomapModel
import XCTest

final class LinkTests: XCTestCase {
    let nodes = """
        ecosystem: T
        topics: [tech, food]
        communities:
          - id: forum
          - id: blog
        influencers:
          - id: jill
        stakeholders:
          - id: brand

        """

    func testShortAndLongFormsAndDefaults() throws {
        let e = try XCTUnwrap(loadValid(nodes + """
            links:
              - [jill, forum]
              - [jill, blog, 0.25]
              - { from: brand, to: forum, kind: sponsors, directed: true }
            """))
        XCTAssertEqual(e.links.map(\.weight), [1, 0.25, 1])
        XCTAssertEqual(e.links.map(\.directed), [false, false, true])
        XCTAssertEqual(e.links[2].kind, "sponsors")
    }

    func testWeightsOutsideTheRangeAreErrors() {
        assertErrors(nodes + """
            links:
              - [jill, forum, 0]
              - [jill, blog, 1.01]
              - { from: brand, to: forum, weight: .nan }
              - { from: brand, to: blog, weight: .inf }
              - { from: forum, to: blog, weight: high }
              - { from: jill, to: brand, weight: -0.5 }
            """, [
                "t.yaml:11:19: error: `weight` must be greater than 0 and at most 1, found 0",
                "t.yaml:12:18: error: `weight` must be greater than 0 and at most 1, found 1.01",
                "t.yaml:13:39: error: `weight` must be greater than 0 and at most 1, found .nan",
                "t.yaml:14:38: error: `weight` must be greater than 0 and at most 1, found .inf",
                "t.yaml:15:38: error: `weight` must be a number greater than 0 and at most 1, found \"high\"",
                "t.yaml:16:38: error: `weight` must be greater than 0 and at most 1, found -0.5",
            ])
    }

    func testUnknownIdsSelfLoopsAndShapes() {
        assertErrors(nodes + """
            links:
              - [jil, forum]
              - { from: blog, to: blog }
              - [jill]
              - { from: jill }
              - just-text
              - { from: brand, to: forum, directed: maybe }
            """, [
                "t.yaml:11:6: error: link to unknown id `jil`; did you mean `jill`?",
                "t.yaml:12:5: error: a link from `blog` to itself is not allowed",
                "t.yaml:13:5: error: a short-form link is [from, to] or [from, to, weight], found 1 items",
                "t.yaml:14:5: error: missing required key `to` in a link",
                "t.yaml:15:5: error: a link must be [from, to, weight] or a mapping with `from` and `to`, found a value",
                "t.yaml:16:41: error: `directed` must be true or false, found \"maybe\"",
            ])
    }

    func testDuplicateLinksMergeWithTheLargerWeightAndAWarning() throws {
        let result = load(nodes + """
            links:
              - [jill, forum, 0.3]
              - { from: forum, to: jill, weight: 0.7, kind: member }
              - [brand, blog, 0.5]
              - { from: brand, to: blog, directed: true }
            """)
        let e = try XCTUnwrap(result.ecosystem)
        XCTAssertEqual(e.links.count, 2)
        XCTAssertEqual(e.links[0].weight, 0.7)
        XCTAssertEqual(e.links[0].kind, "member")
        XCTAssertEqual(e.links[1].weight, 1)
        XCTAssertFalse(e.links[1].directed, "a directed duplicate of an undirected link merges into the undirected one")
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:12:5: warning: duplicate link between `forum` and `jill` (first at line 11); merged, keeping the larger weight 0.7",
            "t.yaml:14:5: warning: duplicate link between `brand` and `blog` (first at line 13); merged, keeping the larger weight 1 and no direction",
        ])
    }

    func testOppositeDirectedLinksAreAReciprocalTieNotADuplicate() throws {
        let result = load(nodes + """
            links:
              - { from: brand, to: blog, directed: true, weight: 0.2 }
              - { from: blog, to: brand, directed: true, weight: 0.4 }
              - { from: brand, to: blog, directed: true, weight: 0.3 }
            """)
        let e = try XCTUnwrap(result.ecosystem)
        XCTAssertEqual(e.links.map(\.weight), [0.3, 0.4])
        XCTAssertEqual(result.diagnostics.warnings.count, 1)
    }

    func testALinkBetweenAStakeholderAndATopicIsIgnoredWithAWarning() throws {
        let result = load(nodes + "links:\n  - [brand, tech]\n")
        XCTAssertEqual(result.ecosystem?.links.count, 0)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:11:5: warning: the link between stakeholder `brand` and topic `tech` is ignored: only communities and influencers have topics",
        ])
    }

    func testLinksToTopicsAreTopicMembership() throws {
        let e = try XCTUnwrap(loadValid(nodes + "links:\n  - [forum, tech]\n  - [food, jill]\n"))
        XCTAssertTrue(e.links.isEmpty)
        XCTAssertEqual(e.communities[0].topics, ["tech"])
        XCTAssertEqual(e.influencers[0].topics, ["food"])
        assertErrors(nodes + "links:\n  - [tech, food]\n",
                     ["t.yaml:11:5: error: a link between two topics (`tech`, `food`) is not allowed"])
    }
}
