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

/// `ecomap render FILE -o map.svg`: lays out and draws the scored ecosystem through Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the ecosystem map (SVG, PNG, PDF, DOT or JSON) through Graphviz, in-process.",
        discussion: """
            The format comes from --format, else the output's extension, else SVG. Flags win over the
            file's style: section. --engine auto picks neato up to \(LayoutPlan.neatoLimit) nodes (dot for grouped maps),
            sfdp above. --timeout bounds the whole run (loading, layout, writing): a run still going after
            it is stopped (exit code 4), the layout process with it.
            The output is written atomically: on any error the previous file is untouched (exit code 3).
            `--` ends the options: `ecomap render -o map.svg -- -h.yaml` draws the file `-h.yaml`.
            """)

    @Argument(help: "Ecosystem file (.yaml), table (.csv, .tsv, .txt) or workbook (.xlsx, .ods).")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Output file (default: the input's name with the format's extension).")
    var output: String?

    @Option(help: "svg, png, pdf, dot (the graph handed to Graphviz) or json (positions and scores).")
    var format: MapFormat?

    @Option(help: "Layout engine: \(EngineOption.names.joined(separator: ", ")).")
    var engine: EngineOption = .auto

    @Option(help: "Colour theme: light, dark or print (greyscale).")
    var theme: Theme?

    @Option(name: .customLong("group-by"), help: "Draw communities in frames by: none, topic, scope, channel, presence.")
    var groupBy: GroupBy?

    @Option(name: .customLong("top"), help: "Rank badges on the top N communities.")
    var top: Int?

    @Option(help: "Fit the picture to a slide: 16:9, 4:3 or 1:1.")
    var aspect: Aspect?

    @Option(help: "Seconds the whole run (load, layout, write) may take before it is stopped.")
    var timeout: Double = Render.defaultTimeout

    @Option(help: "Full map: remove overlaps (default: every shape clear of the others) or keep them (no overlap removal: very large maps finish in time, shapes may overlap; docs/map.md).")
    var overlap: OverlapMode = .remove

    @Option(help: "What to draw: map (the ecosystem network) or matrix (the 2x2 strategy matrix, docs/matrix.md).")
    var view: RenderView = .map

    @Option(name: .customLong("x"), help: "Matrix view: the dimension across: size, activity, reach (default) or action.")
    var xAxis: EcomapAnalysis.Dimension?

    @Option(name: .customLong("y"), help: "Matrix view: the dimension up: size, activity, reach or action (default).")
    var yAxis: EcomapAnalysis.Dimension?

    @Flag(help: "A 16:9 slide (13.33 x 7.5 in) that stays legible at any size: the best-ranked communities, the focus and its neighbourhood, the rest folded into summary nodes (docs/map.md).")
    var slide = false

    @Option(help: ArgumentHelp("Slide view: choose by rank only communities of these tiers (comma-separated: focus, nurture, monitor).", valueName: "tiers"))
    var tier: String?

    @Option(help: ArgumentHelp("Slide view: draw the neighbourhood of this node (default: the file's focus).", valueName: "id"))
    var around: String?

    @Option(help: ArgumentHelp("Map view: mark the communities that moved up, moved down or are new since this older snapshot.", valueName: "old-file"))
    var compare: String?

    @OptionGroup var input: InputOptions

    @OptionGroup var people: KeyPeopleOptions

    @OptionGroup var timing: TimingOptions

    static let defaultTimeout = 120.0

    func validate() throws {
        if let top { try Ecomap.validateCount("--top", top, atLeast: 0) }
        try Ecomap.validateTimeout(timeout)
        try validateView()
    }

    /// Refuses, before any layout starts, a full map whose layout is expected to take longer than --timeout.
    private func refuseUnfinishableLayout(_ plan: LayoutPlan, nodeCount: Int) throws {
        guard let expected = plan.estimatedSeconds(nodeCount: nodeCount), expected > timeout else { return }
        throw CommandFailure(.layoutFailure, Self.tooLarge(plan, nodes: nodeCount, expected: expected, timeout: timeout))
    }

    func run() throws {
        let chosenFormat = format
            ?? output.flatMap(MapFormat.init(pathExtension:)) ?? .svg
        let destination = output ?? Self.defaultOutput(for: file, format: chosenFormat)

        let limit = timeout
        let deadline = RunDeadline.start(seconds: limit) {
            "render did not finish within \(TimeoutText.seconds(limit)) (--timeout); nothing was written"
        }
        let run = timing.start()
        defer { run.finish() }
        let ecosystem = people.apply(try Console.loadOrExit(file, links: input.linksPath, title: input.title, timer: run.timer))
        // The full map's node count and (above the grouping limits) its engine are known now: a layout
        // that cannot finish is refused before scoring, whatever the machine's load.
        if view == .map && !slide {
            let nodeCount = ecosystem.nodeCount
            if let engine = LayoutPlan.engineKnownBeforeGrouping(option: engine, fileEngine: ecosystem.style.engine,
                                                                 nodeCount: nodeCount) {
                try refuseUnfinishableLayout(LayoutPlan(engine: engine, reason: "", curvedEdges: false, removesOverlaps: overlap == .remove),
                                             nodeCount: nodeCount)
            }
        }
        // The map and the matrix show scores and degrees, never PageRank or betweenness: skip computing them.
        // The slide view names the next step of the few communities it can draw: it advises those itself.
        let analysis = run.timer.measureParts("score") { part in
            Analyzer.analyze(ecosystem, centrality: false, targets: false, advice: !(slide && view == .map), stageDone: part)
        }
        KeptUntilExit.keep(analysis)
        let (spec, warnings) = try run.timer.measureParts("spec") { part in try buildSpec(analysis, stageDone: part) }
        Console.report(Diagnostics(warnings), sources: [:])
        // Every input is loaded now (the CSV pair's links table, --compare's files): refuse to overwrite
        // one before spending time on the layout.
        try OutputFile.check(destination)
        run.note("\(spec.nodes.count) nodes, \(spec.edges.count) links; engine \(spec.layout.engine.rawValue) (\(spec.layout.reason))")
        // Say before starting when the full map cannot be laid out within --timeout, and what to do instead.
        try refuseUnfinishableLayout(spec.layout, nodeCount: spec.nodes.count)

        // Before the layout child starts, so it inherits the pinned font; the warning is printed once.
        if let warning = FontSetup.warning { Console.err(warning) }
        let timer = run.timer
        timer.begin("layout")
        // In a child process: a Graphviz hang or crash ends in exit code 4, never takes ecomap with it.
        let outcome = LayoutProcess.render(spec, as: chosenFormat, seconds: deadline.remaining) { stage in
            timer.lap(stage)
            if stage == "layout" { timer.begin("render") }
        }
        let rendered: RenderedMap
        switch outcome {
        case nil:
            throw CommandFailure(.layoutFailure, "the \(spec.layout.engine.rawValue) layout of \(spec.nodes.count) nodes did not finish within \(TimeoutText.seconds(timeout)); try --engine sfdp or a larger --timeout")
        case .failure(let error)?:
            throw CommandFailure(.layoutFailure, "graphviz: \(error.description)")
        case .success(let map)?:
            rendered = map
        }
        // cairo stops drawing at its first error and still closes the file: a PDF or PNG that lacks
        // part of the map. Any cairo error fails the run, nothing is written.
        if let broken = rendered.messages.first(where: { $0.lowercased().hasPrefix("cairo") }) {
            throw CommandFailure(.layoutFailure, "graphviz: the \(chosenFormat.rawValue) renderer failed (\(broken)); nothing was written")
        }
        Console.report(Diagnostics(rendered.messages.map { .warning("graphviz: \($0)") }), sources: [:])

        try run.timer.measure("write") { try OutputFile.write(rendered.bytes, to: destination) }
        Console.err("wrote \(TerminalText.name(destination)) (\(chosenFormat.rawValue), \(spec.nodes.count) nodes, \(spec.edges.count) links, \(spec.layout.reason))")
    }

    /// Why a full map is not started: the estimate, and the ways out (`--slide`, `--overlap keep` when
    /// it would fit, a larger `--timeout`).
    static func tooLarge(_ plan: LayoutPlan, nodes: Int, expected: Double, timeout: Double) -> String {
        let engine = plan.engine.rawValue
        var text = "a full map of \(nodes) nodes needs about \(Int(expected.rounded())) s to lay out with \(engine) here "
        if plan.removesOverlaps {
            text += "(overlap removal keeps every shape clear of the others), more than --timeout \(TimeoutText.seconds(timeout)); "
            let keep = LayoutPlan.sfdpKeepingOverlapsSeconds(nodeCount: nodes)
            text += "for a legible 16:9 slide of it use --slide; "
            text += keep < timeout
                ? "to draw every node within the time use --overlap keep (about \(Int(keep.rounded(.up))) s, shapes may overlap); "
                : "--overlap keep (no overlap removal, shapes may overlap) needs about \(Int(keep.rounded(.up))) s; "
            text += "or allow the time with --timeout \(Int((expected * 2).rounded(.up)))"
        } else {
            text += "without overlap removal, more than --timeout \(TimeoutText.seconds(timeout)); "
                + "for a legible 16:9 slide of it use --slide, or allow the time with --timeout \(Int((expected * 2).rounded(.up)))"
        }
        return text
    }

    /// `examples/alpha-moms.yaml` -> `alpha-moms.svg` in the current directory.
    static func defaultOutput(for input: String, format: MapFormat) -> String {
        let stem = RawPath.stem(of: input)
        return (stem.isEmpty ? "map" : stem) + "." + format.rawValue
    }
}

extension Theme: ExpressibleByArgument {}
extension MapFormat: ExpressibleByArgument {}
extension Aspect: ExpressibleByArgument {}

/// `--engine auto` or an engine name; swift-argument-parser checks the value and lists the choices.
extension EngineOption: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var allValueStrings: [String] { names }
    public var defaultValueDescription: String {
        switch self {
        case .auto: return "auto"
        case .fixed(let engine): return engine.rawValue
        }
    }
}
extension GroupBy: ExpressibleByArgument {}

/// `--overlap`: whether the full map's layout removes overlaps between shapes.
enum OverlapMode: String, CaseIterable, ExpressibleByArgument {
    case remove, keep
}

private enum TimeoutText {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
