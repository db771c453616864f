import EcomapModel
internal import CYaml

/// Composes one YAML document into a `DocumentNode` tree straight from libyaml's event stream
/// (the parser bundled with Yams), enforcing the documented limits as it goes:
/// nesting depth, alias expansion, text length; collecting duplicate keys and unsupported tags.
struct YAMLReader {
    let file: String
    let limits: Limits
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, limits: Limits) {
        self.file = file
        self.limits = limits
    }

    /// Tags a document may carry: the core schema's, `!!timestamp`, and the non-specific `!`.
    static let allowedTags: Set<String> = [
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
    ]

    private struct Abort: Error {}

    private var parser = yaml_parser_t()
    private var anchors: [String: (node: DocumentNode, size: Int, text: Int)] = [:]
    /// Text bytes composed so far, aliases counted at their full expansion.
    private var composedText = 0
    /// Text bytes added by aliases alone.
    private var aliasText = 0
    private var expanded = 0
    /// The bytes being read, to place reader errors (which libyaml reports as a byte offset).
    private var input: [UInt8] = []
    /// libyaml's mark just after the last scalar read (a mapping key, when its value is composed next).
    private var lastScalarEnd = yaml_mark_t()
    /// Where the last mark conversion ended: marks asked for in order cost one pass over the input.
    private var markCursor = (characters: 0, bytes: 0)
    /// The number of characters in the input, counted when first needed.
    private var characterCount: Int?

    /// Reads the one document in `bytes` (already checked to be UTF-8 without NUL bytes).
    mutating func read(_ bytes: [UInt8]) -> DocumentNode? {
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("cannot initialise the YAML parser"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        input = bytes
        return bytes.withUnsafeBufferPointer { buffer -> DocumentNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // libyaml keeps its own (process-wide) guard; keep it just above ours so ours reports first.
            yaml_set_max_nest_level(Int32(clamping: limits.maxDepth + 1))
            do { return try readStream() } catch { return nil }
        }
    }

    // MARK: - Events

    /// One libyaml event, owned by whoever holds it: `release()` frees what libyaml allocated for it
    /// (a plain struct rather than a class, so that no event costs a heap object of its own).
    private struct Event {
        var raw = yaml_event_t()
        var type: yaml_event_type_t { raw.type }
        mutating func release() { yaml_event_delete(&raw) }
    }

    /// Reads the next event and frees it at once (for events whose content is not needed).
    private mutating func skip() throws -> yaml_event_type_t {
        var event = try next()
        defer { event.release() }
        return event.type
    }

    private mutating func next() throws -> Event {
        var event = Event()
        guard yaml_parser_parse(&parser, &event.raw) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
            if problem.hasPrefix("Maximum nesting level") {
                diagnostics.append(.error("nesting is deeper than \(limits.maxDepth) levels (limit: nesting depth)",
                                          at: location(parser.problem_mark)))
                throw Abort()
            }
            if parser.error == YAML_READER_ERROR {
                // Reader errors (characters YAML does not allow) carry a byte offset, not a line mark.
                var message = "invalid YAML: \(problem)"
                if parser.problem_value >= 0 { message += " (\(FieldReader.codePoint(parser.problem_value)))" }
                diagnostics.append(.error(message, at: ByteCheck.location(of: Int(parser.problem_offset),
                                                                          in: input, file: file)))
                throw Abort()
            }
            let problemMark = parser.problem_mark
            if let explained = explain(problem, at: problemMark) {
                diagnostics.append(.error(explained, at: location(parser.problem_mark)))
                throw Abort()
            }
            var message = "invalid YAML: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += " \(context) (line \(Int(parser.context_mark.line) + 1))"
            }
            diagnostics.append(.error(message, at: location(parser.problem_mark)))
            throw Abort()
        }
        return event
    }

    private var hashtagLocation: SourceLocation?

    /// The `#word` after `key:` on the key's line when it looks like a hashtag (no space after `#`)
    /// rather than a comment (`notes:  # to do`).
    private mutating func hashtagComment(after offset: Int) -> String? {
        var i = offset
        while i < input.count, input[i] == 0x20 || input[i] == 0x09 { i += 1 }
        guard i < input.count, input[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        while i < input.count, input[i] == 0x20 || input[i] == 0x09 { i += 1 }
        guard i + 1 < input.count, input[i] == UInt8(ascii: "#"),
              ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "#")].contains(input[i + 1]) else { return nil }
        var end = i
        while end < input.count, input[end] != 0x0A, input[end] != 0x0D { end += 1 }
        hashtagLocation = ByteCheck.location(of: i, in: input, file: file)
        let text = String(decoding: input[i..<min(end, i + 200)], as: UTF8.self)
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// libyaml's message in the user's terms, for the mistakes people make most: a tab used for
    /// indentation, and a value starting with `@` or a backtick (a handle) written without quotes.
    private mutating func explain(_ problem: String, at mark: yaml_mark_t) -> String? {
        let index = byteOffset(of: mark)
        guard index >= 0, index < input.count else { return nil }
        let byte = input[index]
        if byte == 0x09 {
            var lineStart = index
            while lineStart > 0 && input[lineStart - 1] != 0x0A { lineStart -= 1 }
            let indent = input[lineStart..<index].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            return indent
                ? "a tab is used for indentation here; YAML indents with spaces only: replace the tab with spaces "
                    + "(set your editor to insert spaces)"
                : "a tab here is not allowed by YAML; replace it with a space"
        }
        if problem.contains("cannot start any token"), byte == UInt8(ascii: "@") || byte == UInt8(ascii: "`") {
            var end = index
            while end < input.count, ![0x0A, 0x0D, 0x20, 0x2C, 0x5D, 0x7D].contains(input[end]) { end += 1 }
            let word = String(decoding: input[index..<min(end, index + 80)], as: UTF8.self)
            let shown = FieldReader.quoted(word)
            return "a value cannot start with `\(byte == UInt8(ascii: "@") ? "@" : "`")` in YAML unless it is quoted: "
                + "write \(shown) with the quotes"
        }
        return nil
    }

    /// The byte offset of a libyaml mark. libyaml counts characters (code points; a CRLF as two), not
    /// bytes, so in a file with any non-ASCII letter the two differ.
    private mutating func byteOffset(of mark: yaml_mark_t) -> Int {
        let target = Int(mark.index)
        if target < markCursor.characters { markCursor = (0, 0) }
        var (characters, bytes) = markCursor
        input.withUnsafeBufferPointer { buffer in
            while characters < target && bytes < buffer.count {
                bytes += 1
                while bytes < buffer.count && buffer[bytes] & 0xC0 == 0x80 { bytes += 1 }
                characters += 1
            }
        }
        markCursor = (characters, bytes)
        return bytes
    }

    /// Whether a mark is at the end of the input. Only a mark in the first column can be there and
    /// misplaced (libyaml's forced line break), so only such a mark needs the characters counted.
    private mutating func isAtEnd(_ mark: yaml_mark_t) -> Bool {
        let index = Int(mark.index)
        if index >= input.count { return true }
        guard mark.column == 0 else { return false }
        if characterCount == nil {
            characterCount = input.withUnsafeBufferPointer { buffer in
                buffer.reduce(0) { $0 &+ ($1 & 0xC0 == 0x80 ? 0 : 1) }
            }
        }
        return index >= characterCount!
    }

    private mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        let line = Int(mark.line) + 1
        // At the end of a file without a final line break libyaml moves its mark to a line that does
        // not exist; point at the end of the last line instead.
        // Only a mark at the end of the input can be there, so the input is scanned only then (an
        // error at the end), not on every load.
        if isAtEnd(mark) {
            let end = Self.endOfInput(input)
            if line > end.line { return SourceLocation(file: file, line: end.line, column: end.column) }
        }
        return SourceLocation(file: file, line: line, column: Int(mark.column) + 1)
    }

    /// The last line of the input (counting line breaks as YAML does) and the column just after its end.
    private static func endOfInput(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                line += 1; column = 1
            } else if b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0x85 {  // NEL
                line += 1; column = 1; i += 1
            } else if b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                line += 1; column = 1; i += 2  // LINE / PARAGRAPH SEPARATOR
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    private mutating func readStream() throws -> DocumentNode? {
        _ = try skip()  // STREAM-START
        let first = try skip()
        if first == YAML_STREAM_END_EVENT {
            diagnostics.append(.error("the file is empty; expected a mapping with `ecosystem` and `communities`",
                                      at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let root = try composeNode(try next(), depth: 1)
        _ = try skip()  // DOCUMENT-END
        var after = try next()
        defer { after.release() }
        if after.type == YAML_DOCUMENT_START_EVENT {
            diagnostics.append(.error("the file holds several YAML documents; ecomap reads exactly one",
                                      at: location(after.raw.start_mark)))
            return nil
        }
        return root
    }

    // MARK: - Composition

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func checkTag(_ tag: String?, at loc: SourceLocation) {
        guard let tag, !Self.allowedTags.contains(tag) else { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
        diagnostics.append(.error("unsupported YAML tag `\(shown)`; only the core schema's tags are allowed", at: loc))
    }

    private mutating func register(_ anchor: String?, _ node: DocumentNode, size: Int, text: Int) {
        if let anchor { anchors[anchor] = (node, size, text) }
    }

    /// Adds what an alias expands to. Only aliases count: nodes written out in the file are bounded by
    /// the file size limit, and counting them would reject large but honest files (100,000 nodes).
    /// `location` (the alias whose expansion crossed the budget) is where the error points.
    private mutating func count(_ n: Int, at location: SourceLocation) throws {
        expanded = expanded > Int.max - n ? Int.max : expanded + n
        if expanded > limits.maxAliasExpansion {
            diagnostics.append(.error(
                "the document expands to more than \(limits.maxAliasExpansion) nodes through aliases "
                    + "(limit: alias expansion)", at: location))
            throw Abort()
        }
    }

    /// Adds the text bytes an alias repeats. The text written out in the file is bounded by the file
    /// size limit; what aliases add on top is bounded by `maxAliasTextBytes`, so that a small file
    /// cannot make every later stage (wrapping, layout, every output) handle gigabytes of text.
    private mutating func countText(_ bytes: Int, at location: SourceLocation) throws {
        composedText = composedText > Int.max - bytes ? Int.max : composedText + bytes
        aliasText = aliasText > Int.max - bytes ? Int.max : aliasText + bytes
        if aliasText > limits.maxAliasTextBytes {
            diagnostics.append(.error(
                "aliases repeat more than \(limits.maxAliasTextBytes) bytes of text "
                    + "(limit: alias text)", at: location))
            throw Abort()
        }
    }

    /// Composes the node that `event` starts; returns it with its expanded size.
    private mutating func composeNode(_ event: Event, depth: Int) throws -> DocumentNode {
        try composeSized(event, depth: depth).node
    }

    /// Composes the node that `event` starts, and releases the event.
    private mutating func composeSized(_ event: Event, depth: Int) throws -> (node: DocumentNode, size: Int) {
        var event = event
        defer { event.release() }
        let loc = location(event.raw.start_mark)
        let textStart = composedText
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.raw.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                diagnostics.append(.error("undefined alias `*\(name)`", at: loc))
                throw Abort()
            }
            try count(target.size, at: loc)
            try countText(target.text, at: loc)
            return (target.node, target.size)
        case YAML_SCALAR_EVENT:
            let data = event.raw.data.scalar
            let length = Int(data.length)
            if length > limits.maxTextBytes {
                diagnostics.append(.error("text of \(length) bytes is longer than the limit of "
                                          + "\(limits.maxTextBytes) bytes (limit: text length)", at: loc))
                throw Abort()
            }
            let text = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            } ?? ""
            let style: ScalarStyle
            switch data.style {
            case YAML_PLAIN_SCALAR_STYLE: style = .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .quoted
            }
            let tag = Self.string(data.tag)
            checkTag(tag, at: loc)
            lastScalarEnd = event.raw.end_mark
            let node = DocumentNode.scalar(Scalar(text: text, style: style, tag: tag, location: loc))
            composedText += length
            register(Self.string(data.anchor), node, size: 1, text: length)
            return (node, 1)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(depth, at: loc)
            let anchor = Self.string(event.raw.data.sequence_start.anchor)
            checkTag(Self.string(event.raw.data.sequence_start.tag), at: loc)
            var items: [DocumentNode] = []
            var size = 1
            while true {
                var item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT { item.release(); break }
                let child = try composeSized(item, depth: depth + 1)
                items.append(child.node)
                size = Self.add(size, child.size)
            }
            let node = DocumentNode.sequence(items, loc)
            register(anchor, node, size: size, text: composedText - textStart)
            return (node, size)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(depth, at: loc)
            let anchor = Self.string(event.raw.data.mapping_start.anchor)
            checkTag(Self.string(event.raw.data.mapping_start.tag), at: loc)
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            var merged: [(key: DocumentNode, value: DocumentNode)] = []
            // Keys seen so far: a linear scan while the mapping is small (the usual case), an index above.
            var seen = SeenKeys()
            var size = 1
            while true {
                var keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT { keyEvent.release(); break }
                let key = try composeSized(keyEvent, depth: depth + 1)
                let keyEnd = lastScalarEnd
                let value = try composeSized(try next(), depth: depth + 1)
                if case .scalar(let v) = value.node, v.isEmpty, case .scalar(let k) = key.node,
                   let hashtag = hashtagComment(after: byteOffset(of: keyEnd)) {
                    // `name: #wanderlust`: YAML sees a comment and an empty value.
                    diagnostics.append(.error(
                        "`\(k.text)` is empty because `#` starts a comment in YAML, so `\(hashtag)` was ignored; "
                            + "put it in quotes: \(k.text): \"\(hashtag)\"", at: hashtagLocation ?? v.location))
                }
                size = Self.add(size, Self.add(key.size, value.size))
                if case .scalar(let k) = key.node, k.style == .plain, k.tag == nil, k.text == "<<" {
                    merged.append(contentsOf: mergePairs(value.node))
                    continue
                }
                if case .scalar(let k) = key.node {
                    if let first = seen.location(of: k.text) {
                        diagnostics.append(.error("duplicate key `\(k.text)` (first at line \(first.line))",
                                                  at: k.location))
                        continue
                    }
                    seen.insert(k.text, k.location)
                }
                pairs.append((key.node, value.node))
            }
            // Merge keys (`<<: *defaults`) fill in what the mapping does not say itself.
            for pair in merged {
                if case .scalar(let k) = pair.key, seen.location(of: k.text) == nil {
                    seen.insert(k.text, k.location)
                    pairs.append(pair)
                }
            }
            let node = DocumentNode.mapping(pairs, loc)
            register(anchor, node, size: size, text: composedText - textStart)
            return (node, size)
        default:
            diagnostics.append(.error("unexpected YAML event", at: loc))
            throw Abort()
        }
    }

    private mutating func mergePairs(_ value: DocumentNode) -> [(key: DocumentNode, value: DocumentNode)] {
        switch value {
        case .mapping(let pairs, _):
            return pairs
        case .sequence(let items, _):
            return items.flatMap { item -> [(key: DocumentNode, value: DocumentNode)] in
                if case .mapping(let pairs, _) = item { return pairs }
                diagnostics.append(.error("a merge key `<<` takes a mapping or a list of mappings", at: item.location))
                return []
            }
        case .scalar(let s):
            diagnostics.append(.error("a merge key `<<` takes a mapping or a list of mappings", at: s.location))
            return []
        }
    }

    private mutating func checkDepth(_ depth: Int, at loc: SourceLocation) throws {
        if depth > limits.maxDepth {
            diagnostics.append(.error("nesting is deeper than \(limits.maxDepth) levels (limit: nesting depth)", at: loc))
            throw Abort()
        }
    }

    /// The scalar keys of one mapping with where each was first written.
    private struct SeenKeys {
        private var small: [(text: String, location: SourceLocation)] = []
        private var index: [String: SourceLocation]?
        private static let smallLimit = 16

        func location(of text: String) -> SourceLocation? {
            if let index { return index[text] }
            for entry in small where entry.text == text { return entry.location }
            return nil
        }

        mutating func insert(_ text: String, _ location: SourceLocation) {
            if index != nil {
                index![text] = location
            } else if small.count < Self.smallLimit {
                small.append((text, location))
            } else {
                var built: [String: SourceLocation] = [text: location]
                for entry in small { built[entry.text] = entry.location }
                index = built
                small = []
            }
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int { a > Int.max - b ? Int.max : a + b }
}
