import EcomapLoad
import EcomapModel
import XCTest

/// Tables as spreadsheet programs write them: the fixtures in Tests/Fixtures/Sheets are made by
/// LibreOffice in de-DE and nl-NL and byte for byte as Excel writes its text formats
/// (scripts/make-fixtures.sh regenerates them).
final class SpreadsheetTests: XCTestCase {
    static let sheets = repositoryRoot.appendingPathComponent("Tests/Fixtures/Sheets")

    /// Loads a fixture by its path under Tests/Fixtures/Sheets, with messages relative to that folder.
    func loadFixture(_ path: String, links: String? = nil) -> LoadResult {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(Self.sheets.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return EcosystemLoader.load(path: path, linksPath: links)
    }

    static let ids = ["wanderlust-deutschland", "r-wandern", "alpenverein-sektion-münchen", "trailrunning-köln",
                      "outdoor-blog-grünwald"]

    /// The figures every fixture holds (see scripts/make_fixtures.py).
    func assertFigures(_ result: LoadResult, links: Bool, file: StaticString = #filePath, line: UInt = #line) {
        guard let e = result.ecosystem else {
            return XCTFail("not loaded: \(result.diagnostics)", file: file, line: line)
        }
        let c = e.communities
        XCTAssertEqual(c.map(\.id), Self.ids, file: file, line: line)
        XCTAssertEqual(c.map(\.name), ["Wanderlust Deutschland", "r/wandern", "Alpenverein Sektion München",
                                       "Trailrunning Köln", "Outdoor-Blog Grünwald"], file: file, line: line)
        XCTAssertEqual(c.map(\.members), [48000, 95000, 1200, 850, 14500], file: file, line: line)
        XCTAssertEqual(c.map(\.discussions), [120, 310, 14.5, 6.25, 8], file: file, line: line)
        XCTAssertEqual(c.map(\.reactions), [950.5, 1200, 60, 40, 300.75], file: file, line: line)
        XCTAssertEqual(c.map(\.reach), [150000, nil, nil, nil, 60000], file: file, line: line)
        XCTAssertEqual(c.map(\.channel), [.socialGroup, .forum, .event, .socialGroup, .blog], file: file, line: line)
        // "Blog" is a channel: in a `Kanaal` (channel) column it is only that, in a `Plattform` column it is kept too.
        XCTAssertEqual(c.prefix(4).map(\.platform), ["Facebook", "Reddit", "Meetup", "Strava"], file: file, line: line)
        XCTAssertEqual(c.map(\.scope), [.global, .national, .regional, .local, .national], file: file, line: line)
        if links {
            XCTAssertEqual(e.links.map { "\($0.from)>\($0.to)=\($0.weight)" }, [
                "wanderlust-deutschland>r-wandern=0.8", "alpenverein-sektion-münchen>trailrunning-köln=0.35",
                "outdoor-blog-grünwald>wanderlust-deutschland=0.6",
            ], file: file, line: line)
        } else {
            XCTAssertEqual(e.links, [], file: file, line: line)
        }
    }

    static let derivedNote = "note: ids derived from names (the table has no `id` for these rows): "
        + "`wanderlust-deutschland` for \"Wanderlust Deutschland\", `r-wandern` for \"r/wandern\", "
        + "`alpenverein-sektion-münchen` for \"Alpenverein Sektion München\", `trailrunning-köln` for "
        + "\"Trailrunning Köln\", `outdoor-blog-grünwald` for \"Outdoor-Blog Grünwald\"; add an `id` column to keep "
        + "them when names change"

    func testCalcGermanExportPairReadsThousandsPointsAndDecimalCommas() {
        let result = loadFixture("calc-de/wandern-Knoten.csv")
        assertFigures(result, links: true)
        XCTAssertEqual(result.ecosystem?.title, "wandern")
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "calc-de/wandern-Knoten.csv:2:Mitglieder: warning: numbers are read with a decimal comma and `.` between "
                + "thousands, as this file writes them (`950,5` in row 2, Reaktionen): \"48.000\" is 48000; write whole "
                + "numbers without separators to be unambiguous",
            "calc-de/wandern-Knoten.csv:2:Name: " + Self.derivedNote,
        ])
        XCTAssertEqual(result.sources.keys.sorted(), ["calc-de/wandern-Knoten.csv", "calc-de/wandern-Verbindungen.csv"],
                       "the links table found by name is reported as read")
    }

    func testCalcDutchWindows1252ExportPairIsReadWithOneWarningPerFile() {
        let result = loadFixture("calc-nl/wandelen-nodes.csv")
        assertFigures(result, links: true)
        let advice = "if letters look wrong, save it again as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", "
            + "in LibreOffice Calc tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\""
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "calc-nl/wandelen-links.csv:1:1: warning: read as Windows-1252 (Western European), not UTF-8 (row 3, "
                + "column 22 reads as \"ü\"); " + advice,
            "calc-nl/wandelen-nodes.csv:1:1: warning: read as Windows-1252 (Western European), not UTF-8 (row 4, "
                + "column 22 reads as \"ü\"); " + advice,
            "calc-nl/wandelen-nodes.csv:2:Leden: warning: numbers are read with a decimal comma and `.` between "
                + "thousands, as this file writes them (`950,5` in row 2, Reacties): \"48.000\" is 48000; write whole "
                + "numbers without separators to be unambiguous",
            "calc-nl/wandelen-nodes.csv:2:Naam: " + Self.derivedNote,
        ])
    }

    func testExcelTextFormats() {
        for file in ["excel/wandern-1252.csv", "excel/wandern-unicode.txt", "excel/wandern-utf8bom.csv"] {
            let result = loadFixture(file)
            assertFigures(result, links: false)
            let warnings = result.diagnostics.warnings.map(\.message)
            XCTAssertEqual(warnings.filter { $0.hasPrefix("no links table found") }.count, 1, file)
            XCTAssertEqual(warnings.filter { $0.hasPrefix("read as Windows-1252") }.count, file.contains("1252") ? 1 : 0, file)
            XCTAssertEqual(warnings.filter { $0.hasPrefix("numbers are read with a decimal") }.count, 1, file)
        }
        let stem = "excel/wandern-unicode"
        XCTAssertEqual(loadFixture(stem + ".txt").diagnostics.warnings.first?.description,
                       "\(stem).txt:1:1: warning: no links table found beside this file (looked for "
                       + "\(stem.dropFirst(6))-links.txt, \(stem.dropFirst(6))-verbindungen.txt, \(stem.dropFirst(6))-kanten.txt, ...); "
                       + "the map will have no links. Pass the links table with `--links FILE`, or leave this as is if "
                       + "the table has no links")
    }

    func testAmbiguousThousandsInAPointFileIsAnErrorSayingHowToWriteIt() {
        let result = loadFixture("excel/ambiguous.csv")
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [
            "excel/ambiguous.csv:2:Members: error: \"48.000\" is ambiguous: this file writes decimals with a point "
                + "(`950.5` in row 2, Reactions), so it could be 48.0 or 48000; write 48000 if you mean 48000, or 48.0 "
                + "if you mean 48",
        ])
    }

    func testAnUnknownEncodingIsRefusedAtTheFirstBadCharacter() {
        let result = loadFixture("excel/mac-roman.csv")
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.items.map(\.description), [
            "excel/mac-roman.csv:2:5: error: cannot read the table: it is neither UTF-8 nor Windows-1252 (byte 0x81 has "
                + "no meaning in either); save it again as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", in "
                + "LibreOffice Calc tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\"",
        ])
    }
}

