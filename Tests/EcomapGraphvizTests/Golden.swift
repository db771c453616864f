import Foundation
import XCTest

/// Byte-for-byte golden files under `Tests/EcomapGraphvizTests/Golden/`.
/// `ECOMAP_ACCEPT=1` (`make accept`) rewrites them instead of comparing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var accepting: Bool { ProcessInfo.processInfo.environment["ECOMAP_ACCEPT"] == "1" }

    static func check(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = directory.appendingPathComponent(name)
        if accepting {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("missing golden file \(name); run `make accept` and review it", file: file, line: line)
            return
        }
        if Array(expected) != bytes {
            let actual = url.deletingPathExtension().path + ".actual." + url.pathExtension
            try? Data(bytes).write(to: URL(fileURLWithPath: actual))
            XCTFail("\(name) differs from its golden file (actual output written to \(actual))", file: file, line: line)
        }
    }
}
