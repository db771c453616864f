import EcomapLoad
import EcomapModel
import XCTest

/// Where a community's figures were written (`Community.location(of:)`), as analysis warnings use it.
final class FieldLocationsTests: XCTestCase {
    func testYAMLFiguresAreLocatedAtTheirValues() throws {
        let e = try XCTUnwrap(loadValid("""
            ecosystem: Test
            communities:
              - id: a
                members: 1200
                activity: { discussions: 10, reactions: 30 }
                reach: 5000
                actions: 2
                channel: forum
                presence: online
                phase: build-up
                sentiment: positive
                funnel_step: help-act
              - id: b
            """))
        let a = e.communities[0]
        func at(_ field: String) -> String? { a.location(of: field)?.description }
        XCTAssertEqual(at("members"), "t.yaml:4:14")
        XCTAssertEqual(at("activity"), "t.yaml:5:15")
        XCTAssertEqual(at("activity.discussions"), "t.yaml:5:30")
        XCTAssertEqual(at("activity.reactions"), "t.yaml:5:45")
        XCTAssertEqual(at("reach"), "t.yaml:6:12")
        XCTAssertEqual(at("actions"), "t.yaml:7:14")
        XCTAssertEqual(at("channel"), "t.yaml:8:14")
        XCTAssertEqual(at("presence"), "t.yaml:9:15")
        XCTAssertEqual(at("phase"), "t.yaml:10:12")
        XCTAssertEqual(at("sentiment"), "t.yaml:11:16")
        XCTAssertEqual(at("funnel_step"), "t.yaml:12:18")
        XCTAssertEqual(a.fieldLocations.count, 11)
        // Not written: the community's own location.
        XCTAssertEqual(e.communities[1].location(of: "members")?.description, "t.yaml:13:5")
        XCTAssertEqual(at("name"), "t.yaml:3:5")
    }

    func testTableFiguresKeepTheirColumnNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-fl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        try Data("type,id,members,activity.discussions\ncommunity,a,1200,10\n".utf8).write(to: nodes)
        try Data("from,to\n".utf8).write(to: folder.appendingPathComponent("links.csv"))
        let result = EcosystemLoader.load(path: nodes.path)
        let e = try XCTUnwrap(result.ecosystem, result.diagnostics.description)
        let a = e.communities[0]
        XCTAssertEqual(a.location(of: "members")?.description, "\(nodes.path):2:members")
        XCTAssertEqual(a.location(of: "activity.discussions")?.description, "\(nodes.path):2:activity.discussions")
    }

    func testStoredLocationsComeBackAsGiven() {
        let plain = SourceLocation(file: "f.yaml", line: 3, column: 7)
        let other = SourceLocation(file: "g.yaml", line: 4, column: 1)
        let column = SourceLocation(file: "n.csv", line: 2, column: 0, columnName: "Leden")
        let cell = SourceLocation(file: "w.xlsx", line: 7, column: 0, cell: "nodes!B7")
        var l: FieldLocations = ["members": plain, "reach": other, "actions": column, "phase": cell, "custom": plain]
        XCTAssertEqual(l["members"], plain)
        XCTAssertEqual(l["reach"], other, "a second file is kept whole")
        XCTAssertEqual(l["actions"], column)
        XCTAssertEqual(l["phase"], cell)
        XCTAssertEqual(l["custom"], plain)
        XCTAssertNil(l["sentiment"])
        XCTAssertEqual(l.count, 5)
        XCTAssertEqual(l.all, ["members": plain, "reach": other, "actions": column, "phase": cell, "custom": plain])
        l["members"] = nil
        l["actions"] = plain
        XCTAssertNil(l["members"])
        XCTAssertEqual(l["actions"], plain)
        XCTAssertEqual(l.count, 4)
        XCTAssertTrue(FieldLocations().isEmpty)
    }

    func testEqualityAndHashFollowTheLocationsNotHowTheyAreHeld() {
        let a = SourceLocation(file: "f.yaml", line: 3, column: 7)
        let b = SourceLocation(file: "g.yaml", line: 4, column: 1)
        // Inline or in the dictionary depends on which file came first; the values are the same.
        let first: FieldLocations = ["members": a, "reach": b]
        let second: FieldLocations = ["reach": b, "members": a]
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.hashValue, second.hashValue)
        XCTAssertNotEqual(first, ["members": a])
        XCTAssertNotEqual(first, ["members": a, "reach": a])
        var third = FieldLocations()
        third.set(.members, file: "f.yaml", line: 3, column: 7)
        XCTAssertEqual(third, ["members": a])
        XCTAssertEqual(FieldLocations.Figure(name: "activity.reactions"), .activityReactions)
        XCTAssertNil(FieldLocations.Figure(name: "name"))
    }
}
