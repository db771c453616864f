import EcomapMapSpec
import EcomapScene
internal import CGraphviz
import EcomapText

/// Reads Graphviz's layout of a built graph into a `Scene` and adds ecomap's frame around it.
///
/// Graphviz coordinates are points with y growing upwards; the scene's have y growing downwards
/// from the picture's top-left corner. The drawing keeps a `pad` of empty space on every side.
struct SceneReader {
    /// Space around the drawing inside its frame (Graphviz's `pad=0.15` inch).
    static let pad = 10.8
    /// Graphviz's default arrowhead length in points, before `arrowsize`.
    private static let arrowLength = 10.0

    let spec: MapSpec
    let built: GraphBuilder.Built
    /// Where `--aspect` moved each island; nil: as Graphviz laid it out.
    var arrangement: IslandArrangement? = nil

    /// Graphviz point -> scene point.
    private struct Transform {
        var offsetX: Double
        var offsetY: Double
        func callAsFunction(_ x: Double, _ y: Double) -> ScenePoint {
            ScenePoint(x: offsetX + x, y: offsetY - y)
        }
        /// The same transform after moving the Graphviz geometry by `offset`.
        func moved(_ offset: IslandArrangement.Offset?) -> Transform {
            guard let offset else { return self }
            return Transform(offsetX: offsetX + offset.dx, offsetY: offsetY - offset.dy)
        }
    }

    func read() -> Scene {
        let graph = built.graph
        let llx = arrangement?.llx ?? ecomap_graph_llx(graph), lly = arrangement?.lly ?? ecomap_graph_lly(graph)
        let urx = arrangement?.urx ?? ecomap_graph_urx(graph), ury = arrangement?.ury ?? ecomap_graph_ury(graph)
        let drawingWidth = urx - llx + 2 * Self.pad
        let drawingHeight = ury - lly + 2 * Self.pad
        let frame = SceneFrame(spec: spec, drawingWidth: drawingWidth, drawingHeight: drawingHeight)
        let t = Transform(offsetX: frame.drawingX + Self.pad - llx, offsetY: frame.drawingY + Self.pad + ury)

        var clusters: [SceneCluster] = []
        for (k, (cluster, handle)) in zip(spec.clusters, built.clusters).enumerated() {
            let t = t.moved(arrangement?.clusterOffsets[k])
            let a = t(ecomap_graph_llx(handle), ecomap_graph_ury(handle))
            let b = t(ecomap_graph_urx(handle), ecomap_graph_lly(handle))
            let rect = SceneRect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
            let frameShape = SceneShape(.rectangle(rect, cornerRadius: min(12, rect.width / 3, rect.height / 3)),
                                        fill: spec.colors.clusterFill.scene, stroke: spec.colors.clusterStroke.scene)
            let label = texts(ecomap_graph_label(handle), lines: [cluster.label], color: spec.colors.mutedText,
                              bold: false, t).first
            clusters.append(SceneCluster(id: cluster.id, elementID: cluster.graphvizName, frame: frameShape, label: label))
        }

        var edges: [SceneEdge] = []
        edges.reserveCapacity(spec.edges.count)
        for (k, (edge, handle)) in zip(spec.edges, built.edges).enumerated() {
            guard let handle else { continue }
            let t = t.moved(arrangement?.edgeOffsets[k])
            edges.append(SceneEdge(from: edge.from, to: edge.to, elementID: edge.domID,
                                   shapes: edgeShapes(edge, handle, t), tooltip: edge.tooltip))
        }

        var nodes: [SceneNode] = []
        nodes.reserveCapacity(spec.nodes.count)
        for (k, (node, handle)) in zip(spec.nodes, built.nodes).enumerated() {
            nodes.append(readNode(node, handle, t.moved(arrangement?.nodeOffsets[k])))
        }

        return Scene(
            width: frame.width, height: frame.height, background: spec.colors.background.scene,
            accessibleTitle: spec.title.accessibleName, accessibleDescription: Self.description(spec),
            heading: frame.heading(), clusters: clusters, edges: edges, nodes: nodes, legend: frame.legend(),
            drawingBounds: SceneRect(x: frame.drawingX, y: frame.drawingY, width: drawingWidth, height: drawingHeight))
    }

    /// A one-paragraph accessible description: counts, encoding, and the file's description.
    static func description(_ spec: MapSpec) -> String {
        var counts: [MapNodeKind: Int] = [:]
        for node in spec.nodes { counts[node.kind, default: 0] += 1 }
        var text = "Ecosystem map with \(counts[.community] ?? 0) communities, \(counts[.influencer] ?? 0) influencers, "
            + "\(counts[.stakeholder] ?? 0) stakeholders and \(spec.edges.count) links. "
            + spec.encodingNote
        let about = spec.title.descriptionLines.joined(separator: " ")
        if !about.isEmpty { text += " " + about }
        return text
    }

