import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal XML element tree: enough to read Graphviz's SVG and write a cleaned one.
/// Comments, processing instructions and the DOCTYPE are not kept.
final class XMLElement {
    var name: String
    /// Attributes in document order (order is kept so output is deterministic).
    var attributes: [(name: String, value: String)]
    var children: [XMLNode]

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes.map { (name: $0.0, value: $0.1) }
        self.children = children
    }

    subscript(attribute: String) -> String? {
        get { attributes.first { $0.name == attribute }?.value }
        set {
            if let i = attributes.firstIndex(where: { $0.name == attribute }) {
                if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
            } else if let newValue {
                attributes.append((name: attribute, value: newValue))
            }
        }
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The concatenated text of the direct children.
    var text: String {
        children.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()
    }

    /// Replaces all children with one text node.
    func setText(_ text: String) { children = [.text(text)] }
}

enum XMLNode {
    case element(XMLElement)
    case text(String)
}

enum XMLTree {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses a document; external entities are never resolved.
    static func parse(_ bytes: [UInt8]) throws -> XMLElement {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "not an XML document")
        }
        return root
    }

    /// Serialises an element as UTF-8 XML with every text and attribute value escaped.
    static func serialize(_ root: XMLElement) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        write(root, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ element: XMLElement, into out: inout String) {
        out += "<" + element.name
        for attribute in element.attributes {
            out += " \(attribute.name)=\"\(escape(attribute.value, attribute: true))\""
        }
        if element.children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        let onlyText = element.children.allSatisfy { if case .text = $0 { return true } else { return false } }
        for child in element.children {
            switch child {
            case .text(let text): out += escape(text, attribute: false)
            case .element(let e):
                if !onlyText { out += "\n" }
                write(e, into: &out)
            }
        }
        if !onlyText { out += "\n" }
        out += "</" + element.name + ">"
    }

    /// XML-escapes text; drops characters XML 1.0 cannot carry.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLElement?
    private var stack: [XMLElement] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        // XMLParser hands attributes over as a dictionary; sort for a deterministic order.
        let element = XMLElement(qualifiedName ?? name, attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let parent = stack.last else { return }
        if case .text(let previous)? = parent.children.last {
            parent.children[parent.children.count - 1] = .text(previous + string)
        } else {
            parent.children.append(.text(string))
        }
    }
}
