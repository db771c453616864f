import EcomapModel
@testable import ecomap
import XCTest

/// Diagnostics quote the input: nothing in it may drive the terminal, and snippets stay cheap and short.
final class DiagnosticPrinterTests: XCTestCase {
    func testControlAndBidiCharactersInMessagesAreShownAsCodePoints() {
        let d = Diagnostic.error("unknown key `\u{1B}[2J\u{9B}31m\u{202E}x`",
                                 at: SourceLocation(file: "t.yaml", line: 1, column: 1))
        XCTAssertEqual(DiagnosticPrinter(snippets: false).format(Diagnostics([d])),
                       "t.yaml:1:1: error: unknown key `<U+001B>[2J<U+009B>31m<U+202E>x`")
    }

    func testSnippetLinesHaveUnsafeCharactersReplacedAndTheCaretInPlace() {
        let source = "ecosystem: T\nname: \u{1B}]0;owned\u{7}bad\n"
        let d = Diagnostic.error("control characters are not allowed", at: SourceLocation(file: "t.yaml", line: 2, column: 16))
        XCTAssertEqual(DiagnosticPrinter(sources: ["t.yaml": source], snippets: true).format(Diagnostics([d])), """
            t.yaml:2:16: error: control characters are not allowed
            name: ?]0;owned?bad
                           ^
            """)
    }

    func testLongLinesAreCutToAWindowAroundTheCaret() {
        let line = String(repeating: "a", count: 1000) + "X" + String(repeating: "b", count: 1000)
        let d = Diagnostic.error("here", at: SourceLocation(file: "t.yaml", line: 1, column: 1001))
        let lines = DiagnosticPrinter(sources: ["t.yaml": line], snippets: true).format(d).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1].count, 162, "160 characters and an ellipsis at each end")
        XCTAssertTrue(lines[1].hasPrefix("…a") && lines[1].hasSuffix("b…"))
        let caret = lines[2].count - 1
        XCTAssertEqual(Array(lines[1])[caret], "X")
    }

    func testManyDiagnosticsOnOneFileFindTheirLines() {
        let source = (1...3000).map { "line \($0)" }.joined(separator: "\r\n")
        let items = stride(from: 3000, through: 1, by: -7).map {
            Diagnostic.error("e", at: SourceLocation(file: "f", line: $0, column: 1))
        }
        let text = DiagnosticPrinter(sources: ["f": source], snippets: true).format(Diagnostics(items))
        let blocks = text.split(separator: "\n")
        XCTAssertEqual(blocks.count, items.count * 3)
        for (k, line) in items.map({ $0.location!.line }).sorted().enumerated() {
            XCTAssertEqual(blocks[k * 3 + 1], "line \(line)")
        }
    }
}
