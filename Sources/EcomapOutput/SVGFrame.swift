import EcomapMapSpec

/// Where the title, drawing and legend go in the final picture (top-left origin, points).
struct Frame {
    var width: Double
    var height: Double
    /// Top-left of the content (title, drawing, legend) after centring in an aspect-padded picture.
    var contentX: Double
    var contentY: Double
    /// Top-left of the Graphviz drawing.
    var graphX: Double
    var graphY: Double

    init(geometry: FrameGeometry, graphWidth: Double, graphHeight: Double, aspect: Aspect?) {
        let content = geometry.contentSize(graphWidth: graphWidth, graphHeight: graphHeight)
        var w = content.width, h = content.height
        if let aspect {
            if w / h > aspect.ratio { h = w / aspect.ratio } else { w = h * aspect.ratio }
        }
        width = w
        height = h
        contentX = (w - content.width) / 2
        contentY = (h - content.height) / 2
        graphX = contentX + FrameGeometry.margin
        // A drawing shorter than the legend is centred against it.
        graphY = contentY + geometry.titleHeight + max(0, geometry.legendHeight - graphHeight) / 2
    }
}

/// Draws ecomap's own frame elements in the flattened Graphviz coordinate system.
struct FrameDrawing {
    /// The viewBox origin: frame point (x, y) is drawn at (x + origin.x, y + origin.y).
    var origin: (x: Double, y: Double)
    var spec: MapSpec

    private func n(_ v: Double) -> String { SVGNumber.format(v) }
    private func px(_ v: Double) -> String { n(v + origin.x) }
    private func py(_ v: Double) -> String { n(v + origin.y) }
    private var colors: ThemeColors { spec.colors }

    func rect(id: String? = nil, x: Double, y: Double, width: Double, height: Double, fill: RGB,
              stroke: RGB? = nil, radius: Double = 0, dashed: Bool = false) -> XMLElement {
        var attributes: [(String, String)] = []
        if let id { attributes.append(("id", id)) }
        attributes += [("x", px(x)), ("y", py(y)), ("width", n(width)), ("height", n(height))]
        if radius > 0 { attributes += [("rx", n(radius)), ("ry", n(radius))] }
        attributes += [("fill", fill.hex), ("stroke", stroke?.hex ?? "none")]
        if dashed { attributes.append(("stroke-dasharray", "4,2")) }
        return XMLElement("rect", attributes)
    }

    func text(_ content: String, x: Double, y: Double, size: Double, color: RGB, bold: Bool = false) -> XMLElement {
        var attributes: [(String, String)] = [("x", px(x)), ("y", py(y)), ("font-size", n(size)), ("fill", color.hex)]
        if bold { attributes.append(("font-weight", "bold")) }
        let element = XMLElement("text", attributes)
        element.setText(content)
        return element
    }

    /// The ecosystem name, `as of` date and description lines.
    func heading(x: Double, y: Double) -> XMLElement {
        var rows: [XMLNode] = []
        var baseline = y + FrameGeometry.titleSize
        rows.append(.element(text(spec.title.name, x: x, y: baseline, size: FrameGeometry.titleSize, color: colors.text, bold: true)))
        if let asOf = spec.title.asOf {
            baseline += FrameGeometry.subtitleSize * 1.5
            rows.append(.element(text("as of \(asOf)", x: x, y: baseline, size: FrameGeometry.subtitleSize, color: colors.mutedText)))
        }
        for line in spec.title.descriptionLines {
            baseline += FrameGeometry.descriptionSize * 1.4
            rows.append(.element(text(line, x: x, y: baseline, size: FrameGeometry.descriptionSize, color: colors.mutedText)))
        }
        return XMLElement("g", [("id", "map-heading")], rows)
    }

