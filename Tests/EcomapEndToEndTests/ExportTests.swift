import Foundation
import XCTest

/// `ecomap export` on the built binary: goldens, networkx round trip, atomic -o.
final class ExportCommandTests: XCTestCase {
    func testAlphaMomsMatchesItsGoldens() throws {
        for format in ["graphml", "json"] {
            let r = try BinaryRunner.run(["export", "examples/alpha-moms.yaml", "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stderr, "")
            Golden.check(r.stdout, "export/alpha-moms.\(format)")
        }
    }

    /// Hostile text in every kind of field, mixed directed and undirected links, unknown figures.
    static let hostile = """
        ecosystem: "Export <test> & \\"quotes\\""
        description: "line one\\nline two\\ttab <script>alert(1)</script>"
        focus: brand
        communities:
          - id: c1
            name: "A & B <b>bold</b> ]]> \\"q\\" 'a'"
            notes: "x\\r\\ny"
            url: "https://example.com/?a=1&b=<2>"
            tags: ["semi;colon", "=SUM(A1)"]
            members: 3000000000
            activity: { discussions: 10, reactions: 20.5 }
          - id: c2
            name: "\\u2028 separators \\u2029 and emoji 🚲"
        influencers:
          - { id: i1, name: "Infl <i>", followers: 12 }
        stakeholders:
          - { id: brand, name: "Brand\\\\Back\\\\slash", role: brand }
        links:
          - { from: c1, to: c2, weight: 0.25, kind: "<kind> & more" }
          - { from: brand, to: c1, weight: 0.5, directed: true }
          - [i1, c2]

        """

    func testGraphMLLoadsInNetworkxWithEveryAttribute() throws {
        let python = "/usr/bin/env"
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["python3", "-c", "import networkx"]
        check.standardError = FileHandle.nullDevice
        do { try check.run(); check.waitUntilExit() } catch { return XCTFail("python3 is not installed") }
        // A missing networkx fails the test (scripts/install-deps.sh --test installs it); never a skip.
        guard check.terminationStatus == 0 else {
            return XCTFail("python3 cannot import networkx: run scripts/install-deps.sh --test")
        }

        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.hostile.utf8).write(to: dir.appendingPathComponent("h.yaml"))
        for (input, output) in [("h.yaml", "h.graphml"), ("\(BinaryRunner.root.path)/examples/alpha-moms.yaml", "a.graphml")] {
            let r = try BinaryRunner.run(["export", input, "-o", output], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let script = """
            import json, sys, networkx as nx
            out = {}
            for name in ["h.graphml", "a.graphml"]:
                g = nx.read_graphml(name)
                out[name] = {
                    "graph": g.graph, "nodes": {n: d for n, d in g.nodes(data=True)},
                    "edges": sorted([[u, v, d] for u, v, d in g.edges(data=True)], key=lambda e: (e[0], e[1])),
                }
            json.dump(out, sys.stdout, sort_keys=True)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["python3", "-c", script]
        p.currentDirectoryURL = dir
        let pipe = Pipe(), err = Pipe()
        p.standardOutput = pipe
        p.standardError = err
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])

        let h = try XCTUnwrap(all["h.graphml"])
        let graph = try XCTUnwrap(h["graph"] as? [String: Any])
        XCTAssertEqual(graph["ecosystem"] as? String, "Export <test> & \"quotes\"")
        XCTAssertEqual(graph["description"] as? String, "line one\nline two\ttab <script>alert(1)</script>")
        let nodes = try XCTUnwrap(h["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(Set(nodes.keys), ["c1", "c2", "i1", "brand"])
        let c1 = try XCTUnwrap(nodes["c1"])
        XCTAssertEqual(c1["name"] as? String, "A & B <b>bold</b> ]]> \"q\" 'a'")
        XCTAssertEqual(c1["notes"] as? String, "x\r\ny")
        XCTAssertEqual(c1["url"] as? String, "https://example.com/?a=1&b=<2>")
        XCTAssertEqual(c1["tags"] as? String, "semi;colon;=SUM(A1)")
        XCTAssertEqual((c1["members"] as? NSNumber)?.int64Value, 3_000_000_000)
        XCTAssertEqual(c1["reactions"] as? Double, 20.5)
        XCTAssertNil(c1["reach"], "unknown figures are left out")
        XCTAssertNil(c1["actions"])
        XCTAssertTrue(["focus", "nurture", "monitor"].contains(c1["tier"] as? String ?? ""))
        XCTAssertNotNil(c1["score"] as? Double)
        XCTAssertEqual(c1["is_focus"] as? Bool, false)
        XCTAssertEqual(nodes["brand"]?["is_focus"] as? Bool, true)
        XCTAssertEqual(nodes["brand"]?["name"] as? String, "Brand\\Back\\slash")
        XCTAssertEqual(nodes["c2"]?["name"] as? String, "\u{2028} separators \u{2029} and emoji 🚲")
        XCTAssertEqual(nodes["i1"]?["kind"] as? String, "influencer")
        let edges = try XCTUnwrap(h["edges"] as? [[Any]])
        XCTAssertEqual(edges.count, 3)
        let directed = edges.compactMap { $0[2] as? [String: Any] }.filter { $0["directed"] as? Bool == true }
        XCTAssertEqual(directed.count, 1)
        XCTAssertEqual(directed.first?["weight"] as? Double, 0.5)
        XCTAssertTrue(edges.contains { ($0[2] as? [String: Any])?["kind"] as? String == "<kind> & more" })

        // Alpha Moms: every node, every link, and the same ranks as `ecomap rank --format json`.
        let a = try XCTUnwrap(all["a.graphml"])
        let aNodes = try XCTUnwrap(a["nodes"] as? [String: [String: Any]])
        XCTAssertEqual(aNodes.count, 20)
        XCTAssertEqual((a["edges"] as? [Any])?.count, 37)
        let rank = try BinaryRunner.run(["rank", "examples/alpha-moms.yaml", "--format", "json"])
        let ranked = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as? [String: Any])?["communities"] as? [[String: Any]])
        for c in ranked {
            let id = try XCTUnwrap(c["id"] as? String)
            XCTAssertEqual(aNodes[id]?["rank"] as? Int, c["rank"] as? Int, id)
            XCTAssertEqual(aNodes[id]?["score"] as? Double, c["score"] as? Double, id)
        }
    }

    func testOutputFileIsWrittenAtomicallyAndInputsAreProtected() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path
        try Data("ecosystem: Tiny\ncommunities: [{id: a}]\n".utf8).write(to: dir.appendingPathComponent("tiny.yaml"))

        // -o with the extension choosing the format; stdout stays empty.
        let r = try BinaryRunner.run(["export", example, "-o", "model.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let written = try String(contentsOf: dir.appendingPathComponent("model.json"), encoding: .utf8)
        let stdout = try BinaryRunner.run(["export", example, "--format", "json"], in: dir).stdout
        XCTAssertEqual(written, stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["model.json", "tiny.yaml"],
                       "no temporary file left behind")

        // The input file is never overwritten.
        let clobber = try BinaryRunner.run(["export", "tiny.yaml", "-o", "tiny.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(clobber.status, 3)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("tiny.yaml"), encoding: .utf8),
                       "ecosystem: Tiny\ncommunities: [{id: a}]\n")

        // Invalid input: exit 1 and the previous output is untouched.
        try Data("ecosystem: Bad\ncommunities: [{id: a, members: -1}]\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let bad = try BinaryRunner.run(["export", "bad.yaml", "-o", "model.json"], in: dir)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("model.json"), encoding: .utf8), written)

        // A directory as the output: exit 3.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out.graphml"), withIntermediateDirectories: false)
        let toDirectory = try BinaryRunner.run(["export", "tiny.yaml", "-o", "out.graphml"], in: dir)
        XCTAssertEqual(toDirectory.status, 3)
        XCTAssertTrue(toDirectory.stderr.contains("out.graphml"), toDirectory.stderr)
    }

    /// The platform a spreadsheet names (`Platform` / `Plattform` column or `platform:` key) is kept in
    /// both exports beside the channel it maps to.
    func testPlatformIsKeptInBothExports() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Name;Plattform;Mitglieder\nWandern NRW;Facebook;48.000\nBergfreunde;Discord;1.200\n".utf8)
            .write(to: dir.appendingPathComponent("gruppen.csv"))
        let json = try BinaryRunner.run(["export", "gruppen.csv", "--format", "json"], in: dir)
        XCTAssertEqual(json.status, 0, json.stderr)
        let model = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let communities = try XCTUnwrap(model["communities"] as? [[String: Any]])
        XCTAssertEqual(communities.map { $0["platform"] as? String }, ["Facebook", "Discord"])
        XCTAssertEqual(communities.map { $0["channel"] as? String }, ["social-group", "chat"])
        XCTAssertEqual(communities.map { $0["members"] as? Int }, [48000, 1200])
        let graphml = try BinaryRunner.run(["export", "gruppen.csv", "--format", "graphml"], in: dir)
        XCTAssertEqual(graphml.status, 0, graphml.stderr)
        XCTAssertTrue(graphml.stdout.contains("attr.name=\"platform\""), graphml.stdout)
        XCTAssertTrue(graphml.stdout.contains(">Facebook</data>") && graphml.stdout.contains(">Discord</data>"), graphml.stdout)
    }

    func testJSONIsTheFullModel() throws {
        let r = try BinaryRunner.run(["export", "examples/alpha-moms.yaml", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "ecomap-model")
        XCTAssertEqual((object["communities"] as? [Any])?.count, 13)
        XCTAssertEqual((object["influencers"] as? [Any])?.count, 4)
        XCTAssertEqual((object["stakeholders"] as? [Any])?.count, 3)
        XCTAssertEqual((object["topics"] as? [Any])?.count, 6)
        XCTAssertEqual((object["links"] as? [Any])?.count, 37)
        let first = try XCTUnwrap((object["communities"] as? [[String: Any]])?.first)
        XCTAssertNotNil(first["metrics"] as? [String: Any])
        let scoring = try XCTUnwrap(first["scoring"] as? [String: Any])
        XCTAssertNotNil(scoring["explanation"] as? String)
        let bloggess = try XCTUnwrap((object["communities"] as? [[String: Any]])?.first { $0["id"] as? String == "the-bloggess" })
        XCTAssertTrue(bloggess["members"] is NSNull, "unknown stays null")
    }
}
