import EcomapMapSpec
internal import CGraphviz

/// What Graphviz is asked to produce.
public enum GraphvizProduct: String, Sendable, CaseIterable {
    /// The graph exactly as handed to the layout (cgraph's `agwrite`), not laid out.
    case dot
    /// Positions only (for `--format json`).
    case layout
    /// Graphviz's core SVG renderer; post-process with `SVGPostProcessor` before writing.
    case svg
    /// Cairo PNG, 96 dpi.
    case png
    /// Cairo PDF; normalise with `PDFNormalizer` before writing.
    case pdf

    /// The pinned `format:renderer:plugin` so output never depends on plugin priority.
    var renderFormat: String? {
        switch self {
        case .dot: return nil
        case .layout: return nil
        case .svg: return "svg:svg:core"
        case .png: return "png:cairo:cairo"
        case .pdf: return "pdf:cairo:cairo"
        }
    }
}

/// The bytes Graphviz produced, the laid-out positions, and the messages it emitted.
public struct GraphvizResult: Sendable {
    /// Rendered output (empty for `.layout`).
    public var bytes: [UInt8]
    /// Positions (nil for `.dot`, which is not laid out).
    public var layout: MapLayout?
    /// Graphviz warnings, as text, for ecomap diagnostics.
    public var messages: [String]
}

/// A Graphviz failure, with the messages Graphviz gave.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var graphvizMessages: [String]

    public init(message: String, graphvizMessages: [String] = []) {
        self.message = message
        self.graphvizMessages = graphvizMessages
    }

    public var description: String {
        ([message] + graphvizMessages).joined(separator: ": ")
    }
}

/// Lays out and renders map specs through Graphviz's C library, in-process.
public enum GraphvizRenderer {
    /// Builds the graph, lays it out with `spec.layout.engine` (twice when fitting an aspect ratio),
    /// renders `product`, and frees every Graphviz object before returning.
    /// - Parameter stageDone: told `layout` once the graph is built and laid out (for `--timings`).
    public static func render(_ spec: MapSpec, as product: GraphvizProduct,
                              stageDone: (@Sendable (String) -> Void)? = nil) throws(GraphvizError) -> GraphvizResult {
        let outcome: Result<GraphvizResult, GraphvizError> = GraphvizSession.shared.run { context in
            let session = GraphvizSession.shared
            let builder = GraphBuilder(spec: spec, titleAsLabel: product == .png || product == .pdf)
            let graph = builder.build()
            defer { agclose(graph) }
            let engine = spec.layout.engine.rawValue
            func fail(_ what: String) -> Result<GraphvizResult, GraphvizError> {
                .failure(GraphvizError(message: what, graphvizMessages: session.drainMessages()))
            }
            func layOut() -> Bool {
                // Graphviz seeds its own random layouts from rand(); pin it for every layout.
                srand(1)
                return gvLayout(context, graph, engine) == 0
            }
            // Pinned layouts (matrix, slide) keep their positions; the frame pads them to the aspect.
            if let aspect = spec.aspect, !spec.layout.pinned {
                guard layOut() else { return fail("\(engine) layout failed") }
                let bounds = GraphBounds(graph)
                gvFreeLayout(context, graph)
                let ratio = FrameGeometry(spec: spec).graphRatio(graphWidth: bounds.width, graphHeight: bounds.height, aspect: aspect)
                _ = ecomap_agsafeset(UnsafeMutableRawPointer(graph), GraphvizAttribute.ratio.rawValue, format(ratio))
            }
            if product == .dot {
                guard let bytes = writeDOT(graph) else { return fail("writing DOT failed") }
                return .success(GraphvizResult(bytes: bytes, layout: nil, messages: session.drainMessages()))
            }
            guard layOut() else { return fail("\(engine) layout failed") }
            defer { gvFreeLayout(context, graph) }
            stageDone?("layout")
            let layout = readLayout(graph, ids: Dictionary(uniqueKeysWithValues: spec.nodes.map { (DOMID.escape($0.id), $0.id) }))
            var bytes: [UInt8] = []
            if let format = product.renderFormat {
                guard let data = renderData(context, graph, format) else { return fail("rendering \(product.rawValue) failed") }
                bytes = data
            }
            return .success(GraphvizResult(bytes: bytes, layout: layout, messages: session.drainMessages()))
        }
        return try outcome.get()
    }

    private static func writeDOT(_ graph: UnsafeMutablePointer<Agraph_t>) -> [UInt8]? {
        var length = 0
        guard let buffer = ecomap_agwrite_memory(graph, &length) else { return nil }
        defer { free(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    private static func renderData(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: String) -> [UInt8]? {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &buffer, &length) == 0, let buffer else {
            if let buffer { gvFreeRenderData(buffer) }
            return nil
        }
        defer { gvFreeRenderData(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    /// Node centres and sizes in points, origin top-left of the bounding box.
    private static func readLayout(_ graph: UnsafeMutablePointer<Agraph_t>, ids: [String: String]) -> MapLayout {
        let bounds = GraphBounds(graph)
        var placements: [NodePlacement] = []
        var node = agfstnode(graph)
        while let current = node {
            let name = String(cString: ecomap_agnameof(UnsafeMutableRawPointer(current)))
            placements.append(NodePlacement(
                id: ids[name] ?? name,
                x: ecomap_node_x(current) - bounds.minX,
                y: bounds.maxY - ecomap_node_y(current),
                width: ecomap_node_width(current) * 72,
                height: ecomap_node_height(current) * 72))
            node = agnxtnode(graph, current)
        }
        return MapLayout(width: bounds.width, height: bounds.height, nodes: placements)
    }
}

/// The laid-out bounding box of a graph, in points.
private struct GraphBounds {
    var minX, minY, maxX, maxY: Double
    init(_ graph: UnsafeMutablePointer<Agraph_t>) {
        minX = ecomap_graph_llx(graph)
        minY = ecomap_graph_lly(graph)
        maxX = ecomap_graph_urx(graph)
        maxY = ecomap_graph_ury(graph)
    }
    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
}
