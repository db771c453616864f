import EcomapAnalysis
import EcomapLoad
import EcomapModel
import XCTest

/// The seeded mutation harness: the in-suite counterpart of the libFuzzer target (Fuzz/, scripts/fuzz.sh),
/// so every `swift test` fuzzes the loader and the scoring even where libFuzzer is not available.
///
/// Each example and hostile-corpus file is mutated a fixed number of times with a fixed seed (byte flips,
/// YAML tokens inserted, ranges deleted or repeated, truncation). Whatever comes out must load without a
/// crash, with every diagnostic inside the input, an ecosystem exactly when there is no error, and for
/// every loaded file every score finite and within 0-100. Deterministic: a failure names the seed file
/// and the mutation number, which reproduce it.
final class LoaderMutationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mutationsPerSeed = 40
    static let tokens: [[UInt8]] = [
        "---\n", "&a ", "*a", "<<: *a\n", "!!python/object ", "!custom ", "[", "]", "{", "}", ": ", "- ", "\n",
        "  ", "\"", "'", "#", ".nan", ".inf", "-1", "1e400", "4.9e-324", "0x10", "~", "id: ", "from: ",
        "weight: ", "members: ", "links:\n  - [a, b]\n", "\u{200D}", "\u{FEFF}", "e\u{301}", "\\N", "<script>",
        "? ", "|\n", "%TAG ! tag:x,2000:\n", "\t",
    ].map { Array($0.utf8) }

    var limits: Limits {
        var l = Limits()
        l.maxTextBytes = 4096
        l.maxAliasExpansion = 20_000
        l.maxNodes = 2_000
        return l
    }

    func seeds() throws -> [(String, [UInt8])] {
        var files: [URL] = []
        for folder in ["examples", "Tests/EcomapEndToEndTests/Hostile"] {
            let url = Self.root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" }
        }
        return try files.sorted { $0.path < $1.path }.map { ($0.lastPathComponent, Array(try Data(contentsOf: $0))) }
            .filter { $0.1.count <= 40_000 }
    }

    func testMutatedFilesLoadAndScoreSafely() throws {
        let seeds = try seeds()
        XCTAssertGreaterThan(seeds.count, 60)
        var loaded = 0, rejected = 0
        for (name, seed) in seeds {
            var rng = SplitMix64(seed: UInt64(seed.count) &* 0x9E37_79B9 &+ 1)
            for m in 0..<Self.mutationsPerSeed {
                let input = mutate(seed, &rng)
                let what = "\(name) mutation \(m)"
                let result = EcosystemLoader.load(yamlBytes: input, file: "m.yaml", limits: limits)
                let lines = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                for d in result.diagnostics.items {
                    XCTAssertFalse(d.message.isEmpty, what)
                    if let l = d.location { XCTAssertTrue((1...lines + 1).contains(l.line), "\(what): \(d)") }
                }
                guard let ecosystem = result.ecosystem else {
                    XCTAssertTrue(result.diagnostics.hasErrors, "\(what): rejected without an error")
                    rejected += 1
                    continue
                }
                XCTAssertFalse(result.diagnostics.hasErrors, "\(what): accepted with errors")
                loaded += 1
                let analysis = Analyzer.analyze(ecosystem)
                for c in analysis.ranking {
                    for case let v? in [c.score, c.dimensions.size, c.dimensions.activity, c.dimensions.reach,
                                        c.dimensions.action] {
                        XCTAssertTrue(v.isFinite && (0...100).contains(v), "\(what): score \(v) of \(c.id)")
                    }
                }
                for n in analysis.nodes {
                    XCTAssertTrue(n.pagerank.isFinite && n.betweenness.isFinite, "\(what): metrics of \(n.id)")
                }
            }
        }
        // Both outcomes must be exercised, or the mutations are too weak (or too strong) to mean anything.
        XCTAssertGreaterThan(loaded, 100)
        XCTAssertGreaterThan(rejected, 100)
    }

    func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + rng.below(2)) {
            let at = bytes.isEmpty ? 0 : rng.below(bytes.count + 1)
            switch rng.below(6) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << rng.below(8))
            case 1:
                bytes.insert(contentsOf: Self.tokens[rng.below(Self.tokens.count)], at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + rng.below(16))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + rng.below(64))
                let piece = Array(bytes[min(at, end)..<end])
                for _ in 0..<(1 + rng.below(3)) { bytes.insert(contentsOf: piece, at: min(at, bytes.count)) }
            case 4:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            }
        }
        return bytes
    }

}

extension SplitMix64 {
    /// A draw in `0..<n` by plain modulo: the mutation harness needs speed, not uniformity.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
