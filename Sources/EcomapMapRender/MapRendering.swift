import EcomapGraphviz
import EcomapMapSpec
import EcomapScene

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

/// The whole map path after the spec: Graphviz lays out, its geometry becomes a `Scene`, and one
/// renderer draws the scene: ecomap's SVG writer, librsvg for PNG and PDF (from that same SVG, so
/// they carry the same title and legend), or the JSON of positions. DOT is the graph handed to the
/// layout.
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
        if format == .dot {
            let dot = try GraphvizLayout.dot(spec)
            stageDone?("layout")
            return RenderedMap(bytes: dot.bytes, messages: dot.messages)
        }
        let laidOut = try GraphvizLayout.scene(spec, stageDone: stageDone)
        switch format {
        case .svg:
            return RenderedMap(bytes: Array(SVGWriter.write(laidOut.scene).utf8), messages: laidOut.messages)
        case .png, .pdf:
            do {
                let bytes = try RasterRenderer.render(laidOut.scene, as: format == .png ? .png : .pdf)
                return RenderedMap(bytes: bytes, messages: laidOut.messages)
            } catch {
                throw GraphvizError(message: error.description, graphvizMessages: laidOut.messages)
            }
        case .json:
            return RenderedMap(bytes: Array(MapJSON.encode(spec, scene: laidOut.scene).utf8), messages: laidOut.messages)
        case .dot:
            preconditionFailure("handled above")
        }
    }
}