/// Number styles, dialects and encodings on small tables written for the purpose.
final class TableDialectTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-dialect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func load(_ name: String, _ bytes: [UInt8], links: (String, String)? = nil) -> LoadResult {
        let url = folder.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        if let links { try! Data(links.1.utf8).write(to: folder.appendingPathComponent(links.0)) }
        return EcosystemLoader.load(path: url.path)
    }

    func load(_ name: String, _ text: String, links: (String, String)? = nil) -> LoadResult {
        load(name, Array(text.utf8), links: links)
    }

    func messages(_ result: LoadResult) -> [String] {
        result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func testSemicolonFileWithoutDecimalsReadsThousandsPointsWithAWarning() throws {
        let result = load("t.csv", "name;members\nA;48.000\nB;1.200\n")
        let e = try XCTUnwrap(result.ecosystem, result.diagnostics.description)
        XCTAssertEqual(e.communities.map(\.members), [48000, 1200])
        XCTAssertEqual(messages(result).filter { $0.contains("numbers are read") }, [
            "t.csv:2:members: warning: numbers are read with a decimal comma and `.` between thousands, because cells "
                + "are separated by `;`, as Excel and LibreOffice write them where the comma is the decimal mark: "
                + "\"48.000\" is 48000; write whole numbers without separators to be unambiguous",
        ])
    }

    func testCommaFileWithoutEvidenceRefusesEveryAmbiguousCell() {
        let result = load("t.csv", "name,members,posts per month\nA,48.000,14.500\nB,12,3\n")
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(messages(result).filter { $0.contains("error") }, [
            "t.csv:2:members: error: \"48.000\" is ambiguous: nothing in this file shows whether `.` separates decimals "
                + "or thousands; write 48000 if you mean 48000, or 48.0 if you mean 48",
            "t.csv:2:posts per month: error: \"14.500\" is ambiguous: nothing in this file shows whether `.` separates "
                + "decimals or thousands; write 14500 if you mean 14500, or 14.5 if you mean 14.5",
        ])
    }

    func testMixedDecimalMarksAreErrors() {
        let result = load("t.csv", "name;reactions;members\nA;0,6;10\nB;2,5;10\nC;12.75;10\n")
        XCTAssertEqual(messages(result).filter { $0.contains("error") }, [
            "t.csv:4:reactions: error: \"12.75\" writes decimals with a point, but this file's other numbers use a comma "
                + "(`0,6` in row 2, reactions); write all numbers of the file the same way",
        ])
    }

    func testDelimiterDetectionIsNotFooledByDecimalCommas() throws {
        let e = try XCTUnwrap(load("t.csv", "Naam;Reacties;Leden\n\"Fiets, en meer\";0,6;1.250\nB;2,5;10\n").ecosystem)
        XCTAssertEqual(e.communities.map(\.name), ["Fiets, en meer", "B"])
        XCTAssertEqual(e.communities.map(\.reactions), [0.6, 2.5])
        XCTAssertEqual(e.communities.map(\.members), [1250, 10])
        let tabs = try XCTUnwrap(load("t.tsv", "Name\tMembers\tReach\nA\t1 250\t3'000\n").ecosystem)
        XCTAssertEqual(tabs.communities.map(\.members), [1250])
        XCTAssertEqual(tabs.communities.map(\.reach), [3000])
    }

    func testUTF16BigEndianAndBrokenUTF16() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "Name\tLeden\r\nKöln\t12\r\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let e = try XCTUnwrap(load("t.txt", bytes).ecosystem)
        XCTAssertEqual(e.communities.map(\.name), ["Köln"])
        XCTAssertEqual(e.communities.map(\.members), [12])
        let broken: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x42, 0x00, 0x00, 0xD8, 0x43, 0x00]
        XCTAssertEqual(messages(load("b.txt", broken)), [
            "b.txt:2:2: error: the file is UTF-16 little-endian (Excel's \"Unicode text\") but holds a broken character "
                + "(a lone surrogate); save it again as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", in "
                + "LibreOffice Calc tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\"",
        ])
    }

    func testMixedUTF8AndWindows1252IsRefused() {
        let bytes = Array("name\nKöln\n".utf8) + [0x4D, 0xFC, 0x6E, 0x0A]
        XCTAssertEqual(messages(load("t.csv", bytes)).first,
                       "t.csv:3:2: error: the file is partly UTF-8 but byte 0xFC is not valid UTF-8; save it again as "
                       + "UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", in LibreOffice Calc tick \"Edit filter "
                       + "settings\" and choose the character set \"Unicode (UTF-8)\"")
    }

    func testHeadersMatchWithoutCaseAndWithAliasesAndSuggestionsDoNotMislead() throws {
        let result = load("t.csv", "NAME,Posts per month,Platform,Mitglieder,Kontakt,Membrs\nA,3,Discord,10,x,\n")
        XCTAssertEqual(messages(result).filter { !$0.contains("no links table") && !$0.contains("note:") }, [
            "t.csv:1:Kontakt: warning: column `Kontakt` is not an ecomap node field and is ignored (known columns and "
                + "their Dutch and German names: docs/ecosystem-format.md)",
            "t.csv:1:Membrs: error: unknown column `Membrs`; did you mean `members`?",
        ])
        let ok = try XCTUnwrap(load("u.csv", "NAME,Posts per month,Platform,Mitglieder,Kontakt\nA,3,Discord,10,x\n").ecosystem)
        XCTAssertEqual(ok.communities[0].discussions, 3)
        XCTAssertEqual(ok.communities[0].channel, .chat)
        XCTAssertEqual(ok.communities[0].platform, "Discord")
        XCTAssertEqual(ok.communities[0].members, 10)
    }

    func testDerivedIdsAreUniqueAndStable() throws {
        let e = try XCTUnwrap(load("t.csv", "id,name\n,Fiets Club\nfiets-club,Other\n,Fiets Club!\n,#wanderlust\n").ecosystem)
        XCTAssertEqual(e.communities.map(\.id), ["fiets-club-2", "fiets-club", "fiets-club-3", "wanderlust"])
    }

    func testLinkTableNamesInThreeLanguages() throws {
        for (nodes, links) in [("brand-nodes.csv", "brand-links.csv"), ("marke_knoten.csv", "marke_kanten.csv"),
                               ("merk-knooppunten.csv", "merk-verbindingen.csv"), ("Brand.csv", "Brand-Koppelingen.csv"),
                               ("nodes.csv", "links.csv")] {
            let sub = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data("name\nA\nB\n".utf8).write(to: sub.appendingPathComponent(nodes))
            try Data("from,to,weight\nA,B,0.5\n".utf8).write(to: sub.appendingPathComponent(links))
            let result = EcosystemLoader.load(path: sub.appendingPathComponent(nodes).path)
            XCTAssertEqual(result.ecosystem?.links.count, 1, "\(nodes) + \(links): \(result.diagnostics)")
        }
    }

    func testPercentagesAndWeightsInTables() {
        let result = load("t.csv", "name\nA\nB\nC\n", links: ("t-links.csv", "from,to,weight\nA,B,40%\nB,C,80\n"))
        XCTAssertEqual(messages(result).filter { $0.contains("error") }, [
            "t-links.csv:2:weight: error: `weight` is a fraction between 0 and 1, not a percentage: write 0.4 for \"40%\"",
            "t-links.csv:3:weight: error: `weight` must be greater than 0 and at most 1, found 80; weights are fractions: "
                + "write 0.8 for 80%",
        ])
    }
}

