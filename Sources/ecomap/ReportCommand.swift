import ArgumentParser
import EcomapAnalysis
import EcomapFonts
import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import EcomapOutput
import Foundation
import EcomapText

/// `ecomap report FILE -o report.html`: one self-contained HTML page for a strategist's client.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report: map, sortable ranking, details, legend, summary and gaps.",
        discussion: """
            The file needs no network: styles, script and data are inline, guarded by a strict \
            Content-Security-Policy. Written atomically. Details: docs/report.md.
            """)

    @Argument(help: "An ecosystem file (.yaml), a table (.csv, .tsv, .txt) or a workbook (.xlsx, .ods).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Output file (default: the input's name with .html).")
    var output: String?

    @Option(help: ArgumentHelp("Dimension weights, e.g. size=2,activity=1,reach=1,action=3.", valueName: "weights"))
    var weights: String?

    @Option(help: GoalFlag.help)
    var goal: Goal?

    @Option(help: "Map layout engine: \(EngineOption.names.joined(separator: ", ")).")
    var engine: String = "auto"

    @Option(help: "Seconds the map layout may take before it is stopped.")
    var timeout: Double = Render.defaultTimeout

    @OptionGroup var people: KeyPeopleOptions

    func validate() throws {
        if EngineOption(engine) == nil {
            throw ValidationError("--engine must be one of \(EngineOption.names.joined(separator: ", "))")
        }
        if !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
        try WeightsFlag.validate(weights)
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }

    func run() throws {
        let destination = output ?? Self.defaultOutput(for: file)
        let ecosystem = people.apply(try Console.loadOrExit(file, links: input.linksPath, title: input.title))
        try OutputFile.check(destination)
        let chosen = try WeightsFlag.resolve(weights, over: Analyzer.baseWeights(ecosystem, goal: goal))
        let analysis = Analyzer.analyze(ecosystem, weights: chosen, goal: goal)
        let gaps = EcomapAnalysis.Gaps.find(analysis)
        let page = HTMLReport.render(analysis, map: try drawMap(analysis), gaps: gaps)
        try OutputFile.emit(page, to: destination)
        Console.err("wrote \(TerminalText.name(destination))")
    }

    /// The map as `ecomap render` draws it (light theme, the file's style), with its element ids.
    private func drawMap(_ analysis: Analysis) throws -> ReportMap {
        let (spec, warnings) = MapSpecBuilder.build(analysis, options: MapOptions(engine: EngineOption(engine) ?? .auto, theme: .light))
        Console.report(Diagnostics(warnings), sources: [:])
        // Before the layout child starts, so it inherits the pinned font; the warning is printed once.
        if let warning = FontSetup.warning { Console.err(warning) }
        let outcome = LayoutProcess.render(spec, as: .svg, seconds: timeout)
        switch outcome {
        case nil:
            throw CommandFailure(.layoutFailure, "the \(spec.layout.engine.rawValue) layout of \(spec.nodes.count) nodes did not finish within \(timeout) s; try --engine sfdp or a larger --timeout")
        case .failure(let error)?:
            throw CommandFailure(.layoutFailure, "graphviz: \(error.description)")
        case .success(let map)?:
            Console.report(Diagnostics(map.messages.map { .warning("graphviz: \($0)") }), sources: [:])
            return ReportMap(
                svg: String(decoding: map.bytes, as: UTF8.self),
                nodeElementIDs: Dictionary(spec.nodes.map { ($0.id, $0.domID) }, uniquingKeysWith: { a, _ in a }),
                edgeElementIDs: Dictionary(spec.edges.map { (ReportMap.edgeKey(from: $0.from, to: $0.to), $0.domID) },
                                           uniquingKeysWith: { a, _ in a }))
        }
    }

    /// `examples/alpha-moms.yaml` -> `alpha-moms.html` in the current directory.
    static func defaultOutput(for input: String) -> String {
        let stem = RawPath.stem(of: input)
        return (stem.isEmpty ? "report" : stem) + ".html"
    }
}
