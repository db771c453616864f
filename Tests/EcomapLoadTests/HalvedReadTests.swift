@_spi(Testing) @testable import EcomapLoad
import EcomapModel
import XCTest

/// A large file is read as two halves at the same time (`HalvedRead`); the joined document must be
/// the one a single read gives, and anything that could make them differ must give up the split.
final class HalvedReadTests: XCTestCase {
    /// Decodes a document the way the loader does.
    private func decoded(_ document: Document?, file: String = "t.yaml") -> (Ecosystem?, [String]) {
        guard let document else { return (nil, ["no document"]) }
        var decoder = EcosystemDecoder(file: file, limits: .standard)
        let ecosystem = decoder.decode(document)
        return (ecosystem, decoder.diagnostics.map(\.description))
    }

    /// Decodes a file read in halves the way the loader does, adopting the communities read ahead when
    /// it can; `adopted` says whether it did.
    /// Link lists of any length are decoded in two parts too: one after the other, or (`concurrently`)
    /// on two threads.
    private func decoded(_ read: HalvedRead.Read, file: String = "t.yaml",
                         concurrently: Bool = false) -> (Ecosystem?, [String], adopted: Bool) {
        let result = EcosystemDecoder.decode(read.document, readAhead: read.readAhead, file: file, limits: .standard,
                                             linksInHalves: concurrently, linksInHalvesFrom: 2)
        return (result.ecosystem, result.diagnostics.map(\.description), result.adopted)
    }

    /// The single read's document of `text`.
    private func oneRead(_ bytes: [UInt8]) -> Document? {
        var reader = YAMLReader(file: "t.yaml", limits: .standard)
        return reader.read(bytes)
    }

    /// A file of `count` communities written in the ways people write them: plain, quoted and
    /// non-ASCII text, block scalars whose lines start with `- `, flow lists, comments, blank lines,
    /// empty values (one ending an item), figures with warnings; influencers and links after the list.
    private func sampleFile(communities count: Int, lineBreak: String = "\n", warnings: Bool = true) -> [UInt8] {
        var lines = ["# sample", "version: 1", "ecosystem: Halves", "topics:", "  - koken", "  - { id: fietsen, name: Fietsen }",
                     "communities:"]
        for i in 0..<count {
            lines.append("  - id: c\(i)")
            switch i % 7 {
            case 0:
                lines += ["    name: \"Gemeenschap \(i) – Küche\"", "    members: \(1000 + i)", "    channel: forum"]
            case 1:
                lines += ["    name: Fietsers \(i)", "    notes: |", "      - not an item", "        still notes",
                          "", "      - last line", "    topics: [koken, fietsen]"]
            case 2:
                lines += ["    # a comment inside an item", "    name: 'Straße \(i)'", "    activity:",
                          "      discussions: 12.5", "      reactions: 40", "    actions: 3"]
            case 3:
                lines += ["    name: Plain text that goes", "      on over two lines \(i)", "    url: https://example.org/\(i)",
                          warnings ? "    actions: 2.500" : "    actions: 2.5"]
            case 4:
                lines += ["    name: Émilie \(i)", "    tags:", "    - indentless", "    - list", "    sentiment: positive"]
            case 5:
                lines += ["", "    name: Folded \(i)", "    notes: >-", "      folded", "      text"]
            default:
                lines += ["    name: Leeg \(i)", "    members: 10", "    reach:"]
            }
        }
        lines += ["influencers:", "  - { id: inf1, name: Anna, followers: 12000 }", "links:"]
        for i in stride(from: 0, to: count - 1, by: 2) { lines.append("  - [c\(i), c\(i + 1), 0.5]") }
        lines.append("  - { from: inf1, to: c0, weight: 0.8 }")
        return Array((lines.joined(separator: lineBreak) + lineBreak).utf8)
    }

