import ArgumentParser
import EcomapAnalysis
import EcomapDeck
import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import EcomapOutput
import EcomapText
import Foundation

/// `ecomap deck FILE -o deck.pptx`: the strategy deck as a PowerPoint file (docs/deck.md).
struct DeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deck",
        abstract: "Write a PowerPoint deck (.pptx): title, slide map, strategy matrix, ranking tables, gaps, speaker notes.",
        discussion: """
            16:9 slides written natively (OOXML); the map is the slide view of `render --slide` as SVG with a PNG
            fallback, or with --editable as native shapes and connectors. Equal input gives equal bytes.
            """)

    @Argument(help: "Ecosystem file (.yaml) or CSV node table (.csv).")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Output file (default: the input's name with .pptx).")
    var output: String?

    @Flag(help: "The map as native PowerPoint shapes and connectors (restylable) instead of a picture.")
    var editable = false

    @Option(help: "Colour theme: light, dark or print (greyscale).")
    var theme: Theme?

    @Option(name: .customLong("top"), help: "Map slide: draw the N best-ranked communities.")
    var top: Int?

    @Option(help: ArgumentHelp("Map slide: choose by rank only communities of these tiers (comma-separated).", valueName: "tiers"))
    var tier: String?

    @Option(help: ArgumentHelp("Map slide: draw the neighbourhood of this node (default: the file's focus).", valueName: "id"))
    var around: String?

    @Option(name: .customLong("ranking-rows"), help: "Ranking rows at most (\(DeckBuilder.rowsPerSlide) a slide).")
    var rankingRows: Int = DeckBuilder.defaultRankingLimit

    @Option(help: "Seconds each drawing may take before it is stopped.")
    var timeout: Double = Render.defaultTimeout

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be 0 or more") }
        if rankingRows < 0 { throw ValidationError("--ranking-rows must be 0 or more") }
        if !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
        _ = try tiers()
    }

    func tiers() throws -> [Tier] {
        guard let tier else { return [] }
        return try tier.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let t = Tier(rawValue: name) else { throw ValidationError("--tier: `\(name)` is not a tier (focus, nurture, monitor)") }
            return t
        }
    }

    /// PNG fallbacks at 192 pixels per inch: a 13.33 in slide is 2,560 px wide.
    static let rasterDPI = 192.0

    func run() throws {
        let stem = RawPath.stem(of: file)
        let destination = output ?? ((stem.isEmpty ? "deck" : stem) + ".pptx")
        let ecosystem = try Console.loadOrExit(file, links: input.linksPath, title: input.title)
        let analysis = Analyzer.analyze(ecosystem)
        let gaps = EcomapAnalysis.Gaps.find(analysis)
        let slide: MapSpec
        var warnings: [Diagnostic]
        do {
            (slide, warnings) = try SlideSpecBuilder.build(analysis, options: SlideOptions(theme: theme, top: top, tiers: try tiers(), around: around))
        } catch let error as SlideError {
            throw CommandFailure(.usage, error.description)
        }
        let (matrix, matrixWarnings) = MatrixSpecBuilder.build(analysis, options: MatrixOptions(theme: theme, aspect: .wide, slide: true))
        Console.report(Diagnostics(warnings + matrixWarnings), sources: [:])
        try OutputFile.check(destination)

        let map = try picture(slide, alt: "Ecosystem map of \(ecosystem.title): " + slide.title.descriptionLines.joined(separator: " "))
        let matrixPicture = ecosystem.communities.isEmpty ? nil
            : try picture(matrix, alt: "Strategy matrix of \(ecosystem.title): communities by reach and action-orientation.")
        let deck = DeckBuilder.build(DeckContent(analysis: analysis, gaps: gaps, slideSpec: slide, map: map, matrix: matrixPicture,
                                                 editable: editable, rankingLimit: rankingRows))
        let bytes: [UInt8]
        do { bytes = try PPTXWriter.write(deck) } catch { throw CommandFailure(.outputFailure, error.description) }
        try OutputFile.write(bytes, to: destination)
        Console.err("wrote \(TerminalText.name(destination)) (pptx, \(deck.slides.count) slides\(editable ? ", editable map" : ""))")
    }

    /// SVG of one spec, laid out in the child process, and its PNG rasterised from that SVG.
    private func picture(_ spec: MapSpec, alt: String) throws -> DeckPicture {
        let svg: [UInt8]
        switch LayoutProcess.render(spec, as: .svg, seconds: timeout, stageDone: { _ in }) {
        case nil:
            throw CommandFailure(.layoutFailure, "drawing the deck's picture did not finish within \(Int(timeout)) s")
        case .failure(let error)?:
            throw CommandFailure(.layoutFailure, "graphviz: \(error.description)")
        case .success(let map)?:
            svg = map.bytes
        }
        // The PNG fallback is that same SVG rasterised by librsvg (in-process), so both show the same picture.
        let png: [UInt8]
        do {
            png = try RasterRenderer.render(svg: String(decoding: svg, as: UTF8.self), title: spec.title.accessibleName, as: .png,
                                            pixelsPerPoint: Self.rasterDPI / 72)
        } catch {
            throw CommandFailure(.layoutFailure, "rasterising the deck's picture failed: \(error.description)")
        }
        return DeckPicture(svg: svg, png: png, altText: alt)
    }
}
