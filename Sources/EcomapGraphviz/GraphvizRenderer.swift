import EcomapMapSpec
import EcomapScene
import EcomapFonts
internal import CGraphviz

/// A laid-out map and the messages Graphviz emitted on the way.
public struct LaidOutMap: Sendable {
    public var scene: Scene
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

/// Lays out map specs through Graphviz's C library, in-process, and reads the geometry back.
///
/// Graphviz computes positions, outlines, splines and label boxes only; it never renders. The
/// geometry is read after `gvLayout` (`ND_coord`, the node's polygon, `ED_spl`, label positions,
/// `GD_bb`) into a `Scene`, from which every output is drawn.
public enum GraphvizLayout {
    /// Builds the graph, lays it out with `spec.layout.engine` (twice when fitting one island to an
    /// aspect ratio; several islands are arranged after one layout), reads the scene, and frees every
    /// Graphviz object before returning.
    /// - Parameter stageDone: told `layout` once the graph is built and laid out (for `--timings`).
    public static func scene(_ spec: MapSpec, stageDone: (@Sendable (String) -> Void)? = nil) throws(GraphvizError) -> LaidOutMap {
        FontSetup.pin()
        let outcome: Result<LaidOutMap, GraphvizError> = GraphvizSession.shared.run { context in
            let session = GraphvizSession.shared
            let built = GraphBuilder(spec: spec, paint: false).build()
            defer { agclose(built.graph) }
            let islands = arrangesIslands(spec) ? IslandArrangement.islands(built) : nil
            let several = (islands?.count ?? 0) > 1
            guard layOut(context, built.graph, spec, fitRatio: !several) else {
                return .failure(GraphvizError(message: "\(spec.layout.engine.rawValue) layout failed",
                                              graphvizMessages: session.drainMessages()))
            }
            defer { gvFreeLayout(context, built.graph) }
            var arrangement: IslandArrangement?
            if let islands, let aspect = spec.aspect, several {
                arrangement = IslandArrangement.arrange(spec, built, islands: islands, aspect: aspect)
            }
            stageDone?("layout")
            let scene = SceneReader(spec: spec, built: built, arrangement: arrangement).read()
            return .success(LaidOutMap(scene: scene, messages: session.drainMessages()))
        }
        return try outcome.get()
    }

    /// The graph exactly as handed to the layout, with the paint added (cgraph's `agwrite`), not laid
    /// out: `dot -Tsvg` on it draws the same layout. Under `--aspect` the graph of one island carries the
    /// fitted `ratio`; the arrangement of several islands is ecomap's, made after the layout, and not in it.
    public static func dot(_ spec: MapSpec) throws(GraphvizError) -> (bytes: [UInt8], messages: [String]) {
        FontSetup.pin()
        let outcome: Result<(bytes: [UInt8], messages: [String]), GraphvizError> = GraphvizSession.shared.run { context in
            let session = GraphvizSession.shared
            let built = GraphBuilder(spec: spec, paint: true).build()
            defer { agclose(built.graph) }
            if spec.aspect != nil, !arrangesIslands(spec) || IslandArrangement.islands(built).count <= 1 {
                guard fitAspect(context, built.graph, spec) else {
                    return .failure(GraphvizError(message: "\(spec.layout.engine.rawValue) layout failed",
                                                  graphvizMessages: session.drainMessages()))
                }
            }
            guard let bytes = writeDOT(built.graph) else {
                return .failure(GraphvizError(message: "writing DOT failed", graphvizMessages: session.drainMessages()))
            }
            return .success((bytes, session.drainMessages()))
        }
        return try outcome.get()
    }

    /// Whether `--aspect` moves the islands of this map (pinned layouts keep every position).
    private static func arrangesIslands(_ spec: MapSpec) -> Bool {
        spec.aspect != nil && !spec.layout.pinned
    }

    /// Lays the graph out; under `--aspect` with `fitRatio`, first lays it out once to choose the `ratio`.
    private static func layOut(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ spec: MapSpec,
                               fitRatio: Bool) -> Bool {
        if fitRatio, spec.aspect != nil, !fitAspect(context, graph, spec) { return false }
        // Graphviz seeds its own random layouts from rand(); pin it for every layout.
        srand(1)
        return gvLayout(context, graph, spec.layout.engine.rawValue) == 0
    }

    /// Sets the `ratio` that makes the whole picture (drawing plus frame) `spec.aspect` wide.
    /// Pinned layouts (the matrix, the slide view) keep their positions: the frame pads them instead.
    private static func fitAspect(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ spec: MapSpec) -> Bool {
        guard let aspect = spec.aspect, !spec.layout.pinned else { return true }
        srand(1)
        guard gvLayout(context, graph, spec.layout.engine.rawValue) == 0 else { return false }
        let width = ecomap_graph_urx(graph) - ecomap_graph_llx(graph) + 2 * SceneReader.pad
        let height = ecomap_graph_ury(graph) - ecomap_graph_lly(graph) + 2 * SceneReader.pad
        gvFreeLayout(context, graph)
        let ratio = FrameGeometry(spec: spec).graphRatio(graphWidth: width, graphHeight: height, aspect: aspect)
        _ = ecomap_agsafeset(UnsafeMutableRawPointer(graph), GraphvizAttribute.ratio.rawValue, format(ratio))
        return true
    }

    private static func writeDOT(_ graph: UnsafeMutablePointer<Agraph_t>) -> [UInt8]? {
        var length = 0
        guard let buffer = ecomap_agwrite_memory(graph, &length) else { return nil }
        defer { free(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
