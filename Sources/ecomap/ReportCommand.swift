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
    var engine: EngineOption = .auto

    @Option(help: "Seconds the whole run (load, layout, write) may take before it is stopped.")
    var timeout: Double = Render.defaultTimeout

    @Option(help: ArgumentHelp("How numbers are written on the page: en (48,000 and 2.5; the default), nl or de (48.000 and 2,5).", valueName: "en|nl|de"))
    var locale: String?

    @OptionGroup var people: KeyPeopleOptions

    func validate() throws {
        try Ecomap.validateTimeout(timeout)
        try WeightsFlag.validate(weights)
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
        if let locale, NumberLocale(option: locale) == nil { throw ValidationError("--locale must be en, nl or de") }
    }

    func run() throws {
        let destination = output ?? Self.defaultOutput(for: file)
        let limit = timeout
        let deadline = RunDeadline.start(seconds: limit) { "report did not finish within \(limit) s (--timeout); nothing was written" }
        let ecosystem = people.apply(try Console.loadOrExit(file, links: input.linksPath, title: input.title))
        try OutputFile.check(destination)
        let chosen = try WeightsFlag.resolve(weights, over: Analyzer.baseWeights(ecosystem, goal: goal))
        let analysis = Analyzer.analyze(ecosystem, weights: chosen, goal: goal)
        let gaps = EcomapAnalysis.Gaps.find(analysis)
        let numberLocale = locale.flatMap(NumberLocale.init(option:)) ?? .en
        let page = HTMLReport.render(analysis, map: try drawMap(analysis, deadline: deadline, locale: numberLocale), gaps: gaps,
                                     locale: numberLocale)
        try OutputFile.emit(page, to: destination)
        Console.err("wrote \(TerminalText.name(destination))")
    }

    /// The map as `ecomap render` draws it (light theme, the file's style), with its element ids.
    private func drawMap(_ analysis: Analysis, deadline: RunDeadline, locale: NumberLocale) throws -> ReportMap {
        var (spec, warnings) = MapSpecBuilder.build(analysis, options: MapOptions(engine: engine, theme: .light))
        // The map's tooltips speak the page's number format too; the names they quote stay literal.
        if locale != .en {
            let kept = locale.namesToKeep(analysis.ecosystem.graphNodes.map(\.name))
            for i in spec.nodes.indices { spec.nodes[i].tooltip = locale.localize(spec.nodes[i].tooltip, keeping: kept) }
            for i in spec.edges.indices { spec.edges[i].tooltip = locale.localize(spec.edges[i].tooltip, keeping: kept) }
        }
        Console.report(Diagnostics(warnings), sources: [:])
        // Before the layout child starts, so it inherits the pinned font; the warning is printed once.
        if let warning = FontSetup.warning { Console.err(warning) }
        let outcome = LayoutProcess.render(spec, as: .svg, seconds: deadline.remaining)
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
                edgeElementIDs: Dictionary(spec.edges.flatMap { e in
                    [(ReportMap.edgeKey(from: e.from, to: e.to), e.domID)]
                        + (e.reverseWeight == nil ? [] : [(ReportMap.edgeKey(from: e.to, to: e.from), e.domID)])
                }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// `examples/alpha-moms.yaml` -> `alpha-moms.html` in the current directory.
    static func defaultOutput(for input: String) -> String {
        let stem = RawPath.stem(of: input)
        return (stem.isEmpty ? "report" : stem) + ".html"
    }
}
