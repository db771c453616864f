// libFuzzer target for the loader and the analysis behind `ecomap rank` (built by scripts/fuzz.sh).
//
// Input: a YAML ecosystem file, or a CSV node table when it starts with the line `CSV` (the rest of the
// input is the table). Whatever the bytes, loading must end without a crash, a hang or a leak, report
// every error with a location inside the input, and a file that loads must score every community
// finite and within 0-100. A YAML file read in two halves (as large files are) gives what one read gives.
import EcomapAnalysis
@_spi(Testing) import EcomapLoad
import EcomapModel
import Foundation

/// Small limits keep each run fast; the limit checks themselves are exercised all the same.
private let limits: Limits = {
    var l = Limits()
    l.maxFileBytes = 1 << 20
    l.maxTextBytes = 4096
    l.maxAliasExpansion = 20_000
    l.maxNodes = 2_000
    l.maxLinks = 20_000
    return l
}()

private let csvFolder: String = {
    let path = NSTemporaryDirectory() + "ecomap-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// `precondition` that also says why in an optimised build.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

private func check(_ result: LoadResult, lineCount: Int) {
    for d in result.diagnostics.items {
        if let l = d.location { require(l.line >= 1 && l.line <= lineCount + 1, "diagnostic outside the input: \(d)") }
        require(!d.message.isEmpty, "empty message")
    }
    guard let ecosystem = result.ecosystem else {
        require(result.diagnostics.hasErrors, "rejected without an error")
        return
    }
    require(!result.diagnostics.hasErrors, "accepted with errors")
    let analysis = Analyzer.analyze(ecosystem)
    for c in analysis.ranking {
        let values = [c.score, c.dimensions.size, c.dimensions.activity, c.dimensions.reach, c.dimensions.action]
        for case let v? in values { require(v.isFinite && v >= 0 && v <= 100, "score \(v) of \(c.id)") }
    }
    for n in analysis.nodes { require(n.pagerank.isFinite && n.betweenness.isFinite, "metric of \(n.id)") }
    // The slide view's path: no advice, then advice for a few; the analysis' own node bookkeeping.
    let lean = Analyzer.analyze(ecosystem, centrality: false, targets: false, advice: false)
    require(lean.ranking.map(\.id) == analysis.ranking.map(\.id), "ranking differs without advice")
    let some = lean.ranking.prefix(5).map(\.id)
    require(Analyzer.advised(lean, ids: some, targets: false).count == Set(some).count, "advice missing")
    for k in lean.ranking.indices { require(lean.nodePosition(ofRanked: k) != nil, "ranked community without a node") }
    for k in lean.ecosystem.links.indices {
        if let (a, b) = lean.nodePositions(ofLink: k) { require(a != b && a < lean.nodes.count && b < lean.nodes.count, "link ends") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    if bytes.starts(with: Array("CSV\n".utf8)) {
        let path = csvFolder + "/nodes.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst(4)))
        check(EcosystemLoader.load(path: path, limits: limits), lineCount: lineCount)
    } else {
        let result = EcosystemLoader.load(yamlBytes: bytes, file: "fuzz.yaml", limits: limits)
        check(result, lineCount: lineCount)
        // Read in two halves (large files are), the file must give what one read gives.
        let halved = EcosystemLoader.loadInHalves(yamlBytes: bytes, file: "fuzz.yaml", limits: limits)
        require(halved.ecosystem == result.ecosystem, "the halves give another ecosystem")
        require(halved.diagnostics.items.map(\.description) == result.diagnostics.items.map(\.description),
                "the halves give other diagnostics")
    }
    return 0
}
