import EcomapMapSpec

/// Turns Graphviz's SVG into ecomap's deck- and web-safe SVG.
///
/// - parses Graphviz's output as XML (a malformed result is an error, never written);
/// - drops the DOCTYPE, comments (generator version) and Graphviz's own titles;
/// - writes every user text again from the `MapSpec` (labels, tooltips, cluster captions), so it
///   appears literally whatever Graphviz did to escapes or entities;
/// - keeps links only for `http`/`https`/`mailto` URLs, unwraps tooltip-only `<a>` wrappers;
/// - flattens Graphviz's `transform` on the top group into the `viewBox`;
/// - adds a background, the title strip, the legend, `<title>` and `<desc>`, and pads the picture to
///   `--aspect` when asked;
/// - passes everything through `SVGSanitizer`'s allowlist.
public enum SVGPostProcessor {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func process(_ graphvizSVG: [UInt8], spec: MapSpec) throws(Failure) -> String {
        let source: XMLElement
        do { source = try XMLTree.parse(graphvizSVG) } catch {
            throw Failure(description: "Graphviz produced SVG that is not well-formed XML: \(error)")
        }
        guard source.name == "svg",
              let graph = source.elements.first(where: { $0.name == "g" && $0["id"] == "graph0" }),
              let box = ViewBox(source["viewBox"])
        else { throw Failure(description: "unexpected SVG structure from Graphviz") }
        let translation = Translation(graph["transform"])

        rewriteGraph(graph, spec: spec)
        SVGSanitizer.sanitize(graph)

        // Graphviz content coordinates p are drawn at p + translate; flatten by moving the viewBox.
        let geometry = FrameGeometry(spec: spec)
        let frame = Frame(geometry: geometry, graphWidth: box.width, graphHeight: box.height, aspect: spec.aspect)
        let originX = -translation.x - frame.graphX
        let originY = -translation.y - frame.graphY
        let draw = FrameDrawing(origin: (originX, originY), spec: spec)

        let root = XMLElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            ("width", SVGNumber.format(frame.width) + "pt"),
            ("height", SVGNumber.format(frame.height) + "pt"),
            ("viewBox", [originX, originY, frame.width, frame.height].map(SVGNumber.format).joined(separator: " ")),
            ("role", "img"),
            ("aria-labelledby", "map-title map-desc"),
            ("font-family", SVGSanitizer.fontStack),
        ])
        let title = XMLElement("title", [("id", "map-title")])
        title.setText(spec.title.accessibleName)
        let desc = XMLElement("desc", [("id", "map-desc")])
        desc.setText(description(spec))
        graph.attributes = [(name: "id", value: "graph0"), (name: "class", value: "graph")]
        if translation.scale != 1 {
            graph["transform"] = "scale(\(SVGNumber.format(translation.scale)))"
        }
        root.children = [
            .element(title), .element(desc),
            .element(draw.rect(id: "map-background", x: 0, y: 0, width: frame.width, height: frame.height, fill: spec.colors.background)),
            .element(draw.heading(x: frame.contentX + FrameGeometry.margin, y: frame.contentY + FrameGeometry.margin)),
            .element(graph),
            .element(draw.legend(x: frame.graphX + box.width + FrameGeometry.gap, y: frame.graphY)),
        ]
        SVGSanitizer.sanitize(root)
        return XMLTree.serialize(root)
    }

    /// A one-paragraph accessible description: counts, encoding, and the file's description.
    static func description(_ spec: MapSpec) -> String {
        let count = { (kind: MapNodeKind) in spec.nodes.filter { $0.kind == kind }.count }
        var text = "Ecosystem map with \(count(.community)) communities, \(count(.influencer)) influencers, "
            + "\(count(.stakeholder)) stakeholders and \(spec.edges.count) links. "
            + spec.encodingNote
        let about = spec.title.descriptionLines.joined(separator: " ")
        if !about.isEmpty { text += " " + about }
        return text
    }

    /// Replaces Graphviz's copies of user text with the spec's literal text; unwraps `<a>` wrappers.
    private static func rewriteGraph(_ graph: XMLElement, spec: MapSpec) {
        let nodes = Dictionary(uniqueKeysWithValues: spec.nodes.map { ($0.domID, $0) })
        let edges = Dictionary(spec.edges.map { ($0.domID, $0) }, uniquingKeysWith: { a, _ in a })
        let clusters = Dictionary(uniqueKeysWithValues: spec.clusters.map { ($0.graphvizName, $0) })
        graph.children = graph.children.compactMap { child in
            guard case .element(let group) = child else { return nil }
            // Graphviz's graph title and background polygon are replaced by ecomap's own.
            if group.name == "title" || group.name == "polygon" { return nil }
            guard group.name == "g", let id = group["id"] else { return child }
            if let node = nodes[id] {
                rewrite(group, tooltip: node.tooltip, lines: node.drawnLines, boldFirst: node.badge != nil, url: node.url)
            } else if let edge = edges[id] {
                rewrite(group, tooltip: edge.tooltip, lines: [], boldFirst: false, url: nil)
            } else if let cluster = clusters[id] {
                rewrite(group, tooltip: cluster.label, lines: [cluster.label], boldFirst: false, url: nil)
            } else {
                return nil
            }
            return child
        }
    }

    private static func rewrite(_ group: XMLElement, tooltip: String, lines: [String], boldFirst: Bool, url: String?) {
        var children: [XMLNode] = []
        for child in group.children {
            guard case .element(let e) = child else { continue }
            if e.name == "g", e["id"]?.hasPrefix("a_") == true, let anchor = e.elements.first(where: { $0.name == "a" }) {
                if let url = url.flatMap(SafeURL.validated) {
                    children.append(.element(XMLElement("a", [("xlink:href", url), ("target", "_blank")], anchor.children)))
                } else {
                    children.append(contentsOf: anchor.children)
                }
            } else {
                children.append(child)
            }
        }
        group.children = children
        for element in group.elements where element.name == "title" { element.setText(tooltip) }
        var texts: [XMLElement] = []
        collectTexts(group, into: &texts)
        for (index, text) in texts.enumerated() {
            text.setText(index < lines.count ? lines[index] : "")
            if index == 0 && boldFirst { text["font-weight"] = "bold" }
        }
    }

    private static func collectTexts(_ element: XMLElement, into texts: inout [XMLElement]) {
        for child in element.elements {
            if child.name == "text" { texts.append(child) } else { collectTexts(child, into: &texts) }
        }
    }
}

/// Graphviz's `viewBox="0.00 0.00 W H"`.
private struct ViewBox {
    var width: Double
    var height: Double
    init?(_ text: String?) {
        let parts = (text ?? "").split(separator: " ").compactMap { Double($0) }
        guard parts.count == 4 else { return nil }
        width = parts[2]
        height = parts[3]
    }
}

/// Graphviz's `transform="scale(s s) rotate(0) translate(x y)"` on the top group.
private struct Translation {
    var scale = 1.0
    var x = 0.0
    var y = 0.0
    init(_ text: String?) {
        guard let text else { return }
        func numbers(after keyword: String) -> [Double] {
            guard let start = text.range(of: keyword + "(") else { return [] }
            let rest = text[start.upperBound...]
            let inside = rest.prefix { $0 != ")" }
            return inside.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
        let t = numbers(after: "translate")
        if t.count == 2 { x = t[0]; y = t[1] }
        if let s = numbers(after: "scale").first { scale = s }
    }
}
