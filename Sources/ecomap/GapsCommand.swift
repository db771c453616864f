import ArgumentParser
import EcomapAnalysis
import EcomapModel
import EcomapOutput
import Foundation

extension GapsFormat: ExpressibleByArgument {}

/// `ecomap gaps FILE`: what is missing or fragile in the ecosystem, each with a suggestion.
struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the gaps: uncovered or weakly covered topics, fragile ties to the brand, isolated influencers, bridge communities.",
        discussion: "Rules and JSON shape: docs/diff-and-gaps.md.")

    @Argument(help: "An ecosystem file (.yaml), a table (.csv, .tsv, .txt) or a workbook (.xlsx, .ods).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json or markdown.")
    var format: GapsFormat = .table

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Findings shown per kind in the table and Markdown (0: all; JSON always lists all).")
    var limit: Int = 10

    @Option(help: ArgumentHelp("Dimension weights, e.g. size=2,activity=1,reach=1,action=3 (they decide the tiers).", valueName: "weights"))
    var weights: String?

    @Option(help: GoalFlag.help)
    var goal: Goal?

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        try WeightsFlag.validate(weights)
    }

    func run() throws {
        let ecosystem = try Console.loadOrExit(file, links: input.linksPath, title: input.title)
        let chosen = try WeightsFlag.resolve(weights, over: Analyzer.baseWeights(ecosystem, goal: goal))
        let report = EcomapAnalysis.Gaps.find(Analyzer.analyze(ecosystem, weights: chosen, goal: goal))
        try OutputFile.emit(GapsOutput(report: report, limitPerKind: limit == 0 ? nil : limit).rendered(as: format),
                            to: output)
    }
}
