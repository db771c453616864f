import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `ecomap render` on hostile input, through the built binary: invalid files fail like `validate` and
/// write nothing; valid hostile files give SVG that parses as XML, with nothing executable and every
/// name shown literally; the file system can refuse, fill up or lie, and the previous output survives.
final class HostileRenderTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try BinaryRunner.temporaryDirectory() }
    override func tearDownWithError() throws {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try? FileManager.default.removeItem(at: dir)
    }

    func render(_ args: [String], in directory: URL? = nil) throws -> BinaryRunner.Output {
        let r = try BinaryRunner.run(["render"] + args, in: directory ?? HostileCorpusTests.corpus,
                                     timeout: HostileCorpusTests.guardSeconds)
        XCTAssertFalse(r.signalled, "render \(args): signal \(r.status)")
        return r
    }

    /// Files left in `dir` by a failed write (temporary files are `.NAME.ecomap-XXXXXX`).
    func leftovers(_ folder: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (folder ?? dir).path).filter { $0.contains(".ecomap-") }
    }

    // MARK: - The corpus

    func testInvalidCorpusFilesFailLikeValidateAndWriteNothing() throws {
        for (file, status, firstLine) in HostileCorpusTests.expectations where status != 0 {
            let out = dir.appendingPathComponent("out.svg")
            let r = try render([file, "-o", out.path])
            XCTAssertEqual(r.status, 1, "\(file): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), firstLine, file)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), file)
        }
        XCTAssertEqual(try leftovers(), [])
    }

    func testValidHostileFilesGiveInertWellFormedSVG() throws {
        for (file, status, _) in HostileCorpusTests.expectations where status == 0 {
            let out = dir.appendingPathComponent((file as NSString).deletingPathExtension + ".svg")
            let r = try render([file, "-o", out.path])
            XCTAssertEqual(r.status, 0, "\(file): \(r.stderr)")
            let svg = try SVGScan(Data(contentsOf: out), file)
            svg.assertInert()
            XCTAssertLessThan(svg.size.width, 20_000, "\(file): width not clamped")
            XCTAssertLessThan(svg.size.height, 20_000, "\(file): height not clamped")
        }
    }

    func testNamesAreShownLiterallyInTheSVG() throws {
        let cases: [(file: String, node: String, name: String)] = [
            ("names-graphviz-escapes.yaml", "a", #"\N \G \L \E \T \H \l \n \r \\ \"#),
            ("names-graphviz-escapes.yaml", "b", "<<b>html-like</b>>"),
            ("names-graphviz-escapes.yaml", "c", #"{a|b}|<port> c\|d"#),
            ("names-graphviz-escapes.yaml", "d", "&amp; &lt; &#38;"),
            ("names-markup.yaml", "a", "<script>alert(document.cookie)</script>"),
            ("names-markup.yaml", "b", "\" onmouseover=\"alert(1)"),
            ("names-markup.yaml", "c", "]]><![CDATA[<script>alert(1)</script>]]>"),
            ("names-formulas.yaml", "a", "=HYPERLINK(\"http://evil.example\",\"x\")"),
        ]
        for (file, node, name) in cases {
            let out = dir.appendingPathComponent("names.svg")
            XCTAssertEqual(try render([file, "-o", out.path]).status, 0, file)
            let svg = try SVGScan(Data(contentsOf: out), file)
            let title = svg.titles["node-\(node)"] ?? ""
            XCTAssertTrue(title.hasPrefix(name + " ("), "\(file) \(node): tooltip \(title)")
            // The label may wrap onto several lines (at spaces, or inside a long word): apart from the
            // line breaks it is the name, character for character (the rank badge `#N` comes first).
            let label = (svg.texts["node-\(node)"] ?? []).filter { !$0.hasPrefix("#") }.joined()
            XCTAssertEqual(label.filter { $0 != " " }, name.filter { $0 != " " }, "\(file) \(node)")
        }
    }

    func testEveryOutputFormatRendersHostileText() throws {
        for format in ["svg", "png", "pdf", "dot", "json"] {
            let out = dir.appendingPathComponent("markup.\(format)")
            let r = try render(["names-markup.yaml", "-o", out.path])
            XCTAssertEqual(r.status, 0, "\(format): \(r.stderr)")
            XCTAssertGreaterThan((try? Data(contentsOf: out))?.count ?? 0, 100, format)
        }
    }

    func testVeryLongLabelsRenderOrAreRefusedByTheTextLimit() throws {
        let long = String(repeating: "<script>alert(1)</script> \\N ", count: 2_100)  // 60,900 bytes
        try Data("ecosystem: T\ncommunities:\n  - {id: a, name: '\(long)'}\n  - {id: b}\nlinks: [[a, b]]\n".utf8)
            .write(to: dir.appendingPathComponent("long.yaml"))
        let r = try render(["long.yaml", "-o", "long.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let svg = try SVGScan(Data(contentsOf: dir.appendingPathComponent("long.svg")), "long.svg")
        svg.assertInert()
        XCTAssertLessThan(svg.size.width, 20_000, "a 60 KB label must not make a 60 KB-wide picture")
        let tooLong = String(repeating: "x", count: 100_000)
        try Data("ecosystem: T\ncommunities:\n  - {id: a, name: \(tooLong)}\n".utf8)
            .write(to: dir.appendingPathComponent("too-long.yaml"))
        let refused = try render(["too-long.yaml", "-o", "too-long.svg"], in: dir)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.split(separator: "\n").first.map(String.init),
                       "too-long.yaml:3:19: error: text of 100000 bytes is longer than the limit of 65536 bytes (limit: text length)")
    }

    func testTimeoutMustBeAPositiveFiniteNumber() throws {
        for bad in ["0", "-1", "nan", "inf", "abc", "-inf"] {
            let r = try render(["names-markup.yaml", "-o", dir.appendingPathComponent("t.svg").path, "--timeout", bad])
            XCTAssertEqual(r.status, 2, "--timeout \(bad): \(r.stderr)")
        }
        // Absurdly large limits are fine: the deadline arithmetic must not overflow.
        let r = try render(["names-markup.yaml", "-o", dir.appendingPathComponent("t.svg").path, "--timeout", "1e308"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    // MARK: - The file system

    var example: String { BinaryRunner.root.appendingPathComponent("examples/starter.yaml").path }

    func testInputsThatAreNotFilesNeverBlockAndKeepThePreviousOutput() throws {
        let previous = dir.appendingPathComponent("map.svg")
        try Data("previous".utf8).write(to: previous)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o600), 0)
        for input in ["pipe.yaml", "/dev/zero", ".", "missing.yaml"] {
            let r = try render([input, "-o", "map.svg"], in: dir)
            XCTAssertEqual(r.status, 1, "\(input): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("error: cannot read `\(input)`"), r.stderr)
            XCTAssertEqual(try String(contentsOf: previous, encoding: .utf8), "previous", input)
        }
        XCTAssertEqual(try leftovers(), [])
    }

    func testOutputRefusalsExitThreeAndTouchNothing() throws {
        let input = dir.appendingPathComponent("in.yaml")
        try FileManager.default.copyItem(atPath: example, toPath: input.path)
        let inputBytes = try Data(contentsOf: input)
        // The input under another name: a hard link and a symbolic link to it.
        try FileManager.default.linkItem(at: input, to: dir.appendingPathComponent("hard.svg"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("soft.svg"), withDestinationURL: input)
        // A symbolic link to some other file: refused, never followed (and the link itself is kept).
        try Data("target".utf8).write(to: dir.appendingPathComponent("target.svg"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.svg"),
                                                   withDestinationURL: dir.appendingPathComponent("target.svg"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("dangling.svg"),
                                                   withDestinationURL: dir.appendingPathComponent("nowhere.svg"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.svg"), withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("fifo.svg").path, 0o600), 0)  // opening it would block
        let cases: [(String, String)] = [
            ("in.yaml", "it is the input file"),
            ("hard.svg", "it is the input file"),
            ("soft.svg", "symbolic link"),
            ("link.svg", "symbolic link"),
            ("dangling.svg", "symbolic link"),
            ("folder.svg", "directory"),
            ("fifo.svg", "not a regular file"),
            ("missing/map.svg", "No such file or directory"),
            ("/dev/full", "not a regular file"),
            ("/proc/ecomap-map.svg", "cannot write"),
        ]
        for (output, reason) in cases {
            let r = try render(["in.yaml", "-o", output, "--format", "svg"], in: dir)
            XCTAssertEqual(r.status, 3, "\(output): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(reason), "\(output): \(r.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: input), inputBytes)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("target.svg"), encoding: .utf8), "target")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.svg").path),
                       dir.appendingPathComponent("target.svg").path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nowhere.svg").path))
        XCTAssertEqual(try leftovers(), [])
    }

    /// A directory ecomap cannot write into: a read-only mount when running as root (root ignores
    /// permission bits), else a directory without write permission.
    func testReadOnlyDirectoryKeepsThePreviousOutput() throws {
        var target = dir!
        if geteuid() == 0 {
            target = dir.appendingPathComponent("readonly")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            XCTAssertEqual(Self.shell("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", target.path), 0, "cannot mount a tmpfs as root")
        }
        defer { if target != dir { _ = Self.shell("umount", target.path) } }
        let previous = target.appendingPathComponent("map.svg")
        try Data("previous".utf8).write(to: previous)
        if target != dir {
            XCTAssertEqual(Self.shell("mount", "-o", "remount,ro", target.path), 0, "cannot make the tmpfs read-only")
            XCTAssertThrowsError(try Data("probe".utf8).write(to: target.appendingPathComponent("probe")), "the mount is writable")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        }
        let r = try render([example, "-o", previous.path])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertEqual(try String(contentsOf: previous, encoding: .utf8), "previous")
        XCTAssertEqual(try leftovers(target), [])
    }

    func testFullDiskKeepsThePreviousOutputAndLeavesNoTemporaryFile() throws {
        // A 64 KiB tmpfs, nearly filled: the map does not fit, the write fails with ENOSPC.
        let mountPoint = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
        guard Self.shell("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path) == 0 else {
            return XCTFail("cannot mount a small tmpfs here (the test needs root and mount rights)")
        }
        defer { _ = Self.shell("umount", mountPoint.path) }
        let previous = mountPoint.appendingPathComponent("map.svg")
        try Data("previous".utf8).write(to: previous)
        try Data(count: 56 * 1024).write(to: mountPoint.appendingPathComponent("filler"))
        let r = try render([BinaryRunner.root.appendingPathComponent("examples/alpha-moms.yaml").path, "-o", previous.path])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("No space left on device"), r.stderr)
        XCTAssertEqual(try String(contentsOf: previous, encoding: .utf8), "previous")
        XCTAssertEqual(try leftovers(mountPoint), [])
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
}

/// What the checks need from an SVG: parsed by Foundation's XML parser (so it must be well-formed),
/// every element with its attributes, and per node group its tooltip and label lines.
struct SVGScan {
    var elements: [(name: String, attributes: [String: String])] = []
    var titles: [String: String] = [:]
    var texts: [String: [String]] = [:]
    var size = (width: 0.0, height: 0.0)
    let file: String

    init(_ data: Data, _ file: String) throws {
        self.file = file
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw NSError(domain: "SVGScan", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(file): not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")"])
        }
        elements = delegate.elements
        titles = delegate.titles
        texts = delegate.texts
        let root = elements.first?.attributes ?? [:]
        size = (Double(root["width"]?.filter { $0.isNumber || $0 == "." } ?? "") ?? .infinity,
                Double(root["height"]?.filter { $0.isNumber || $0 == "." } ?? "") ?? .infinity)
    }

    /// No element or attribute that can run code, load a resource or restyle the page.
    func assertInert(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(elements.first?.name, "svg", self.file, file: file, line: line)
        let forbidden: Set<String> = ["script", "foreignObject", "style", "image", "use", "iframe", "object", "embed",
                                      "animate", "set", "animateTransform", "animateMotion", "handler", "feImage"]
        for (name, attributes) in elements {
            XCTAssertFalse(forbidden.contains(name), "\(self.file): <\(name)>", file: file, line: line)
            for (attribute, value) in attributes {
                let lower = attribute.lowercased()
                XCTAssertFalse(lower.hasPrefix("on"), "\(self.file): \(attribute)", file: file, line: line)
                XCTAssertNotEqual(lower, "style", self.file, file: file, line: line)
                // Strip what browsers ignore inside a scheme (whitespace, controls) before looking.
                let squeezed = String(value.lowercased().unicodeScalars.filter { $0.value > 0x20 })
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    XCTAssertFalse(squeezed.contains(scheme), "\(self.file): \(attribute)=\(value)", file: file, line: line)
                }
                if lower.hasSuffix("href") {
                    XCTAssertTrue(["http://", "https://", "mailto:"].contains { value.hasPrefix($0) },
                                  "\(self.file): link \(value)", file: file, line: line)
                }
            }
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var titles: [String: String] = [:]
        var texts: [String: [String]] = [:]
        private var group: [String?] = []
        private var buffer: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            if name == "g" { group.append(attributes["id"]) }
            if name == "title" || name == "text" { buffer = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer? += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { _ = group.popLast() }
            guard let id = group.last ?? nil, let text = buffer, name == "title" || name == "text" else { return }
            if name == "title" { titles[id] = titles[id] ?? text } else { texts[id, default: []].append(text) }
            buffer = nil
        }
    }
}
