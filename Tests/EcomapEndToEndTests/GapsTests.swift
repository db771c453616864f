import Foundation
import XCTest

/// `ecomap gaps` on the built binary.
final class GapsCommandTests: XCTestCase {
    func testExamplesInEveryFormatMatchTheirGoldens() throws {
        for name in ["alpha-moms", "alpha-moms-2027q1", "fietsvrienden"] {
            for (format, ext) in [("table", "txt"), ("json", "json"), ("markdown", "md")] {
                let r = try BinaryRunner.run(["gaps", "examples/\(name).yaml", "--format", format])
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertEqual(r.stderr, "")
                Golden.check(r.stdout, "gaps/\(name).\(ext)")
            }
        }
    }

    func testEveryKindOfFindingOnABuiltFile() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = "members: 1000000, activity: { discussions: 5000, reactions: 100000 }, reach: 5000000, actions: 3000"
        try Data("""
            ecosystem: Gaps | <b>demo</b>
            as_of: 2027-01-01
            focus: brand
            topics: [covered, nobody, thin]
            communities:
              - { id: star, name: Star, topics: [covered], goals: [support], \(big) }
              - { id: far, name: "Far *away*", \(big) }
              - { id: behind, name: Behind, \(big) }
              - { id: hub, name: Hub, members: 10, topics: [thin] }
            influencers:
              - { id: loner, name: Loner, followers: 5000 }
            stakeholders:
              - { id: brand, name: Brand, role: brand }
            links:
              - [brand, star]
              - [star, hub]
              - [hub, behind]

            """.utf8).write(to: dir.appendingPathComponent("g.yaml"))
        let r = try BinaryRunner.run(["gaps", "g.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["uncovered-topic"], 1)
        XCTAssertEqual(summary["weak-topic"], 1)
        XCTAssertEqual(summary["no-route-to-focus"], 1)
        XCTAssertEqual(summary["single-bridge-to-focus"], 1)
        XCTAssertEqual(summary["influencer-without-route"], 1)
        XCTAssertGreaterThanOrEqual(summary["bridge-community"] ?? 0, 1)
        XCTAssertGreaterThanOrEqual(summary["uncovered-goal"] ?? 0, 1)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.allSatisfy { ($0["suggestion"] as? String)?.isEmpty == false })

        let md = try BinaryRunner.run(["gaps", "g.yaml", "--format", "markdown"], in: dir)
        XCTAssertTrue(md.stdout.hasPrefix("## Gaps \\| &lt;b&gt;demo&lt;/b&gt; — gaps (as of 2027-01-01)\n"), md.stdout)
        XCTAssertTrue(md.stdout.contains("Far \\*away\\*"))
        let table = try BinaryRunner.run(["gaps", "g.yaml"], in: dir)
        XCTAssertTrue(table.stdout.contains("\nTopics no community covers\n  high    nobody: no community in the map covers nobody\n"), table.stdout)
    }

    func testLongListsAreCutPerKindExceptInJSON() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Twelve unlinked influencers and one focus community: twelve influencer findings.
        var yaml = "ecosystem: Many\ncommunities:\n  - { id: c, members: 1000000, activity: { discussions: 5000, reactions: 100000 }, reach: 5000000, actions: 3000 }\ninfluencers:\n"
        for i in 1...12 { yaml += "  - { id: i\(i) }\n" }
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("m.yaml"))
        let table = try BinaryRunner.run(["gaps", "m.yaml"], in: dir)
        XCTAssertTrue(table.stdout.contains("Influencers with no route into a focus community (12)\n"), table.stdout)
        XCTAssertTrue(table.stdout.contains("  … and 2 more (--limit 0 shows all)\n"), table.stdout)
        let all = try BinaryRunner.run(["gaps", "m.yaml", "--limit", "0", "--format", "markdown"], in: dir)
        XCTAssertEqual(all.stdout.components(separatedBy: "| medium | i").count - 1, 12)
        let three = try BinaryRunner.run(["gaps", "m.yaml", "--limit", "3", "--format", "markdown"], in: dir)
        XCTAssertEqual(three.stdout.components(separatedBy: "| medium | i").count - 1, 3)
        let json = try BinaryRunner.run(["gaps", "m.yaml", "--limit", "3", "--format", "json"], in: dir)
        XCTAssertEqual(json.stdout.components(separatedBy: "\"influencer-without-route\"").count - 1, 13, "12 findings + summary")
        XCTAssertEqual(try BinaryRunner.run(["gaps", "m.yaml", "--limit", "-1"], in: dir).status, 2)
    }

    func testInvalidInputExitsOne() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ecosystem: X\ncommunities: []\n".utf8).write(to: dir.appendingPathComponent("x.yaml"))
        let r = try BinaryRunner.run(["gaps", "x.yaml"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("x.yaml:"), r.stderr)
    }
}
