import EcomapMapSpec

/// The allowlist every element and attribute of ecomap's SVG output passes.
///
/// Anything not listed is dropped: no `<script>`, `<foreignObject>`, `<style>`, `<image>`, `<use>`,
/// no `on*` event attributes, no `style` attribute (so no CSS), no external references. Links keep an
/// `xlink:href` only when `SafeURL` accepts it. Paint `transparent` becomes `none`; every font is
/// ecomap's own sans-serif stack.
enum SVGSanitizer {
    /// The font stack written on every text: Arial metrics (what Graphviz measured with via
    /// fontconfig's Liberation Sans), then generic sans-serif.
    static let fontStack = "Arial, Helvetica, 'Liberation Sans', sans-serif"

    static let elements: Set<String> = [
        "svg", "g", "title", "desc", "a", "text", "polygon", "polyline", "ellipse", "path", "rect", "circle", "line",
    ]

    static let attributes: Set<String> = [
        "id", "class", "fill", "stroke", "stroke-width", "stroke-dasharray", "points", "cx", "cy", "rx", "ry", "r",
        "d", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "text-anchor", "font-family", "font-size",
        "font-weight", "xlink:href", "target", "viewBox", "xmlns", "xmlns:xlink", "role", "aria-labelledby",
    ]

    /// Elements whose text children are kept.
    private static let textElements: Set<String> = ["text", "title", "desc"]

    /// Cleans `element` in place (recursively).
    static func sanitize(_ element: XMLElement) {
        element.attributes = element.attributes.compactMap { attribute in
            guard attributes.contains(attribute.name) else { return nil }
            switch attribute.name {
            case "fill", "stroke":
                return attribute.value == "transparent" ? (attribute.name, "none") : attribute
            case "font-family":
                return (attribute.name, fontStack)
            case "xlink:href":
                return SafeURL.validated(attribute.value).map { (attribute.name, $0) }
            case "target":
                return (attribute.name, "_blank")
            default:
                return attribute
            }
        }
        let keepText = textElements.contains(element.name)
        element.children = element.children.compactMap { child in
            switch child {
            case .text: return keepText ? child : nil
            case .element(let e):
                guard elements.contains(e.name) else { return nil }
                sanitize(e)
                return child
            }
        }
    }
}