    func testEveryCutOfASampleFileGivesTheSingleReadOrNoSplit() {
        for (lineBreak, warnings) in [("\n", true), ("\r\n", true), ("\n", false), ("\r\n", false)] {
            let bytes = sampleFile(communities: 21, lineBreak: lineBreak, warnings: warnings)
            let expected = decoded(oneRead(bytes))
            XCTAssertNotNil(expected.0)
            XCTAssertEqual(expected.1.isEmpty, !warnings)
            var splits = 0
            // Aim the cut at every line of the file.
            var starts = [0]
            for (i, byte) in bytes.enumerated() where byte == 0x0A { starts.append(i + 1) }
            for target in starts {
                guard let read = HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0,
                                                 target: target, anyLoad: true) else { continue }
                splits += 1
                let got = decoded(read)
                XCTAssertEqual(got.0, expected.0, "cut aimed at byte \(target)")
                XCTAssertEqual(got.1, expected.1, "cut aimed at byte \(target)")
                // The communities are decoded as each half is read unless a half has something to report.
                XCTAssertEqual(got.adopted, !warnings, "cut aimed at byte \(target)")
                XCTAssertEqual(read.readAhead != nil, !warnings, "cut aimed at byte \(target)")
            }
            // Every item but the first can take the cut (items ending in an empty value too).
            XCTAssertGreaterThanOrEqual(splits, 20, "line break \(lineBreak.debugDescription)")
        }
    }

    /// Communities read ahead in two halves whose ids or topic references only the whole file can
    /// settle: the result and every message must be those of a single read.
    func testCommunitiesReadAheadAreAdoptedOnlyWhenNothingIsToReport() throws {
        let clean = String(decoding: sampleFile(communities: 40, warnings: false), as: UTF8.self)
        let last = "  - id: c39\n"  // in the second half
        XCTAssertNotNil(clean.range(of: last))
        let nfcTopic = clean.replacingOccurrences(of: "- { id: fietsen, name: Fietsen }", with: "- { id: caf\u{E9}, name: Café }")
            .replacingOccurrences(of: "[koken, fietsen]", with: "[koken]")
        let cases: [(String, String, adopted: Bool)] = [
            ("the same id in both halves", clean.replacingOccurrences(of: last, with: "  - id: c3\n"), false),
            ("ids differing only by case", clean.replacingOccurrences(of: last, with: "  - id: C3\n"), false),
            ("an unknown topic", clean.replacingOccurrences(of: last, with: last + "    topics: [bakken]\n"), false),
            ("a topic named twice", clean.replacingOccurrences(of: last, with: last + "    topics: [koken, koken]\n"), true),
            ("a topic in another normalisation form",
             nfcTopic.replacingOccurrences(of: last, with: last + "    topics: [cafe\u{301}, koken]\n"), true),
            ("a source", clean.replacingOccurrences(of: last, with: last + "    sources:\n      - { format: csv, path: x.csv }\n"),
             false),
            ("a source in the first half",
             clean.replacingOccurrences(of: "  - id: c2\n", with: "  - id: c2\n    sources:\n      - { format: csv, path: x.csv }\n"),
             false),
        ]
        for (what, text, adopted) in cases {
            XCTAssertNotEqual(text, clean, what)
            try assertReadAhead(text, adopted: adopted, what)
        }
        // The decomposed reference takes the declared (precomposed) spelling, as in a single read.
        let nfd = nfcTopic.replacingOccurrences(of: last, with: last + "    topics: [cafe\u{301}]\n")
        let read = try XCTUnwrap(HalvedRead.read(Array(nfd.utf8), file: "t.yaml", limits: .standard, minimumBytes: 0,
                                                 anyLoad: true))
        let topics = try XCTUnwrap(decoded(read).0?.communities.last?.topics)
        XCTAssertEqual(topics.map { Array($0.utf8) }, [Array("caf\u{E9}".utf8)])
    }

    /// A link list decoded in two halves (on two threads, and one after the other) gives the links and
    /// the messages of one pass, whichever half has something to report.
    func testLinkListsDecodedInHalvesMatchOnePass() throws {
        let clean = String(decoding: sampleFile(communities: 40, warnings: false), as: UTF8.self)
        let links = clean.components(separatedBy: "\n").filter { $0.hasPrefix("  - [c") }
        XCTAssertEqual(links.count, 20)
        let (early, late) = (links[2], links[17])
        let cases: [(String, String)] = [
            ("nothing to report", clean),
            ("an unknown end late", clean.replacingOccurrences(of: late, with: "  - [c1, nobody, 0.5]")),
            ("an unknown end early and late", clean.replacingOccurrences(of: early, with: "  - [c1, somebody, 0.5]")
                .replacingOccurrences(of: late, with: "  - [c1, nobody, 0.5]")),
            ("a bad weight late", clean.replacingOccurrences(of: late, with: "  - [c1, c2, 80]")),
            ("an end in another normalisation form late",
             clean.replacingOccurrences(of: "influencers:\n", with: "  - id: caf\u{E9}\ninfluencers:\n")
                .replacingOccurrences(of: late, with: "  - [c1, cafe\u{301}, 0.5]")),
        ]
        for (what, text) in cases {
            let bytes = Array(text.utf8)
            let document = try XCTUnwrap(oneRead(bytes))
            let expected = decoded(document)
            for concurrently in [false, true] {
                let got = EcosystemDecoder.decode(document, readAhead: nil, file: "t.yaml", limits: .standard,
                                                  linksInHalves: concurrently, linksInHalvesFrom: 2)
                XCTAssertEqual(got.ecosystem, expected.0, what)
                XCTAssertEqual(got.diagnostics.map(\.description), expected.1, what)
            }
            if what.hasPrefix("nothing") { XCTAssertEqual(expected.0?.links.count, 21) }
            if what.hasPrefix("an end in another") {
                XCTAssertEqual(expected.0?.links.first { $0.from == "c1" && $0.to.hasPrefix("caf") }?.to.utf8.count, 5)
            }
        }
    }

    private func assertReadAhead(_ text: String, adopted: Bool, _ what: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = Array(text.utf8)
        let expected = decoded(oneRead(bytes))
        // On two threads too: a rejected adoption decodes again while a link reader was started.
        for concurrently in [false, true] {
            let read = try XCTUnwrap(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0,
                                                     anyLoad: true), what, file: file, line: line)
            let got = decoded(read, concurrently: concurrently)
            XCTAssertEqual(got.0, expected.0, what, file: file, line: line)
            XCTAssertEqual(got.1, expected.1, what, file: file, line: line)
            XCTAssertEqual(got.adopted, adopted, what, file: file, line: line)
        }
    }

    func testALargeFileIsSplitAndReadTheSame() throws {
        let bytes = sampleFile(communities: 3000, warnings: false)
        XCTAssertGreaterThan(bytes.count, HalvedRead.minimumBytes / 4)
        let cut = try XCTUnwrap(bytes.withUnsafeBufferPointer { HalvedRead.splitPoint(in: $0, near: $0.count / 2) })
        // Near the middle, at an item line.
        XCTAssertLessThan(abs(cut - bytes.count / 2), 400)
        XCTAssertEqual(Array(bytes[cut..<cut + 6]), Array("  - id".utf8))
        let read = try XCTUnwrap(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0,
                                                 anyLoad: true))
        let expected = decoded(oneRead(bytes))
        let got = decoded(read)
        XCTAssertTrue(got.adopted)
        XCTAssertEqual(got.0, expected.0)
        XCTAssertEqual(got.1, expected.1)
        XCTAssertEqual(got.0?.communities.count, 3000)
        // Lines in the second half are the file's: community 2999's `id` line.
        let last = try XCTUnwrap(got.0?.communities.last?.location)
        let lineOfLast = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "  - id: c2999" }.map { $0 + 1 }
        XCTAssertEqual(last.line, lineOfLast)
    }

    func testSmallFilesAreReadInOnePiece() {
        XCTAssertNil(HalvedRead.read(sampleFile(communities: 40), file: "t.yaml", limits: .standard, anyLoad: true))
    }

    /// Files whose halves could differ from a single read, with the cut aimed at the `marker` line.
    private func assertNoSplit(_ text: String, marker: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let target = text.utf8.distance(from: text.startIndex, to: text.range(of: marker)!.lowerBound)
        let cut = bytes.withUnsafeBufferPointer { HalvedRead.splitPoint(in: $0, near: target) }
        XCTAssertNotNil(cut, "the file should offer a cut", file: file, line: line)
        XCTAssertNil(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0, target: target,
                                     anyLoad: true),
                     file: file, line: line)
    }

    func testWhatASplitCouldChangeIsReadInOnePiece() {
        // A quoted scalar open across the cut.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n    notes: \"one\n  - id: b\n    two\"\n  - id: c\n",
                      marker: "  - id: b")
        // A flow list open across the cut.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n    tags: [x,\n  - id: b\n    ]\n  - id: c\n",
                      marker: "  - id: b")
        // An alias in the second half naming an anchor in the first.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n    name: &n Name\n  - id: b\n    name: *n\n",
                      marker: "  - id: b")
        // A key given in both halves.
        assertNoSplit("ecosystem: E\nlinks: []\ncommunities:\n  - id: a\n  - id: b\nlinks: []\n", marker: "  - id: b")
        // A merge key.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n  - id: b\n    <<: {name: B}\n", marker: "  - id: b")
        // A problem in the second half.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n  - id: b\n\tname: x\n", marker: "  - id: b")
        // A second document after the list.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\n  - id: b\n---\nx: 1\n", marker: "  - id: b")
        // Lines the cut's line-feed scan does not see: after a CR alone, NEL, LS or PS, a `...` that ends
        // the document before the cut (one read then fails on what follows; the halves would not).
        for lineBreak in ["\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\(lineBreak)...\(lineBreak)  - id: x\n  - id: b\n",
                          marker: "  - id: b")
        }
        // Any such break before the cut, even where nothing would differ.
        assertNoSplit("ecosystem: E\ncommunities:\n  - id: a\r    name: A\n  - id: b\n", marker: "  - id: b")
        // A first half that ends its document with `...` is not joined (the reader says so).
        for (text, marker) in [("a: 1\n...\n", true), ("a: 1\n", false), ("---\na: 1\n", false), ("a: 1\n...", true)] {
            var reader = YAMLReader(file: "t.yaml", limits: .standard)
            XCTAssertNotNil(reader.read(Array(text.utf8)), text)
            XCTAssertEqual(reader.endsWithMarker, marker, text)
        }
        // Found by the fuzzer (Fuzz/regressions/lone-cr-document-end-before-cut.yaml), through the loader.
        let found = Array("ecosystem: E\ncommunities:\n  - id: a\r\r...\r\r\n  - id: b\n".utf8)
        let one = EcosystemLoader.load(yamlBytes: found, file: "t.yaml")
        let halves = EcosystemLoader.loadInHalves(yamlBytes: found, file: "t.yaml")
        XCTAssertEqual(one.diagnostics.items.map(\.description), halves.diagnostics.items.map(\.description))
        XCTAssertEqual(one.diagnostics.items.map(\.description),
                       ["t.yaml:7:3: error: invalid YAML: did not find expected <document start>"])
    }

    func testFilesWithoutABlockListOfCommunitiesOfferNoCut() {
        for text in ["ecosystem: E\ncommunities: [a, b, c]\n", "ecosystem: E\ncommunities: &all\n  - id: a\n  - id: b\n",
                     "ecosystem: E\ncommunities:\n  - id: a\n", "communities:\n  id: a\n", "ecosystem: E\n"] {
            let bytes = Array(text.utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { HalvedRead.splitPoint(in: $0, near: $0.count / 2) }, text)
        }
        // Items at the list's indentation only: a nested dash or the next section's list is no cut.
        let text = "communities:\n  - id: a\n    tags:\n      - x\nlinks:\n  - [a, b]\n  - [a, c]\n"
        let cuts = (0..<text.utf8.count).compactMap { target in
            Array(text.utf8).withUnsafeBufferPointer { HalvedRead.splitPoint(in: $0, near: target) }
        }
        XCTAssertEqual(cuts, [], "one item: no second item to cut at")
    }

    /// The lines before the cut are counted by their line feeds, which is YAML's count once no other
    /// break (a CR alone, NEL, LS, PS) occurs there; a part with one offers no cut.
    func testLinesBeforeTheCutAreCountedAsYAMLCountsThem() {
        func others(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { HalvedRead.hasBreaksOtherThanLineFeeds($0) }
        }
        for other in ["c\rd", "d\u{85}e", "e\u{2028}f", "f\u{2029}g", "a\r"] {
            XCTAssertTrue(others("a\nb\r\n" + other), other.debugDescription)
        }
        XCTAssertFalse(others("a\nb\r\nc\r\n"))
        // Line feeds (counted eight bytes at a time), among letters whose bytes share NEL's, LS's and
        // PS's lead bytes (é is C3 A9, – is E2 80 93, · is C2 B7), at every length and alignment.
        let lines = "Café – a·b\n\nx\né\u{2013}\n—\n"
        XCTAssertFalse(others(lines))
        for end in 0...lines.utf8.count {
            let bytes = Array(lines.utf8.prefix(end))
            for start in 0..<min(9, bytes.count + 1) {
                let slice = Array(bytes[start...])
                XCTAssertEqual(slice.withUnsafeBufferPointer { HalvedRead.lineFeeds(in: $0) },
                               slice.filter { $0 == 0x0A }.count, "\(start)..<\(end)")
            }
        }
    }

    /// Through the loader: a file above the size where halves are read, with a problem in its second
    /// half, reports it where a single read does.
    func testALargeFileWithAProblemLateReportsItsLine() throws {
        var bytes = sampleFile(communities: 12000)
        XCTAssertGreaterThan(bytes.count, HalvedRead.minimumBytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let target = try XCTUnwrap(lines.firstIndex { $0 == "  - id: c8000" })
        var edited = lines.map(String.init)
        edited[target + 1] += "\n    actions: lots"
        bytes = Array(edited.joined(separator: "\n").utf8)
        let result = EcosystemLoader.load(yamlBytes: bytes, file: "big.yaml")
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.items.filter { $0.severity == .error }.map(\.description),
                       ["big.yaml:\(target + 3):14: error: `actions` must be a number, found \"lots\""])
    }

    func testTheLoaderAgreesBothWays() {
        for bytes in [sampleFile(communities: 50), sampleFile(communities: 50, warnings: false),
                      Array("ecosystem: E\ncommunities:\n  - id: a\n  - id: A\n".utf8)] {
            let one = EcosystemLoader.load(yamlBytes: bytes, file: "t.yaml")
            let halves = EcosystemLoader.loadInHalves(yamlBytes: bytes, file: "t.yaml")
            XCTAssertEqual(halves.ecosystem, one.ecosystem)
            XCTAssertEqual(halves.diagnostics.items.map(\.description), one.diagnostics.items.map(\.description))
        }
    }

    func testASecondCoreIsUsedOnlyWhenFree() throws {
        // This test runs, so at least one task is runnable.
        let runnable = try XCTUnwrap(SpareCore.runnableTasks())
        XCTAssertGreaterThanOrEqual(runnable, 1)
        setenv("ECOMAP_LOAD_THREADS", "1", 1)
        defer { unsetenv("ECOMAP_LOAD_THREADS") }
        XCTAssertFalse(SpareCore.available)
        let bytes = sampleFile(communities: 300, warnings: false)
        XCTAssertNil(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0))
        XCTAssertNotNil(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0, concurrently: false))
        setenv("ECOMAP_LOAD_THREADS", "2", 1)
        XCTAssertTrue(SpareCore.available)
        XCTAssertNotNil(HalvedRead.read(bytes, file: "t.yaml", limits: .standard, minimumBytes: 0))
    }
}
