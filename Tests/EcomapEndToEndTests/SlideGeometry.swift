import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a picture looks like when it fills a 13.33 x 7.5 in (960 x 540 pt) slide: every text's size
/// in slide points, every node shape's box and every text's box, from the SVG itself.
struct SlideGeometry {
    struct Box: CustomStringConvertible {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ o: Box, tolerance: Double = 0.5) -> Bool {
            minX < o.maxX - tolerance && o.minX < maxX - tolerance && minY < o.maxY - tolerance && o.minY < maxY - tolerance
        }
        func contains(_ o: Box, tolerance: Double = 1) -> Bool {
            o.minX >= minX - tolerance && o.maxX <= maxX + tolerance && o.minY >= minY - tolerance && o.maxY <= maxY + tolerance
        }
        var description: String { "(\(Int(minX)),\(Int(minY)))-(\(Int(maxX)),\(Int(maxY)))" }
    }

    struct Text {
        var content: String
        /// Font size in the SVG's own units (after transforms).
        var size: Double
        var box: Box
        /// The id of the node group it belongs to, if any.
        var node: String?
    }

    struct Shape {
        var node: String
        var box: Box
        /// Set for circles (the matrix's bubbles): overlap is measured on the circle, not its box.
        var circle: (x: Double, y: Double, r: Double)? = nil

        func overlaps(_ o: Shape) -> Bool {
            if let a = circle, let b = o.circle {
                return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() < a.r + b.r - 0.5
            }
            return box.overlaps(o.box)
        }

        func overlaps(_ b: Box) -> Bool {
            guard let c = circle else { return box.overlaps(b) }
            let nx = min(max(c.x, b.minX), b.maxX), ny = min(max(c.y, b.minY), b.maxY)
            return ((nx - c.x) * (nx - c.x) + (ny - c.y) * (ny - c.y)).squareRoot() < c.r - 0.5
        }
    }

    /// Straight pieces of the drawn links (`class="edge"` paths, control points joined).
    var segments: [(from: (x: Double, y: Double), to: (x: Double, y: Double), edge: String)] = []

    /// Texts that a link's line runs through (the matrix: midlines, frame, leader lines).
    var textsCrossedByLines: [String] {
        var out: [String] = []
        for t in texts {
            let b = Box(minX: t.box.minX + 1, minY: t.box.minY + 1, maxX: t.box.maxX - 1, maxY: t.box.maxY - 1)
            for s in segments where SlideGeometry.crosses(s.from, s.to, b) {
                out.append("\"\(t.content)\" crossed by \(s.edge)")
                break
            }
        }
        return out
    }

    static func crosses(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ r: Box) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 { if q < 0 { return false }; continue }
            let t = q / p
            if p < 0 { if t > t1 { return false }; t0 = max(t0, t) } else { if t < t0 { return false }; t1 = min(t1, t) }
        }
        return t0 <= t1
    }

    /// Picture size in points (the SVG's width and height).
    var width = 0.0
    var height = 0.0
    var texts: [Text] = []
    var shapes: [Shape] = []

    /// Factor from SVG points to slide points when the picture is fitted into the slide.
    var slideScale: Double { min(960 / width, 540 / height) }
    var smallestTextOnSlide: Double { (texts.map(\.size).min() ?? 0) * slideScale }

    /// Node shapes that overlap another node's shapes, as "a & b".
    var shapeOverlaps: [String] {
        let byNode = Dictionary(grouping: shapes, by: \.node).sorted { $0.key < $1.key }
        var out: [String] = []
        for i in byNode.indices {
            for j in byNode.indices where j > i {
                if byNode[i].value.contains(where: { a in byNode[j].value.contains { a.overlaps($0) } }) {
                    out.append("\(byNode[i].key) & \(byNode[j].key)")
                }
            }
        }
        return out
    }

    /// Texts whose boxes overlap another text, or a node shape they do not belong to.
    var textOverlaps: [String] {
        var out: [String] = []
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].box.overlaps(texts[j].box) {
                out.append("\"\(texts[i].content)\" & \"\(texts[j].content)\"")
            }
            for s in shapes where s.node != texts[i].node && s.overlaps(texts[i].box) {
                out.append("\"\(texts[i].content)\" on \(s.node)")
            }
        }
        return out
    }

    /// Texts of a node that stick out of its shapes' box.
    var textsOutsideTheirShape: [String] {
        texts.compactMap { t in
            guard let node = t.node else { return nil }
            let own = shapes.filter { $0.node == node }
            guard !own.isEmpty else { return nil }
            let box = own.dropFirst().reduce(own[0].box) { Box(minX: min($0.minX, $1.box.minX), minY: min($0.minY, $1.box.minY), maxX: max($0.maxX, $1.box.maxX), maxY: max($0.maxY, $1.box.maxY)) }
            return box.contains(t.box) ? nil : "\"\(t.content)\" outside \(node) \(box) text \(t.box)"
        }
    }

    /// Advance widths of Arial / Liberation Sans (the SVG's fonts; Helvetica's AFM widths for ASCII),
    /// 3% wider; other letters 0.62 em, symbols and emoji 1 em.
    static let afm: [Double] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    static func textWidth(_ text: String, size: Double, bold: Bool) -> Double {
        var units = 0.0
        for ch in text.unicodeScalars {
            let v = Int(ch.value)
            if v >= 0x20 && v <= 0x7E { units += afm[v - 0x20] }
            else if v < 0x20 || (0x300...0x36F).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v) { continue }
            else { units += v < 0x2000 ? 620 : 1000 }
        }
        return units / 1000 * size * 1.03 * (bold ? 1.1 : 1)
    }

    init(svg: Data) throws {
        let parser = XMLParser(data: svg)
        parser.shouldResolveExternalEntities = false
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse() else { throw NSError(domain: "SlideGeometry", code: 1, userInfo: [NSLocalizedDescriptionKey: "SVG not well-formed: \(String(describing: parser.parserError))"]) }
        width = builder.width
        height = builder.height
        texts = builder.texts
        // Shapes under 3 pt across are invisible anchors (line ends), not drawn shapes.
        shapes = builder.shapes.filter { $0.box.maxX - $0.box.minX >= 3 || $0.box.maxY - $0.box.minY >= 3 }
        segments = builder.segments
    }

    private final class Builder: NSObject, XMLParserDelegate {
        struct Frame {
            var name: String
            var scale: Double
            var dx: Double
            var dy: Double
            var fontSize: Double?
            var node: String?
            var anchor: String?
            var bold: Bool
        }
        var stack: [Frame] = []
        var width = 0.0, height = 0.0
        var texts: [Text] = []
        var shapes: [Shape] = []
        var pendingText: (x: Double, y: Double, frame: Frame, content: String)?
        var segments: [(from: (x: Double, y: Double), to: (x: Double, y: Double), edge: String)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
            let parent = stack.last ?? Frame(name: "", scale: 1, dx: 0, dy: 0, fontSize: nil, node: nil, anchor: nil, bold: false)
            var frame = parent
            frame.name = name
            if let t = a["transform"] {
                let scale = Builder.numbers(t, "scale").first ?? 1
                let translate = Builder.numbers(t, "translate")
                // scale(s) translate(x y): a point p is drawn at s * (p + t).
                frame.dx = parent.dx + parent.scale * (translate.first ?? 0) * scale
                frame.dy = parent.dy + parent.scale * (translate.count > 1 ? translate[1] : 0) * scale
                frame.scale = parent.scale * scale
            }
            if let s = a["font-size"].flatMap({ Double($0.replacingOccurrences(of: "px", with: "").replacingOccurrences(of: "pt", with: "")) }) { frame.fontSize = s }
            if let anchor = a["text-anchor"] { frame.anchor = anchor }
            if a["font-weight"] == "bold" { frame.bold = true }
            if name == "g", a["class"] == "node" { frame.node = a["id"] }
            if name == "g", a["class"] == "edge" { frame.node = nil; frame.anchor = "edge:" + (a["id"] ?? "") }
            if name == "path", let edge = frame.anchor, edge.hasPrefix("edge:") {
                let v = (a["d"] ?? "").split(whereSeparator: { !"0123456789.-eE".contains($0) }).compactMap { Double($0) }
                let points = stride(from: 0, to: v.count - 1, by: 2).map { (x: frame.dx + frame.scale * v[$0], y: frame.dy + frame.scale * v[$0 + 1]) }
                for (p, q) in zip(points, points.dropFirst()) { segments.append((p, q, String(edge.dropFirst(5)))) }
            }
            if name == "svg" {
                width = Double((a["width"] ?? "").replacingOccurrences(of: "pt", with: "")) ?? 0
                height = Double((a["height"] ?? "").replacingOccurrences(of: "pt", with: "")) ?? 0
            }
            stack.append(frame)
            func X(_ v: Double) -> Double { frame.dx + frame.scale * v }
            func Y(_ v: Double) -> Double { frame.dy + frame.scale * v }
            func num(_ k: String) -> Double { Double(a[k] ?? "") ?? 0 }
            guard let node = frame.node else {
                if name == "text" { pendingText = (num("x"), num("y"), frame, "") }
                return
            }
            switch name {
            case "ellipse", "circle":
                let rx = name == "circle" ? num("r") : num("rx"), ry = name == "circle" ? num("r") : num("ry")
                let round = abs(rx - ry) < 0.6
                shapes.append(Shape(node: node, box: Box(minX: X(num("cx") - rx), minY: Y(num("cy") - ry), maxX: X(num("cx") + rx), maxY: Y(num("cy") + ry)),
                                    circle: round ? (X(num("cx")), Y(num("cy")), frame.scale * (rx + ry) / 2) : nil))
            case "polygon", "polyline", "path":
                let values = (a["points"] ?? a["d"] ?? "").split(whereSeparator: { !"0123456789.-eE".contains($0) }).compactMap { Double($0) }
                let xs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] }, ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
                if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                    shapes.append(Shape(node: node, box: Box(minX: X(x0), minY: Y(y0), maxX: X(x1), maxY: Y(y1))))
                }
            case "rect":
                shapes.append(Shape(node: node, box: Box(minX: X(num("x")), minY: Y(num("y")), maxX: X(num("x") + num("width")), maxY: Y(num("y") + num("height")))))
            case "text":
                pendingText = (num("x"), num("y"), frame, "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            pendingText?.content += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let p = pendingText {
                let f = p.frame
                let size = (f.fontSize ?? 14)
                let w = SlideGeometry.textWidth(p.content, size: size, bold: f.bold)
                let left: Double
                switch f.anchor {
                case "middle"?: left = p.x - w / 2
                case "end"?: left = p.x - w
                default: left = p.x
                }
                // Ascent 0.72 em above the baseline, descent 0.2 em below.
                let box = Box(minX: f.dx + f.scale * left, minY: f.dy + f.scale * (p.y - 0.72 * size),
                              maxX: f.dx + f.scale * (left + w), maxY: f.dy + f.scale * (p.y + 0.2 * size))
                if !p.content.trimmingCharacters(in: .whitespaces).isEmpty {
                    texts.append(Text(content: p.content, size: size * f.scale, box: box, node: f.node))
                }
                pendingText = nil
            }
            stack.removeLast()
        }

        static func numbers(_ text: String, _ keyword: String) -> [Double] {
            guard let start = text.range(of: keyword + "(") else { return [] }
            let inside = text[start.upperBound...].prefix { $0 != ")" }
            return inside.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
    }
}

