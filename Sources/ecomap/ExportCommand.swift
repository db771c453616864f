import ArgumentParser
import EcomapAnalysis
import EcomapModel
import EcomapOutput
import Foundation
import EcomapText

extension ExportFormat: ExpressibleByArgument {}

/// `ecomap export FILE --format graphml|json [-o PATH]`: the scored model for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the scored ecosystem as GraphML (Gephi, yEd, networkx) or JSON.",
        discussion: """
            Every node with all its attributes, network metrics and (for communities) scores; every link with \
            weight, kind and direction. Written to stdout, or atomically to -o PATH. Details: docs/export.md.
            """)

    @Argument(help: "An ecosystem file (.yaml), a table (.csv, .tsv, .txt) or a workbook (.xlsx, .ods).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(help: "graphml or json (default: from the -o extension, else graphml).")
    var format: ExportFormat?

    @Option(name: [.short, .customLong("output")], help: "Output file (default: stdout).")
    var output: String?

    @Option(help: ArgumentHelp("Dimension weights, e.g. size=2,activity=1,reach=1,action=3.", valueName: "weights"))
    var weights: String?

    @Option(help: GoalFlag.help)
    var goal: Goal?

    func validate() throws {
        try WeightsFlag.validate(weights)
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }

    func run() throws {
        let chosen = format ?? output.flatMap { ExportFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .graphml
        let ecosystem = try Console.loadOrExit(file, links: input.linksPath, title: input.title)
        let w = try WeightsFlag.resolve(weights, over: Analyzer.baseWeights(ecosystem, goal: goal))
        let text = ModelExport.rendered(Analyzer.analyze(ecosystem, weights: w, goal: goal), as: chosen)
        try OutputFile.emit(text, to: output)
        if let output { Console.err("wrote \(TerminalText.name(output)) (\(chosen.rawValue))") }
    }
}
