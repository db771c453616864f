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

    /// Whether `pid` is gone: no such process, or a zombie waiting for its new parent to reap it.
    func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }

    /// Starts `render` on the slow map and returns it with its layout child once the child runs.
    func startSlowRender(in dir: URL, extra: [String] = [], environment: [String: String] = [:]) throws -> (Process, Int32) {
        let input = try slowMap(in: dir)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["render", input.path, "-o", dir.appendingPathComponent("slow.svg").path,
                             "--engine", "neato", "--timeout", "300"] + extra
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var child: Int32?
        let deadline = Date().addingTimeInterval(60)
        while child == nil && Date() < deadline && process.isRunning {
            child = children(of: process.processIdentifier).first
            if child == nil { usleep(20_000) }
        }
        if child == nil { process.terminate() }
        return (process, try XCTUnwrap(child, "no layout child process appeared"))
    }

    /// ecomap killed (SIGKILL, which it cannot handle, and SIGTERM): its layout child is gone within
    /// two seconds, instead of running on past `--timeout`.
    func testTheLayoutChildDiesWithItsParent() throws {
        for signal in [SIGKILL, SIGTERM, SIGINT] {
            let dir = try BinaryRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let (process, child) = try startSlowRender(in: dir)
            usleep(200_000)
            XCTAssertFalse(isGone(child), "the layout child ended before the test killed its parent")
            XCTAssertEqual(kill(process.processIdentifier, signal), 0)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(signal)")
            XCTAssertEqual(process.terminationStatus, signal)
            let until = Date().addingTimeInterval(2)
            while !isGone(child) && Date() < until { usleep(20_000) }
            XCTAssertTrue(isGone(child), "signal \(signal): layout child \(child) still running after its parent died")
            if !isGone(child) { kill(child, SIGKILL) }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("slow.svg").path))
        }
    }

    /// `--timeout` bounds the whole run: a load that alone takes longer than the timeout is stopped too.
    func testTimeoutBoundsTheWholeRun() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gen = try BinaryRunner.run(["generate", "--communities", "20000", "-o", "big.yaml"], in: dir, timeout: 300)
        XCTAssertEqual(gen.status, 0, gen.stderr)
        // The load alone takes longer than the timeout below.
        let load = try BinaryRunner.run(["validate", "big.yaml"], in: dir, timeout: 300)
        XCTAssertEqual(load.status, 0)
        let started = Date()
        let r = try BinaryRunner.run(["render", "big.yaml", "-o", "big.svg", "--timeout", "0.2"], in: dir, timeout: 60)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertEqual(r.stderr, "error: render did not finish within 0.2 s (--timeout); nothing was written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("big.svg").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".ecomap-") }, [])
        XCTAssertLessThan(elapsed, 30, "the hang guard, not a speed goal")
    }

    /// SIGTERM, SIGINT or SIGHUP while the output is being written: no temporary file is left and the
    /// previous output is intact.
    func testASignalDuringAWriteLeavesNoTemporaryFile() throws {
        let example = BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            let dir = try BinaryRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let output = dir.appendingPathComponent("map.svg")
            try Data("previous".utf8).write(to: output)
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["render", example, "-o", output.path]
            var env = ProcessInfo.processInfo.environment
            env["ECOMAP_TEST_WRITE_PAUSE"] = "30"
            process.environment = env
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the temporary file exists (the write is in progress), then interrupt.
            let until = Date().addingTimeInterval(60)
            func temporaries() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".ecomap-") }
            }
            while temporaries().isEmpty && Date() < until && process.isRunning { usleep(20_000) }
            XCTAssertEqual(temporaries().count, 1, "no write in progress")
            XCTAssertEqual(kill(process.processIdentifier, signal), 0)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(temporaries(), [], "signal \(signal)")
            XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous")
        }
    }
}