    // MARK: Nodes

    private func readNode(_ node: MapNode, _ handle: UnsafeMutablePointer<Agnode_t>, _ t: Transform) -> SceneNode {
        let cx = ecomap_node_x(handle), cy = ecomap_node_y(handle)
        let width = ecomap_node_width(handle) * 72, height = ecomap_node_height(handle) * 72
        let centre = t(cx, cy)
        var bounds = SceneRect(x: centre.x - width / 2, y: centre.y - height / 2, width: width, height: height)
        var shapes: [SceneShape] = []
        if node.shape != .plaintext && node.shape != .point, let polygon = ecomap_node_polygon(handle) {
            let sides = Int(polygon.pointee.sides), peripheries = Int(polygon.pointee.peripheries)
            // Vertices are relative to the centre; Graphviz scales them to the final size when drawing.
            let xScale = width > 0 ? ecomap_node_lw_rw(handle) / width : 1
            let yScale = height > 0 ? ecomap_node_ht(handle) / height : 1
            if let vertices = polygon.pointee.vertices, sides > 0 {
                for ring in (0..<peripheries).reversed() {
                    let points = (0..<sides).map { i -> ScenePoint in
                        let v = vertices[ring * sides + i]
                        return t(cx + v.x * xScale, cy + v.y * yScale)
                    }
                    let inner = ring == 0
                    shapes.append(SceneShape(outline(node.shape, points, centre), fill: inner ? node.fill.scene : nil,
                                             stroke: node.stroke.scene, strokeWidth: node.penWidth,
                                             dash: node.dashed ? .dashed : .solid))
                }
            }
        }
        let label = node.externalLabel ? ecomap_node_xlabel(handle) : ecomap_node_label(handle)
        let lines = node.drawnLines
        // Graphviz places a node's own label on the node's centre only when drawing; xlabels are placed by the layout.
        let centreOverride = node.externalLabel ? nil : (x: cx, y: cy)
        var drawn = texts(label, lines: lines, color: node.fontColor, bold: false, at: centreOverride, t)
        if node.badge != nil, !drawn.isEmpty { drawn[0].bold = true }
        if shapes.isEmpty, let label, node.shape == .plaintext || node.externalLabel {
            var box = labelBox(label, t)
            if !node.externalLabel { box = SceneRect(x: centre.x - box.width / 2, y: centre.y - box.height / 2, width: box.width, height: box.height) }
            bounds = node.shape == .point ? box : bounds.union(box)
        }
        return SceneNode(id: node.id, elementID: node.domID, kind: node.kind.rawValue, shapes: shapes, texts: drawn,
                         tooltip: node.tooltip, link: node.url.flatMap(SafeURL.validated), bounds: bounds)
    }

