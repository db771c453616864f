import EcomapModel
internal import CYaml

/// Composes one YAML document into a `DocumentStore` straight from libyaml's event stream
/// (the parser bundled with Yams), enforcing the documented limits as it goes:
/// nesting depth, alias expansion, text length; collecting duplicate keys and unsupported tags.
struct YAMLReader {
    let file: String
    let limits: Limits
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, limits: Limits) {
        self.file = file
        self.limits = limits
        self.store = DocumentStore(file: file)
    }

    /// Tags a document may carry: the core schema's, `!!timestamp`, and the non-specific `!`.
    static let allowedTags: Set<String> = [
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
    ]

    private struct Abort: Error {}

    private var parser = yaml_parser_t()
    private var anchors: [String: (node: Int32, size: Int, text: Int)] = [:]
    /// Where the document is composed.
    private let store: DocumentStore
    /// Children of the collections being composed, innermost last.
    private var scratchItems: [Int32] = []
    private var scratchPairs: [DocumentStore.Pair] = []
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
    /// Whether an alias was read (its expansion budget is the reader's own).
    private(set) var readAlias = false
    /// Whether a merge key (`<<`) was read.
    private(set) var readMergeKey = false
    /// Whether the document ends with an explicit `...`.
    private(set) var endsWithMarker = false

    /// Reads the one document in `bytes` (already checked to be UTF-8 without NUL bytes); `characters`,
    /// when the caller counted them, spares a pass over the input.
    /// - Parameter guardIsSet: the caller has set libyaml's nesting guard (`setNestingGuard`).
    /// - Parameter roomFor: the source bytes the store is sized for, when more will be added to it.
    mutating func read(_ bytes: [UInt8], characters: Int? = nil, guardIsSet: Bool = false,
                       roomFor sourceBytes: Int? = nil) -> Document? {
        characterCount = characters
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("cannot initialise the YAML parser"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        input = bytes
        store.reserve(sourceBytes: max(bytes.count, sourceBytes ?? 0))
        return bytes.withUnsafeBufferPointer { buffer -> Document? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            if !guardIsSet { Self.setNestingGuard(limits) }
            do { return try readStream() } catch { return nil }
        }
    }

    /// libyaml keeps its own (process-wide) nesting guard; keep it just above ours so ours reports
    /// first. Readers running at the same time have it set once, before they start.
    static func setNestingGuard(_ limits: Limits) {
        yaml_set_max_nest_level(Int32(clamping: limits.maxDepth + 1))
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
        let p = position(mark)
        return SourceLocation(file: file, line: p.line, column: p.column)
    }

    /// 1-based line and column of a mark.
    @inline(__always) private mutating func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        let line = Int(mark.line) + 1
        // At the end of a file without a final line break libyaml moves its mark to a line that does
        // not exist; point at the end of the last line instead.
        // Only a mark at the end of the input can be there, so the input is scanned only then (an
        // error at the end), not on every load.
        if isAtEnd(mark) {
            let end = Self.endOfInput(input)
            if line > end.line { return end }
        }
        return (line, Int(mark.column) + 1)
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

    private mutating func readStream() throws -> Document? {
        _ = try skip()  // STREAM-START
        let first = try skip()
        if first == YAML_STREAM_END_EVENT {
            diagnostics.append(.error("the file is empty; expected a mapping with `ecosystem` and `communities`",
                                      at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let root = try composeSized(try next(), depth: 1).node
        var end = try next()  // DOCUMENT-END
        endsWithMarker = end.raw.data.document_end.implicit == 0
        end.release()
        var after = try next()
        defer { after.release() }
        if after.type == YAML_DOCUMENT_START_EVENT {
            diagnostics.append(.error("the file holds several YAML documents; ecomap reads exactly one",
                                      at: location(after.raw.start_mark)))
            return nil
        }
        return Document(store: store, root: root)
    }

    // MARK: - Composition

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func checkTag(_ tag: String?, at position: (line: Int, column: Int)) {
        guard let tag, !Self.allowedTags.contains(tag) else { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
        diagnostics.append(.error("unsupported YAML tag `\(shown)`; only the core schema's tags are allowed",
                                  at: SourceLocation(file: file, line: position.line, column: position.column)))
    }

    private mutating func register(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: Int32, size: Int, text: Int) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (node, size, text)
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

    /// Composes the node that `event` starts, and releases the event; returns the node and its
    /// expanded size.
    private mutating func composeSized(_ event: Event, depth: Int) throws -> (node: Int32, size: Int) {
        var event = event
        defer { event.release() }
        let here = position(event.raw.start_mark)
        let textStart = composedText
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.raw.data.alias.anchor) ?? ""
            let loc = SourceLocation(file: file, line: here.line, column: here.column)
            readAlias = true
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
                                          + "\(limits.maxTextBytes) bytes (limit: text length)",
                                          at: SourceLocation(file: file, line: here.line, column: here.column)))
                throw Abort()
            }
            let style: ScalarStyle
            switch data.style {
            case YAML_PLAIN_SCALAR_STYLE: style = .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .quoted
            }
            let tag = Self.string(data.tag)
            checkTag(tag, at: here)
            lastScalarEnd = event.raw.end_mark
            let bytes = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : length)
            let node = store.addScalar(bytes, style: style, tag: tag, line: here.line, column: here.column)
            composedText += length
            register(data.anchor, node, size: 1, text: length)
            return (node, 1)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(depth, at: here)
            let anchor = event.raw.data.sequence_start.anchor
            checkTag(Self.string(event.raw.data.sequence_start.tag), at: here)
            // Children gather on a stack shared by every open collection, then move to the store
            // in one piece, so that each collection's children are one range there.
            let base = scratchItems.count
            var size = 1
            while true {
                var item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT { item.release(); break }
                let child = try composeSized(item, depth: depth + 1)
                scratchItems.append(child.node)
                size = Self.add(size, child.size)
            }
            let node = store.addSequence(scratchItems[base...], line: here.line, column: here.column)
            scratchItems.removeSubrange(base...)
            register(anchor, node, size: size, text: composedText - textStart)
            return (node, size)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(depth, at: here)
            let anchor = event.raw.data.mapping_start.anchor
            checkTag(Self.string(event.raw.data.mapping_start.tag), at: here)
            let base = scratchPairs.count
            var merged: [DocumentStore.Pair] = []
            // Scalar keys so far, by text, once the mapping has more than a few (a linear scan before).
            var index: [String: Int32]?
            // A bit for each ASCII key so far, by its length and first byte: a key whose bit is not set
            // repeats none of them (ASCII text equals only the same bytes), so only a set bit needs the
            // keys compared. Once a key is not ASCII, every key is compared.
            var asciiKeyBits: UInt64 = 0
            var allKeysASCII = true
            var size = 1
            while true {
                var keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT { keyEvent.release(); break }
                let key = try composeSized(keyEvent, depth: depth + 1)
                let keyEnd = lastScalarEnd
                let value = try composeSized(try next(), depth: depth + 1)
                let keyRecord = store.records[Int(key.node)]
                let keyIsScalar = keyRecord.kind == .scalar
                if keyIsScalar, store.node(value.node).isEmptyScalar,
                   let hashtag = hashtagComment(after: byteOffset(of: keyEnd)) {
                    // `name: #wanderlust`: YAML sees a comment and an empty value.
                    let k = store.string(of: keyRecord)
                    diagnostics.append(.error(
                        "`\(k)` is empty because `#` starts a comment in YAML, so `\(hashtag)` was ignored; "
                            + "put it in quotes: \(k): \"\(hashtag)\"",
                        at: hashtagLocation ?? store.location(of: store.records[Int(value.node)])))
                }
                size = Self.add(size, Self.add(key.size, value.size))
                if keyIsScalar, keyRecord.style == .plain, keyRecord.tag < 0, store.textIs(keyRecord, "<<") {
                    readMergeKey = true
                    merged.append(contentsOf: mergePairs(value.node))
                    continue
                }
                var mayRepeat = true
                if keyIsScalar && allKeysASCII {
                    if keyRecord.ascii {
                        let first = keyRecord.count > 0 ? UInt64(store.text[Int(keyRecord.start)]) : 0
                        let bit: UInt64 = 1 << ((UInt64(keyRecord.count) &* 7 &+ first) & 63)
                        mayRepeat = asciiKeyBits & bit != 0
                        asciiKeyBits |= bit
                    } else {
                        allKeysASCII = false
                    }
                }
                if keyIsScalar && mayRepeat {
                    if let first = firstKey(like: key.node, from: base, index: &index) {
                        let k = store.string(of: keyRecord)
                        let firstLine = store.location(of: store.records[Int(first)]).line
                        diagnostics.append(.error("duplicate key `\(k)` (first at line \(firstLine))",
                                                  at: store.location(of: keyRecord)))
                        continue
                    }
                }
                scratchPairs.append(DocumentStore.Pair(key: key.node, value: value.node))
                if keyIsScalar, index != nil { index![store.string(of: keyRecord)] = key.node }
            }
            // Merge keys (`<<: *defaults`) fill in what the mapping does not say itself.
            for pair in merged where store.records[Int(pair.key)].kind == .scalar {
                if firstKey(like: pair.key, from: base, index: &index) == nil {
                    scratchPairs.append(pair)
                    if index != nil { index![store.string(of: store.records[Int(pair.key)])] = pair.key }
                }
            }
            let node = store.addMapping(scratchPairs[base...], line: here.line, column: here.column)
            scratchPairs.removeSubrange(base...)
            register(anchor, node, size: size, text: composedText - textStart)
            return (node, size)
        default:
            diagnostics.append(.error("unexpected YAML event", at: SourceLocation(file: file, line: here.line, column: here.column)))
            throw Abort()
        }
    }

    /// The key node of the mapping being composed (its entries so far are `scratchPairs[base...]`)
    /// whose text equals the scalar `key`'s, compared as Swift compares strings; nil when none does.
    /// Small mappings (the usual case) are scanned; above `smallMapping` keys an index is built.
    private mutating func firstKey(like key: Int32, from base: Int, index: inout [String: Int32]?) -> Int32? {
        let record = store.records[Int(key)]
        if let built = index { return built[store.string(of: record)] }
        let entries = scratchPairs.count - base
        if entries < Self.smallMapping {
            for i in base..<scratchPairs.count {
                let other = store.records[Int(scratchPairs[i].key)]
                if other.kind == .scalar && store.sameText(other, record) { return scratchPairs[i].key }
            }
            return nil
        }
        var built: [String: Int32] = [:]
        built.reserveCapacity(entries * 2)
        for i in base..<scratchPairs.count {
            let other = store.records[Int(scratchPairs[i].key)]
            guard other.kind == .scalar else { continue }
            let text = store.string(of: other)
            if built[text] == nil { built[text] = scratchPairs[i].key }
        }
        index = built
        return built[store.string(of: record)]
    }

    private static let smallMapping = 16

    private mutating func mergePairs(_ value: Int32) -> [DocumentStore.Pair] {
        let node = store.node(value)
        switch node.kind {
        case .mapping:
            let pairs = node.pairs
            return (0..<pairs.count).map { pairs.raw($0) }
        case .sequence:
            var result: [DocumentStore.Pair] = []
            for item in node.items {
                if item.kind == .mapping {
                    let pairs = item.pairs
                    result.append(contentsOf: (0..<pairs.count).map { pairs.raw($0) })
                } else {
                    diagnostics.append(.error("a merge key `<<` takes a mapping or a list of mappings", at: item.location))
                }
            }
            return result
        case .scalar:
            diagnostics.append(.error("a merge key `<<` takes a mapping or a list of mappings", at: node.location))
            return []
        }
    }

    private mutating func checkDepth(_ depth: Int, at position: (line: Int, column: Int)) throws {
        if depth > limits.maxDepth {
            diagnostics.append(.error("nesting is deeper than \(limits.maxDepth) levels (limit: nesting depth)",
                                      at: SourceLocation(file: file, line: position.line, column: position.column)))
            throw Abort()
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int { a > Int.max - b ? Int.max : a + b }
}
