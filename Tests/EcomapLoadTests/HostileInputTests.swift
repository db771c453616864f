import EcomapLoad
import EcomapModel
import XCTest

/// Model-layer hardening: invisible characters in ids, normalisation-equivalent references, and
/// inputs whose diagnostics would otherwise cost quadratic time.
final class HostileInputTests: XCTestCase {
    func testInvisibleCharactersInIdsAreRejectedAndNamed() {
        // HANGUL FILLER (a letter!), COMBINING GRAPHEME JOINER and VARIATION SELECTOR-16 (marks!),
        // SOFT HYPHEN, ZERO WIDTH SPACE and RIGHT-TO-LEFT OVERRIDE (format characters).
        let cases: [(String, String)] = [
            ("a\u{3164}", "U+3164"), ("b\u{34F}c", "U+034F"), ("d\u{FE0F}", "U+FE0F"),
            ("e\u{AD}f", "U+00AD"), ("g\u{200B}", "U+200B"), ("h\u{202E}i", "U+202E"),
        ]
        let yaml = "ecosystem: T\ncommunities:\n" + cases.map { "  - id: \"\($0.0)\"\n" }.joined()
        let expected = cases.enumerated().map { i, c -> String in
            let shown = c.0.unicodeScalars.map { s -> String in
                s.value < 0x80 ? String(s) : "<\(c.1)>"
            }.joined()
            return "t.yaml:\(i + 3):9: error: id \"\(shown)\" contains the invisible character \(c.1); "
                + "ids may contain only letters, digits, `-`, `_` and `.`"
        }
        assertErrors(yaml, expected)
    }

    func testVisibleNonASCIIIdsStayValid() {
        let e = loadValid("ecosystem: T\ncommunities:\n  - id: fietsvrienden-zuid\n  - id: straße\n  - id: 東京\n  - id: café\n")
        XCTAssertEqual(e?.communities.map(\.id), ["fietsvrienden-zuid", "straße", "東京", "café"])
    }

