import ArgumentParser
import EcomapAnalysis
import EcomapModel
import EcomapOutput
import Foundation
import EcomapText

extension RankFormat: ExpressibleByArgument {}

/// `ecomap rank FILE`: scores the communities and ranks them for focus (docs/scoring.md).
struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the communities and rank them for focus, with a tier, a next step and the reasons.",
        discussion: """
            Scores size, activity, reach and action on absolute 0-100 scales (scoring model 2) and ranks on \
            the conservative score: every unknown figure at its worst, with the optimistic score beside it. \
            Scales, rules and the JSON shape: docs/scoring.md.
            """)

    @Argument(help: "An ecosystem file (.yaml), a table (.csv, .tsv, .txt) or a workbook (.xlsx, .ods).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: RankFormat = .table

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: ArgumentHelp("How numbers are written: nl or de (48.000 and 62,1; in CSV also `;` between cells, as Dutch and German Excel and Calc expect) or en (48,000 and 62.1; the default). Table, Markdown and CSV; JSON numbers stay plain.", valueName: "nl|de|en"))
    var locale: String?

    @Option(help: ArgumentHelp("CSV: the cell delimiter: `,`, `;` or `tab` (wins over --locale).", valueName: "delimiter"))
    var csvDelimiter: String?

    @Flag(help: "CSV: write decimals with a comma (62,10), as Dutch and German spreadsheets read them.")
    var decimalComma = false

    @Option(help: "Show only the N best-ranked communities (JSON still lists every node).")
    var top: Int?

    @Option(help: ArgumentHelp("Dimension weights, e.g. size=2,activity=1,reach=1,action=3; they win over the file's scoring.weights, unnamed dimensions keep theirs.", valueName: "weights"))
    var weights: String?

    @Option(help: GoalFlag.help)
    var goal: Goal?

    @Option(help: ArgumentHelp("An earlier snapshot of the same ecosystem: a community keeps its tier there until its score leaves the borderline band (docs/scoring.md).", valueName: "old-file"))
    var previous: String?

    @Flag(help: "Show each dimension's contribution to the focus score, why the next step was chosen and what would lift the community to the next tier.")
    var explain = false

    @Flag(help: "Perturb the weights and report each community's best rank, worst rank and share of trials in the top N (N = --top, else 3).")
    var sensitivity = false

    @Option(help: "Sensitivity trials (default 200).")
    var trials: Int?

    @Option(help: "Sensitivity seed (default 1).")
    var seed: UInt64?

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        if let top { try Ecomap.validateCount("--top", top, atLeast: 1) }
        if !sensitivity && (trials != nil || seed != nil) {
            throw ValidationError("--trials and --seed apply only with --sensitivity")
        }
        if let trials, !(1...1_000_000).contains(trials) {
            throw ValidationError("--trials must be between 1 and 1000000")
        }
        try WeightsFlag.validate(weights)
        _ = try csvStyle()
    }

    /// The CSV style from `--locale`, `--csv-delimiter` and `--decimal-comma` (the last two win).
    func csvStyle() throws -> CSVStyle {
        if format != .csv && (csvDelimiter != nil || decimalComma) {
            throw ValidationError("--csv-delimiter and --decimal-comma apply only with --format csv")
        }
        if format == .json && locale != nil {
            throw ValidationError("--locale applies to the table, Markdown and CSV formats; JSON numbers are always plain")
        }
        var style = CSVStyle.standard
        switch locale?.lowercased() {
        case nil, "en": break
        case "nl", "de": style = CSVStyle(delimiter: ";", decimalComma: true)
        default: throw ValidationError("--locale must be nl, de or en")
        }
        switch csvDelimiter {
        case nil: break
        case ",": style.delimiter = ","
        case ";": style.delimiter = ";"
        case "\t", "\\t", "tab": style.delimiter = "\t"
        default: throw ValidationError("--csv-delimiter must be `,`, `;` or `tab`")
        }
        if decimalComma { style.decimalComma = true }
        if style.decimalComma && style.delimiter == "," {
            throw ValidationError("--decimal-comma needs another delimiter than `,`: add --csv-delimiter ';' (or use --locale nl or de)")
        }
        return style
    }

    /// `--locale` for the table and Markdown formats (CSV takes it through `csvStyle`).
    var numberLocale: NumberLocale { locale.flatMap(NumberLocale.init(option:)) ?? .en }

    func run() throws {
        let style = try csvStyle()
        let run = timing.start()
        defer { run.finish() }
        let earlier: Ecosystem?
        if let previous {
            guard let e = Console.loadReporting(previous) else { throw EcomapExit.invalidInput.code }
            earlier = e
        } else {
            earlier = nil
        }
        let ecosystem = try Console.loadOrExit(file, links: input.linksPath, title: input.title, timer: run.timer)
        if let output { try OutputFile.check(output) }
        run.note("\(ecosystem.graphNodes.count) nodes, \(ecosystem.links.count) links, \(ecosystem.topics.count) topics")
        let chosen = try WeightsFlag.resolve(weights, over: Analyzer.baseWeights(ecosystem, goal: goal))
        let analysis = run.timer.measureParts("score") { part in
            Analyzer.analyze(ecosystem, weights: chosen, goal: goal, previous: earlier.map { e in
                Analyzer.analyze(e, weights: chosen ?? Analyzer.baseWeights(ecosystem, goal: goal), goal: goal,
                                 centrality: false, targets: false)
            }, stageDone: part)
        }
        let robustness = sensitivity
            ? run.timer.measure("sensitivity") {
                Sensitivity.run(analysis, options: .init(trials: trials ?? 200, seed: seed ?? 1, top: top ?? 3))
            }
            : nil
        let text = run.timer.measure("render") {
            RankReport(analysis: analysis, top: top, explain: explain, sensitivity: robustness, csvStyle: style,
                       locale: format == .csv ? .en : numberLocale)
                .rendered(as: format)
        }
        try run.timer.measure("write") { try OutputFile.emit(text, to: output) }
    }
}
