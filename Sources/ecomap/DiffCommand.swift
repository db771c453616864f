import ArgumentParser
import EcomapAnalysis
import EcomapLoad
import EcomapModel
import EcomapOutput
import Foundation

extension DiffFormat: ExpressibleByArgument {}

/// `ecomap diff OLD NEW`: what changed between two snapshots of an ecosystem.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two snapshots of an ecosystem: communities added and removed, rank moves, score changes, phase changes, links.",
        discussion: """
            Communities and nodes are matched by id, links by their endpoints. Each snapshot is scored with \
            its own scoring.weights unless --weights is given, which then applies to both. \
            JSON shape: docs/diff-and-gaps.md.
            """)

    @Argument(help: "The earlier snapshot (.yaml, a table or a workbook).")
    var old: String

    @Argument(help: "The later snapshot (.yaml, a table or a workbook).")
    var new: String

    @Option(help: "Output format: table, json or markdown.")
    var format: DiffFormat = .table

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: ArgumentHelp("Dimension weights for both snapshots, e.g. size=2,action=3 (unnamed dimensions weigh 1).", valueName: "weights"))
    var weights: String?

    @Option(help: GoalFlag.help)
    var goal: Goal?

    func validate() throws {
        try WeightsFlag.validate(weights)
    }

    func run() throws {
        // Load both before exiting so every error in either file is reported in one run.
        let oldResult = Console.loadReporting(old)
        let newResult = Console.loadReporting(new)
        guard let oldEco = oldResult, let newEco = newResult else { throw EcomapExit.invalidInput }
        let before = try Self.analyze(oldEco, weights, goal: goal, previous: nil)
        let diff = Differ.diff(old: before, new: try Self.analyze(newEco, weights, goal: goal, previous: before))
        try OutputFile.emit(DiffReport(diff: diff).rendered(as: format), to: output)
    }

    /// Scores one snapshot with `--weights` applied over the `--goal` preset or equal weights (unnamed
    /// dimensions weigh 1), or with its own weights when neither flag is given. The new snapshot's tiers
    /// are held against the old one's within the borderline band.
    static func analyze(_ ecosystem: Ecosystem, _ weights: String?, goal: Goal?, previous: Analysis?) throws -> Analysis {
        let chosen = try WeightsFlag.resolve(weights, over: goal.map(GoalPreset.weights) ?? .equal)
        return Analyzer.analyze(ecosystem, weights: chosen, goal: goal, previous: previous)
    }
}

extension Console {
    /// Loads an ecosystem and reports its diagnostics; `nil` when it has errors.
    static func loadReporting(_ path: String) -> Ecosystem? {
        let result = EcosystemLoader.load(path: path, linksPath: nil, title: nil)
        report(withPlausibility(result), sources: result.sources)
        guard let ecosystem = result.ecosystem, ecosystem.hasMeasureSources else { return result.ecosystem }
        return measured(ecosystem, sources: result.sources)
    }
}