    func testReferencesInAnotherNormalisationFormTakeTheDeclaredSpelling() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            focus: \(nfd)
            topics: [th\u{E9}]
            communities:
              - { id: \(nfc), topics: [the\u{301}] }
              - id: b
            links:
              - [b, \(nfd)]
            """))
        let declared = Array(nfc.unicodeScalars)
        XCTAssertEqual(e.focus.map { Array($0.unicodeScalars) }, declared)
        XCTAssertEqual(e.links.map { Array($0.to.unicodeScalars) }, [declared])
        XCTAssertEqual(e.communities[0].topics.map { Array($0.unicodeScalars) }, [Array("th\u{E9}".unicodeScalars)])
    }

    func testManyUnknownIdsAreAllReportedWithHintsOnlyWhileTheBudgetLasts() {
        let n = 1_500
        var yaml = "ecosystem: T\ncommunities:\n"
        for i in 0..<n { yaml += "  - id: community-\(i)\n" }
        yaml += "links:\n"
        for i in 0..<n { yaml += "  - [community-\(i), missing-\(i)]\n" }
        let errors = load(yaml).diagnostics.errors
        XCTAssertEqual(errors.count, n, "every unknown id is reported")
        XCTAssertTrue(errors.first!.message.contains("did you mean"), errors.first!.message)
        XCTAssertEqual(errors.last!.message, "link to unknown id `missing-\(n - 1)`")
        let hinted = errors.filter { $0.message.contains("did you mean") }.count
        XCTAssertTrue((1..<n).contains(hinted), "\(hinted) hints")
    }

    func testManyUnknownKeysAreAllReportedWithHintsOnlyWhileTheBudgetLasts() {
        let n = 60_000
        var yaml = "ecosystem: T\ncommunities:\n  - id: a\n"
        for i in 0..<n { yaml += "    nmae-\(i): x\n" }
        let errors = load(yaml).diagnostics.errors
        XCTAssertEqual(errors.count, n)
        XCTAssertTrue(errors.first!.message.hasSuffix("did you mean `name`?"), errors.first!.message)
        XCTAssertEqual(errors.last!.message, "unknown key `nmae-\(n - 1)` in a community")
    }

    func testVeryLongUnknownWordsGetNoSuggestion() {
        let key = String(repeating: "k", count: 200)
        // The key is quoted cut, with its length (a diagnostic never repeats a long value whole).
        assertErrors(minimalYAML + "\n\(key): 1\n",
                     ["t.yaml:4:1: error: unknown key `\(key.prefix(64))…` (200 characters) in the ecosystem file"])
    }

    func testLongTopicListsAndTopicLinksKeepTopicsUnique() throws {
        let n = 5_000
        var yaml = "ecosystem: T\ntopics: [" + (0..<n).map { "t\($0)" }.joined(separator: ", ") + "]\n"
        yaml += "communities:\n  - id: a\n    topics: [" + (0..<n).map { "t\($0 % 100)" }.joined(separator: ", ") + "]\n"
        yaml += "links:\n" + (0..<n).map { "  - [a, t\($0 % 200)]\n" }.joined()
        let e = try XCTUnwrap(loadValid(yaml))
        XCTAssertEqual(e.communities[0].topics, (0..<200).map { "t\($0)" })
    }

    func testCharactersYAMLForbidsAreReportedWhereTheyAre() {
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n  - id: a\n    name: bell\u{7}here\n"),
                       ["t.yaml:4:15: error: invalid YAML: control characters are not allowed (U+0007)"])
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n  - id: a\n    name: é\u{9B}\n"),
                       ["t.yaml:4:12: error: invalid YAML: control characters are not allowed (U+009B)"])
    }

    func testBrokenCSVQuotingIsAnErrorNotSwallowedRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-quote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func check(_ text: String) -> [String] {
            let url = folder.appendingPathComponent("nodes.csv")
            try! Data(text.utf8).write(to: url)
            return EcosystemLoader.load(path: url.path).diagnostics.sorted.filter { !$0.message.hasPrefix("no links table") }.map {
                $0.description.replacingOccurrences(of: folder.path + "/", with: "")
            }
        }
        XCTAssertEqual(check("type,id,name\ncommunity,a,\"open\ncommunity,b,x\n"), [
            "nodes.csv:2:name: error: quoted cell never closes: a `\"` is missing, so every row after it would be read as this cell",
        ])
        XCTAssertEqual(check("type,id,name\r\ncommunity,a,x\r\ncommunity,b,\"x\"y\r\n"), [
            "nodes.csv:3:name: error: text after the closing quote of a quoted cell; double a quote inside quotes (\"\")",
        ])
        XCTAssertEqual(check("type,id,name\ncommunity,a,\"say \"\"hi\"\",\nand more\"\ncommunity,b,5\" screen\n"), [],
                       "doubled quotes, line breaks inside quotes and a quote inside an unquoted cell are fine")
    }

    func testSyntaxErrorAtTheEndOfAFileWithoutALineBreakPointsAtTheLastLine() {
        // libyaml moves its end mark to a line after the last one; found by the fuzzer.
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n  - id: a\nlinks:\n  - [a, b, 1e"),
                       ["t.yaml:5:14: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (line 5)"])
    }
}

final class DiagnosticBoundTests: XCTestCase {
    func testLongQuotedValuesAreCutWithTheirLength() {
        let long = String(repeating: "x", count: 65_000)
        let d = Diagnostic.error("link to unknown id `\(long)`; did you mean `a`?")
        XCTAssertEqual(d.message, "link to unknown id `\(String(repeating: "x", count: 64))…` (65000 characters); did you mean `a`?")
        XCTAssertEqual(Diagnostic.error("short `a` stays").message, "short `a` stays")
        let unquoted = Diagnostic.error(String(repeating: "y", count: 5_000)).message
        XCTAssertTrue(unquoted.hasSuffix("… (message of 5000 characters)"), String(unquoted.suffix(40)))
    }

    func testAliasesCannotRepeatMoreThanTheTextBudget() {
        let anchor = String(repeating: "A", count: 65_000)
        var yaml = "ecosystem: T\ncommunities:\n  - id: c0\n    name: &n \(anchor)\n"
        for i in 1..<100 { yaml += "  - id: c\(i)\n    name: *n\n" }
        let result = EcosystemLoader.load(yaml: yaml, file: "amp.yaml")
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.items.first?.description,
                       "amp.yaml:134:11: error: aliases repeat more than 4194304 bytes of text (limit: alias text)")
    }
}
