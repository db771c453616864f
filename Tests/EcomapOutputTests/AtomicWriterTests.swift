import EcomapOutput
import Foundation
import XCTest

final class AtomicWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".ecomap-") }
    }

    func testWritesAndReplaces() throws {
        try AtomicWriter.write("first", to: path("map.svg"))
        try AtomicWriter.write("second", to: path("map.svg"))
        XCTAssertEqual(try String(contentsOfFile: path("map.svg"), encoding: .utf8), "second")
        XCTAssertEqual(try leftovers(), [])
    }

    func testRefusesTheInputFileEvenByAnotherName() throws {
        try AtomicWriter.write("input", to: path("in.yaml"))
        XCTAssertThrowsError(try AtomicWriter.write("x", to: path("in.yaml"), protecting: [path("in.yaml")]))
        XCTAssertThrowsError(try AtomicWriter.write("x", to: directory.path + "/./in.yaml", protecting: [path("in.yaml")]))
        try FileManager.default.linkItem(atPath: path("in.yaml"), toPath: path("hard.yaml"))
        XCTAssertThrowsError(try AtomicWriter.write("x", to: path("hard.yaml"), protecting: [path("in.yaml")]))
        XCTAssertEqual(try String(contentsOfFile: path("in.yaml"), encoding: .utf8), "input")
    }

    func testRefusesDirectoriesAndSymlinks() throws {
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicWriter.write("x", to: path("dir"))) { error in
            XCTAssertTrue("\(error)".contains("directory"), "\(error)")
        }
        try AtomicWriter.write("target", to: path("target.svg"))
        try FileManager.default.createSymbolicLink(atPath: path("link.svg"), withDestinationPath: path("target.svg"))
        XCTAssertThrowsError(try AtomicWriter.write("x", to: path("link.svg")))
        XCTAssertEqual(try String(contentsOfFile: path("target.svg"), encoding: .utf8), "target")
    }

    /// As root (which ignores permission bits) the unwritable directory is a read-only tmpfs mount.
    func testMissingOrReadOnlyDirectoryLeavesNothingBehind() throws {
        XCTAssertThrowsError(try AtomicWriter.write("x", to: path("missing/map.svg")))
        var target = directory!
        if getuid() == 0 {
            target = directory.appendingPathComponent("readonly")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            XCTAssertEqual(Self.shell("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", target.path), 0, "cannot mount a tmpfs as root")
        }
        defer { if target != directory { _ = Self.shell("umount", target.path) } }
        let file = target.appendingPathComponent("map.svg").path
        try AtomicWriter.write("old", to: file)
        if target != directory {
            XCTAssertEqual(Self.shell("mount", "-o", "remount,ro", target.path), 0, "cannot make the tmpfs read-only")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        }
        XCTAssertThrowsError(try AtomicWriter.write("new", to: file))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted(), ["map.svg"])
    }

    static func shell(_ args: String...) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testFullDiskKeepsThePreviousFile() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return XCTFail("this system has no /dev/full") }
        // /dev/full is not a regular file: refused before any write.
        XCTAssertThrowsError(try AtomicWriter.write("x", to: "/dev/full"))
    }

    func testNewFilesGetUsualPermissions() throws {
        try AtomicWriter.write("x", to: path("new.svg"))
        let mode = try FileManager.default.attributesOfItem(atPath: path("new.svg"))[.posixPermissions] as? Int
        XCTAssertEqual((mode ?? 0) & 0o644, 0o644)
    }
}

final class AtomicWriterNameTests: XCTestCase {
    func testTemporaryNameIsShortAndSetuidIsDropped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = dir.appendingPathComponent(String(repeating: "x", count: 255)).path
        try AtomicWriter.write("a", to: long)
        XCTAssertEqual(chmod(long, 0o6750), 0)
        try AtomicWriter.write("b", to: long)
        var info = stat()
        XCTAssertEqual(stat(long, &info), 0)
        XCTAssertEqual(info.st_mode & 0o7777, 0o750)
        XCTAssertThrowsError(try AtomicWriter.write(Array("c".utf8), to: long, protecting: [String](), replace: false)) { error in
            XCTAssertTrue("\(error)".hasSuffix("it already exists"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).count, 1)
    }
}
