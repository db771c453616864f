@testable import EcomapLoad
import Foundation
import XCTest

/// The byte-level shortcuts the decoder takes agree with the plain per-byte checks they stand for.
final class ByteScanTests: XCTestCase {
    func testControlScanFindsEveryCandidateByteAtEveryPosition() {
        func naive(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 } }
        for filler: UInt8 in [UInt8(ascii: "a"), 0x20, 0x80, 0xC3, 0xFF] {
            for length in 0...19 {
                for position in 0..<max(length, 1) {
                    for byte in 0...255 {
                        var text = [UInt8](repeating: filler, count: length)
                        if length > 0 { text[position] = UInt8(byte) }
                        let found = text.withUnsafeBufferPointer(FieldReader.mayHoldControl)
                        XCTAssertEqual(found, naive(text), "byte \(byte) at \(position) of \(length), filler \(filler)")
                        if found != naive(text) { return }
                    }
                }
            }
        }
    }

    func testKeySetMatchesWholeNamesOnly() {
        let keys = KeySet(["id", "name", "presence", "sentiment", "funnel_step", "activity.discussions"])
        func index(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer(keys.index(of:)) }
        XCTAssertEqual(index("id"), 0)
        XCTAssertEqual(index("presence"), 2)
        XCTAssertEqual(index("sentiment"), 3)
        XCTAssertEqual(index("funnel_step"), 4)
        XCTAssertEqual(index("activity.discussions"), 5)
        XCTAssertNil(index(""))
        XCTAssertNil(index("i"))
        XCTAssertNil(index("sentimenT"))
        XCTAssertNil(index("funnel_stop"))
        XCTAssertNil(index("presence "))
        XCTAssertNil(index("activity.discussionz"))
    }
}

/// The byte index of declared ids finds every id it holds, by number, and nothing else.
final class IdIndexTests: XCTestCase {
    func testEveryIdIsFoundAcrossGrowthAndOthersAreNot() {
        let store = DocumentStore(file: "t.yaml")
        var index = IdIndex()
        let ids = (0..<3000).map { "community-\($0)" } + ["a", "é", "e\u{301}", ""]
        for (i, id) in ids.enumerated() {
            var text = id
            let node = text.withUTF8 { store.node(store.addScalar($0, style: .plain, tag: nil, line: i + 1, column: 1)) }
            index.append(node)
        }
        XCTAssertEqual(index.count, ids.count)
        withExtendedLifetime(store) {
            for (i, id) in ids.enumerated() {
                XCTAssertEqual(Array(id.utf8).withUnsafeBufferPointer(index.number(of:)), i, id)
            }
            for missing in ["community-3000", "community-", "b", "A", "community-12 "] {
                XCTAssertNil(Array(missing.utf8).withUnsafeBufferPointer(index.number(of:)), missing)
            }
        }
    }
}

extension IdIndexTests {
    func testIdsFromTwoStoresAreFoundThroughTheirNodes() {
        let first = DocumentStore(file: "a.yaml"), second = DocumentStore(file: "b.yaml")
        var index = IdIndex()
        func add(_ id: String, to store: DocumentStore) {
            var text = id
            index.append(text.withUTF8 { store.node(store.addScalar($0, style: .plain, tag: nil, line: 1, column: 1)) })
        }
        add("padding-so-offsets-differ", to: first)
        add("alpha", to: first)
        add("beta", to: second)
        add("gamma", to: second)
        withExtendedLifetime((first, second)) {
            for (number, id) in ["padding-so-offsets-differ", "alpha", "beta", "gamma"].enumerated() {
                XCTAssertEqual(Array(id.utf8).withUnsafeBufferPointer(index.number(of:)), number, id)
            }
            XCTAssertNil(Array("delta".utf8).withUnsafeBufferPointer(index.number(of:)))
        }
    }
}

final class InputFileTests: XCTestCase {
    /// A file is read into an array sized as it is; one that holds more than its size said (as files
    /// under /proc do, or a file still being written) is read on to its end.
    func testAFileIsReadWholeWhateverItsSizeSaid() throws {
        let path = NSTemporaryDirectory() + "ecomap-read-\(getpid()).yaml"
        defer { unlink(path) }
        for count in [0, 1, 65_535, 65_536, 200_001] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard case .success(let read) = InputFile.read(path, limits: .standard) else { return XCTFail("\(count)") }
            XCTAssertEqual(read, bytes, "\(count) bytes")
        }
        // Size 0, content: read to the end all the same.
        guard case .success(let status) = InputFile.read("/proc/self/status", limits: .standard) else { return XCTFail() }
        XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("VmPeak"))
        XCTAssertGreaterThan(status.count, 200)
    }
}
