import EcomapMapSpec
import EcomapOutput

/// The output formats of `ecomap render`.
public enum MapFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot, json

    /// The format a file name asks for by its extension (case-insensitive), if any.
    public init?(pathExtension path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

/// A finished map file and the Graphviz messages met on the way.
public struct RenderedMap: Sendable {
    public var bytes: [UInt8]
    public var messages: [String]

    public init(bytes: [UInt8], messages: [String]) {
        self.bytes = bytes
        self.messages = messages
    }
}

/// The whole map path after the spec: Graphviz layout and rendering, then the format's
/// post-processing (SVG cleaning and framing, PDF date normalisation, JSON of positions and scores).
public enum MapRendering {
    /// - Parameter stageDone: told `layout` after the Graphviz layout and `render` once the bytes are
    ///   final (for `--timings`).
    public static func render(_ spec: MapSpec, as format: MapFormat,
                              stageDone: (@Sendable (String) -> Void)? = nil) throws(GraphvizError) -> RenderedMap {
        let map = try renderFormat(spec, as: format, stageDone: stageDone)
        stageDone?("render")
        return map
    }

    private static func renderFormat(_ spec: MapSpec, as format: MapFormat,
                                     stageDone: (@Sendable (String) -> Void)?) throws(GraphvizError) -> RenderedMap {
        switch format {
        case .svg:
            let result = try GraphvizRenderer.render(spec, as: .svg, stageDone: stageDone)
            do {
                let svg = try SVGPostProcessor.process(result.bytes, spec: spec)
                return RenderedMap(bytes: Array(svg.utf8), messages: result.messages)
            } catch {
                throw GraphvizError(message: error.description, graphvizMessages: result.messages)
            }
        case .png:
            let result = try GraphvizRenderer.render(spec, as: .png, stageDone: stageDone)
            return RenderedMap(bytes: result.bytes, messages: result.messages)
        case .pdf:
            let result = try GraphvizRenderer.render(spec, as: .pdf, stageDone: stageDone)
            return RenderedMap(bytes: PDFNormalizer.normalize(result.bytes), messages: result.messages)
        case .dot:
            let result = try GraphvizRenderer.render(spec, as: .dot, stageDone: stageDone)
            return RenderedMap(bytes: result.bytes, messages: result.messages)
        case .json:
            let result = try GraphvizRenderer.render(spec, as: .layout, stageDone: stageDone)
            let layout = result.layout ?? MapLayout(width: 0, height: 0, nodes: [])
            return RenderedMap(bytes: Array(MapJSON.encode(spec, layout: layout).utf8), messages: result.messages)
        }
    }
}
