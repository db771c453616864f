import Foundation
import XCTest

/// Runs the built `ecomap` binary, as a user would.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process died of a signal (a crash, or the hang guard's kill); `status` is the signal.
        var signalled = false
        /// True when the hang guard killed the process.
        var timedOut = false
    }

    /// The hang guard: a run that takes longer is killed and fails the test, so a hang cannot block CI.
    /// Generous on purpose (debug builds, a shared machine); it is not a speed assertion.
    static let defaultTimeout: TimeInterval = 120

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `ecomap` executable beside the test bundle (`.build/debug/ecomap`), or `$ECOMAP_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ECOMAP_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle(for: BundleLocator.self).bundleURL
        let candidates = [bundle.appendingPathComponent("ecomap"),
                          bundle.deletingLastPathComponent().appendingPathComponent("ecomap")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// Runs `ecomap args...` in `directory` (default: the repository root) and waits for it.
    static func run(_ args: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    stdin: Data? = nil, timeout: TimeInterval = defaultTimeout, executable: URL? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = args
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Feed stdin off this thread: a child that never reads it must not block the guard below.
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            if let stdin { try? writer.write(contentsOf: stdin) }
            try? writer.close()
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            XCTFail("`ecomap \(args.joined(separator: " "))` still running after \(Int(timeout)) s; killed",
                    file: file, line: line)
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }

    /// Runs `/bin/sh -c script` in `directory`, with `$ECOMAP` naming the binary: for redirections a
    /// test needs to set up itself (a closed or full stdout, a pipe, a resource limit).
    static func shell(_ script: String, in directory: URL? = nil, environment: [String: String] = [:],
                      timeout: TimeInterval = defaultTimeout, file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        var env = environment
        env["ECOMAP"] = binary.path
        return try run(script: script, in: directory, environment: env, timeout: timeout, file: file, line: line)
    }

    private static func run(script: String, in directory: URL?, environment: [String: String],
                            timeout: TimeInterval, file: StaticString, line: UInt) throws -> Output {
        try run(["-c", script], in: directory, environment: environment, timeout: timeout,
                executable: URL(fileURLWithPath: "/bin/sh"), file: file, line: line)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class BundleLocator {}