    /// The outline from Graphviz's vertices (scene coordinates): ellipses by their bounding corners,
    /// boxes by their corners (rounded as Graphviz rounds them), other shapes as polygons.
    private func outline(_ shape: NodeShape, _ points: [ScenePoint], _ centre: ScenePoint) -> SceneGeometry {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? centre.x, maxX = xs.max() ?? centre.x
        let minY = ys.min() ?? centre.y, maxY = ys.max() ?? centre.y
        switch shape {
        case .ellipse, .circle, .point, .plaintext:
            // Two vertices: opposite corners of the box around the ellipse.
            return .ellipse(center: ScenePoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2),
                            radiusX: (maxX - minX) / 2, radiusY: (maxY - minY) / 2)
        case .box:
            let rect = SceneRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
            return .rectangle(rect, cornerRadius: min(12, rect.width / 3, rect.height / 3))
        case .hexagon:
            return .polygon(points)
        }
    }

    // MARK: Edges

    private func edgeShapes(_ edge: MapEdge, _ handle: UnsafeMutablePointer<Agedge_t>, _ t: Transform) -> [SceneShape] {
        guard let splines = ecomap_edge_splines(handle) else { return [] }
        var shapes: [SceneShape] = []
        var heads: [SceneShape] = []
        let color = edge.color.scene
        for b in 0..<Int(splines.pointee.size) {
            let bezier = splines.pointee.list[b]
            let count = Int(bezier.size)
            guard count >= 4, let list = bezier.list else { continue }
            let points = (0..<count).map { t(list[$0].x, list[$0].y) }
            var segments: [(ScenePoint, ScenePoint, ScenePoint)] = []
            var i = 1
            while i + 2 < count {
                segments.append((points[i], points[i + 1], points[i + 2]))
                i += 3
            }
            shapes.append(SceneShape(.path(ScenePath(start: points[0], segments: segments)), fill: nil, stroke: color,
                                     strokeWidth: edge.penWidth, dash: edge.dashed ? .dashed : .solid))
            if bezier.eflag != 0 {
                heads.append(arrowhead(tip: t(bezier.ep.x, bezier.ep.y), from: points[count - 1], penWidth: edge.penWidth,
                                       color: color))
            }
            if bezier.sflag != 0 {
                heads.append(arrowhead(tip: t(bezier.sp.x, bezier.sp.y), from: points[0], penWidth: edge.penWidth,
                                       color: color))
            }
        }
        return shapes + heads
    }

    /// Graphviz's `normal` arrowhead: a filled triangle from the spline's end to the tip, 10 pt x
    /// `arrowsize` long, 0.35 of its length to each side (wider for pens over 4 pt).
    private func arrowhead(tip: ScenePoint, from end: ScenePoint, penWidth: Double, color: SceneColor) -> SceneShape {
        var ux = end.x - tip.x, uy = end.y - tip.y
        let length = (ux * ux + uy * uy).squareRoot()
        let scale = Self.arrowLength * (Double(GraphvizAttribute.arrowSize) ?? 1) / (length > 0 ? length : 1)
        ux *= scale
        uy *= scale
        let widthFactor = penWidth > 4 ? 0.35 * penWidth / 4 : 0.35
        let vx = -uy * widthFactor, vy = ux * widthFactor
        let base = ScenePoint(x: tip.x + ux, y: tip.y + uy)
        return SceneShape(.polygon([ScenePoint(x: base.x - vx, y: base.y - vy), tip, ScenePoint(x: base.x + vx, y: base.y + vy)]),
                          fill: color, stroke: color, strokeWidth: penWidth)
    }

    // MARK: Labels

    /// The lines of a laid-out label where Graphviz would draw them: centred on the label's
    /// position, each line's baseline from the measured span heights (as Graphviz's `emit_label`).
    /// `lines` are the literal texts (the label handed to Graphviz was escaped).
    private func texts(_ label: UnsafeMutablePointer<textlabel_t>?, lines: [String], color: RGB, bold: Bool,
                       at centre: (x: Double, y: Double)? = nil, _ t: Transform) -> [SceneText] {
        guard let label, !lines.isEmpty else { return [] }
        var l = label.pointee
        if let centre { l.pos = pointf(x: centre.x, y: centre.y) }
        let spanCount = Int(ecomap_label_span_count(label))
        var y: Double
        switch UInt8(bitPattern: l.valign) {
        case UInt8(ascii: "t"): y = l.pos.y + l.space.y / 2 - l.fontsize
        case UInt8(ascii: "b"): y = l.pos.y - l.space.y / 2 + l.dimen.y - l.fontsize
        default: y = l.pos.y + l.dimen.y / 2 - l.fontsize
        }
        var out: [SceneText] = []
        for (index, line) in lines.enumerated() {
            var centerline = 0.2 * l.fontsize, height = l.fontsize * 1.2
            var x = l.pos.x
            var anchor = SceneTextAnchor.middle
            if index < spanCount, let span = ecomap_label_span(label, Int32(index)) {
                centerline = span.pointee.yoffset_centerline
                height = span.pointee.size.y
                switch UInt8(bitPattern: span.pointee.just) {
                case UInt8(ascii: "l"): x = l.pos.x - l.space.x / 2; anchor = .start
                case UInt8(ascii: "r"): x = l.pos.x + l.space.x / 2; anchor = .end
                default: break
                }
            }
            // Graphviz's SVG puts the baseline at -(y + centerline) in its flipped system.
            let p = t(x, y + centerline)
            out.append(SceneText(line, at: p, fontSize: l.fontsize, color: color.scene, bold: bold, anchor: anchor))
            y -= height
        }
        return out
    }

    /// The box Graphviz reserved for a label, in scene coordinates.
    private func labelBox(_ label: UnsafeMutablePointer<textlabel_t>, _ t: Transform) -> SceneRect {
        let l = label.pointee
        let a = t(l.pos.x - l.dimen.x / 2, l.pos.y + l.dimen.y / 2)
        return SceneRect(x: a.x, y: a.y, width: l.dimen.x, height: l.dimen.y)
    }
}

extension RGB {
    /// The same colour in the scene's type.
    var scene: SceneColor { SceneColor(red: red, green: green, blue: blue) }
}
