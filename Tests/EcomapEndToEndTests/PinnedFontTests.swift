import Foundation
import XCTest

/// One font measures every label (Liberation Sans 2 through a private fontconfig configuration), so
/// the user's fontconfig and other installed fonts change nothing; without the font ecomap still
/// renders and says so once.
final class PinnedFontTests: XCTestCase {
    private func render(_ format: String, environment: [String: String], in dir: URL) throws -> (BinaryRunner.Output, Data) {
        let out = dir.appendingPathComponent("map-\(environment.values.joined().hashValue).\(format)")
        let run = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "-o", out.path], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        return (run, (try? Data(contentsOf: out)) ?? Data())
    }

    /// A fontconfig file that prefers DejaVu Sans for every family, as a user's might.
    private func preferDejaVu(in dir: URL) throws -> String {
        let url = dir.appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <dir>/usr/share/fonts</dir>
              <match target="pattern">
                <edit name="family" mode="prepend" binding="strong"><string>DejaVu Sans</string></edit>
              </match>
            </fontconfig>
            """.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testSameBytesUnderAFontconfigPreferringAnotherFamily() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                      "DejaVu Sans (the other family of this test) is not installed")
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try preferDejaVu(in: dir)
        for format in ["svg", "png"] {
            let (plain, plainBytes) = try render(format, environment: [:], in: dir)
            let (other, otherBytes) = try render(format, environment: ["FONTCONFIG_FILE": config], in: dir)
            XCTAssertFalse(plain.stderr.contains("warning: font"), plain.stderr)
            XCTAssertFalse(other.stderr.contains("warning: font"), other.stderr)
            XCTAssertFalse(plainBytes.isEmpty)
            XCTAssertEqual(plainBytes, otherBytes, "\(format) changed under a fontconfig preferring DejaVu Sans")
        }
    }

    /// The check above can fail: without the pin, the same fontconfig file changes the layout.
    func testThatFontconfigFileWouldChangeAnUnpinnedLayout() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try preferDejaVu(in: dir)
        let (_, pinned) = try render("svg", environment: [:], in: dir)
        // No Liberation Sans 2 where ecomap looks: the system's (here: the test's) fontconfig decides.
        let (_, unpinned) = try render("svg", environment: ["FONTCONFIG_FILE": config, "ECOMAP_FONT_DIR": dir.path], in: dir)
        XCTAssertNotEqual(pinned, unpinned, "DejaVu Sans measured like Liberation Sans: the test above proves nothing")
    }

    func testWithoutTheFontItRendersAndWarnsOnce() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = ["ECOMAP_FONT_DIR": dir.appendingPathComponent("no-fonts-here").path]
        for format in ["svg", "png", "pdf"] {
            let (run, bytes) = try render(format, environment: missing, in: dir)
            XCTAssertFalse(bytes.isEmpty, format)
            let warnings = run.stderr.components(separatedBy: "\n").filter { $0.contains("warning: font") }
            XCTAssertEqual(warnings.count, 1, run.stderr)
            XCTAssertTrue(warnings.first?.contains("Liberation Sans 2") == true, run.stderr)
            XCTAssertTrue(warnings.first?.contains("fonts-liberation2") == true, run.stderr)
        }
        let report = try BinaryRunner.run(["report", "examples/alpha-moms.yaml", "-o", dir.appendingPathComponent("r.html").path],
                                          environment: missing)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(report.stderr.components(separatedBy: "\n").filter { $0.contains("warning: font") }.count, 1, report.stderr)
    }
}
