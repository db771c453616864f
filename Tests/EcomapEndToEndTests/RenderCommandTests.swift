import Foundation
import XCTest

/// `ecomap render` on the built binary: formats, flags, exit codes, atomic output.
final class RenderCommandTests: XCTestCase {
    private func scratch() throws -> URL { try BinaryRunner.temporaryDirectory() }

    func testRendersEveryFormatByExtension() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
                                        "dot": Array("graph".utf8), "json": Array("{".utf8)]
        for (ext, prefix) in magic.sorted(by: { $0.key < $1.key }) {
            let out = dir.appendingPathComponent("map.\(ext)").path
            let run = try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "-o", out])
            XCTAssertEqual(run.status, 0, run.stderr)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)))
            XCTAssertEqual(Array(bytes.prefix(prefix.count)), prefix, ext)
        }
        // --format wins over the extension.
        let forced = dir.appendingPathComponent("forced.svg").path
        XCTAssertEqual(try BinaryRunner.run(["render", "examples/starter.yaml", "-o", forced, "--format", "json"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: forced, encoding: .utf8).first, "{")
    }

    func testSameInputSameBytesAcrossProcesses() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a", "b"] {
            for args in [["--group-by", "topic"], ["--theme", "dark", "--aspect", "16:9"], ["--format", "pdf"]] {
                let out = dir.appendingPathComponent("\(name)-\(args.joined()).out").path
                XCTAssertEqual(try BinaryRunner.run(["render", "examples/alpha-moms.yaml", "-o", out] + args).status, 0)
            }
        }
        for args in [["--group-by", "topic"], ["--theme", "dark", "--aspect", "16:9"], ["--format", "pdf"]] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a-\(args.joined()).out"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b-\(args.joined()).out"))
            XCTAssertEqual(a, b, args.joined(separator: " "))
        }
    }

    func testUsageErrorsAndRefusals() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try BinaryRunner.run(["render", "examples/starter.yaml", "--engine", "osage"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["render", "examples/starter.yaml", "--aspect", "3:2"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["render", "examples/starter.yaml", "--format", "gif"]).status, 2)
        // The output may not be the input.
        let copy = dir.appendingPathComponent("in.yaml")
        try FileManager.default.copyItem(at: BinaryRunner.root.appendingPathComponent("examples/starter.yaml"), to: copy)
        let before = try Data(contentsOf: copy)
        let same = try BinaryRunner.run(["render", copy.path, "-o", copy.path, "--format", "svg"])
        XCTAssertEqual(same.status, 3, same.stderr)
        XCTAssertEqual(try Data(contentsOf: copy), before)
        // An output that is a directory: exit 3, nothing written.
        let outDir = dir.appendingPathComponent("out.svg")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: false)
        XCTAssertEqual(try BinaryRunner.run(["render", copy.path, "-o", outDir.path]).status, 3)
        // Invalid input: exit 1, the previous output untouched.
        let previous = dir.appendingPathComponent("prev.svg")
        try Data("previous".utf8).write(to: previous)
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("version: 1\necosystem: x\ncommunities: []\n".utf8).write(to: bad)
        XCTAssertEqual(try BinaryRunner.run(["render", bad.path, "-o", previous.path]).status, 1)
        XCTAssertEqual(try String(contentsOf: previous, encoding: .utf8), "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".ecomap-") }
        XCTAssertEqual(leftovers, [])
    }

    func testLayoutTimeoutIsReportedAndWritesNothing() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 1,500 nodes in a ring forced through neato takes far longer than 1.5 s; the limit falls
        // inside the layout, while Graphviz's session has stderr redirected.
        var yaml = "version: 1\necosystem: Big\ncommunities:\n"
        for i in 0..<1500 { yaml += "  - {id: c\(i), members: \(i + 1)}\n" }
        yaml += "links:\n"
        for i in 0..<1500 { yaml += "  - [c\(i), c\((i + 1) % 1500)]\n" }
        let input = dir.appendingPathComponent("big.yaml")
        try Data(yaml.utf8).write(to: input)
        let out = dir.appendingPathComponent("big.svg")
        let start = Date()
        let run = try BinaryRunner.run(["render", input.path, "-o", out.path, "--engine", "neato", "--timeout", "1.5"])
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("did not finish"), run.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
