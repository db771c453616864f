import XCTest
import EcomapModel
import EcomapAnalysis
@testable import EcomapOutput
import EcomapText

/// `--locale`: one number format per output, English by default, Dutch and German with `.` between
/// thousands and a decimal comma; names that look like numbers stay literal.
final class NumberLocaleTests: XCTestCase {
    func testGroupedAndDecimal() {
        XCTAssertEqual(NumberLocale.en.grouped(48000), "48,000")
        XCTAssertEqual(NumberLocale.nl.grouped(48000), "48.000")
        XCTAssertEqual(NumberLocale.de.grouped(1_234_567), "1.234.567")
        XCTAssertEqual(NumberLocale.de.grouped(-2500), "-2.500")
        XCTAssertEqual(NumberLocale.de.grouped(999), "999")
        XCTAssertEqual(NumberLocale.en.decimal(2400.5, 2), "2,400.5")
        XCTAssertEqual(NumberLocale.de.decimal(2400.5, 2), "2.400,5")
        XCTAssertEqual(NumberLocale.nl.decimal(0.125, 3), "0,125")
        XCTAssertEqual(NumberLocale.nl.decimal(62, 2), "62")
        XCTAssertEqual(NumberLocale.nl.padded(58.3, 1), "58,3")
        XCTAssertEqual(NumberLocale(option: "DE"), .de)
        XCTAssertNil(NumberLocale(option: "fr"))
    }

    func testLocalizeRewritesOnlyNumbers() {
        let de = NumberLocale.de
        XCTAssertEqual(de.localize("about 48,000 members (now 12,500)."), "about 48.000 members (now 12.500).")
        XCTAssertEqual(de.localize("social density 0.35 is low (below 0.5)"), "social density 0,35 is low (below 0,5)")
        XCTAssertEqual(de.localize("size 14.6 + activity 14.2 = 41.1"), "size 14,6 + activity 14,2 = 41,1")
        XCTAssertEqual(de.localize("38.2–63.0"), "38,2–63,0")
        XCTAssertEqual(de.localize("2,400.5 a month"), "2.400,5 a month")
        // Lists, steps, dates, versions and ids are not numbers to rewrite.
        XCTAssertEqual(de.localize("steps 1, 2 and 3"), "steps 1, 2 and 3")
        XCTAssertEqual(de.localize("as of 2026-11-01"), "as of 2026-11-01")
        XCTAssertEqual(de.localize("version 1.2.3 and web3.0"), "version 1.2.3 and web3.0")
        XCTAssertEqual(de.localize("1,2345 stays"), "1,2345 stays")
        XCTAssertEqual(NumberLocale.en.localize("48,000 and 0.5"), "48,000 and 0.5")
        // Quoted names stay literal.
        XCTAssertEqual(de.localize("Mom 2.0 Summit links 2.5 times to Web 1,000", keeping: ["Mom 2.0 Summit", "Web 1,000"]),
                       "Mom 2.0 Summit links 2,5 times to Web 1,000")
        XCTAssertEqual(de.namesToKeep(["Mom 2.0 Summit", "Alpha Moms", "Club 99"]), ["Mom 2.0 Summit"])
    }

    /// The table and Markdown reports in German: every figure in one format, names untouched.
    func testRankReportsInGerman() {
        let eco = Ecosystem(
            title: "Radfahrer", communities: [
                Community(id: "a", name: "Mom 2.0 Summit", members: 48000, discussions: 120.5, reactions: 2400, reach: 250_000, actions: 35),
                Community(id: "b", name: "Club", members: 900, discussions: 3, reactions: 10),
            ], links: [Link(from: "a", to: "b", weight: 0.5)], sourceFile: "r.yaml")
        let analysis = Analyzer.analyze(eco)
        for format in [RankFormat.markdown, .table] {
            let en = RankReport(analysis: analysis, explain: true).rendered(as: format)
            let de = RankReport(analysis: analysis, explain: true, locale: .de).rendered(as: format)
            XCTAssertNotEqual(en, de, "\(format)")
            XCTAssertTrue(de.contains("Mom 2.0 Summit"), "\(format): the name is literal")
            // No number written the English way is left outside the name.
            let withoutName = de.replacingOccurrences(of: "Mom 2.0 Summit", with: "")
            XCTAssertNil(withoutName.range(of: #"(?<![\w.,])\d+\.\d+(?![\w.,])"#, options: .regularExpression),
                         "\(format): a decimal point left: \(withoutName)")
            XCTAssertNil(withoutName.range(of: #"(?<![\w.,])[1-9]\d{0,2},\d{3}(?![\d])"#, options: .regularExpression),
                         "\(format): an English thousands separator left")
            XCTAssertTrue(en.range(of: #"\d+\.\d"#, options: .regularExpression) != nil, "\(format): English has decimals")
            // Same text otherwise: swapping the separators back gives the English report.
            XCTAssertEqual(de.count, en.count, "\(format)")
        }
    }
}
