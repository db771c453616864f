import Foundation
import XCTest

/// The progress line of a long run: shown on a terminal (stage and seconds, cleared at the end), never
/// in a pipe or file. The terminal is a pseudo-terminal from util-linux `script` (Debian's essential
/// bsdutils).
final class ProgressLineTests: XCTestCase {
    func testALongRenderShowsItsStageOnATerminalOnly() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("gen.yaml"), out = dir.appendingPathComponent("map.svg")
        XCTAssertEqual(try BinaryRunner.run(["generate", "--communities", "2000", "--seed", "5", "-o", file.path]).status, 0)
        // A full map of 2,000 nodes takes well over the second after which the line appears.
        let command = [BinaryRunner.binary.path, "render", file.path, "-o", out.path].joined(separator: " ")
        let terminal = try BinaryRunner.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        XCTAssertEqual(terminal.status, 0, terminal.stdout + terminal.stderr)
        let shown = terminal.stdout
        XCTAssertNotNil(shown.range(of: #"\r[|/\\-] (load|validate|score|spec|layout|render|write)[a-z.]* \d+\.\d s\x{1B}\[K"#,
                                    options: .regularExpression), "no progress line: \(shown.debugDescription.prefix(400))")
        XCTAssertTrue(shown.contains("\r\u{1B}[K"), "the line is cleared at the end")
        XCTAssertTrue(shown.contains("wrote "), shown)
        // Not a terminal: no progress line.
        let piped = try BinaryRunner.run(["render", file.path, "-o", out.path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\r"), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\u{1B}"), piped.stderr)
    }
}
