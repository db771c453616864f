import EcomapMapSpec
internal import CGraphviz
import EcomapText

/// Builds a cgraph graph from a `MapSpec` through agopen/agnode/agedge/agsubg/agsafeset, inserting
/// clusters, nodes and edges in the spec's sorted order so Graphviz sees identical input every time.
/// Every attribute comes from `GraphvizAttribute`; every user text passes `GraphvizText`.
///
/// The layout gets only what changes geometry (labels, shapes, sizes, fonts, engine settings); the
/// paint (colours, styles, ids, pen widths) is added only for `--format dot`, so the exported DOT
/// draws like the map in the Graphviz CLI while ecomap itself paints from the scene.
struct GraphBuilder {
    let spec: MapSpec
    /// Add colours, styles and ids (the DOT export); the layout does not need them.
    let paint: Bool

    /// A built graph and its objects in the spec's order; the caller must `agclose` the graph.
    struct Built {
        var graph: UnsafeMutablePointer<Agraph_t>
        /// Parallel to `spec.nodes`.
        var nodes: [UnsafeMutablePointer<Agnode_t>]
        /// Parallel to `spec.edges`; nil where an end is missing.
        var edges: [UnsafeMutablePointer<Agedge_t>?]
        /// Parallel to `spec.clusters`; empty when clusters are not drawn.
        var clusters: [UnsafeMutablePointer<Agraph_t>]
    }

    func build() -> Built {
        let graph = ecomap_agopen("ecomap", 0)!
        declareDefaults(graph)
        setGraphAttributes(graph)
        let clusters = makeClusters(graph)
        let clusterIndex = Dictionary(uniqueKeysWithValues: zip(spec.clusters.map(\.id), clusters.indices))
        var handles: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        handles.reserveCapacity(spec.nodes.count)
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        nodes.reserveCapacity(spec.nodes.count)
        for node in spec.nodes {
            let handle = ecomap_agnode(graph, DOMID.escape(node.id))!
            setNodeAttributes(handle, node)
            if let clusterID = node.clusterID, let index = clusterIndex[clusterID] {
                _ = ecomap_agsubnode(clusters[index], handle)
            }
            handles[node.id] = handle
            nodes.append(handle)
        }
        var edges: [UnsafeMutablePointer<Agedge_t>?] = []
        edges.reserveCapacity(spec.edges.count)
        for edge in spec.edges {
            guard let tail = handles[edge.from], let head = handles[edge.to] else { edges.append(nil); continue }
            let handle = ecomap_agedge(graph, tail, head)!
            setEdgeAttributes(handle, edge)
            edges.append(handle)
        }
        chainUnlinkedNodes(graph, handles)
        return Built(graph: graph, nodes: nodes, edges: edges, clusters: clusters)
    }

    /// Unlinked nodes are slow to lay out one by one: neato, fdp and sfdp pack each as its own
    /// component (3,000 unlinked nodes: 75 s), and dot puts them all on one rank (an endless row).
    /// Invisible edges chain them into about sqrt(n) groups of sqrt(n), which every engine lays out
    /// and packs quickly (dot as a grid). A layout hint only: the chains carry no id and are not drawn.
    private func chainUnlinkedNodes(_ graph: UnsafeMutablePointer<Agraph_t>, _ handles: [String: UnsafeMutablePointer<Agnode_t>]) {
        let linked = Set(spec.edges.flatMap { [$0.from, $0.to] })
        let unlinked = spec.nodes.filter { !linked.contains($0.id) && $0.clusterID == nil }.compactMap { handles[$0.id] }
        guard unlinked.count > 3 else { return }
        let rowLength = Int(Double(unlinked.count).squareRoot().rounded(.up))
        for index in unlinked.indices where index % rowLength != 0 {
            let chain = ecomap_agedge(graph, unlinked[index - 1], unlinked[index])!
            set(UnsafeMutableRawPointer(chain), .style, "invis")
        }
    }

    private func set(_ object: UnsafeMutableRawPointer, _ attribute: GraphvizAttribute, _ value: String) {
        _ = ecomap_agsafeset(object, attribute.rawValue, value)
    }

    private func declare(_ graph: UnsafeMutablePointer<Agraph_t>, _ kind: Int32, _ attribute: GraphvizAttribute, _ value: String) {
        ecomap_agattr(graph, kind, attribute.rawValue, value)
    }

    /// Defaults shared by every node and edge, declared once.
    private func declareDefaults(_ graph: UnsafeMutablePointer<Agraph_t>) {
        let node = Int32(AGNODE), edge = Int32(AGEDGE), root = Int32(AGRAPH)
        declare(graph, root, .fontname, GraphvizAttribute.font)
        declare(graph, node, .fontname, GraphvizAttribute.font)
        declare(graph, node, .fontsize, "11")
        declare(graph, node, .fixedsize, "false")
        declare(graph, node, .margin, "0.16,0.07")
        if paint { declare(graph, node, .style, "filled") }
        declare(graph, edge, .fontname, GraphvizAttribute.font)
        declare(graph, edge, .arrowsize, GraphvizAttribute.arrowSize)
    }

