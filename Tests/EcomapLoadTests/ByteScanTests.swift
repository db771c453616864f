@testable import EcomapLoad
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
