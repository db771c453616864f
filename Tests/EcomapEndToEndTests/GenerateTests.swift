import Foundation
import XCTest

final class GenerateTests: XCTestCase {
    let args = ["generate", "--communities", "40", "--influencers", "12", "--stakeholders", "9",
                "--topics", "6", "--seed", "7"]

    func testSameSeedSameBytesAndGolden() throws {
        let first = try BinaryRunner.run(args)
        let second = try BinaryRunner.run(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
        Golden.check(first.stdout, "generate-seed-7.yaml")
        let other = try BinaryRunner.run(Array(args.dropLast()) + ["8"])
        XCTAssertNotEqual(other.stdout, first.stdout)
    }

    func testWrittenFileValidatesWithTheRequestedCounts() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("eco.yaml").path
        let generated = try BinaryRunner.run(args + ["-o", path])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        XCTAssertEqual(generated.stdout, "")
        let validated = try BinaryRunner.run(["validate", path])
        XCTAssertEqual(validated.status, 0, validated.stderr)
        XCTAssertTrue(validated.stdout.hasPrefix("\(path): ok: 40 communities, 12 influencers, 9 stakeholders, 6 topics, "),
                      validated.stdout)
        XCTAssertEqual(validated.stderr, "")
    }

    func testRejectsBadCounts() throws {
        let result = try BinaryRunner.run(["generate", "--communities", "0"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--communities must be at least 1"), result.stderr)
    }
}

final class GenerateOutputTests: XCTestCase {
    /// A failed write leaves the previous file untouched (the atomic writer), and exits 3.
    func testUnwritableDestinationExitsThreeAndKeepsNothingHalfWritten() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try BinaryRunner.run(["generate", "--communities", "5", "-o", dir.path])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