    private func setGraphAttributes(_ graph: UnsafeMutablePointer<Agraph_t>) {
        let g = UnsafeMutableRawPointer(graph)
        if paint {
            set(g, .bgcolor, spec.colors.background.hex)
            set(g, .outputorder, "edgesfirst")
            set(g, .pad, "0.15")
        }
        set(g, .splines, spec.layout.curvedEdges ? "true" : "line")
        if spec.layout.pinned {
            // Positions are points and stay where they are; external labels are always placed.
            set(g, .inputscale, "72")
            set(g, .overlap, "true")
            set(g, .forcelabels, "true")
        } else {
        switch spec.layout.engine {
        case .dot:
            set(g, .rankdir, "LR")
            set(g, .nodesep, "0.3")
            set(g, .ranksep, "0.9")
        case .neato, .fdp, .sfdp:
            // Overlap removal keeps every node shape clear of every other; `sep` adds a margin.
            // `--overlap keep` skips it (the slowest part at scale): shapes may overlap.
            if spec.layout.removesOverlaps {
                set(g, .overlap, "prism")
                set(g, .sep, "+8")
            } else {
                set(g, .overlap, "true")
            }
            set(g, .esep, "+4")
            set(g, .start, "1")
            set(g, .pack, "8")
            set(g, .packmode, "graph")
        case .circo, .twopi:
            set(g, .overlap, spec.layout.removesOverlaps ? "false" : "true")
            if spec.layout.removesOverlaps { set(g, .sep, "+8") }
        }
        }
    }

    private func makeClusters(_ graph: UnsafeMutablePointer<Agraph_t>) -> [UnsafeMutablePointer<Agraph_t>] {
        guard spec.layout.drawsClusters else { return [] }
        return spec.clusters.map { cluster in
            let sub = ecomap_agsubg(graph, cluster.graphvizName)!
            let s = UnsafeMutableRawPointer(sub)
            set(s, .label, GraphvizText.literal(cluster.label))
            set(s, .fontsize, "12")
            if paint {
                set(s, .id, cluster.graphvizName)
                set(s, .style, "filled,rounded")
                set(s, .fillcolor, spec.colors.clusterFill.hex)
                set(s, .color, spec.colors.clusterStroke.hex)
                set(s, .fontcolor, spec.colors.mutedText.hex)
            }
            return sub
        }
    }

    private func setNodeAttributes(_ handle: UnsafeMutablePointer<Agnode_t>, _ node: MapNode) {
        let n = UnsafeMutableRawPointer(handle)
        if node.externalLabel {
            set(n, .label, "")
            set(n, .xlabel, GraphvizText.lines(node.drawnLines))
        } else {
            set(n, .label, node.leftAligned ? GraphvizText.leftAlignedLines(node.drawnLines) : GraphvizText.lines(node.drawnLines))
        }
        set(n, .shape, node.shape.rawValue)
        set(n, .width, format(node.minWidth))
        set(n, .height, format(node.minHeight))
        if let p = node.position { set(n, .pos, format(p.x) + "," + format(p.y) + "!") }
        if node.fixedSize { set(n, .fixedsize, "true") }
        if let size = node.fontSize { set(n, .fontsize, format(size)) }
        if node.emphasised { set(n, .peripheries, "2") }
        guard paint else { return }
        set(n, .id, node.domID)
        var style = node.shape == .plaintext || node.shape == .point ? ["solid"] : ["filled"]
        if node.shape == .box { style.append("rounded") }
        if node.dashed { style.append("dashed") }
        set(n, .style, style.joined(separator: ","))
        set(n, .fillcolor, node.fill.hex)
        set(n, .color, node.stroke.hex)
        set(n, .fontcolor, node.fontColor.hex)
        set(n, .penwidth, format(node.penWidth))
    }

    private func setEdgeAttributes(_ handle: UnsafeMutablePointer<Agedge_t>, _ edge: MapEdge) {
        let e = UnsafeMutableRawPointer(handle)
        // A pair linked both ways is one edge with arrowheads at both ends (see MapSpecBuilder.edges).
        if edge.directed { set(e, .dir, edge.reverseWeight == nil ? "forward" : "both") }
        guard paint else { return }
        set(e, .id, edge.domID)
        set(e, .penwidth, format(edge.penWidth))
        set(e, .color, edge.color.hex)
        if edge.dashed { set(e, .style, "dashed") }
    }
}

/// Fixed-point text for Graphviz numbers: locale-free and deterministic (three decimals).
func format(_ value: Double) -> String { NumberText.fixed(value, 3) }
