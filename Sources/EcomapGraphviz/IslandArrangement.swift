import EcomapMapSpec
internal import CGraphviz

/// `--aspect` for a map of several islands (connected components): each island keeps the layout
/// Graphviz gave it and is moved as a whole, so that the islands together fill the slide's shape
/// instead of sitting in a padded middle (Graphviz's `ratio` does not reach packed components).
///
/// An island is a set of nodes joined by links, by the layout's chains of unlinked nodes, or by a
/// drawn cluster. Its box holds everything drawn for it: node outlines, external labels, edge
/// splines with their arrowheads, cluster frames with their labels; islands are placed by
/// `IslandPacker` with `gap` between boxes, so no shape or text of one island meets another's.
struct IslandArrangement {
    /// A move in Graphviz coordinates (points, y up).
    struct Offset: Sendable {
        var dx: Double
        var dy: Double
        static let zero = Offset(dx: 0, dy: 0)
    }

    /// Parallel to `built.nodes`, `built.edges` and `built.clusters`.
    var nodeOffsets: [Offset]
    var edgeOffsets: [Offset]
    var clusterOffsets: [Offset]
    /// The arranged drawing's bounding box (Graphviz coordinates).
    var llx: Double, lly: Double, urx: Double, ury: Double

    /// Space between the boxes of two islands, in points.
    static let gap = 18.0

    /// The island of every node (numbered in order of each island's first node) and their count.
    /// Needs only the built graph, not its layout.
    static func islands(_ built: GraphBuilder.Built) -> (of: [Int], count: Int) {
        var index: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        index.reserveCapacity(built.nodes.count)
        for (i, node) in built.nodes.enumerated() { index[node] = i }
        var parent = Array(built.nodes.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for node in built.nodes {
            var edge = agfstout(built.graph, node)
            while let e = edge {
                if let t = index[ecomap_edge_tail(e)], let h = index[ecomap_edge_head(e)] { union(t, h) }
                edge = agnxtout(built.graph, e)
            }
        }
        for cluster in built.clusters {
            var first: Int?
            var member = agfstnode(cluster)
            while let n = member {
                if let i = index[n] {
                    if let f = first { union(f, i) } else { first = i }
                }
                member = agnxtnode(cluster, n)
            }
        }
        var label: [Int: Int] = [:]
        var of: [Int] = []
        of.reserveCapacity(built.nodes.count)
        for i in built.nodes.indices {
            let root = find(i)
            if label[root] == nil { label[root] = label.count }
            of.append(label[root]!)
        }
        return (of, label.count)
    }

    /// Reads each island's box from the finished layout and packs the boxes so that the whole
    /// picture (drawing, title, legend) needs the least padding to reach `aspect`.
    static func arrange(_ spec: MapSpec, _ built: GraphBuilder.Built, islands: (of: [Int], count: Int),
                        aspect: Aspect) -> IslandArrangement {
        var boxes = [Box](repeating: .empty, count: islands.count)
        var nodeIndex: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        for (i, node) in built.nodes.enumerated() {
            nodeIndex[node] = i
            let cx = ecomap_node_x(node), cy = ecomap_node_y(node)
            let hw = ecomap_node_width(node) * 36, hh = ecomap_node_height(node) * 36
            var box = Box(llx: cx - hw, lly: cy - hh, urx: cx + hw, ury: cy + hh)
            if let label = ecomap_node_xlabel(node), label.pointee.set != 0 { box.add(label) }
            boxes[islands.of[i]].add(box)
        }
        var edgeIslands: [Int] = []
        for handle in built.edges {
            guard let handle, let tail = nodeIndex[ecomap_edge_tail(handle)] else { edgeIslands.append(0); continue }
            let island = islands.of[tail]
            edgeIslands.append(island)
            guard let splines = ecomap_edge_splines(handle) else { continue }
            for b in 0..<Int(splines.pointee.size) {
                let bezier = splines.pointee.list[b]
                if let list = bezier.list {
                    for p in 0..<Int(bezier.size) { boxes[island].add(list[p].x, list[p].y) }
                }
                if bezier.sflag != 0 { boxes[island].add(bezier.sp.x, bezier.sp.y) }
                if bezier.eflag != 0 { boxes[island].add(bezier.ep.x, bezier.ep.y) }
            }
        }
        var clusterIslands: [Int] = []
        for cluster in built.clusters {
            var island = 0
            if let first = agfstnode(cluster), let i = nodeIndex[first] { island = islands.of[i] }
            clusterIslands.append(island)
            boxes[island].add(Box(llx: ecomap_graph_llx(cluster), lly: ecomap_graph_lly(cluster),
                                  urx: ecomap_graph_urx(cluster), ury: ecomap_graph_ury(cluster)))
            if let label = ecomap_graph_label(cluster), label.pointee.set != 0 { boxes[island].add(label) }
        }

        let geometry = FrameGeometry(spec: spec)
        let sizes = boxes.map { IslandPacker.Size(width: max($0.urx - $0.llx, 0), height: max($0.ury - $0.lly, 0)) }
        // The picture's area once padded to the aspect: least padding and fewest holes at once.
        let placement = IslandPacker.arrange(sizes, gap: gap) { width, height in
            let content = geometry.contentSize(graphWidth: width + 2 * SceneReader.pad, graphHeight: height + 2 * SceneReader.pad)
            return content.width / content.height > aspect.ratio
                ? content.width * content.width / aspect.ratio
                : content.height * content.height * aspect.ratio
        }
        let moves = zip(boxes, placement.origins).map { box, origin in
            // Packing space has y down from the top; Graphviz's has y up from the bottom.
            Offset(dx: origin.x - box.llx, dy: (placement.height - origin.y - (box.ury - box.lly)) - box.lly)
        }
        return IslandArrangement(
            nodeOffsets: islands.of.map { moves[$0] },
            edgeOffsets: edgeIslands.map { moves[$0] },
            clusterOffsets: clusterIslands.map { moves[$0] },
            llx: 0, lly: 0, urx: placement.width, ury: placement.height)
    }

    /// A bounding box in Graphviz coordinates, empty until something is added.
    struct Box {
        var llx: Double, lly: Double, urx: Double, ury: Double
        static let empty = Box(llx: .infinity, lly: .infinity, urx: -.infinity, ury: -.infinity)

        mutating func add(_ x: Double, _ y: Double) {
            add(Box(llx: x, lly: y, urx: x, ury: y))
        }

        mutating func add(_ o: Box) {
            llx = min(llx, o.llx); lly = min(lly, o.lly)
            urx = max(urx, o.urx); ury = max(ury, o.ury)
        }

        mutating func add(_ label: UnsafeMutablePointer<textlabel_t>) {
            let l = label.pointee
            add(Box(llx: l.pos.x - l.dimen.x / 2, lly: l.pos.y - l.dimen.y / 2,
                    urx: l.pos.x + l.dimen.x / 2, ury: l.pos.y + l.dimen.y / 2))
        }
    }
}