/// YAML written by people used to spreadsheets: thousands points, hashtags, handles, tabs, percentages.
final class YAMLHumanMessageTests: XCTestCase {
    func testThousandsPointsAreErrorsInCountsAndWarningsInFigures() {
        let result = load("""
            ecosystem: T
            communities:
              - id: a
                members: 48.000
                reach: 1.200
                activity: { discussions: 12.500, reactions: 1.234.567 }
                actions: 2.5
            """)
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:4:14: error: `members: 48.000` looks like 48000 written with a thousands point, but YAML reads it "
                + "as 48.0; write 48000 if you mean 48000, or 48.0 if you mean 48",
            "t.yaml:5:12: error: `reach: 1.200` looks like 1200 written with a thousands point, but YAML reads it as "
                + "1.2; write 1200 if you mean 1200",
            "t.yaml:6:30: warning: `activity.discussions: 12.500` is read as 12.5; if you meant 12500, write 12500 "
                + "(YAML numbers have no thousands separator); write 12.5 to keep this reading without a warning",
            "t.yaml:6:49: error: `activity.reactions: 1.234.567` looks like 1234567 written with a thousands point, "
                + "but YAML does not read it as a number; write 1234567 if you mean 1234567",
        ])
        XCTAssertNotNil(loadValid("ecosystem: T\ncommunities:\n  - id: a\n    members: 48.0\n    reach: 0.000\n"
                                  + "    activity: { discussions: 12.5 }\n"))
    }

    func testHashtagHandleAndTabGetMessagesInTheUsersTerms() {
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n  - id: a\n    name: #wanderlust\n    notes: # to do\n"), [
            "t.yaml:4:11: error: `name` is empty because `#` starts a comment in YAML, so `#wanderlust` was ignored; "
                + "put it in quotes: name: \"#wanderlust\"",
        ])
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n  - id: a\ninfluencers:\n  - id: j\n    handle: @jill\n"), [
            "t.yaml:6:13: error: a value cannot start with `@` in YAML unless it is quoted: write \"@jill\" with the quotes",
        ])
        XCTAssertEqual(messages("ecosystem: T\ncommunities:\n\t- id: a\n"), [
            "t.yaml:3:1: error: a tab is used for indentation here; YAML indents with spaces only: replace the tab with "
                + "spaces (set your editor to insert spaces)",
        ])
    }

    /// libyaml's marks count characters, not bytes: after a non-ASCII letter the same messages must come,
    /// at the same places (a file of German names once got none of them, or a line past its end).
    func testMessagesAfterNonASCIILettersArePlacedByCharacter() {
        let head = "ecosystem: Grüne Wandergruppe Überall\ncommunities:\n  - id: café\n"
        XCTAssertEqual(messages(head + "    name: #wanderlust\n"), [
            "t.yaml:4:11: error: `name` is empty because `#` starts a comment in YAML, so `#wanderlust` was ignored; "
                + "put it in quotes: name: \"#wanderlust\"",
        ])
        XCTAssertEqual(messages(head + "    name: @wandern\n"), [
            "t.yaml:4:11: error: a value cannot start with `@` in YAML unless it is quoted: write \"@wandern\" with the quotes",
        ])
        XCTAssertEqual(messages(head + "\tname: x\n"), [
            "t.yaml:4:1: error: a tab is used for indentation here; YAML indents with spaces only: replace the tab with "
                + "spaces (set your editor to insert spaces)",
        ])
        // An error at the end of a file without a final line break stays on the file's last line.
        XCTAssertEqual(messages(head + "  - id\u{FEFF}afé\n["), [
            "t.yaml:5:2: error: invalid YAML: could not find expected ':' while scanning a simple key (line 5)",
        ])
    }

    func testWeightsAsPercentagesIdsWithSlashesPlatformsAndScopes() throws {
        XCTAssertEqual(messages("""
            ecosystem: T
            communities:
              - id: a
              - id: r/wandern
              - id: c
            links:
              - [a, c, 80]
              - { from: a, to: c, weight: 40% }
              - from: c
                to: a
                weight: 0,5
            """), [
            "t.yaml:4:9: error: id \"r/wandern\" may contain only letters, digits, `-`, `_` and `.`; use `r-wandern`",
            "t.yaml:7:12: error: `weight` must be greater than 0 and at most 1, found 80; weights are fractions: write 0.8 for 80%",
            "t.yaml:8:31: error: `weight` is a fraction between 0 and 1, not a percentage: write 0.4 for \"40%\"",
            "t.yaml:11:13: error: `weight` must be written with a decimal point: write 0.5 for 0,5",
        ])
        let e = try XCTUnwrap(loadValid("""
            ecosystem: T
            communities:
              - { id: a, channel: facebook, scope: international }
              - { id: b, channel: Discord, scope: landelijk }
              - { id: c, platform: Reddit }
              - { id: d, channel: forum, platform: Discourse }
            """))
        XCTAssertEqual(e.communities.map(\.channel), [.socialGroup, .chat, .forum, .forum])
        XCTAssertEqual(e.communities.map(\.platform), ["Facebook", "Discord", "Reddit", "Discourse"])
        XCTAssertEqual(e.communities.map(\.scope), [.global, .national, nil, nil])
    }
}
