import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// A parsed SVG for the tests: every element, and the geometry of every node.
struct SVGDocument {
    final class Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var children: [Element] = []
        init(_ name: String, _ attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
        var all: [Element] { [self] + children.flatMap(\.all) }
    }

    struct Box {
        var minX, minY, maxX, maxY: Double
        var width: Double { maxX - minX }
        var height: Double { maxY - minY }
        func overlaps(_ o: Box, tolerance: Double) -> Bool {
            minX < o.maxX - tolerance && o.minX < maxX - tolerance && minY < o.maxY - tolerance && o.minY < maxY - tolerance
        }
        func union(_ o: Box) -> Box {
            Box(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
        }
    }

    struct Text {
        var x, y, size: Double
        var content: String
    }

    struct Node {
        var id: String
        /// The outermost outline (the second periphery of the focus node included).
        var box: Box
        /// The innermost outline, which the label must fit in.
        var ellipse: (cx: Double, cy: Double, rx: Double, ry: Double)?
        var inner: Box
        var texts: [Text]
    }

    let root: Element
    let width: Double
    let height: Double
    let nodes: [Node]

    init(_ bytes: [UInt8]) throws {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            // Malformed SVG is a failure, never a skip.
            throw ExampleError(description: "not well-formed XML: \(String(describing: parser.parserError))")
        }
        self.root = root
        let box = (root.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        width = box.count == 4 ? box[2] : 0
        height = box.count == 4 ? box[3] : 0
        nodes = root.all.filter { $0.attributes["class"] == "node" }.map(SVGDocument.node)
    }

    var elements: [Element] { root.all }

    /// Area of the box around all node shapes plus the legend's box.
    var contentArea: Double {
        guard let first = nodes.first else { return 0 }
        let drawing = nodes.dropFirst().reduce(first.box) { $0.union($1.box) }
        let legendTexts = elements.first { $0.attributes["id"] == "map-legend" }?.all.compactMap { e -> Double? in
            e.name == "text" ? Double(e.attributes["y"] ?? "") : nil
        } ?? []
        let legendHeight = (legendTexts.max() ?? 0) - (legendTexts.min() ?? 0) + 24
        return drawing.width * drawing.height + 210 * legendHeight
    }

    private static func node(_ group: Element) -> Node {
        var boxes: [Box] = []
        var ellipses: [(Double, Double, Double, Double)] = []
        var texts: [Text] = []
        for e in group.all {
            let a = e.attributes
            func d(_ k: String) -> Double { Double(a[k] ?? "") ?? 0 }
            switch e.name {
            case "ellipse":
                ellipses.append((d("cx"), d("cy"), d("rx"), d("ry")))
                boxes.append(Box(minX: d("cx") - d("rx"), minY: d("cy") - d("ry"), maxX: d("cx") + d("rx"), maxY: d("cy") + d("ry")))
            case "rect":
                boxes.append(Box(minX: d("x"), minY: d("y"), maxX: d("x") + d("width"), maxY: d("y") + d("height")))
            case "polygon", "path":
                let numbers = (a["points"] ?? a["d"] ?? "").split(whereSeparator: { " ,MCLZz".contains($0) }).compactMap { Double($0) }
                let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
                let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    boxes.append(Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY))
                }
            case "text":
                texts.append(Text(x: d("x"), y: d("y"), size: d("font-size"), content: e.text))
            default: break
            }
        }
        let outer = boxes.dropFirst().reduce(boxes.first ?? Box(minX: 0, minY: 0, maxX: 0, maxY: 0)) { $0.union($1) }
        let inner = boxes.min { $0.width * $0.height < $1.width * $1.height } ?? outer
        let ellipse = ellipses.min { $0.2 * $0.3 < $1.2 * $1.3 }.map { (cx: $0.0, cy: $0.1, rx: $0.2, ry: $0.3) }
        return Node(id: group.attributes["id"] ?? "", box: outer, ellipse: ellipse, inner: inner, texts: texts)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let e = Element(qualifiedName ?? name, attributes)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
