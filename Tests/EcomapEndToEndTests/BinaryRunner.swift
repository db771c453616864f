import Foundation
import XCTest

/// Runs the built `ecomap` binary, as a user would.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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
                    stdin: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class BundleLocator {}
