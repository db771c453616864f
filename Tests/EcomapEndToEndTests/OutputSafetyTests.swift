import Foundation
import XCTest

/// Faults found from outside, on the built binary: no input is ever overwritten, any file name works
/// (one character, 255 bytes, not UTF-8), replaced files lose setuid/setgid, `init` writes like every
/// other output, and a failed write to stdout or stderr ends with exit code 3 instead of a crash.
final class OutputSafetyTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try BinaryRunner.temporaryDirectory()
        let examples = BinaryRunner.root.appendingPathComponent("examples")
        try FileManager.default.copyItem(at: examples.appendingPathComponent("alpha-moms-csv"), to: dir.appendingPathComponent("c"))
        try FileManager.default.copyItem(at: examples.appendingPathComponent("alpha-moms.yaml"), to: dir.appendingPathComponent("a.yaml"))
        try FileManager.default.copyItem(at: examples.appendingPathComponent("alpha-moms-2027q1.yaml"),
                                         to: dir.appendingPathComponent("b.yaml"))
        try FileManager.default.copyItem(at: examples.appendingPathComponent("alpha-moms-csv"), to: dir.appendingPathComponent("old"))
        try FileManager.default.copyItem(at: BinaryRunner.root.appendingPathComponent("Tests/Fixtures/Sheets/workbooks/wandern.xlsx"),
                                         to: dir.appendingPathComponent("book.xlsx"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func bytes(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }
    private func temporaries() throws -> [String] {
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
        return all.filter { $0.contains(".ecomap-") }
    }

    // MARK: 1. Data loss

    /// Every file a command read is refused as its output, however it was named or found: exit 3, a
    /// message naming the input, nothing written, nothing left behind.
    func testNoInputIsEverAnOutput() throws {
        try FileManager.default.linkItem(atPath: dir.appendingPathComponent("c/links.csv").path,
                                         toPath: dir.appendingPathComponent("hard-link.csv").path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("same-dir").path, withDestinationPath: "c")
        let links = try bytes("c/links.csv"), oldLinks = try bytes("old/links.csv"), a = try bytes("a.yaml")
        let book = try bytes("book.xlsx")
        let cases: [[String]] = [
            ["render", "c/nodes.csv", "-o", "c/links.csv"],             // found beside the nodes table
            ["render", "c/nodes.csv", "-o", "./c/../c/links.csv"],
            ["render", "c/nodes.csv", "-o", "hard-link.csv", "--format", "svg"],
            ["render", "c/nodes.csv", "-o", "same-dir/links.csv", "--format", "svg"],
            ["render", "c/nodes.csv", "--links", "c/links.csv", "-o", "c/links.csv"],
            ["render", "a.yaml", "--compare", "old/nodes.csv", "-o", "old/links.csv", "--format", "svg"],
            ["render", "a.yaml", "--compare", "old/nodes.csv", "-o", "old/nodes.csv", "--format", "svg"],
            ["report", "c/nodes.csv", "-o", "c/links.csv"],
            ["export", "c/nodes.csv", "-o", "c/links.csv", "--format", "json"],
            ["gaps", "c/nodes.csv", "-o", "c/links.csv"],
            ["diff", "old/nodes.csv", "a.yaml", "-o", "old/links.csv"],
            ["diff", "a.yaml", "c/nodes.csv", "-o", "a.yaml"],
            ["render", "a.yaml", "-o", "a.yaml", "--format", "svg"],
            ["render", "book.xlsx", "-o", "book.xlsx", "--format", "svg"],             // a workbook
            ["export", "book.xlsx", "-o", "book.xlsx"],
        ]
        for args in cases {
            let r = try BinaryRunner.run(args, in: dir)
            let what = args.joined(separator: " ")
            XCTAssertEqual(r.status, 3, "\(what): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("it is the input file"), "\(what): \(r.stderr)")
            XCTAssertEqual(try bytes("c/links.csv"), links, what)
            XCTAssertEqual(try bytes("old/links.csv"), oldLinks, what)
            XCTAssertEqual(try bytes("a.yaml"), a, what)
            XCTAssertEqual(try bytes("book.xlsx"), book, what)
            XCTAssertEqual(try temporaries(), [], what)
        }
    }

    // MARK: 4. One-character names

    func testOneCharacterOutputNamesWork() throws {
        let cases: [[String]] = [
            ["render", "a.yaml", "-o", "m"], ["report", "a.yaml", "-o", "r"], ["export", "a.yaml", "-o", "e"],
            ["gaps", "a.yaml", "-o", "g"], ["diff", "a.yaml", "b.yaml", "-o", "d"], ["init", "i"],
            ["generate", "--communities", "3", "-o", "y"],
        ]
        for args in cases {
            let r = try BinaryRunner.run(args, in: dir)
            XCTAssertFalse(r.signalled, "\(args) died of signal \(r.status)")
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            let name = args[0] == "init" ? args[1] : args[args.firstIndex(of: "-o")! + 1]
            XCTAssertGreaterThan(try bytes(name).count, 0, "\(args)")
        }
        let svg = String(decoding: try bytes("m"), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"), String(svg.prefix(80)))
    }

    // MARK: 9. Long, non-UTF-8 and special names

    func testOutputNamesUpTo255BytesWork() throws {
        for length in [241, 250, 255] {
            let name = String(repeating: "n", count: length - 4) + ".svg"
            let r = try BinaryRunner.run(["render", "a.yaml", "-o", name], in: dir)
            XCTAssertEqual(r.status, 0, "\(length) bytes: \(r.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
        XCTAssertEqual(try temporaries(), [])
    }

    /// A Latin-1 input name and a name with a 0xFF byte keep their bytes, in and out.
    func testNamesThatAreNotUTF8KeepTheirBytes() throws {
        let r = try BinaryRunner.shell("""
            cp a.yaml "$(printf 'lat1\\351.yaml')" &&
            "$ECOMAP" validate "$(printf 'lat1\\351.yaml')" &&
            "$ECOMAP" render "$(printf 'lat1\\351.yaml')" -o "$(printf 'o\\377.svg')" &&
            "$ECOMAP" render "$(printf 'lat1\\351.yaml')" &&
            test -s "$(printf 'o\\377.svg')" && test -s "$(printf 'lat1\\351.svg')" &&
            ! ls | grep -q "$(printf '\\357\\277\\275')"
            """, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("lat1<0xE9>.yaml: ok:"), r.stdout)
        XCTAssertTrue(r.stderr.contains("wrote o<0xFF>.svg"), r.stderr)
    }

    func testAReplacedFileLosesSetuidAndSetgid() throws {
        let path = dir.appendingPathComponent("map.svg").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
        XCTAssertEqual(chmod(path, 0o6755), 0)
        let r = try BinaryRunner.run(["render", "a.yaml", "-o", "map.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o755)
    }

    func testInitWritesLikeEveryOutput() throws {
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "a.yaml")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder"), withIntermediateDirectories: false)
        let a = try bytes("a.yaml")
        for args in [["init", "link.yaml", "--force"], ["init", "link.yaml"]] {
            let r = try BinaryRunner.run(args, in: dir)
            XCTAssertEqual(r.status, 3, "\(args)")
            XCTAssertEqual(try bytes("a.yaml"), a)
        }
        let linkResult = try BinaryRunner.run(["init", "link.yaml", "--force"], in: dir)
        XCTAssertTrue(linkResult.stderr.contains("symbolic link"), linkResult.stderr)
        let folder = try BinaryRunner.run(["init", "folder", "--force"], in: dir)
        XCTAssertEqual(folder.status, 3)
        XCTAssertEqual(folder.stderr, "error: cannot write folder: it is a directory\n")
        XCTAssertEqual(try BinaryRunner.run(["init", "new.yaml"], in: dir).status, 0)
        let again = try BinaryRunner.run(["init", "new.yaml"], in: dir)
        XCTAssertEqual(again.status, 3)
        XCTAssertEqual(again.stderr, "error: new.yaml already exists; use --force to replace it\n")
        XCTAssertEqual(try BinaryRunner.run(["validate", "new.yaml"], in: dir).status, 0)
        XCTAssertEqual(try temporaries(), [])
    }

    // MARK: 3. stdout and stderr failures

    /// Every command, every way a standard stream can fail: exit 3, never a signal, one message when
    /// stderr still works.
    func testFailedWritesToStandardStreamsEndWithExitThree() throws {
        let commands = ["rank a.yaml", "validate a.yaml", "gaps a.yaml", "export a.yaml", "diff a.yaml b.yaml",
                        "generate --communities 5", "rank a.yaml --sensitivity", "render a.yaml -o x.svg",
                        "report a.yaml -o x.html", "init fresh.yaml --force", "--help"]
        for command in commands {
            let plain = try BinaryRunner.shell("\"$ECOMAP\" \(command)", in: dir)
            XCTAssertEqual(plain.status, 0, "\(command): \(plain.stderr)")
            var cases: [String] = []
            if !plain.stderr.isEmpty { cases += ["2>/dev/full", "2>&-"] }
            if !plain.stdout.isEmpty { cases += [">/dev/full", ">&-", ">/dev/full 2>&-"] }
            XCTAssertFalse(cases.isEmpty, command)
            for redirection in cases {
                let r = try BinaryRunner.shell("\"$ECOMAP\" \(command) \(redirection); echo $? > rc.out", in: dir)
                let rc = Int32(String(decoding: try bytes("rc.out"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                let what = "\(command) \(redirection)"
                XCTAssertEqual(rc, 3, "\(what): \(r.stderr)")
                if redirection.hasPrefix(">") && !redirection.contains("2>&-") {
                    XCTAssertTrue(r.stderr.hasPrefix("error: cannot write to standard output: "), "\(what): \(r.stderr)")
                    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(what): \(r.stderr)")
                }
            }
        }
        // The map is written; the broken stderr is reported by the exit code, not a crash.
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
        XCTAssertEqual(try temporaries(), [])
    }

    /// A reader that went away: with SIGPIPE ignored by the caller and with its default action.
    func testBrokenPipeIsExitThreeWhateverTheSIGPIPESetting() throws {
        let script = """
            import signal, subprocess, sys, time
            for setting in (signal.SIG_IGN, signal.SIG_DFL):
                signal.signal(signal.SIGPIPE, setting)
                reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)
                reader.wait()
                child = subprocess.Popen([sys.argv[1], "rank", "a.yaml", "--sensitivity"], stdout=reader.stdin,
                                         stderr=subprocess.PIPE, restore_signals=False)
                reader.stdin.close()
                _, err = child.communicate(timeout=60)
                print(setting, child.returncode, err.decode().strip().replace("\\n", " | "))
            """
        try Data(script.utf8).write(to: dir.appendingPathComponent("pipe.py"))
        let r = try BinaryRunner.shell("python3 pipe.py \"$ECOMAP\"", in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.stdout)
        for line in lines {
            XCTAssertTrue(line.hasSuffix(" 3 error: cannot write to standard output: Broken pipe"), line)
        }
    }

    // MARK: 8. Terminal text

    /// Names from file names never bring a control character or a fake line to the terminal.
    func testFileNamesAreEscapedInEveryMessage() throws {
        let evil = "x\u{1B}]0;owned\u{07}\nerror: fake\u{202E}.yaml"
        try FileManager.default.copyItem(atPath: dir.appendingPathComponent("a.yaml").path,
                                         toPath: dir.appendingPathComponent(evil).path)
        let shown = "x<U+001B>]0;owned<U+0007><U+000A>error: fake<U+202E>.yaml"
        let validate = try BinaryRunner.run(["validate", evil], in: dir)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.hasPrefix(shown + ": ok: "), validate.stdout)
        XCTAssertEqual(validate.stdout.split(separator: "\n").count, 1)
        let render = try BinaryRunner.run(["render", evil, "-o", evil + ".svg"], in: dir)
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(render.stderr.hasPrefix("wrote " + shown + ".svg ("), render.stderr)
        let missing = try BinaryRunner.run(["validate", evil + ".missing"], in: dir)
        for output in [validate, render, missing] {
            let text = output.stdout + output.stderr
            XCTAssertNil(text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x202E }, text)
        }
    }

    /// Bidi marks, zero-width and tag characters in names never reach rank, sensitivity or diff tables
    /// (a zero-width joiner inside an emoji stays: it is part of the picture).
    func testTablesCarryNoInvisibleOrBidiCharacters() throws {
        let hostile = HostileCorpusTests.corpus.appendingPathComponent("names-invisible-marks.yaml")
        try FileManager.default.copyItem(at: hostile, to: dir.appendingPathComponent("marks.yaml"))
        let changed = try String(contentsOf: hostile, encoding: .utf8).replacingOccurrences(of: "members: 300", with: "members: 30000")
        try Data(changed.utf8).write(to: dir.appendingPathComponent("marks-later.yaml"))
        let runs = [["rank", "marks.yaml"], ["rank", "marks.yaml", "--sensitivity"], ["rank", "marks.yaml", "--explain"],
                    ["diff", "marks.yaml", "marks-later.yaml"], ["gaps", "marks.yaml"]]
        for args in runs {
            let r = try BinaryRunner.run(args, in: dir)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            let scalars = Array((r.stdout + r.stderr).unicodeScalars)
            for (i, s) in scalars.enumerated() {
                let joinerInEmoji = s.value == 0x200D && i > 0 && scalars[i - 1].properties.isEmoji
                let bad = [0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0x2066, 0x2069, 0xFEFF].contains(s.value)
                    || (0xE0000...0xE007F).contains(s.value) || (s.value == 0x200D && !joinerInEmoji)
                XCTAssertFalse(bad, "\(args): U+\(String(s.value, radix: 16)) in the output")
            }
            XCTAssertTrue(r.stdout.contains("Tag"), "\(args): \(r.stdout)")
        }
        let rank = try BinaryRunner.run(["rank", "marks.yaml"], in: dir)
        XCTAssertTrue(rank.stdout.contains("Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} stays"), rank.stdout)
    }
}
