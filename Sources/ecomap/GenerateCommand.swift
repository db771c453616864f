import ArgumentParser
import EcomapSynthetic
import Foundation

/// `ecomap generate`: writes a synthetic ecosystem file for trying out and benchmarking ecomap.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic synthetic ecosystem file (the same bytes for the same seed).",
        discussion: """
            Sizes are log-normal, activity grows with size, some figures are missing, links follow \
            preferential attachment, names mix Dutch, German and English. Used by `make bench`.
            """)

    @Option(help: "Number of communities (at least 1).")
    var communities: Int

    @Option(help: "Number of influencers.")
    var influencers: Int = 0

    @Option(help: "Number of stakeholders; the first is the brand.")
    var stakeholders: Int = 1

    @Option(help: "Number of topics.")
    var topics: Int = 0

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 1

    @Option(name: [.short, .customLong("output")], help: "Output file (default: standard output).")
    var output: String?

    static let maxNodes = 250_000

    func validate() throws {
        if communities < 1 { throw ValidationError("--communities must be at least 1") }
        if influencers < 0 || stakeholders < 0 || topics < 0 {
            throw ValidationError("--influencers, --stakeholders and --topics must be 0 or more")
        }
        // Each on its own first, so that the sum below cannot overflow.
        for (name, value) in [("--communities", communities), ("--influencers", influencers),
                              ("--stakeholders", stakeholders), ("--topics", topics)] where value > Self.maxNodes {
            throw ValidationError("\(name) must be at most \(Self.maxNodes) (limit: number of nodes)")
        }
        if communities + influencers + stakeholders + topics > Self.maxNodes {
            throw ValidationError("at most \(Self.maxNodes) nodes and topics in all (limit: number of nodes)")
        }
    }

    func run() throws {
        let options = SyntheticOptions(communities: communities, influencers: influencers,
                                       stakeholders: stakeholders, topics: topics, seed: seed)
        try OutputFile.emit(SyntheticEcosystem.yaml(options), to: output)
    }
}
