import ArgumentParser
import EcomapAnalysis
import EcomapModel
import EcomapOutput
import Foundation

/// `ecomap report FILE -o report.html`: one self-contained HTML page for a strategist's client.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report: map, sortable ranking, details, legend, summary and gaps.",
        discussion: """
            The file needs no network: styles, script and data are inline, guarded by a strict \
            Content-Security-Policy. Written atomically. Details: docs/report.md.
            """)

    @Argument(help: "An ecosystem file (.yaml) or a CSV node table (.csv).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Output file (default: the input's name with .html).")
    var output: String?

    @Option(help: ArgumentHelp("Dimension weights, e.g. size=2,activity=1,reach=1,action=3.", valueName: "weights"))
    var weights: String?

    func validate() throws {
        if let weights {
            do { _ = try WeightsSpec(parsing: weights) } catch { throw ValidationError(error.description) }
        }
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }

    func run() throws {
        let destination = output ?? Self.defaultOutput(for: file)
        let ecosystem = try Console.loadOrExit(file, links: input.linksPath, title: input.title)
        var chosen: ScoringWeights?
        if let weights {
            do { chosen = try WeightsSpec(parsing: weights).applied(to: ecosystem.scoringWeights ?? .equal) } catch {
                Console.err("error: \(error.description)")
                throw EcomapExit.usage.code
            }
        }
        let analysis = Analyzer.analyze(ecosystem, weights: chosen)
        let gaps = EcomapAnalysis.Gaps.find(analysis)
        let page = HTMLReport.render(analysis, map: nil, gaps: gaps)
        try OutputFile.emit(page, to: destination, inputs: [file] + (input.linksPath.map { [$0] } ?? []))
        Console.err("wrote \(destination)")
    }

    /// `examples/alpha-moms.yaml` -> `alpha-moms.html` in the current directory.
    static func defaultOutput(for input: String) -> String {
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        return (stem.isEmpty ? "report" : stem) + ".html"
    }
}
