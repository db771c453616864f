import EcomapModel
import EcomapOutput
import XCTest
import EcomapText

final class TerminalTextTests: XCTestCase {
    func testEveryUnsafeClassIsEscapedVisibly() {
        let cases: [(String, String)] = [
            ("a\u{1B}[2Jb", "a<U+001B>[2Jb"), ("a\nb", "a<U+000A>b"), ("a\u{9B}b", "a<U+009B>b"), ("a\u{7F}", "a<U+007F>"),
            ("\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"), ("\u{202E}x\u{2066}", "<U+202E>x<U+2066>"),
            ("a\u{200B}b\u{FEFF}", "a<U+200B>b<U+FEFF>"), ("t\u{E0041}", "t<U+E0041>"), ("n" + String(Unicode.Scalar(0xFFFE)!) + String(Unicode.Scalar(0xFDD0)!), "n<U+FFFE><U+FDD0>"),
            ("caf\u{E9}", "caf\u{E9}"), ("\u{1F468}\u{200D}\u{1F469}", "\u{1F468}\u{200D}\u{1F469}"), ("a\u{200D}b", "a<U+200D>b"),
        ]
        for (input, shown) in cases { XCTAssertEqual(TerminalText.escaped(input), shown, input.debugDescription) }
        XCTAssertEqual(TerminalText.escaped("line\u{1B}\nnext\n", keepLineBreaks: true), "line<U+001B>\nnext\n")
        XCTAssertEqual(TerminalText.name(RawPath.decodeArgument([0x6F, 0xFF, 0x2E, 0x73])), "o<0xFF>.s")
    }

    func testTablesDropWhatTheTerminalWouldEscape() {
        XCTAssertEqual(TextSafety.singleLine("L\u{200E}e\u{200B}f\u{E0041}t\u{061C}"), "Left")
        XCTAssertEqual(TextSafety.singleLine("\u{1F468}\u{200D}\u{1F469}"), "\u{1F468}\u{200D}\u{1F469}")
    }

    func testRawPathsRoundTripTheirBytesAndSplitWithoutFoundation() {
        let bytes: [UInt8] = [0x6C, 0x61, 0x74, 0xE9, 0x2F, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80]
        XCTAssertEqual(RawPath.bytes(of: RawPath.decodeArgument(bytes)), bytes)
        XCTAssertEqual(RawPath.directory(of: "m"), ".")
        XCTAssertEqual(RawPath.lastComponent(of: "m"), "m")
        XCTAssertEqual(RawPath.directory(of: "/m"), "/")
        XCTAssertEqual(RawPath.directory(of: "a/b/c.svg"), "a/b")
        XCTAssertEqual(RawPath.directory(of: "a//c.svg"), "a")
        XCTAssertEqual(RawPath.stem(of: "dir.v2/b.c.yaml"), "b.c")
        XCTAssertEqual(RawPath.stem(of: ".hidden"), ".hidden")
        XCTAssertEqual(RawPath.pathExtension(of: "Map.SVG"), "svg")
        XCTAssertEqual(RawPath.lastComponent(of: "dir/"), "dir")
    }
}
