import Foundation
import XCTest

/// Byte-for-byte comparison with files under `Tests/EcomapEndToEndTests/Golden/`; `ECOMAP_ACCEPT=1`
/// rewrites them instead (review the diff before committing).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var accepting: Bool { ProcessInfo.processInfo.environment["ECOMAP_ACCEPT"] == "1" }

    static func assertMatches(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if accepting {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url, options: .atomic), file: file, line: line)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            XCTFail("missing golden \(name); run `make accept` (ECOMAP_ACCEPT=1 swift test)", file: file, line: line)
            return
        }
        if expected != Data(actual.utf8) {
            XCTFail("\(name) differs from its golden; if intended, run `make accept` and review the diff",
                    file: file, line: line)
        }
    }
}
