import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import EcomapDeck

/// The writer on its own: parts, escaping, determinism (python-pptx and LibreOffice open the
/// files in the end-to-end tests).
final class PPTXWriterTests: XCTestCase {
    static let hostile = "Tom & <Jerry> \"quoted\" 'single' 🚲 \u{1}\u{7}\u{1B}[31m\u{FFFE}end"

    func sampleDeck(name: String = hostile) -> Deck {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960pt\" height=\"540pt\"/>".utf8)
        return Deck(title: name, date: "2026-11-01", slides: [
            DeckSlide(name: name, elements: [
                .text(frame: DeckFrame(x: 10, y: 10, width: 300, height: 40), paragraphs: [DeckParagraph([DeckRun(name, size: 24, link: "javascript:alert(1)")])], anchor: .top),
                .picture(frame: DeckFrame(x: 0, y: 0, width: 960, height: 540), svg: svg, png: png, altText: name, name: "Map"),
                .table(frame: DeckFrame(x: 36, y: 60, width: 400, height: 64), columns: [100, 300],
                       rows: [[DeckCell([DeckRun("#", size: 12)]), DeckCell([DeckRun(name, size: 12, link: "https://example.org/a?b=1&c=2")])]], rowHeight: 32, name: "Ranking"),
                .shape(DeckShape(key: "a", name: name, geometry: .ellipse, frame: DeckFrame(x: 100, y: 100, width: 80, height: 40), fill: "#2C7FB8", line: "#1B1B1B",
                                 double: true, paragraphs: [DeckParagraph([DeckRun(name, size: 11)])], description: name)),
                .shape(DeckShape(key: "b", name: "b", geometry: .hexagon, frame: DeckFrame(x: 300, y: 100, width: 80, height: 40), fill: "FFFFFF", line: nil)),
                .connector(DeckConnector(name: "link", from: (140, 120), to: (340, 120), fromKey: "a", toKey: "b", color: "888888", width: 2, arrow: true)),
            ], notes: [name, "second line"]),
        ])
    }

    func testEveryPartIsWellFormedAndNamesAreLiteral() throws {
        let bytes = try PPTXWriter.write(sampleDeck())
        let parts = try ZIPParts.read(bytes)
        XCTAssertTrue(parts.keys.contains("[Content_Types].xml"))
        XCTAssertTrue(parts.keys.contains("ppt/notesSlides/notesSlide1.xml"))
        XCTAssertTrue(parts.keys.contains("ppt/notesMasters/notesMaster1.xml"))
        for (path, data) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            let parser = XMLParser(data: data)
            XCTAssertTrue(parser.parse(), "\(path) is not well-formed: \(String(describing: parser.parserError))")
        }
        let slide = String(decoding: parts["ppt/slides/slide1.xml"]!, as: UTF8.self)
        XCTAssertTrue(slide.contains("Tom &amp; &lt;Jerry&gt; &quot;quoted&quot; &apos;single&apos; 🚲 [31mend"), slide)
        XCTAssertTrue(slide.contains("asvg:svgBlip"))
        XCTAssertTrue(slide.contains("<a:tbl>"))
        XCTAssertTrue(slide.contains("prst=\"ellipse\"") && slide.contains("prst=\"hexagon\"") && slide.contains("<p:cxnSp>"))
        let rels = String(decoding: parts["ppt/slides/_rels/slide1.xml.rels"]!, as: UTF8.self)
        XCTAssertFalse(rels.contains("javascript"), "unsafe link kept")
        XCTAssertTrue(rels.contains("https://example.org/a?b=1&amp;c=2\" TargetMode=\"External\""), rels)
        XCTAssertEqual(rels.components(separatedBy: "TargetMode=\"External\"").count - 1, 1, "only the safe link is external")
        let presentation = String(decoding: parts["ppt/presentation.xml"]!, as: UTF8.self)
        XCTAssertTrue(presentation.contains("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>"))
        XCTAssertFalse(parts.keys.contains { $0.hasSuffix(".bin") || $0.contains("vbaProject") }, "no macros or embedded objects")
    }

    func testSameDeckSameBytes() throws {
        XCTAssertEqual(try PPTXWriter.write(sampleDeck()), try PPTXWriter.write(sampleDeck()))
        XCTAssertNotEqual(try PPTXWriter.write(sampleDeck()), try PPTXWriter.write(sampleDeck(name: "other")))
    }

    func testOnlySafeSchemesAreLinks() {
        XCTAssertEqual(DeckURL.validated("https://a.example/x"), "https://a.example/x")
        XCTAssertEqual(DeckURL.validated("mailto:a@b.example"), "mailto:a@b.example")
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "http://a b", "https://x\"onmouseover", "vbscript:x"] {
            XCTAssertNil(DeckURL.validated(bad), bad)
        }
    }
}
