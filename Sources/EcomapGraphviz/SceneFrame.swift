import EcomapMapSpec
import EcomapScene

/// ecomap's frame around the Graphviz drawing: the title strip above, the legend column to the
/// right, padding to `--aspect`. Sizes come from `FrameGeometry`, which the layout also uses to
/// choose the `ratio` that fits the aspect, so both agree. Scene coordinates (points, y down).
struct SceneFrame {
    let spec: MapSpec
    /// The whole picture.
    let width: Double
    let height: Double
    /// Top-left of the content (title, drawing, legend) after centring in an aspect-padded picture.
    let contentX: Double
    let contentY: Double
    /// Top-left of the drawing (its pad included).
    let drawingX: Double
    let drawingY: Double
    let drawingWidth: Double

    init(spec: MapSpec, drawingWidth: Double, drawingHeight: Double) {
        self.spec = spec
        self.drawingWidth = drawingWidth
        let geometry = FrameGeometry(spec: spec)
        let content = geometry.contentSize(graphWidth: drawingWidth, graphHeight: drawingHeight)
        var w = content.width, h = content.height
        if let aspect = spec.aspect {
            if w / h > aspect.ratio { h = w / aspect.ratio } else { w = h * aspect.ratio }
        }
        width = w
        height = h
        contentX = (w - content.width) / 2
        contentY = (h - content.height) / 2
        drawingX = contentX + FrameGeometry.margin
        // A drawing shorter than the legend is centred against it.
        drawingY = contentY + geometry.titleHeight + max(0, geometry.legendHeight - drawingHeight) / 2
    }

    private var colors: ThemeColors { spec.colors }

    private func text(_ content: String, x: Double, y: Double, size: Double, color: RGB, bold: Bool = false) -> SceneText {
        SceneText(content, at: ScenePoint(x: x, y: y), fontSize: size, color: color.scene, bold: bold)
    }

    /// The ecosystem name, `as of` date and description lines.
    func heading() -> [SceneText] {
        let x = contentX + FrameGeometry.margin
        var baseline = contentY + FrameGeometry.margin + FrameGeometry.titleSize
        var rows = [text(spec.title.name, x: x, y: baseline, size: FrameGeometry.titleSize, color: colors.text, bold: true)]
        if let asOf = spec.title.asOf {
            baseline += FrameGeometry.subtitleSize * 1.5
            rows.append(text("as of \(asOf)", x: x, y: baseline, size: FrameGeometry.subtitleSize, color: colors.mutedText))
        }
        for line in spec.title.descriptionLines {
            baseline += FrameGeometry.descriptionSize * 1.4
            rows.append(text(line, x: x, y: baseline, size: FrameGeometry.descriptionSize, color: colors.mutedText))
        }
        return rows
    }

    /// The legend column: heading, then one row per item (symbol left, text right).
    func legend() -> [SceneItem] {
        let x = drawingX + drawingWidth + FrameGeometry.gap, y = drawingY
        var items: [SceneItem] = [.text(text(spec.legend.heading, x: x, y: y + 14, size: 12, color: colors.text, bold: true))]
        for (index, item) in spec.legend.items.enumerated() {
            let top = y + FrameGeometry.legendHeadingHeight + Double(index) * FrameGeometry.legendRowHeight
            let middle = top + FrameGeometry.legendRowHeight / 2
            items += symbol(item.symbol, x: x, middle: middle)
            items.append(.text(text(item.text, x: x + FrameGeometry.legendTextOffset, y: middle + 4,
                                    size: FrameGeometry.legendTextSize, color: colors.text)))
        }
        return items
    }

    private func symbol(_ symbol: LegendSymbol, x: Double, middle: Double) -> [SceneItem] {
        let cx = x + 19
        switch symbol {
        case let .shape(shape, fill, stroke, dashed, double):
            var parts: [SceneItem] = []
            if double { parts.append(.shape(outline(shape, cx: cx, cy: middle, rx: 16, ry: 10, fill: fill, stroke: stroke, dashed: false))) }
            parts.append(.shape(outline(shape, cx: cx, cy: middle, rx: double ? 12 : 15, ry: double ? 7 : 9,
                                        fill: fill, stroke: stroke, dashed: dashed)))
            return parts
        case let .sizes(stroke):
            return [
                .shape(SceneShape(.ellipse(center: ScenePoint(x: cx - 11, y: middle + 4), radiusX: 4, radiusY: 4), fill: nil, stroke: stroke.scene)),
                .shape(SceneShape(.ellipse(center: ScenePoint(x: cx + 6, y: middle), radiusX: 9, radiusY: 9), fill: nil, stroke: stroke.scene)),
            ]
        case let .scale(steps):
            let width = 38.0 / Double(max(steps.count, 1))
            return steps.enumerated().map { i, color in
                .shape(SceneShape(.rectangle(SceneRect(x: x + Double(i) * width, y: middle - 7, width: width, height: 14), cornerRadius: 0),
                                  fill: color.scene, stroke: nil))
            }
        case let .lineWidths(color):
            return [1.0, 4.0].enumerated().map { i, width in
                let y = middle - 4 + Double(i) * 8
                return .shape(SceneShape(.line(from: ScenePoint(x: x, y: y), to: ScenePoint(x: x + 38, y: y)),
                                         fill: nil, stroke: color.scene, strokeWidth: width))
            }
        case let .badge(label):
            return [.text(text(label, x: cx - 8, y: middle + 4, size: 11, color: colors.text, bold: true))]
        }
    }

    private func outline(_ shape: NodeShape, cx: Double, cy: Double, rx: Double, ry: Double, fill: RGB, stroke: RGB,
                         dashed: Bool) -> SceneShape {
        let geometry: SceneGeometry
        switch shape {
        case .ellipse, .circle, .plaintext, .point:
            // Legend samples of the matrix bubbles (and of text-only decorations) are drawn round.
            geometry = .ellipse(center: ScenePoint(x: cx, y: cy), radiusX: shape == .circle ? ry : rx, radiusY: ry)
        case .box:
            geometry = .rectangle(SceneRect(x: cx - rx, y: cy - ry, width: 2 * rx, height: 2 * ry), cornerRadius: 3)
        case .hexagon:
            let points = [(-rx, 0.0), (-rx / 2, -ry), (rx / 2, -ry), (rx, 0.0), (rx / 2, ry), (-rx / 2, ry)]
            geometry = .polygon(points.map { ScenePoint(x: cx + $0.0, y: cy + $0.1) })
        }
        return SceneShape(geometry, fill: fill.scene, stroke: stroke.scene, dash: dashed ? .shortDashed : .solid)
    }
}
