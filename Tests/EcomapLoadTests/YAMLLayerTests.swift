import EcomapLoad
import EcomapModel
import XCTest

/// The YAML layer: encodings, tags, documents, aliases and the limits that keep hostile files harmless.
final class YAMLLayerTests: XCTestCase {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func diagnostics(_ data: [UInt8], limits: Limits = .standard) -> [String] {
        EcosystemLoader.load(yamlBytes: data, file: "t.yaml", limits: limits).diagnostics.sorted.map(\.description)
    }

    func testUTF8ByteOrderMarkIsAccepted() {
        let result = EcosystemLoader.load(yamlBytes: [0xEF, 0xBB, 0xBF] + bytes(minimalYAML), file: "t.yaml")
        XCTAssertEqual(result.ecosystem?.title, "Test")
    }

    func testOtherEncodingsInvalidUTF8AndNULAreErrorsWithLocations() {
        XCTAssertEqual(diagnostics([0xFF, 0xFE] + bytes("e")),
                       ["t.yaml:1:1: error: the file is UTF-16 encoded; save it as UTF-8"])
        XCTAssertEqual(diagnostics([0xFF, 0xFE, 0, 0] + bytes("e")),
                       ["t.yaml:1:1: error: the file is UTF-32 encoded; save it as UTF-8"])
        XCTAssertEqual(diagnostics(bytes("ecosystem: Tést\ncommunities:\n  - id: a") + [0xC3, 0x28]),
                       ["t.yaml:3:10: error: the file is not valid UTF-8 (byte 0xC3)"])
        XCTAssertEqual(diagnostics(bytes("ecosystem: T\nco") + [0] + bytes("mmunities: []")),
                       ["t.yaml:2:3: error: the file contains a NUL byte; is it a text file?"])
        XCTAssertEqual(diagnostics([0xED, 0xA0, 0x80]), ["t.yaml:1:1: error: the file is not valid UTF-8 (byte 0xED)"],
                       "UTF-16 surrogates encoded in UTF-8 are invalid")
    }

    func testEmptyFileAndSeveralDocuments() {
        XCTAssertEqual(diagnostics([]), [
            "t.yaml:1:1: error: the file is empty; expected a mapping with `ecosystem` and `communities`",
        ])
        XCTAssertEqual(diagnostics(bytes(minimalYAML + "\n---\necosystem: Second\n")),
                       ["t.yaml:4:1: error: the file holds several YAML documents; ecomap reads exactly one"])
        XCTAssertEqual(diagnostics(bytes("just text")),
                       ["t.yaml:1:1: error: the ecosystem file must be a mapping, found a value"])
    }

    func testSyntaxErrorsHaveLocations() {
        XCTAssertEqual(diagnostics(bytes("ecosystem: T\ncommunities:\n  - id: a\n   bad: [\n")), [
            "t.yaml:4:4: error: invalid YAML: did not find expected '-' indicator while parsing a block collection (line 3)",
        ])
        XCTAssertEqual(diagnostics(bytes("ecosystem: \"open\ncommunities: []\n")).count, 1)
    }

    func testOnlyCoreSchemaTagsAreAllowed() {
        XCTAssertEqual(diagnostics(bytes("""
            ecosystem: !!python/object:os.system T
            description: !custom x
            communities:
              - !!map { id: a, name: !!str 5, members: !!int 3 }
            """)), [
                "t.yaml:1:12: error: unsupported YAML tag `!!python/object:os.system`; only the core schema's tags are allowed",
                "t.yaml:2:14: error: unsupported YAML tag `!custom`; only the core schema's tags are allowed",
            ])
    }

    func testUndefinedAliasIsAnError() {
        XCTAssertEqual(diagnostics(bytes("ecosystem: *title\ncommunities: []\n")),
                       ["t.yaml:1:12: error: undefined alias `*title`"])
    }

    func testAliasesAreExpandedWithinBudget() throws {
        let result = EcosystemLoader.load(yaml: """
            ecosystem: &t Shared
            topics: &topics [tech]
            communities:
              - { id: a, name: *t, topics: [tech] }
            """, file: "t.yaml")
        XCTAssertEqual(result.ecosystem?.communities[0].name, "Shared")
    }

