import EcomapScene
import EcomapText

/// Writes a `Scene` as ecomap's SVG: plain, deck- and web-safe, byte-identical for equal scenes.
///
/// Safe by construction: only the elements `svg g title desc a rect ellipse polygon path line text`
/// and presentation attributes are ever written (no scripts, styles, CSS, `foreignObject`, images,
/// `use` or external references); every text and attribute value is escaped here; links are the
/// scene's validated `http`/`https`/`mailto` URLs. Nodes follow edges, so nodes are painted on top.
public enum SVGWriter {
    /// The font stack on the root element: Arial's metrics (Liberation Sans 2 measured the labels),
    /// then generic sans-serif.
    public static let fontStack = "Arial, Helvetica, 'Liberation Sans', sans-serif"

    /// Coordinates and sizes: two decimals, trailing zeros dropped.
    static func number(_ value: Double) -> String { NumberText.fixed(value, 2) }

    public static func write(_ scene: Scene) -> String {
        var out = SVGText()
        out.reserve(scene)
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        out.attribute("width", SVGWriter.number(scene.width) + "pt")
        out.attribute("height", SVGWriter.number(scene.height) + "pt")
        out.attribute("viewBox", "0 0 " + SVGWriter.number(scene.width) + " " + SVGWriter.number(scene.height))
        out.raw(" role=\"img\" aria-labelledby=\"map-title map-desc\"")
        out.attribute("font-family", fontStack)
        out.raw(">\n<title id=\"map-title\">")
        out.text(scene.accessibleTitle)
        out.raw("</title>\n<desc id=\"map-desc\">")
        out.text(scene.accessibleDescription)
        out.raw("</desc>\n")
        out.raw("<rect id=\"map-background\" x=\"0\" y=\"0\"")
        out.number("width", scene.width)
        out.number("height", scene.height)
        out.attribute("fill", scene.background.hex)
        out.raw(" stroke=\"none\"/>\n<g id=\"map-heading\">\n")
        for text in scene.heading { out.text(text) }
        out.raw("</g>\n<g id=\"graph0\" class=\"graph\">\n")
        for cluster in scene.clusters {
            out.raw("<g class=\"cluster\"")
            out.attribute("id", cluster.elementID)
            out.raw(">\n")
            out.shape(cluster.frame)
            if let label = cluster.label { out.text(label) }
            out.raw("</g>\n")
        }
        for edge in scene.edges {
            out.raw("<g class=\"edge\"")
            out.attribute("id", edge.elementID)
            out.raw(">\n")
            out.title(edge.tooltip)
            for shape in edge.shapes { out.shape(shape) }
            out.raw("</g>\n")
        }
        for node in scene.nodes {
            out.raw("<g class=\"node\"")
            out.attribute("id", node.elementID)
            out.raw(">\n")
            out.title(node.tooltip)
            if let link = node.link {
                out.raw("<a")
                out.attribute("xlink:href", link)
                out.raw(" target=\"_blank\">\n")
            }
            for shape in node.shapes { out.shape(shape) }
            for text in node.texts { out.text(text) }
            if node.link != nil { out.raw("</a>\n") }
            out.raw("</g>\n")
        }
        out.raw("</g>\n<g id=\"map-legend\">\n")
        for item in scene.legend {
            switch item {
            case .shape(let shape): out.shape(shape)
            case .text(let text): out.text(text)
            }
        }
        out.raw("</g>\n</svg>\n")
        return out.result
    }
}

/// The output buffer with the only escaping rules of the SVG.
private struct SVGText {
    var result = ""

    mutating func reserve(_ scene: Scene) {
        result.reserveCapacity(4096 + scene.nodes.count * 700 + scene.edges.count * 300)
    }

    mutating func raw(_ text: String) { result += text }

    mutating func attribute(_ name: String, _ value: String) {
        result += " " + name + "=\""
        escape(value, attribute: true)
        result += "\""
    }

    mutating func number(_ name: String, _ value: Double) {
        result += " " + name + "=\"" + SVGWriter.number(value) + "\""
    }

    mutating func text(_ value: String) { escape(value, attribute: false) }

    mutating func title(_ tooltip: String) {
        guard !tooltip.isEmpty else { return }
        result += "<title>"
        escape(tooltip, attribute: false)
        result += "</title>\n"
    }

    mutating func text(_ t: SceneText) {
        result += "<text"
        number("x", t.position.x)
        number("y", t.position.y)
        number("font-size", t.fontSize)
        attribute("fill", t.color.hex)
        if t.anchor != .start { attribute("text-anchor", t.anchor.rawValue) }
        if t.bold { result += " font-weight=\"bold\"" }
        result += ">"
        escape(t.text, attribute: false)
        result += "</text>\n"
    }

    mutating func shape(_ shape: SceneShape) {
        switch shape.geometry {
        case let .ellipse(center, rx, ry):
            result += "<ellipse"
            number("cx", center.x)
            number("cy", center.y)
            number("rx", rx)
            number("ry", ry)
        case let .rectangle(rect, radius):
            result += "<rect"
            number("x", rect.x)
            number("y", rect.y)
            number("width", rect.width)
            number("height", rect.height)
            if radius > 0 {
                number("rx", radius)
                number("ry", radius)
            }
        case let .polygon(points):
            result += "<polygon points=\""
            for (i, p) in points.enumerated() {
                if i > 0 { result += " " }
                result += SVGWriter.number(p.x) + "," + SVGWriter.number(p.y)
            }
            result += "\""
        case let .line(a, b):
            result += "<line"
            number("x1", a.x)
            number("y1", a.y)
            number("x2", b.x)
            number("y2", b.y)
        case let .path(path):
            result += "<path d=\"M" + SVGWriter.number(path.start.x) + "," + SVGWriter.number(path.start.y)
            for (i, segment) in path.segments.enumerated() {
                result += i == 0 ? "C" : " "
                result += SVGWriter.number(segment.0.x) + "," + SVGWriter.number(segment.0.y) + " "
                    + SVGWriter.number(segment.1.x) + "," + SVGWriter.number(segment.1.y) + " "
                    + SVGWriter.number(segment.2.x) + "," + SVGWriter.number(segment.2.y)
            }
            if path.closed { result += "Z" }
            result += "\""
        }
        result += " fill=\"" + (shape.fill?.hex ?? "none") + "\""
        result += " stroke=\"" + (shape.stroke?.hex ?? "none") + "\""
        if shape.stroke != nil && shape.strokeWidth != 1 { number("stroke-width", shape.strokeWidth) }
        switch shape.dash {
        case .solid: break
        case .dashed: result += " stroke-dasharray=\"5,2\""
        case .shortDashed: result += " stroke-dasharray=\"4,2\""
        }
        result += "/>\n"
    }

    /// Escaped by the one XML rule (`MarkupText.xml`: invalid characters and noncharacters become U+FFFD).
    mutating func escape(_ value: String, attribute: Bool) {
        result += MarkupText.xml(value, attribute: attribute)
    }
}
