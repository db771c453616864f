import EcomapMapSpec
internal import CGraphviz

/// Builds a cgraph graph from a `MapSpec` through agopen/agnode/agedge/agsubg/agsafeset, inserting
/// clusters, nodes and edges in the spec's sorted order so Graphviz sees identical input every time.
/// Every attribute comes from `GraphvizAttribute`; every user text passes `GraphvizText`.
struct GraphBuilder {
    let spec: MapSpec
    /// Draw the title as the graph label (PNG and PDF, which get no SVG post-processing).
    let titleAsLabel: Bool

    /// The new graph; the caller owns it and must `agclose` it.
    func build() -> UnsafeMutablePointer<Agraph_t> {
        let graph = ecomap_agopen("ecomap", 0)!
        declareDefaults(graph)
        setGraphAttributes(graph)
        let clusters = makeClusters(graph)
        var handles: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        handles.reserveCapacity(spec.nodes.count)
        for node in spec.nodes {
            let handle = ecomap_agnode(graph, DOMID.escape(node.id))!
            setNodeAttributes(handle, node)
            if let clusterID = node.clusterID, let cluster = clusters[clusterID] {
                _ = ecomap_agsubnode(cluster, handle)
            }
            handles[node.id] = handle
        }
        for edge in spec.edges {
            guard let tail = handles[edge.from], let head = handles[edge.to] else { continue }
            let handle = ecomap_agedge(graph, tail, head)!
            setEdgeAttributes(handle, edge)
        }
        chainUnlinkedNodes(graph, handles)
        return graph
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
        declare(graph, node, .style, "filled")
        declare(graph, edge, .fontname, GraphvizAttribute.font)
        declare(graph, edge, .arrowsize, "0.7")
    }

    private func setGraphAttributes(_ graph: UnsafeMutablePointer<Agraph_t>) {
        let g = UnsafeMutableRawPointer(graph)
        set(g, .bgcolor, spec.colors.background.hex)
        set(g, .outputorder, "edgesfirst")
        set(g, .pad, "0.15")
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
            set(g, .overlap, "prism")
            set(g, .sep, "+8")
            set(g, .esep, "+4")
            set(g, .start, "1")
            set(g, .pack, "8")
            set(g, .packmode, "graph")
        case .circo, .twopi:
            set(g, .overlap, "false")
            set(g, .sep, "+8")
        }
        }
        if titleAsLabel {
            set(g, .label, GraphvizText.lines([spec.title.name] + (spec.title.asOf.map { ["as of \($0)"] } ?? []) + spec.title.descriptionLines))
            set(g, .labelloc, "t")
            set(g, .labeljust, "l")
            set(g, .fontsize, "16")
            set(g, .fontcolor, spec.colors.text.hex)
        }
    }

    private func makeClusters(_ graph: UnsafeMutablePointer<Agraph_t>) -> [String: UnsafeMutablePointer<Agraph_t>] {
        guard spec.layout.drawsClusters else { return [:] }
        var clusters: [String: UnsafeMutablePointer<Agraph_t>] = [:]
        for cluster in spec.clusters {
            let sub = ecomap_agsubg(graph, cluster.graphvizName)!
            let s = UnsafeMutableRawPointer(sub)
            set(s, .id, cluster.graphvizName)
            set(s, .label, GraphvizText.literal(cluster.label))
            set(s, .style, "filled,rounded")
            set(s, .fillcolor, spec.colors.clusterFill.hex)
            set(s, .color, spec.colors.clusterStroke.hex)
            set(s, .fontcolor, spec.colors.mutedText.hex)
            set(s, .fontsize, "12")
            clusters[cluster.id] = sub
        }
        return clusters
    }

    private func setNodeAttributes(_ handle: UnsafeMutablePointer<Agnode_t>, _ node: MapNode) {
        let n = UnsafeMutableRawPointer(handle)
        set(n, .id, node.domID)
        if node.externalLabel {
            set(n, .label, "")
            set(n, .xlabel, GraphvizText.lines(node.drawnLines))
        } else {
            set(n, .label, GraphvizText.lines(node.drawnLines))
        }
        set(n, .shape, node.shape.rawValue)
        set(n, .width, format(node.minWidth))
        set(n, .height, format(node.minHeight))
        if let p = node.position { set(n, .pos, format(p.x) + "," + format(p.y) + "!") }
        if node.fixedSize { set(n, .fixedsize, "true") }
        if let size = node.fontSize { set(n, .fontsize, format(size)) }
        var style = node.shape == .plaintext || node.shape == .point ? ["solid"] : ["filled"]
        if node.shape == .box { style.append("rounded") }
        if node.dashed { style.append("dashed") }
        set(n, .style, style.joined(separator: ","))
        set(n, .fillcolor, node.fill.hex)
        set(n, .color, node.stroke.hex)
        set(n, .fontcolor, node.fontColor.hex)
        set(n, .penwidth, format(node.penWidth))
        if node.emphasised { set(n, .peripheries, "2") }
        set(n, .tooltip, GraphvizText.literal(node.tooltip.replacingNewlines))
        if let url = node.url { set(n, .URL, GraphvizText.literal(url)) }
    }

    private func setEdgeAttributes(_ handle: UnsafeMutablePointer<Agedge_t>, _ edge: MapEdge) {
        let e = UnsafeMutableRawPointer(handle)
        set(e, .id, edge.domID)
        set(e, .penwidth, format(edge.penWidth))
        set(e, .color, edge.color.hex)
        if edge.dashed { set(e, .style, "dashed") }
        set(e, .tooltip, GraphvizText.literal(edge.tooltip.replacingNewlines))
        if edge.directed { set(e, .dir, edge.reverseWeight == nil ? "forward" : "both") }
    }
}

/// Fixed-point text for Graphviz numbers: locale-free and deterministic.
func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded()
    let whole = Int(scaled) / 1000, frac = abs(Int(scaled)) % 1000
    var text = "\(whole).\(String(frac + 1000).dropFirst())"
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

private extension String {
    /// Tooltips are one Graphviz line (SVG post-processing restores the real line breaks).
    var replacingNewlines: String { split(whereSeparator: \.isNewline).joined(separator: " · ") }
}