    /// The budget counts alias expansions only, never the nodes written out in the file.
    func testExpansionBudgetCountsAliasesOnly() {
        var limits = Limits()
        limits.maxAliasExpansion = 50
        let items = (0..<200).map { "c\($0)" }.joined(separator: ", ")
        let plain = "ecosystem: T\ntags: &t [\(items)]\ncommunities:\n  - { id: a, tags: [\(items)] }\n"
        let written = EcosystemLoader.load(yaml: plain.replacingOccurrences(of: "tags: &t [\(items)]\n", with: ""),
                                           file: "t.yaml", limits: limits)
        XCTAssertEqual(written.diagnostics.items.map(\.description), [])
        XCTAssertEqual(written.ecosystem?.communities[0].tags.count, 200)
        let aliased = EcosystemLoader.load(yaml: "x: &t [\(items)]\necosystem: T\ncommunities:\n  - { id: a, tags: *t }\n",
                                           file: "t.yaml", limits: limits)
        XCTAssertEqual(aliased.diagnostics.items.map(\.description), [
            "t.yaml:4:20: error: the document expands to more than 50 nodes through aliases (limit: alias expansion)",
        ])
    }

    func testBillionLaughsIsRejectedByTheExpansionBudget() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(i): &a\(i) [\(refs)]\n"
        }
        yaml += "ecosystem: T\ncommunities: *a9\n"
        let start = Date()
        XCTAssertEqual(diagnostics(bytes(yaml)), [
            "t.yaml:6:45: error: the document expands to more than 1000000 nodes through aliases (limit: alias expansion)",
        ])
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "a sanity bound, not a benchmark")
    }

    func testNestingDepthIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = diagnostics(bytes("ecosystem: T\ncommunities: " + deep + "\n"))
        XCTAssertEqual(result, ["t.yaml:2:15: error: nesting is deeper than 64 levels (limit: nesting depth)"])
        let block = (0..<200).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x"
        XCTAssertEqual(diagnostics(bytes("ecosystem: T\ncommunities:\n" + block)).first?.contains("limit: nesting depth"), true)
    }

    func testFileAndTextSizeLimits() {
        var limits = Limits()
        limits.maxFileBytes = 100
        XCTAssertEqual(diagnostics(bytes(String(repeating: "#", count: 101)), limits: limits),
                       ["error: `t.yaml` has 101 bytes, more than the limit of 100 bytes (limit: file size)"])
        limits = Limits()
        limits.maxTextBytes = 12
        XCTAssertEqual(diagnostics(bytes(minimalYAML + "\n    name: \(String(repeating: "n", count: 13))\n"), limits: limits),
                       ["t.yaml:4:11: error: text of 13 bytes is longer than the limit of 12 bytes (limit: text length)"])
    }

    func testNodeAndLinkCountLimits() {
        var limits = Limits()
        limits.maxNodes = 2
        limits.maxLinks = 1
        XCTAssertEqual(diagnostics(bytes("""
            ecosystem: T
            communities: [{id: a}, {id: b}, {id: c}]
            links: [[a, b], [b, c]]
            """), limits: limits), [
                "t.yaml:1:1: error: the file declares 3 nodes, more than the limit of 2 (limit: nodes)",
                "t.yaml:1:1: error: the file declares 2 links, more than the limit of 1 (limit: links)",
            ])
    }

    func testMissingFileDirectoryAndDeviceAreClearErrors() {
        XCTAssertEqual(EcosystemLoader.load(path: "/nonexistent/x.yaml").diagnostics.items.map(\.description),
                       ["error: cannot read `/nonexistent/x.yaml`: No such file or directory"])
        XCTAssertEqual(EcosystemLoader.load(path: NSTemporaryDirectory()).diagnostics.items.count, 1)
        XCTAssertEqual(EcosystemLoader.load(path: "/dev/zero").diagnostics.items.map(\.description),
                       ["error: cannot read `/dev/zero`: it is a device, not a file"])
    }
}