    /// The legend column: heading, then one row per item (symbol left, text right).
    func legend(x: Double, y: Double) -> XMLElement {
        var rows: [XMLNode] = [.element(text(spec.legend.heading, x: x, y: y + 14, size: 12, color: colors.text, bold: true))]
        for (index, item) in spec.legend.items.enumerated() {
            let top = y + FrameGeometry.legendHeadingHeight + Double(index) * FrameGeometry.legendRowHeight
            let middle = top + FrameGeometry.legendRowHeight / 2
            rows.append(.element(symbol(item.symbol, x: x, middle: middle)))
            rows.append(.element(text(item.text, x: x + FrameGeometry.legendTextOffset, y: middle + 4, size: FrameGeometry.legendTextSize, color: colors.text)))
        }
        return XMLElement("g", [("id", "map-legend")], rows)
    }

    private func symbol(_ symbol: LegendSymbol, x: Double, middle: Double) -> XMLElement {
        let cx = x + 19
        switch symbol {
        case let .shape(shape, fill, stroke, dashed, double):
            var parts: [XMLNode] = []
            if double { parts.append(.element(outline(shape, cx: cx, cy: middle, rx: 16, ry: 10, fill: fill, stroke: stroke, dashed: false))) }
            parts.append(.element(outline(shape, cx: cx, cy: middle, rx: double ? 12 : 15, ry: double ? 7 : 9, fill: fill, stroke: stroke, dashed: dashed)))
            return XMLElement("g", [], parts)
        case let .sizes(stroke):
            return XMLElement("g", [], [
                .element(XMLElement("circle", [("cx", px(cx - 11)), ("cy", py(middle + 4)), ("r", "4"), ("fill", "none"), ("stroke", stroke.hex)])),
                .element(XMLElement("circle", [("cx", px(cx + 6)), ("cy", py(middle)), ("r", "9"), ("fill", "none"), ("stroke", stroke.hex)])),
            ])
        case let .scale(steps):
            let width = 38.0 / Double(max(steps.count, 1))
            return XMLElement("g", [], steps.enumerated().map { i, color in
                .element(rect(x: x + Double(i) * width, y: middle - 7, width: width, height: 14, fill: color))
            })
        case let .lineWidths(color):
            return XMLElement("g", [], [1.0, 4.0].enumerated().map { i, width in
                .element(XMLElement("line", [("x1", px(x)), ("y1", py(middle - 4 + Double(i) * 8)), ("x2", px(x + 38)),
                                             ("y2", py(middle - 4 + Double(i) * 8)), ("stroke", color.hex), ("stroke-width", n(width))]))
            })
        case let .badge(label):
            return text(label, x: cx - 8, y: middle + 4, size: 11, color: colors.text, bold: true)
        }
    }

    private func outline(_ shape: NodeShape, cx: Double, cy: Double, rx: Double, ry: Double, fill: RGB, stroke: RGB, dashed: Bool) -> XMLElement {
        var attributes: [(String, String)]
        let name: String
        switch shape {
        case .ellipse, .circle, .plaintext, .point:
            // Legend samples of the matrix bubbles (and of text-only decorations) are drawn round.
            name = "ellipse"
            attributes = [("cx", px(cx)), ("cy", py(cy)), ("rx", n(shape == .circle ? ry : rx)), ("ry", n(ry))]
        case .box:
            name = "rect"
            attributes = [("x", px(cx - rx)), ("y", py(cy - ry)), ("width", n(2 * rx)), ("height", n(2 * ry)), ("rx", "3"), ("ry", "3")]
        case .hexagon:
            name = "polygon"
            let points = [(-rx, 0.0), (-rx / 2, -ry), (rx / 2, -ry), (rx, 0.0), (rx / 2, ry), (-rx / 2, ry)]
            attributes = [("points", points.map { "\(px(cx + $0.0)),\(py(cy + $0.1))" }.joined(separator: " "))]
        }
        attributes += [("fill", fill.hex), ("stroke", stroke.hex)]
        if dashed { attributes.append(("stroke-dasharray", "4,2")) }
        return XMLElement(name, attributes)
    }
}
