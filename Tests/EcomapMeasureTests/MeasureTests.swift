import EcomapLoad
@testable import EcomapMeasure
import EcomapModel
import EcomapOutput
import Foundation
import XCTest

/// Temporary folders, ecosystems with sources, and the reference answers.
class MeasureTestCase: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-measure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Loads an ecosystem whose one community `c` lists the given sources (YAML flow mappings).
    func ecosystem(_ sources: [String], extra: String = "", asOf: String = "2026-03-31") throws -> Ecosystem {
        let yaml = """
            ecosystem: Test
            as_of: \(asOf)
            communities:
              - id: c
                name: The Community
                sources:
            \(sources.map { "      - " + $0 }.joined(separator: "\n"))
            \(extra)
            """
        try write("eco.yaml", yaml)
        let result = EcosystemLoader.load(path: folder.appendingPathComponent("eco.yaml").path)
        XCTAssertEqual(result.diagnostics.errors, [], "\(result.diagnostics)")
        return try XCTUnwrap(result.ecosystem)
    }

    func measureOne(_ e: Ecosystem, days: Int = 90) throws -> CommunityMeasurement {
        let (ms, diagnostics) = Measurer.measure(e, window: MeasureWindow(to: e.asOf!, days: days))
        XCTAssertEqual(diagnostics, [])
        return try XCTUnwrap(ms.first)
    }

    /// Weighted PageRank (damping 0.85) by plain power iteration, independent of EcomapAnalysis.
    func referencePageRank(_ edges: [(String, String, Double)], nodes: [String]) -> [String: Double] {
        var rank = Dictionary(uniqueKeysWithValues: nodes.map { ($0, 1.0 / Double(nodes.count)) })
        var out: [String: Double] = [:]
        for (a, b, w) in edges { out[a, default: 0] += w; out[b, default: 0] += w }
        for _ in 0..<500 {
            let dangling = nodes.filter { (out[$0] ?? 0) == 0 }.reduce(0) { $0 + rank[$1]! }
            var next = Dictionary(uniqueKeysWithValues: nodes.map { ($0, (0.15 + 0.85 * dangling) / Double(nodes.count)) })
            for (a, b, w) in edges {
                next[b]! += 0.85 * rank[a]! * w / out[a]!
                next[a]! += 0.85 * rank[b]! * w / out[b]!
            }
            rank = next
        }
        return rank
    }

    func assertActivity(_ m: CommunityMeasurement, interactions: [(String, String, Double)] = Scenario.Expected.interactions,
                        file: StaticString = #filePath, line: UInt = #line) {
        typealias E = Scenario.Expected
        XCTAssertEqual(m.from, CalendarDate(year: 2026, month: 1, day: 1), file: file, line: line)
        XCTAssertEqual(m.to, CalendarDate(year: 2026, month: 3, day: 31), file: file, line: line)
        XCTAssertEqual(m.activeMembers, E.activeMembers, file: file, line: line)
        XCTAssertEqual(m.discussions ?? -1, E.discussionsPerMonth, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(m.reactions ?? -1, E.reactionsPerMonth, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(m.density ?? -1, E.density, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(m.responseRate ?? -1, E.responseRate, accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(m.medianFirstResponseHours ?? -1, E.medianHours, accuracy: 1e-9, file: file, line: line)
        let reference = referencePageRank(interactions, nodes: ["Ann", "Bob", "Cat", "Dan"])
        XCTAssertEqual(m.keyPeople.count, 4, file: file, line: line)
        // Ties (to 8 decimals) go to more messages, then the name.
        let expectedOrder = reference.map { (name: $0.key, score: ($0.value * 1e8).rounded()) }.sorted {
            ($0.score, E.messages[$0.name]!, $1.name) > ($1.score, E.messages[$1.name]!, $0.name)
        }.map(\.name)
        XCTAssertEqual(m.keyPeople.map(\.name), expectedOrder, file: file, line: line)
        for p in m.keyPeople {
            XCTAssertEqual(p.score, reference[p.name] ?? -1, accuracy: 1e-6, "\(p.name)", file: file, line: line)
            XCTAssertEqual(p.messages, E.messages[p.name], "\(p.name)", file: file, line: line)
        }
        XCTAssertNil(m.sentiment, file: file, line: line)
    }

}

/// Every figure of every format against the hand-worked answers of `Scenario`.
final class MeasureTests: MeasureTestCase {
    // MARK: - Formats

    func testDiscordExport() throws {
        try write("discord.json", Scenario.discordJSON())
        let m = try measureOne(try ecosystem(["{format: discord, path: discord.json}"]))
        assertActivity(m)
        XCTAssertNil(m.registeredMembers)
        XCTAssertEqual(m.sources, ["discord.json"])
    }

    func testSlackZipExport() throws {
        try Scenario.writeSlackZip(to: folder.appendingPathComponent("slack.zip"))
        let m = try measureOne(try ecosystem(["{format: slack, path: slack.zip}"]))
        assertActivity(m)
        XCTAssertEqual(m.registeredMembers, 5)  // Ann, Bob, Cat, Dan, eve; not the bot, the deleted user or Slackbot
    }

    func testSlackUnpackedFolder() throws {
        try write("slack/users.json", Scenario.slackUsers())
        for (path, text) in Scenario.slackDays() { try write("slack/" + path, text) }
        let m = try measureOne(try ecosystem(["{format: slack, path: slack}"]))
        assertActivity(m)
    }

    func testDiscourseExports() throws {
        try write("posts.csv", Scenario.discoursePosts())
        try write("users.csv", Scenario.discourseUsers())
        let m = try measureOne(try ecosystem(["{format: discourse, path: posts.csv}", "{format: discourse, path: users.csv}"]))
        // Discourse posts carry no mentions and likes name nobody: replies are the only interactions.
        assertActivity(m, interactions: [("Ann", "Bob", 1), ("Ann", "Dan", 1), ("Bob", "Dan", 1)])
        XCTAssertEqual(m.registeredMembers, 5)  // not system, staged or suspended users
    }

    func testDiscourseAboutJSON() throws {
        try write("about.json", #"{"about":{"title":"Forum","stats":{"topic_count":10,"post_count":50,"user_count":1234,"active_users_30_days":40}}}"#)
        let m = try measureOne(try ecosystem(["{format: discourse, path: about.json}"]))
        XCTAssertEqual(m.registeredMembers, 1234)
        XCTAssertNil(m.activeMembers)
        XCTAssertNil(m.discussions)
    }

    func testWindowLengthScalesPerMonthFigures() throws {
        try write("discord.json", Scenario.discordJSON())
        let e = try ecosystem(["{format: discord, path: discord.json}"])
        // 30 days ending 2026-03-31: from 2026-03-02 only m4 and m5 count.
        let m = try measureOne(e, days: 30)
        XCTAssertEqual(m.from, CalendarDate(year: 2026, month: 3, day: 2))
        XCTAssertEqual(m.activeMembers, 1)
        XCTAssertEqual(m.discussions, 1)
        XCTAssertEqual(m.reactions, 1)
        XCTAssertEqual(m.responseRate, 0)
        XCTAssertNil(m.medianFirstResponseHours)
    }

    // MARK: - Mentions

    func testGenericMentionsSharesAndCompetitors() throws {
        try write("mentions.csv", """
            community,date,author,sentiment,text
            c,2026-03-01,a1,positive,Love it more than Rival Co
            c,2026-03-02,a2,Positive,great
            c,2026-03-03,a3,negative,rival co is cheaper
            c,2026-03-04,a4,neutral,"hm, ok"
            c,2026-03-05,a5,not rated,RivalCorp? no
            other,2026-03-05,a6,negative,not ours
            c,2025-10-01,a7,negative,too old
            """)
        let e = try ecosystem(["{format: mentions, path: mentions.csv}"], extra: """
            stakeholders:
              - {id: rival, name: Rival Co, role: competitor}
              - {id: acme, name: Acme, role: brand}
            """)
        let m = try measureOne(e)
        let s = try XCTUnwrap(m.sentiment)
        XCTAssertEqual(s.mentions, 5)
        XCTAssertEqual(s.rated, 4)
        XCTAssertEqual(s.positive, 0.5)
        XCTAssertEqual(s.negative, 0.25)
        XCTAssertEqual(s.neutral, 0.25)
        XCTAssertEqual(s.competitors, ["rival": 2])
        XCTAssertEqual(s.overall, .positive)
        XCTAssertNil(m.activeMembers)
    }

    func testBrandwatchPreambleIsDetected() throws {
        try write("bw.csv", """
            Brandwatch Consumer Research
            Query: acme
            ,
            Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Author,Full Text,Reach (new)
            1,acme,2026-03-01 10:00:00.0,t,https://x,x,negative,a,bad,10
            2,acme,2026-03-02 10:00:00.0,t,https://x,x,negative,b,bad,10
            3,acme,2026-03-03 10:00:00.0,t,https://x,x,positive,c,good,10
            """)
        let s = try XCTUnwrap(try measureOne(try ecosystem(["{format: mentions, path: bw.csv}"])).sentiment)
        XCTAssertEqual(s.mentions, 3)
        XCTAssertEqual(s.negative, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(s.overall, .negative)  // net -33 points
        XCTAssertEqual(s.competitors, [:])
    }

    func testMeltwaterUTF16TabSeparated() throws {
        let text = "Date\tHeadline\tURL\tHit Sentence\tSource\tSentiment\tAuthor\r\n"
            + "01-Mar-2026 09:30AM\th\tu\tfine\tweb\tNeutral\tx\r\n"
            + "02-Mar-2026 10:00PM\th\tu\tbad\tweb\tNegative\ty\r\n"
            + "03-Mar-2026\th\tu\tmeh\tweb\tNot Rated\tz\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        try data.write(to: folder.appendingPathComponent("mw.csv"))
        let s = try XCTUnwrap(try measureOne(try ecosystem(["{format: mentions, path: mw.csv}"])).sentiment)
        XCTAssertEqual(s.mentions, 3)
        XCTAssertEqual(s.rated, 2)
        XCTAssertEqual(s.neutral, 0.5)
        XCTAssertEqual(s.negative, 0.5)
    }

    func testTalkwalkerNumericSentimentWithPreset() throws {
        try write("tw.csv", """
            url,published,title,content,sentiment,extra_author_attributes.name
            https://a,1772359200000,t,x,3,a
            https://b,2026-03-02T10:00:00Z,t,x,-2,b
            https://c,2026-03-03T10:00:00Z,t,x,0,c
            https://d,2026-03-04T10:00:00Z,t,x,5,d
            """)
        let s = try XCTUnwrap(try measureOne(try ecosystem(["{format: mentions, path: tw.csv, preset: talkwalker}"])).sentiment)
        XCTAssertEqual(s.mentions, 4)
        XCTAssertEqual(s.positive, 0.5)
        XCTAssertEqual(s.negative, 0.25)
    }

    func testUnknownMentionLayoutListsTheColumnsNeeded() throws {
        try write("odd.csv", "when,who,mood\n2026-03-01,a,good\n")
        let e = try ecosystem(["{format: mentions, path: odd.csv}"])
        let (_, diagnostics) = Measurer.measure(e, window: MeasureWindow(to: e.asOf!))
        let text = try XCTUnwrap(diagnostics.first).description
        XCTAssertTrue(text.hasPrefix("odd.csv:1:0: error: unknown mention export layout"), text)
        for needed in ["brandwatch (Date, Sentiment, Full Text)", "talkwalker (published, sentiment, content)",
                       "meltwater (Date, Sentiment, Hit Sentence)", "generic (community, date, author, sentiment, text)", "preset:"] {
            XCTAssertTrue(text.contains(needed), "\(needed) missing in \(text)")
        }
    }

    // MARK: - Figures CSV

    func testFiguresCSVPicksTheLatestWindowUpToAsOf() throws {
        try write("figures.csv", """
            community,from,to,active_members,discussions,reactions,density,response_rate,median_first_response_hours
            c,2025-10-02,2025-12-31,40,20,60,2,0.5,3.5
            c,2026-01-01,2026-03-31,50,30,90,2.4,0.6,2
            other,2026-01-01,2026-03-31,1,1,1,2,1,1
            c,2026-04-01,2026-06-29,60,40,100,2.3,0.7,1
            """)
        let q1 = try measureOne(try ecosystem(["{format: figures, path: figures.csv}"]))
        XCTAssertEqual(q1.activeMembers, 50)
        XCTAssertEqual(q1.discussions, 30)
        XCTAssertEqual(q1.reactions, 90)
        XCTAssertEqual(q1.from, CalendarDate(year: 2026, month: 1, day: 1))
        let q4 = try measureOne(try ecosystem(["{format: figures, path: figures.csv}"], asOf: "2026-02-15"))
        XCTAssertEqual(q4.activeMembers, 40)
        XCTAssertEqual(q4.medianFirstResponseHours, 3.5)
    }

    func testMeasureCSVOutputReadsBackAsFiguresSource() throws {
        try write("discord.json", Scenario.discordJSON())
        let e = try ecosystem(["{format: discord, path: discord.json}"])
        let m = try measureOne(e)
        let csv = MeasureReport(title: "T", windowDays: 90, measurements: [m], names: [:]).rendered(as: .csv)
        try write("out.csv", csv)
        let back = try measureOne(try ecosystem(["{format: figures, path: out.csv}"]))
        XCTAssertEqual(back.activeMembers, m.activeMembers)
        XCTAssertEqual(back.discussions ?? 0, m.discussions!, accuracy: 0.005)
        XCTAssertEqual(back.reactions ?? 0, m.reactions!, accuracy: 0.005)
        XCTAssertEqual(back.responseRate ?? 0, m.responseRate!, accuracy: 0.00005)
    }

    // MARK: - Using the measured figures

    func testApplyPutsMeasuredFiguresInPlaceAndWarnsOnDisagreement() throws {
        try write("discord.json", Scenario.discordJSON())
        try write("mentions.csv", "community,date,author,sentiment,text\nc,2026-03-01,a,negative,x\nc,2026-03-02,b,negative,y\n")
        let yaml = """
            ecosystem: Test
            as_of: 2026-03-31
            communities:
              - id: c
                members: 1000
                activity: {discussions: 10, reactions: 3}
                sentiment: positive
                sources:
                  - {format: discord, path: discord.json}
                  - {format: mentions, path: mentions.csv}
              - id: typed
                members: 10
            """
        try write("eco.yaml", yaml)
        let e = try XCTUnwrap(EcosystemLoader.load(path: folder.appendingPathComponent("eco.yaml").path).ecosystem)
        let outcome = Measurer.apply(to: e)
        let c = try XCTUnwrap(outcome.ecosystem?.communities.first)
        XCTAssertEqual(c.discussions ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(c.reactions ?? 0, 7.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(c.members, 1000)  // Discord has no member list: the typed figure stays
        XCTAssertEqual(c.sentiment, .negative)
        XCTAssertEqual(c.measured?.figures, ["activity.discussions", "activity.reactions", "sentiment"])
        XCTAssertTrue(c.isMeasured("activity.discussions"))
        XCTAssertFalse(c.isMeasured("members"))
        XCTAssertNil(outcome.ecosystem?.communities[1].measured)
        let warnings = outcome.diagnostics.map(\.description)
        XCTAssertEqual(warnings.count, 2, "\(warnings)")  // discussions 10 vs 1; sentiment; reactions 3 vs 2.33 agree
        XCTAssertTrue(warnings[0].contains("typed `activity.discussions` 10 and measured 1 (2026-01-01..2026-03-31) differ by more than a factor of 2"), warnings[0])
        XCTAssertTrue(warnings[0].hasSuffix("eco.yaml:4:5: warning: community `c`: typed `activity.discussions` 10 and measured 1 (2026-01-01..2026-03-31) differ by more than a factor of 2; the measured figure is used") || warnings[0].contains("eco.yaml:4:5: warning"), warnings[0])
        XCTAssertTrue(warnings[1].contains("typed `sentiment` positive but the mentions measured 2026-01-01..2026-03-31 read negative"), warnings[1])
    }

    func testApplyWithoutAsOfIsALocatedError() throws {
        try write("discord.json", Scenario.discordJSON())
        try write("eco.yaml", "ecosystem: T\ncommunities:\n  - id: c\n    sources: [{format: discord, path: discord.json}]\n")
        let e = try XCTUnwrap(EcosystemLoader.load(path: folder.appendingPathComponent("eco.yaml").path).ecosystem)
        let outcome = Measurer.apply(to: e)
        XCTAssertNil(outcome.ecosystem)
        XCTAssertTrue(outcome.diagnostics[0].description.contains("eco.yaml:3:5: error: measuring `sources` needs"), "\(outcome.diagnostics)")
        XCTAssertNotNil(Measurer.apply(to: e, asOf: CalendarDate(year: 2026, month: 3, day: 31)).ecosystem)
    }

    func testPseudonymsAreStableKeyedAndHideNames() throws {
        try write("discord.json", Scenario.discordJSON())
        let m = try measureOne(try ecosystem(["{format: discord, path: discord.json}"]))
        let report = MeasureReport(title: "T", windowDays: 90, measurements: [m], names: [:])
        let a = report.pseudonymised(key: "k1").rendered(as: .json)
        XCTAssertEqual(a, report.pseudonymised(key: "k1").rendered(as: .json))
        XCTAssertNotEqual(a, report.pseudonymised(key: "k2").rendered(as: .json))
        for name in ["Ann", "Bob", "Cat", "Dan", "ann"] { XCTAssertFalse(a.contains(name), a) }
        XCTAssertEqual(Pseudonym.code(for: "discord:1001", key: "k1"), Pseudonym.code(for: "discord:1001", key: "k1"))
        XCTAssertTrue(Pseudonym.code(for: "discord:1001", key: "k1").hasPrefix("P-"))
        // HMAC-SHA256 test vector (RFC 4231 case 2).
        XCTAssertEqual(Pseudonym.hexText(Pseudonym.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // No message text reaches any output.
        for format in MeasureFormat.allCases {
            XCTAssertFalse(report.rendered(as: format).contains("message 1"), "\(format)")
        }
    }
}

