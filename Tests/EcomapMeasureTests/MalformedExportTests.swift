import EcomapLoad
@testable import EcomapMeasure
import EcomapModel
import Foundation
import XCTest

/// Broken exports are errors naming the file and the position; never a crash or a partial figure.
final class MalformedExportTests: MeasureTestCase {
    func errors(_ sources: [String]) throws -> [String] {
        let e = try ecosystem(sources)
        let (measurements, diagnostics) = Measurer.measure(e, window: MeasureWindow(to: e.asOf!))
        XCTAssertEqual(measurements, [], "a community with a broken source has no measurement")
        XCTAssertFalse(Measurer.apply(to: e).ecosystem != nil, "apply must fail too")
        return diagnostics.map(\.description)
    }

    func testTruncatedDiscordExportNamesTheByteOffset() throws {
        let full = Array(Scenario.discordJSON().utf8)
        for cut in [1, 200, full.count / 2, full.count - 3] {
            try write("discord.json", String(decoding: full.prefix(cut), as: UTF8.self))
            let e = try errors(["{format: discord, path: discord.json}"])
            XCTAssertEqual(e.count, 1)
            XCTAssertTrue(e[0].hasPrefix("discord.json:"), e[0])
            XCTAssertTrue(e[0].contains("error:") && e[0].contains("(byte offset "), e[0])
        }
    }

    func testDiscordSyntaxErrorLineColumnAndOffset() throws {
        try write("discord.json", "{\"messages\": [\n  {\"id\": \"1\", \"type\": \"Default\",, }\n]}")
        XCTAssertEqual(try errors(["{format: discord, path: discord.json}"]),
                       ["discord.json:2:33: error: expected a key in double quotes, found `,` (byte offset 47)"])
        try write("discord.json", "{\"messages\": [{\"id\": \"1\", \"type\": \"Default\"}]}")
        XCTAssertEqual(try errors(["{format: discord, path: discord.json}"]),
                       ["discord.json:1:15: error: a message without `timestamp` (byte offset 14)"])
        try write("discord.json", "{\"guild\": {}}")
        XCTAssertEqual(try errors(["{format: discord, path: discord.json}"]),
                       ["discord.json:1:1: error: no `messages` list: not a DiscordChatExporter JSON export (byte offset 0)"])
        try write("discord.json", "{\"messages\": []} x")
        XCTAssertEqual(try errors(["{format: discord, path: discord.json}"]),
                       ["discord.json:1:18: error: unexpected text after the end of the JSON document (byte offset 17)"])
        try write("discord.json", "{\"messages\": [{\"id\": \"1\", \"type\": \"Default\", \"timestamp\": \"yesterday\"}]}")
        XCTAssertEqual(try errors(["{format: discord, path: discord.json}"]),
                       ["discord.json:1:59: error: `timestamp` must be an ISO 8601 date and time (byte offset 58)"])
    }

    func testMalformedSlackMemberNamesZipMemberAndLine() throws {
        try Scenario.writeSlackZip(to: folder.appendingPathComponent("slack.zip"),
                                   extra: ["general/2026-03-09.json": "[\n{\"type\":\"message\",\"ts\":\"1.0\",\"user\":\"U1\"},\n{\"type\": \"message\" \"ts\": 2}\n]\n"])
        XCTAssertEqual(try errors(["{format: slack, path: slack.zip}"]),
                       ["slack.zip:general/2026-03-09.json:3:20: error: expected `,` or `}`, found `\"` (byte offset 64)"])
    }

    func testNotAZipAndNoUsersJSON() throws {
        try write("slack.zip", "not a zip")
        let e = try errors(["{format: slack, path: slack.zip}"])
        XCTAssertTrue(e[0].hasPrefix("error: slack.zip: not a readable ZIP file"), e[0])
        try write("empty/general/2026-03-01.json", "[]")
        XCTAssertEqual(try errors(["{format: slack, path: empty}"]),
                       ["error: empty: no users.json: not a Slack workspace export"])
    }

    func testCSVErrorsNameRowAndColumn() throws {
        try write("posts.csv", "topic_id,post_number,user_id,username,created_at\n1,1,5,ann,2026-03-01 10:00\n1,two,5,ann,2026-03-01 11:00\n")
        XCTAssertEqual(try errors(["{format: discourse, path: posts.csv}"]),
                       ["posts.csv:3:post_number: error: `post_number` must be a whole number, found \"two\""])
        try write("posts.csv", "topic_id,post_number,username,created_at\n")
        XCTAssertEqual(try errors(["{format: discourse, path: posts.csv}"]),
                       ["posts.csv:1:user_id: error: a Discourse posts CSV needs the column `user_id` (needed: topic_id, post_number, user_id, username, created_at)"])
        try write("m.csv", "community,date,author,sentiment,text\nc,2026-03-01,a,positive,\"open quote\n")
        XCTAssertEqual(try errors(["{format: mentions, path: m.csv}"]),
                       ["m.csv:2:0: error: a quoted cell opened in row 2 is never closed (is the export truncated?)"])
        try write("m.csv", "community,date,author,sentiment,text\nc,someday,a,positive,x\n")
        XCTAssertTrue(try errors(["{format: mentions, path: m.csv}"])[0].hasPrefix("m.csv:2:date: error: cannot read the date \"someday\""))
    }

