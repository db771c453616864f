import Foundation

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

    /// Parses a document; entities other than XML's five and character references are an error,
    /// so nothing external is ever resolved.
    ///
    /// A small parser of its own rather than Foundation's `XMLParser`: that one (libxml2 without its
    /// "huge" option) refuses documents over 10 MB, which Graphviz's SVG of a 5,000-node map exceeds,
    /// and it is several times slower. It keeps what `XMLParser` reported: element and attribute names as
    /// written, attributes sorted by name, attribute values normalised (literal tab, line feed and
    /// carriage return become spaces), character data with line endings normalised; comments,
    /// processing instructions, CDATA sections and the DOCTYPE are dropped.
    static func parse(_ bytes: [UInt8]) throws -> XMLElement {
        var reader = XMLReader(bytes)
        return try reader.document()
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
        // Most text needs nothing: printable ASCII without & < > " (checked on the bytes, no scalar walk).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 }) {
            return text
        }
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

/// The byte-level reader behind `XMLTree.parse`.
private struct XMLReader {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ what: String) -> XMLTree.ParseError {
        var line = 1
        for k in 0..<min(i, bytes.count) where bytes[k] == 0x0A { line += 1 }
        return XMLTree.ParseError(description: "\(what) (line \(line))")
    }

    func starts(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in
            for k in 0..<n where bytes[i + k] != prefix[k] { return false }
            return true
        }
    }

    /// Skips past `end`, failing when it never comes.
    mutating func skip(past end: StaticString, _ what: String) throws {
        while i < bytes.count {
            if starts(end) { i += end.utf8CodeUnitCount; return }
            i += 1
        }
        throw fail("unterminated \(what)")
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isNameByte(_ b: UInt8) -> Bool {
        !isSpace(b) && b != UInt8(ascii: "=") && b != UInt8(ascii: ">") && b != UInt8(ascii: "/")
            && b != UInt8(ascii: "<") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'")
    }

    mutating func skipSpace() { while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 } }

    mutating func name() throws -> String {
        let start = i
        while i < bytes.count && Self.isNameByte(bytes[i]) { i += 1 }
        guard i > start else { throw fail("expected a name") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// Skips markup that carries nothing for the tree: comments, PIs, CDATA, the DOCTYPE.
    /// Returns false when the next thing is not such markup.
    mutating func skipMisc() throws -> Bool {
        if starts("<!--") { i += 4; try skip(past: "-->", "comment"); return true }
        if starts("<?") { i += 2; try skip(past: "?>", "processing instruction"); return true }
        if starts("<![CDATA[") { i += 9; try skip(past: "]]>", "CDATA section"); return true }
        if starts("<!DOCTYPE") {
            i += 9
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let quote = bytes[i]
                    i += 1
                    while i < bytes.count && bytes[i] != quote { i += 1 }
                case UInt8(ascii: ">") where depth <= 0:
                    i += 1
                    return true
                default: break
                }
                i += 1
            }
            throw fail("unterminated DOCTYPE")
        }
        return false
    }

    mutating func document() throws -> XMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("not an XML document") }
            if try skipMisc() { continue }
            break
        }
        guard bytes[i] == UInt8(ascii: "<") else { throw fail("text before the root element") }
        let root = try parseElement()
        while true {
            skipSpace()
            if i >= bytes.count { return root }
            if try skipMisc() { continue }
            throw fail("content after the root element")
        }
    }

    /// An element starting at `<`, with everything inside it.
    mutating func parseElement() throws -> XMLElement {
        i += 1
        let tag = try name()
        var attributes: [(String, String)] = []
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("unterminated tag <\(tag)>") }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw fail("stray / in <\(tag)>") }
                i += 2
                return XMLElement(tag, sorted(attributes))
            }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            let key = try name()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("attribute \(key) without a value") }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw fail("unquoted value of \(key)")
            }
            let quote = bytes[i]
            i += 1
            let start = i
            while i < bytes.count && bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "<") { throw fail("< in the value of \(key)") }
                i += 1
            }
            guard i < bytes.count else { throw fail("unterminated value of \(key)") }
            let value = try decode(start..<i, attribute: true)
            i += 1
            if attributes.contains(where: { $0.0 == key }) { throw fail("attribute \(key) given twice") }
            attributes.append((key, value))
        }
        let element = XMLElement(tag, sorted(attributes))
        var text: [UInt8] = []
        func flushText() throws {
            // Adjacent character data (split by comments or PIs) forms one text node, as before.
            guard !text.isEmpty else { return }
            let decoded = String(decoding: text, as: UTF8.self)
            if case .text(let previous)? = element.children.last {
                element.children[element.children.count - 1] = .text(previous + decoded)
            } else {
                element.children.append(.text(decoded))
            }
            text.removeAll(keepingCapacity: true)
        }
        while true {
            guard i < bytes.count else { throw fail("unterminated element <\(tag)>") }
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
                text.append(contentsOf: Array(try decode(start..<i, attribute: false).utf8))
                continue
            }
            if starts("</") {
                try flushText()
                i += 2
                let closing = try name()
                guard closing == tag else { throw fail("</\(closing)> closes <\(tag)>") }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("unterminated </\(tag)>") }
                i += 1
                return element
            }
            if try skipMisc() { continue }
            try flushText()
            element.children.append(.element(try parseElement()))
        }
    }

    func sorted(_ attributes: [(String, String)]) -> [(String, String)] {
        attributes.sorted { $0.0 < $1.0 }
    }

    /// Character data or an attribute value: entities decoded, line endings normalised, and in
    /// attribute values literal white space turned into spaces.
    func decode(_ range: Range<Int>, attribute: Bool) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let b = bytes[k]
            if b == UInt8(ascii: "&") {
                guard let semicolon = bytes[k..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                    throw fail("unterminated entity")
                }
                let entity = String(decoding: bytes[(k + 1)..<semicolon], as: UTF8.self)
                let scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        scalar = UInt32(entity.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
                    } else {
                        throw fail("unknown entity &\(entity);")
                    }
                }
                guard let scalar, Self.isXMLChar(scalar.value) else { throw fail("invalid character reference &\(entity);") }
                out.append(contentsOf: Array(String(scalar).utf8))
                k = semicolon + 1
                continue
            }
            if b == 0x0D {
                // CR LF and lone CR are line feeds.
                out.append(attribute ? 0x20 : 0x0A)
                k += (k + 1 < range.upperBound && bytes[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            if attribute && (b == 0x0A || b == 0x09) {
                out.append(0x20)
            } else {
                out.append(b)
            }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }
}
