import EcomapLoad
import EcomapModel
import Foundation
import XCTest
import ZIPFoundation

/// Workbooks read directly: the fixtures LibreOffice wrote, and small archives built here for the
/// cases a fixture cannot show (inline strings, booleans, dates, broken cells, ZIP bombs, repeats).
final class WorkbookTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Writes a ZIP archive of `parts` (deflated) as `name` and returns its path.
    func archive(_ name: String, _ parts: [(String, Data)]) throws -> String {
        let zip = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try zip.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: Date(timeIntervalSince1970: 0), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let url = folder.appendingPathComponent(name)
        try XCTUnwrap(zip.data).write(to: url)
        return url.path
    }

    func xlsx(_ name: String, sheets: [(String, String)], shared: [String] = [], styles: String? = nil) throws -> String {
        var parts: [(String, Data)] = []
        let book = sheets.enumerated().map { "<sheet name=\"\($1.0)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }
        parts.append(("xl/workbook.xml", Data(("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + book.joined() + "</sheets></workbook>").utf8)))
        let rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }
        parts.append(("xl/_rels/workbook.xml.rels", Data(("<Relationships>" + rels.joined() + "</Relationships>").utf8)))
        parts.append(("xl/sharedStrings.xml", Data(("<sst>" + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8)))
        if let styles { parts.append(("xl/styles.xml", Data(styles.utf8))) }
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml",
                          Data(("<worksheet><sheetData>" + sheet.1 + "</sheetData></worksheet>").utf8)))
        }
        return try archive(name, parts)
    }

    func messages(_ result: LoadResult) -> [String] {
        result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func testLibreOfficeWorkbooksReadWithTheirOwnTypes() throws {
        for file in ["wandern.xlsx", "wandern.ods"] {
            let path = SpreadsheetTests.sheets.appendingPathComponent("workbooks/\(file)").path
            let result = EcosystemLoader.load(path: path)
            let e = try XCTUnwrap(result.ecosystem, "\(file): \(result.diagnostics)")
            XCTAssertEqual(e.title, "wandern")
            XCTAssertEqual(e.communities.map(\.id), SpreadsheetTests.ids, file)
            XCTAssertEqual(e.communities.map(\.members), [48000, 95000, 1200, 850, 14500], file)
            XCTAssertEqual(e.communities.map(\.discussions), [120, 310, 14.5, 6.25, 8], file)
            XCTAssertEqual(e.communities.map(\.reactions), [950.5, 1200, 60, 40, 300.75], file)
            XCTAssertEqual(e.communities.map(\.reach), [150000, nil, nil, nil, 60000], "\(file): a formula's cached value")
            XCTAssertEqual(e.communities.map(\.platform), ["Facebook", "Reddit", "Meetup", "Strava", "Blog"], file)
            XCTAssertEqual(e.communities.map(\.channel), [.socialGroup, .forum, .event, .socialGroup, .blog], file)
            XCTAssertEqual(e.links.map(\.weight), [0.8, 0.35, 0.6], file)
            XCTAssertEqual(result.diagnostics.items.map(\.severity), [.note],
                           "\(file): typed numbers need no style warning: \(result.diagnostics)")
            XCTAssertEqual(result.diagnostics.items.first?.location?.description, "\(path):Knoten!A2")
        }
    }

    func testInlineStringsBooleansDatesAndErrorsByCell() throws {
        let styles = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"DD.MM.YYYY\"/></numFmts>"
            + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" t="s"><v>0</v></c>\
            <c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>Fietsclub</t></is></c><c r="B2"><v>48000</v></c>\
            <c r="C2" s="1"><v>46000</v></c><c r="D2" t="b"><v>1</v></c></row>\
            <row r="4"><c r="A4" t="inlineStr"><is><t>Tweede</t></is></c><c r="B4" t="e"><v>#DIV/0!</v></c></row>\
            <row r="5"><c r="A5" t="inlineStr"><is><t>Derde</t></is></c><c r="B5" t="s"><v>3</v></c></row>
            """
        let path = try xlsx("t.xlsx", sheets: [("Communities", rows)], shared: ["Leden", "Notities", "Tags", "48.000"],
                            styles: styles)
        let result = EcosystemLoader.load(path: path)
        XCTAssertEqual(messages(result).filter { $0.contains("error") }, [
            "t.xlsx:Communities!B4: error: `members` must be a whole number, found \"#DIV/0!\"",
            "t.xlsx:Communities!B5: error: \"48.000\" is ambiguous: nothing in this file shows whether `.` separates "
                + "decimals or thousands; write 48000 if you mean 48000, or 48.0 if you mean 48",
        ])
        let fixed = try xlsx("u.xlsx", sheets: [("Communities", rows.components(separatedBy: "<row r=\"4\">")[0])],
                             shared: ["Leden", "Notities", "Tags"], styles: styles)
        let e = try XCTUnwrap(EcosystemLoader.load(path: fixed).ecosystem)
        XCTAssertEqual(e.communities[0].members, 48000)
        XCTAssertEqual(e.communities[0].notes, "2025-12-09", "a date-formatted cell is read as its date")
        XCTAssertEqual(e.communities[0].tags, ["true"])
    }

    func testBrokenArchivesAreRefusedWithTheirReason() throws {
        let notZip = folder.appendingPathComponent("x.xlsx")
        try Data("name,members\n".utf8).write(to: notZip)
        XCTAssertEqual(messages(EcosystemLoader.load(path: notZip.path)), [
            "x.xlsx:1:1: error: cannot read the workbook: it is not a ZIP archive as .xlsx and .ods files are (is it "
                + "damaged, or another format renamed?)",
        ])
        let xls = folder.appendingPathComponent("old.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: xls)
        XCTAssertEqual(messages(EcosystemLoader.load(path: xls.path)), [
            "old.xlsx:1:1: error: this is an Excel 97-2003 workbook (.xls), which ecomap does not read; save it as "
                + "\"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\"",
        ])
        let entity = try archive("e.ods", [("content.xml", Data("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>".utf8))])
        XCTAssertEqual(messages(EcosystemLoader.load(path: entity)), [
            "e.ods:1:1: error: `content.xml` in the workbook declares a DOCTYPE or entities, which no spreadsheet "
                + "program writes; refused",
        ])
    }

    func testZipBombStopsAtTheUnpackedLimit() throws {
        // 300 MiB of spaces in content.xml, about 300 KiB packed (written by scripts/make_fixtures.py).
        let path = SpreadsheetTests.sheets.appendingPathComponent("workbooks/bomb.ods").path
        XCTAssertEqual(EcosystemLoader.load(path: path).diagnostics.items.map(\.description), [
            "\(path):1:1: error: the workbook unpacks to more than 256 MiB (limit: workbook size); is it a ZIP bomb?",
        ])
        // Headers that declare 1,000 bytes: the count while inflating stops it.
        let liar = SpreadsheetTests.sheets.appendingPathComponent("workbooks/bomb-lying.ods").path
        let messages = EcosystemLoader.load(path: liar).diagnostics.items.map(\.description)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("\(liar):1:1: error: "), messages[0])
        XCTAssertTrue(messages[0].contains("(limit: workbook size)") || messages[0].contains("the archive is damaged"),
                      messages[0])
    }

    func testODSRepeatsAreBoundedAndEmptyRepeatsCostNothing() throws {
        func content(_ rows: String) -> Data {
            Data(("<office:document-content xmlns:office=\"o\" xmlns:table=\"t\" xmlns:text=\"x\"><office:body>"
                  + "<office:spreadsheet><table:table table:name=\"nodes\">" + rows
                  + "</table:table></office:spreadsheet></office:body></office:document-content>").utf8)
        }
        let header = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Name</text:p>"
            + "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Members</text:p></table:table-cell>"
            + "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>"
        let row = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Club</text:p>"
            + "</table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"1200\"><text:p>1.200</text:p>"
            + "</table:table-cell><table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>"
            + "<table:covered-table-cell/>"
        let empty = "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
            + "table:number-columns-repeated=\"16384\"/></table:table-row>"
        let ok = try archive("ok.ods", [("content.xml", content(header + row + empty))])
        let e = try XCTUnwrap(EcosystemLoader.load(path: ok).ecosystem)
        XCTAssertEqual(e.communities.map(\.members), [1200])
        let huge = "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell "
            + "office:value-type=\"string\" table:number-columns-repeated=\"100\"><text:p>x</text:p></table:table-cell>"
            + "</table:table-row>"
        let bomb = try archive("repeat.ods", [("content.xml", content(header + huge))])
        XCTAssertEqual(messages(EcosystemLoader.load(path: bomb)), [
            "repeat.ods:nodes!A2: error: the workbook holds more than 6000000 cells (limit: workbook cells)",
        ])
        let wide = "<table:table-row><table:table-cell office:value-type=\"string\" "
            + "table:number-columns-repeated=\"999999999999\"><text:p>x</text:p></table:table-cell></table:table-row>"
        let far = try archive("wide.ods", [("content.xml", content(header + wide))])
        XCTAssertEqual(messages(EcosystemLoader.load(path: far)), [
            "wide.ods:nodes!A2: error: a cell lies beyond column 16384 (limit: workbook columns)",
        ])
    }
}
