import Foundation
import XCTest

/// The one golden-file check of every test target.
///
/// Compares output byte for byte with `directory/NAME`. On a mismatch it writes the output beside
/// the golden as `NAME.got` (gitignored), and the failure message shows the first differing lines
/// as a unified diff (or, for binary files, the sizes and first differing byte). `ECOMAP_ACCEPT=1`
/// (`make accept`) writes the output as the new golden instead; review the diff before committing.
public struct GoldenFiles: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The `Golden` folder beside the calling test file.
    public init(besides filePath: String) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// The repository's root (three levels above `Tests/<target>/<file>`).
    public static func repository(from filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var accepting: Bool { ProcessInfo.processInfo.environment["ECOMAP_ACCEPT"] == "1" }

    public func check(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        check(Array(text.utf8), name, file: file, line: line)
    }

    public func check(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        let got = URL(fileURLWithPath: url.path + ".got")
        if Self.accepting {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url, options: .atomic)
                try? FileManager.default.removeItem(at: got)
            } catch {
                XCTFail("cannot write golden \(name): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            try? Data(bytes).write(to: got, options: .atomic)
            XCTFail("missing golden \(name) (output written to \(got.path)); run `make accept` and review it", file: file, line: line)
            return
        }
        if Array(expected) == bytes {
            try? FileManager.default.removeItem(at: got)
            return
        }
        try? Data(bytes).write(to: got, options: .atomic)
        XCTFail("\(name) differs from its golden (output written to \(got.path); `make accept` accepts it)\n"
                + Self.difference(Array(expected), bytes), file: file, line: line)
    }

    /// A unified diff of the first differing lines for text, or sizes and first differing byte.
    static func difference(_ expected: [UInt8], _ actual: [UInt8], context: Int = 2, maxHunks: Int = 3) -> String {
        guard let old = String(validating: expected, as: UTF8.self), let new = String(validating: actual, as: UTF8.self),
              !expected.contains(0), !actual.contains(0) else {
            let first = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
            return "binary: expected \(expected.count) bytes, got \(actual.count); first difference at byte \(first)"
        }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "--- expected\n+++ got\n"
        var i = 0, j = 0, hunks = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { i += 1; j += 1; continue }
            // Resynchronise on the nearest line that appears in both within a window.
            var bestI = a.count, bestJ = b.count
            search: for distance in 1...200 {
                for di in 0...distance {
                    let dj = distance - di
                    if i + di < a.count, j + dj < b.count, a[i + di] == b[j + dj] { bestI = i + di; bestJ = j + dj; break search }
                }
            }
            out += "@@ -\(i + 1) +\(j + 1) @@\n"
            for k in max(0, i - context)..<i { out += " " + a[k] + "\n" }
            for k in i..<bestI { out += "-" + a[k] + "\n" }
            for k in j..<bestJ { out += "+" + b[k] + "\n" }
            i = bestI
            j = bestJ
            hunks += 1
            if hunks == maxHunks { out += "(more differences not shown)\n"; break }
        }
        return out
    }
}
