import EcomapLoad
@testable import EcomapMeasure
import EcomapModel
import Foundation
import XCTest

/// Real-format samples (written by `scripts/sample-exports.py`, committed under Fixtures/) measured
/// against the figures that script computes with its own, independent implementation of docs/measure.md.
final class FixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Expected: Decodable {
        struct Person: Decodable { var name: String; var score: Double; var messages: Int }
        var active_members: Int
        var discussions: Double
        var reactions: Double
        var density: Double?
        var response_rate: Double?
        var median_first_response_hours: Double?
        var key_people: [Person]
        var registered_members: Int?
    }

    struct ExpectedSentiment: Decodable {
        var mentions: Int
        var positive: Double
        var neutral: Double
        var negative: Double
        var competitors: [String: Int]
    }

    func expected<T: Decodable>(_ end: String, _ key: String, as: T.Type) throws -> T {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json"))
        let all = try JSONSerialization.jsonObject(with: data) as! [String: [String: Any]]
        let item = try XCTUnwrap(all[end]?[key], "\(end) \(key)")
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: item))
    }

    func measure(_ sources: String, end: String) throws -> CommunityMeasurement {
        let yaml = """
            ecosystem: Fixtures
            as_of: \(end)
            communities:
              - id: fietsforum
                sources: [\(sources)]
            stakeholders:
              - {id: stadsrad, name: Stadsrad, role: competitor}
              - {id: velonord, name: VeloNord, role: competitor}
            """
        let file = Self.fixtures.appendingPathComponent("fixture-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = EcosystemLoader.load(path: file.path)
        let e = try XCTUnwrap(loaded.ecosystem, "\(loaded.diagnostics)")
        let (ms, diagnostics) = Measurer.measure(e, window: MeasureWindow(to: e.asOf!))
        XCTAssertEqual(diagnostics, [])
        return try XCTUnwrap(ms.first)
    }

    func check(_ m: CommunityMeasurement, _ x: Expected, _ label: String) {
        XCTAssertEqual(m.activeMembers, x.active_members, label)
        XCTAssertEqual(m.discussions ?? -1, x.discussions, accuracy: 1e-9, label)
        XCTAssertEqual(m.reactions ?? -1, x.reactions, accuracy: 1e-9, label)
        XCTAssertEqual(m.density ?? -1, x.density ?? -1, accuracy: 1e-9, label)
        XCTAssertEqual(m.responseRate ?? -1, x.response_rate ?? -1, accuracy: 1e-9, label)
        XCTAssertEqual(m.medianFirstResponseHours ?? -1, x.median_first_response_hours ?? -1, accuracy: 1e-6, label)
        XCTAssertEqual(m.keyPeople.map(\.name), x.key_people.map(\.name), label)
        for (a, b) in zip(m.keyPeople, x.key_people) {
            XCTAssertEqual(a.score, b.score, accuracy: 1e-6, "\(label) \(a.name)")
            XCTAssertEqual(a.messages, b.messages, "\(label) \(a.name)")
        }
        if let r = x.registered_members { XCTAssertEqual(m.registeredMembers, r, label) }
    }

    func checkSentiment(_ m: CommunityMeasurement, _ x: ExpectedSentiment, _ label: String) throws {
        let s = try XCTUnwrap(m.sentiment, label)
        XCTAssertEqual(s.mentions, x.mentions, label)
        XCTAssertEqual(s.positive, x.positive, accuracy: 1e-9, label)
        XCTAssertEqual(s.neutral, x.neutral, accuracy: 1e-9, label)
        XCTAssertEqual(s.negative, x.negative, accuracy: 1e-9, label)
        XCTAssertEqual(s.competitors, x.competitors, label)
    }

    static let ends = ["2026-03-31", "2026-06-30"]

    func testDiscordSample() throws {
        for end in Self.ends {
            check(try measure("{format: discord, path: discord-velo.json}", end: end), try expected(end, "discord", as: Expected.self), "discord \(end)")
        }
    }

    func testSlackSample() throws {
        for end in Self.ends {
            check(try measure("{format: slack, path: slack-werkplaats.zip}", end: end), try expected(end, "slack", as: Expected.self), "slack \(end)")
        }
    }

    func testDiscourseSample() throws {
        for end in Self.ends {
            check(try measure("{format: discourse, path: discourse-posts.csv}, {format: discourse, path: discourse-users.csv}", end: end),
                  try expected(end, "discourse", as: Expected.self), "discourse \(end)")
        }
    }

    func testMentionSamplesInEveryPreset() throws {
        for end in Self.ends {
            try checkSentiment(try measure("{format: mentions, path: mentions-generic.csv}", end: end),
                               try expected(end, "mentions-generic-fietsforum", as: ExpectedSentiment.self), "generic \(end)")
            try checkSentiment(try measure("{format: mentions, path: mentions-meltwater.csv}", end: end),
                               try expected(end, "mentions-all", as: ExpectedSentiment.self), "meltwater \(end)")
            try checkSentiment(try measure("{format: mentions, path: mentions-brandwatch.csv}", end: end),
                               try expected(end, "mentions-brandwatch", as: ExpectedSentiment.self), "brandwatch \(end)")
            try checkSentiment(try measure("{format: mentions, path: mentions-talkwalker.csv, preset: talkwalker}", end: end),
                               try expected(end, "mentions-talkwalker", as: ExpectedSentiment.self), "talkwalker \(end)")
        }
    }
}
