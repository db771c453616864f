import Foundation
import XCTest

/// `ecomap measure` and the measured figures in the other commands, on the built binary with the example
/// in examples/measured/ (two communities measured from sample exports).
final class MeasureCommandTests: XCTestCase {
    let q1 = "examples/measured/trapkracht-2026q1.yaml"
    let q2 = "examples/measured/trapkracht-2026q2.yaml"

    func testMeasureEveryFormatMatchesItsGoldenAndIsDeterministic() throws {
        for format in ["table", "json", "csv"] {
            let a = try BinaryRunner.run(["measure", q1, "--format", format])
            XCTAssertEqual(a.status, 0, a.stderr)
            Golden.check(a.stdout, "measure/trapkracht-2026q1.\(format)")
            XCTAssertEqual(try BinaryRunner.run(["measure", q1, "--format", format]).stdout, a.stdout)
        }
        let json = try BinaryRunner.run(["measure", q1, "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let communities = object["communities"] as! [[String: Any]]
        XCTAssertEqual(communities.map { $0["id"] as! String }, ["velo-discord", "fietsforum"])
        XCTAssertEqual(communities[0].keys.sorted(), ["active_members", "density", "discussions", "id", "key_people",
                                                      "median_first_response_hours", "reactions", "response_rate",
                                                      "sentiment", "window"])
        XCTAssertEqual(communities[0]["window"] as! [String: String], ["from": "2026-01-01", "to": "2026-03-31"])
        XCTAssertFalse(json.contains("Bericht"), "no message text in any output")
    }

    func testWindowAsOfAndPseudonymise() throws {
        let r = try BinaryRunner.run(["measure", q1, "--window", "30", "--as-of", "2026-06-30", "--format", "json", "--pseudonymise"],
                                     environment: ["ECOMAP_PSEUDONYM_KEY": "secret"])
        XCTAssertEqual(r.status, 0, r.stderr)
        Golden.check(r.stdout, "measure/trapkracht-30-days-pseudonymised.json")
        XCTAssertTrue(r.stdout.contains("\"from\": \"2026-06-01\""))
        for name in ["Anouk", "Bram", "Eva", "Daan"] { XCTAssertFalse(r.stdout.contains(name), name) }
        let other = try BinaryRunner.run(["measure", q1, "--format", "json", "--pseudonymise"], environment: ["ECOMAP_PSEUDONYM_KEY": "other"])
        XCTAssertNotEqual(Set(codes(other.stdout)), Set(codes(try BinaryRunner.run(["measure", q1, "--format", "json", "--pseudonymise"],
                                                                                  environment: ["ECOMAP_PSEUDONYM_KEY": "secret"]).stdout)))
        XCTAssertEqual(try BinaryRunner.run(["measure", q1, "--window", "0"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["measure", q1, "--as-of", "2026-02-30"]).status, 2)
    }

    private func codes(_ json: String) -> [String] {
        json.components(separatedBy: "\"P-").dropFirst().map { String($0.prefix(10)) }
    }

    func testRankMarksMeasuredFiguresAndWarnsOnDisagreement() throws {
        for format in ["table", "json", "csv", "markdown"] {
            let r = try BinaryRunner.run(["rank", q1, "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            Golden.check(r.stdout, "measure/rank-trapkracht-2026q1.\(format == "markdown" ? "md" : format)")
            XCTAssertTrue(r.stderr.contains("trapkracht-2026q1.yaml:39:5: warning: community `fietsforum`: typed `activity.discussions` 40 and measured 10"), r.stderr)
        }
        let json = try JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["rank", q1, "--format", "json"]).stdout.utf8)) as! [String: Any]
        let byID = Dictionary(uniqueKeysWithValues: (json["communities"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        func origins(_ id: String) -> [String: String] {
            (byID[id]!["figures"] as! [String: [String: Any]]).mapValues { $0["origin"] as! String }
        }
        let forum = origins("fietsforum")
        XCTAssertEqual(forum, ["members": "measured", "activity.discussions": "measured", "activity.reactions": "measured",
                               "reach": "typed", "actions": "typed", "sentiment": "measured"])
        let discord = origins("velo-discord")
        XCTAssertEqual(discord["members"], "typed")
        XCTAssertEqual(discord["activity.discussions"], "measured")
        XCTAssertEqual(origins("bakfietsouders")["activity.discussions"], "typed")
        XCTAssertTrue(byID["bakfietsouders"]!["measurement"] is NSNull)
        let m = byID["fietsforum"]!["measurement"] as! [String: Any]
        XCTAssertEqual(m["window"] as! [String: String], ["from": "2026-01-01", "to": "2026-03-31"])
        XCTAssertEqual(m["sources"] as! [String], ["exports/discourse-posts.csv", "exports/discourse-users.csv", "exports/mentions-generic.csv"])
    }

    func testExportJSONSaysWhatWasMeasured() throws {
        let r = try BinaryRunner.run(["export", q1, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let communities = json["communities"] as! [[String: Any]]
        let forum = try XCTUnwrap(communities.first { $0["id"] as? String == "fietsforum" })
        XCTAssertEqual((forum["figures"] as! [String: String])["activity.discussions"], "measured")
        XCTAssertEqual(((forum["activity"] as! [String: Any])["discussions"] as! NSNumber).doubleValue, 10)
        let typed = try XCTUnwrap(communities.first { $0["id"] as? String == "bakfietsouders" })
        XCTAssertEqual((typed["figures"] as! [String: String])["activity.discussions"], "typed")
    }

    func testExportGraphMLSaysWhatWasMeasured() throws {
        let r = try BinaryRunner.run(["export", q1, "--format", "graphml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let forum = try XCTUnwrap(r.stdout.range(of: "<node id=\"fietsforum\">"))
        let node = String(r.stdout[forum.lowerBound...].split(separator: "</node>", maxSplits: 1)[0])
        XCTAssertTrue(node.contains("activity.discussions=measured"), node)
        XCTAssertTrue(node.contains("2026-01-01..2026-03-31"), node)
        let typed = try XCTUnwrap(r.stdout.range(of: "<node id=\"bakfietsouders\">"))
        let typedNode = String(r.stdout[typed.lowerBound...].split(separator: "</node>", maxSplits: 1)[0])
        XCTAssertTrue(typedNode.contains("activity.discussions=typed"), typedNode)
        XCTAssertFalse(typedNode.contains("2026-01-01..2026-03-31"), typedNode)
    }

    func testTwoQuartersMakeADiff() throws {
        let r = try BinaryRunner.run(["diff", q1, q2])
        XCTAssertEqual(r.status, 0, r.stderr)
        Golden.check(r.stdout, "measure/diff-trapkracht-q1-q2.txt")
        XCTAssertTrue(r.stdout.contains("`fietsforum`: OLD figures measured 2026-01-01..2026-03-31"), r.stdout)
        XCTAssertTrue(r.stdout.contains("NEW figures measured 2026-04-02..2026-06-30"), r.stdout)
    }

    func testKeyPeopleOnTheMapAndInTheReport() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("map.svg").path
        let r = try BinaryRunner.run(["render", q1, "--key-people", "-o", svg])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let measured = try BinaryRunner.run(["measure", q1, "--format", "json"]).stdout
        let people = try JSONSerialization.jsonObject(with: Data(measured.utf8)) as! [String: Any]
        let first = ((people["communities"] as! [[String: Any]])[0]["key_people"] as! [[String: Any]])[0]["name"] as! String
        XCTAssertTrue(text.contains(">\(first)<"), "key person \(first) drawn on the map")
        XCTAssertTrue(text.contains("Measured 2026-01-01..2026-03-31: activity.discussions, activity.reactions; other figures typed"))
        let plain = try BinaryRunner.run(["render", q1, "-o", svg])
        XCTAssertEqual(plain.status, 0)
        XCTAssertFalse(try String(contentsOfFile: svg, encoding: .utf8).contains(">\(first)<"))
        let html = dir.appendingPathComponent("r.html").path
        XCTAssertEqual(try BinaryRunner.run(["report", q1, "-o", html, "--pseudonymise"]).status, 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertTrue(page.contains("Key people") && page.contains("P-"))
        XCTAssertFalse(page.contains(first))
    }

    func testBrokenExportFailsEveryCommandWithTheFileAndOffset() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = try Data(contentsOf: BinaryRunner.root.appendingPathComponent("examples/measured/exports/discord-velo.json"))
        try full.prefix(5000).write(to: dir.appendingPathComponent("cut.json"))
        try Data("ecosystem: T\nas_of: 2026-03-31\ncommunities:\n  - id: c\n    sources: [{format: discord, path: cut.json}]\n".utf8)
            .write(to: dir.appendingPathComponent("eco.yaml"))
        for command in [["measure"], ["rank"], ["gaps"], ["export"], ["validate"]] {
            let r = try BinaryRunner.run(command + ["eco.yaml"], in: dir)
            XCTAssertEqual(r.status, 1, "\(command): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("cut.json:"), r.stderr)
            XCTAssertTrue(r.stderr.contains("error: the JSON ends in the middle of the document (is the export truncated?) (byte offset 5000)"), r.stderr)
            XCTAssertEqual(r.stdout, command == ["validate"] ? "eco.yaml: invalid: 1 error(s)\n" : "", "no partial output")
        }
    }

    func testAnExportIsNeverOverwritten() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = dir.appendingPathComponent("d.json")
        try Data(contentsOf: BinaryRunner.root.appendingPathComponent("examples/measured/exports/discord-velo.json")).write(to: export)
        try Data("ecosystem: T\nas_of: 2026-03-31\ncommunities:\n  - id: c\n    sources: [{format: discord, path: d.json}]\n".utf8)
            .write(to: dir.appendingPathComponent("eco.yaml"))
        let before = try Data(contentsOf: export)
        for command in [["render", "eco.yaml", "-o", "d.json", "--format", "svg"], ["report", "eco.yaml", "-o", "d.json"],
                        ["export", "eco.yaml", "-o", "d.json"], ["gaps", "eco.yaml", "-o", "d.json"]] {
            let r = try BinaryRunner.run(command, in: dir)
            XCTAssertEqual(r.status, 3, "\(command): \(r.stderr)")
            XCTAssertEqual(try Data(contentsOf: export), before, "\(command)")
        }
    }
}