    func testEveryBrokenCommunityIsReported() throws {
        try write("a.json", "{")
        try write("b.json", "[")
        let yaml = """
            ecosystem: T
            as_of: 2026-03-31
            communities:
              - {id: a, sources: [{format: discord, path: a.json}]}
              - {id: b, sources: [{format: discord, path: b.json}]}
            """
        try write("eco.yaml", yaml)
        let e = try XCTUnwrap(EcosystemLoader.load(path: folder.appendingPathComponent("eco.yaml").path).ecosystem)
        let outcome = Measurer.apply(to: e)
        XCTAssertNil(outcome.ecosystem)
        XCTAssertEqual(outcome.diagnostics.map(\.description), [
            "a.json:1:2: error: the JSON ends in the middle of the document (is the export truncated?) (byte offset 1)",
            "b.json:1:1: error: a DiscordChatExporter export is a JSON object with `messages` (byte offset 0)",
        ])
    }

    // MARK: - The tokenizer on its own

    func tokens(_ text: String, chunk: Int = 3) throws(MeasureError) -> [JSONToken] {
        let json = JSONStream(source: MemoryByteSource(Array(text.utf8)), name: "t", chunk: chunk)
        var out: [JSONToken] = []
        while true {
            let t = try json.next()
            out.append(t)
            if t == .end { return out }
        }
    }

    func testTokenizerAcrossChunkBoundaries() throws {
        let text = "{\"a\\u00e9\\ud83d\\ude00\": [1, -2.5e3, true, false, null, \"x\\n\\\"y\"], \"b\": {}}"
        let json = JSONStream(source: MemoryByteSource(Array(text.utf8)), name: "t", chunk: 2)
        XCTAssertEqual(try json.next(), .beginObject)
        XCTAssertEqual(try json.next(), .key)
        XCTAssertEqual(json.text, "aé😀")
        XCTAssertEqual(try tokens(text, chunk: 1),
                       [.beginObject, .key, .beginArray, .number, .number, .bool(true), .bool(false), .null, .string, .endArray,
                        .key, .beginObject, .endObject, .endObject, .end])
    }

    func testTokenizerRejectsInvalidJSON() {
        for bad in ["", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[-]", "[tru]", "[\"a\u{01}\"]", "{\"a\":1}}", "[\"\\x\"]", "{1:2}", "[1 2]"] {
            XCTAssertThrowsError(try tokens(bad), "\(bad.debugDescription) must be rejected")
        }
        XCTAssertThrowsError(try tokens(String(repeating: "[", count: 300) + String(repeating: "]", count: 300))) { e in
            XCTAssertTrue("\(e)".contains("deeper than 256"), "\(e)")
        }
    }

    // MARK: - Loader

    func loaderErrors(_ sources: String) throws -> [String] {
        try write("exists.json", "{}")
        try write("eco.yaml", "ecosystem: T\ncommunities:\n  - id: c\n    sources:\n\(sources)")
        return EcosystemLoader.load(path: folder.appendingPathComponent("eco.yaml").path).diagnostics.errors.map(\.description)
    }

    func testLoaderValidatesSourcesWithLocations() throws {
        let file = folder.appendingPathComponent("eco.yaml").path
        XCTAssertEqual(try loaderErrors("      - {format: discorde, path: exists.json}\n"),
                       ["\(file):5:18: error: `format` must be one of discord, slack, discourse, mentions, figures, found \"discorde\"; did you mean `discord`?"])
        let missing = try loaderErrors("      - {format: discord, path: missing.json}\n")
        XCTAssertEqual(missing.count, 1)
        XCTAssertTrue(missing[0].hasPrefix("\(file):5:33: error: source file \"missing.json\" does not exist (looked for \"/"), missing[0])
        XCTAssertEqual(try loaderErrors("      - {format: discord}\n"),
                       ["\(file):5:9: error: a source needs `path`, the export's file"])
        XCTAssertEqual(try loaderErrors("      - {format: discord, path: exists.json, preset: brandwatch}\n"),
                       ["\(file):5:54: error: `preset` applies to `format: mentions` only"])
        XCTAssertEqual(try loaderErrors("      - {format: mentions, path: exists.json, preset: brandwatc}\n"),
                       ["\(file):5:55: error: `preset` must be one of brandwatch, talkwalker, meltwater, generic, found \"brandwatc\"; did you mean `brandwatch`?"])
        XCTAssertEqual(try loaderErrors("      - {format: discord, path: exists.json, window: 3}\n"),
                       ["\(file):5:46: error: unknown key `window` in a source; did you mean `format`?"])
        XCTAssertEqual(try loaderErrors("      - {format: discord, path: .}\n"),
                       ["\(file):5:33: error: source \".\" is a folder; a discord source is one file"])
    }

    func testSourcesResolveBesideTheEcosystemFile() throws {
        try write("sub/d.json", Scenario.discordJSON())
        try write("sub/eco.yaml", "ecosystem: T\nas_of: 2026-03-31\ncommunities:\n  - id: c\n    sources: [{format: discord, path: d.json}]\n")
        let e = try XCTUnwrap(EcosystemLoader.load(path: folder.appendingPathComponent("sub/eco.yaml").path).ecosystem)
        XCTAssertEqual(e.communities[0].sources[0].path, "d.json")
        XCTAssertEqual(e.measureSourcePaths, [folder.appendingPathComponent("sub/d.json").path])
        XCTAssertEqual(try measureOne(e).activeMembers, 4)
    }
}