extension SlideGeometry {
    /// Texts closer than `clearance` points to another text (of another node), to a shape of another
    /// node, or to a drawn line (frame, midline, leader line): each as "text" & what, with the gap.
    /// Lines of one label (the same node) are not measured against each other.
    func crowdedTexts(clearance c: Double) -> [String] {
        func grown(_ b: Box) -> Box { Box(minX: b.minX - c, minY: b.minY - c, maxX: b.maxX + c, maxY: b.maxY + c) }
        var out: [String] = []
        for i in texts.indices {
            let t = texts[i], box = grown(t.box)
            for j in texts.indices where j > i {
                if let a = t.node, a == texts[j].node { continue }
                if box.overlaps(texts[j].box, tolerance: 0) { out.append("\"\(t.content)\" & \"\(texts[j].content)\"") }
            }
            for s in shapes where s.node != t.node {
                let near: Bool
                if let circle = s.circle {
                    let nx = min(max(circle.x, t.box.minX), t.box.maxX), ny = min(max(circle.y, t.box.minY), t.box.maxY)
                    near = ((nx - circle.x) * (nx - circle.x) + (ny - circle.y) * (ny - circle.y)).squareRoot() < circle.r + c
                } else {
                    near = box.overlaps(s.box, tolerance: 0)
                }
                if near { out.append("\"\(t.content)\" by \(s.node)") }
            }
            for s in segments where SlideGeometry.crosses(s.from, s.to, box) {
                out.append("\"\(t.content)\" by line \(s.edge)")
            }
        }
        return out
    }
}

extension SlideGeometry {
    /// Leader lines (edges to a `#leader-` point) that pass through a bubble other than their own.
    var leadersThroughBubbles: [String] {
        var out: [String] = []
        for s in segments where s.edge.contains("_23leader-") {
            for shape in shapes {
                guard let c = shape.circle else { continue }
                let dx = s.to.x - s.from.x, dy = s.to.y - s.from.y, l2 = dx * dx + dy * dy
                let t = l2 < 1e-12 ? 0 : min(1, max(0, ((c.x - s.from.x) * dx + (c.y - s.from.y) * dy) / l2))
                let px = s.from.x + t * dx - c.x, py = s.from.y + t * dy - c.y
                // Its own bubble: the leader starts on its edge (distance r), so "through" means well inside.
                let found = "\(s.edge) through \(shape.node)"
                if (px * px + py * py).squareRoot() < c.r - 0.5, out.last != found { out.append(found) }
            }
        }
        return out
    }
}
