import Foundation
import XCTest

/// The Graphviz layout runs in a child process: when that child dies (a segfault in Graphviz, the
/// out-of-memory killer), ecomap reports it with exit code 4 and writes nothing; it does not die with it.
final class LayoutIsolationTests: XCTestCase {
    /// A map whose neato layout takes long enough to be interrupted (seconds on this machine).
    func slowMap(in dir: URL) throws -> URL {
        var yaml = "version: 1\necosystem: Slow\ncommunities:\n"
        for i in 0..<1500 { yaml += "  - {id: c\(i), members: \(i + 1)}\n" }
        yaml += "links:\n"
        for i in 0..<1500 { yaml += "  - [c\(i), c\((i + 1) % 1500)]\n" }
        let url = dir.appendingPathComponent("slow.yaml")
        try Data(yaml.utf8).write(to: url)
        return url
    }

    /// The pids whose parent is `pid` (from /proc/PID/stat).
    func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == pid
        }
    }

    func testADyingLayoutProcessIsReportedWithExitCodeFour() throws {
        for (signal, name) in [(SIGSEGV, "signal 11"), (SIGKILL, "signal 9")] {
            let dir = try BinaryRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let input = try slowMap(in: dir)
            let output = dir.appendingPathComponent("slow.svg")
            try Data("previous".utf8).write(to: output)
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["render", input.path, "-o", output.path, "--engine", "neato", "--timeout", "300"]
            // Without the Swift backtracer: its handler returns after reporting, and a SIGSEGV sent by
            // kill (unlike a real fault, which faults again) would then let the child carry on.
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            // Wait (at most 60 s) for the layout child, let it get into Graphviz, then kill it.
            var child: Int32?
            let deadline = Date().addingTimeInterval(60)
            while child == nil && Date() < deadline && process.isRunning {
                child = children(of: process.processIdentifier).first
                if child == nil { usleep(20_000) }
            }
            let layout = try XCTUnwrap(child, "no layout child process appeared")
            usleep(300_000)
            XCTAssertEqual(kill(layout, signal), 0)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit, "ecomap itself must not die: \(stderr)")
            XCTAssertEqual(process.terminationStatus, 4, stderr)
            XCTAssertTrue(stderr.contains("error: graphviz: the layout process crashed (\(name)"), stderr)
            XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".ecomap-") }, [])
        }
    }
}
