import EcomapModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a scalar was written: plain scalars are typed by the schema, quoted ones are always text.
enum ScalarStyle: UInt8, Sendable, Equatable {
    case plain, quoted, block
}

/// A scalar as written in the source, with where it was written.
struct Scalar {
    var text: String
    var style: ScalarStyle
    /// The explicit tag, if any (`tag:yaml.org,2002:int`, `!`, ...).
    var tag: String?
    private var origin: Origin

    /// Where a scalar was written: a table cell's location as given, or the document node it was read
    /// from, whose location is made only when a message asks for it (most values are read without one).
    private enum Origin {
        case written(SourceLocation)
        case node(DocumentNode)
    }

    /// A scalar built in memory (a table cell), written at `location`.
    init(text: String, style: ScalarStyle, tag: String? = nil, location: SourceLocation) {
        self.text = text
        self.style = style
        self.tag = tag
        origin = .written(location)
    }

    /// A scalar read from `node` (valid while the node's document lives).
    init(text: String, style: ScalarStyle, tag: String?, node: DocumentNode) {
        self.text = text
        self.style = style
        self.tag = tag
        origin = .node(node)
    }

    var location: SourceLocation {
        switch origin {
        case .written(let location): return location
        case .node(let node): return node.location
        }
    }

    /// An empty plain scalar, `key:` with nothing after it, counts as omitted.
    var isEmpty: Bool { style == .plain && text.isEmpty && tag == nil }

    /// Empty, or a plain `~`/`null`: unknown where a number, choice or list is expected.
    var isNull: Bool { isEmpty || (style == .plain && tag == nil && Self.isNullText(text)) }

    /// `~`, `null`, `Null` or `NULL`.
    static func isNullText(_ text: String) -> Bool {
        switch text.utf8.count {
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}

/// A document tree built in memory (rows of a table), added to a `DocumentStore` as a whole.
indirect enum TreeNode {
    case scalar(Scalar)
    case sequence([TreeNode], SourceLocation)
    case mapping([(key: TreeNode, value: TreeNode)], SourceLocation)
}

/// A format-neutral document held in a few flat arrays: YAML composes into it, table rows are mapped
/// onto it, and one decoder validates both. A node is a small record; a scalar's text is a byte range
/// of one shared buffer (made a `String` only when the decoder reads it); a collection's children are a
/// range of one index array. So building a document costs no object per node, and freeing it is a
/// handful of deallocations. Aliases refer to the node they name, so an expansion budget bounds the walk.
final class DocumentStore {
    /// One node. `start`/`count`: a scalar's bytes in `text`, a sequence's range of `items`, a
    /// mapping's range of `pairs`.
    struct Record {
        var start: UInt32
        var count: UInt32
        var line: UInt32
        var column: UInt32
        /// Index in `tags`; -1 without a tag.
        var tag: Int32
        /// Index in `places` (a location naming a column or a cell); -1: `file:line:column`.
        var place: Int32
        var kind: DocumentNode.Kind
        var style: ScalarStyle
        /// A scalar whose text is all ASCII (so bytes that differ mean different text).
        var ascii: Bool
    }

    /// A mapping entry: the key's and the value's node.
    struct Pair {
        var key: Int32
        var value: Int32
    }

    /// The file name every location carries.
    let file: String
    /// Every scalar's text, one after the other: a buffer of its own (not an array), so that the
    /// decoder reads bytes through a stored pointer, without a closure per access.
    // Only the reader that builds a store mutates it, before anything reads it: no access overlaps,
    // so the run-time exclusivity checks (a call per access) are left out.
    @exclusivity(unchecked) private(set) var text: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var textCount = 0
    @exclusivity(unchecked) private var textCapacity: Int
    @exclusivity(unchecked) private(set) var records: [Record] = []
    @exclusivity(unchecked) private(set) var items: [Int32] = []
    @exclusivity(unchecked) private(set) var pairs: [Pair] = []
    @exclusivity(unchecked) private(set) var tags: [String] = []
    @exclusivity(unchecked) private(set) var places: [SourceLocation] = []

    init(file: String) {
        self.file = file
        textCapacity = 256
        text = .allocate(capacity: textCapacity)
    }

    deinit { text.deallocate() }

    /// Room for a document read from `bytes` source bytes (estimates; the arrays grow past them).
    func reserve(sourceBytes bytes: Int) {
        growText(to: bytes / 2)
        records.reserveCapacity(bytes / 10)
        items.reserveCapacity(bytes / 40)
        pairs.reserveCapacity(bytes / 20)
    }

    @inline(__always) private func append(_ record: Record) -> Int32 {
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    private func growText(to capacity: Int) {
        guard capacity > textCapacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: text, count: textCount)
        text.deallocate()
        text = grown
        textCapacity = capacity
    }

    /// Adds a scalar whose text is `bytes` (valid UTF-8).
    func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?,
                   line: Int, column: Int) -> Int32 {
        let start = textCount
        let n = bytes.count
        if n > textCapacity - start { growText(to: max(textCapacity * 2, start + n)) }
        var ascii = true
        if let source = bytes.baseAddress, n > 0 {
            (text + start).update(from: source, count: n)
            // Eight bytes at a time: most text is ASCII.
            var i = 0, high: UInt64 = 0
            let raw = UnsafeRawPointer(source)
            while i + 8 <= n { high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
            while i < n { high |= UInt64(source[i]); i += 1 }
            ascii = high & 0x8080_8080_8080_8080 == 0
        }
        textCount = start + n
        var tagIndex: Int32 = -1
        if let tag {
            tags.append(tag)
            tagIndex = Int32(truncatingIfNeeded: tags.count - 1)
        }
        return append(Record(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: n),
                             line: UInt32(clamping: line), column: UInt32(clamping: column), tag: tagIndex,
                             place: -1, kind: .scalar, style: style, ascii: ascii))
    }

    /// Adds a sequence of `children`.
    func addSequence<C: Collection>(_ children: C, line: Int, column: Int) -> Int32 where C.Element == Int32 {
        let start = items.count
        items.append(contentsOf: children)
        return append(Record(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: children.count),
                             line: UInt32(clamping: line), column: UInt32(clamping: column), tag: -1, place: -1,
                             kind: .sequence, style: .plain, ascii: true))
    }

    /// Adds a mapping of `entries`.
    func addMapping<C: Collection>(_ entries: C, line: Int, column: Int) -> Int32 where C.Element == Pair {
        let start = pairs.count
        pairs.append(contentsOf: entries)
        return append(Record(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: entries.count),
                             line: UInt32(clamping: line), column: UInt32(clamping: column), tag: -1, place: -1,
                             kind: .mapping, style: .plain, ascii: true))
    }

    /// Adds a tree built in memory; every node keeps its full location (column names, cells).
    func add(_ tree: TreeNode) -> Int32 {
        let id: Int32
        let location: SourceLocation
        switch tree {
        case .scalar(let s):
            var utf8 = s.text
            id = utf8.withUTF8 { addScalar($0, style: s.style, tag: s.tag, line: s.location.line, column: s.location.column) }
            location = s.location
        case .sequence(let children, let l):
            let ids = children.map { add($0) }
            id = addSequence(ids, line: l.line, column: l.column)
            location = l
        case .mapping(let entries, let l):
            let ids = entries.map { Pair(key: add($0.key), value: add($0.value)) }
            id = addMapping(ids, line: l.line, column: l.column)
            location = l
        }
        if location.file != file || location.columnName != nil || location.cell != nil {
            places.append(location)
            records[Int(id)].place = Int32(truncatingIfNeeded: places.count - 1)
        }
        return id
    }

    /// The node `id` (an id this store returned).
    func node(_ id: Int32) -> DocumentNode { DocumentNode(store: self, id: id) }

    func location(of record: Record) -> SourceLocation {
        if record.place >= 0 { return places[Int(record.place)] }
        return SourceLocation(file: file, line: Int(record.line), column: Int(record.column))
    }

    /// The bytes of a scalar record (valid while the store lives and takes no new scalar).
    @inline(__always) func bytes(of record: Record) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text + Int(record.start), count: Int(record.count))
    }

    /// The text of a scalar record.
    func string(of record: Record) -> String {
        String(decoding: bytes(of: record), as: UTF8.self)
    }

    /// True when the scalar records `a` and `b` have the same text, compared as Swift compares strings
    /// (canonically equivalent spellings are equal); bytes settle every case but non-ASCII text.
    func sameText(_ a: Record, _ b: Record) -> Bool {
        if a.count == b.count && memcmp(text + Int(a.start), text + Int(b.start), Int(a.count)) == 0 { return true }
        if a.ascii && b.ascii { return false }
        return string(of: a) == string(of: b)
    }

    /// True when the scalar record's text is `literal` (an ASCII key such as `<<`), byte for byte.
    func textIs(_ record: Record, _ literal: StaticString) -> Bool {
        Int(record.count) == literal.utf8CodeUnitCount
            && memcmp(text + Int(record.start), literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    /// Appends every node of `other` (a store of the same file) and returns the id offset: node `n`
    /// of `other` is node `n + offset` here; its lines move down by `lineShift`. Used to join the two
    /// halves of a file read in parallel (`HalvedRead`).
    func append(_ other: DocumentStore, lineShift: Int) -> Int32 {
        let shift = UInt32(clamping: lineShift)
        let offset = Int32(truncatingIfNeeded: records.count)
        let textBase = UInt32(truncatingIfNeeded: textCount)
        let itemBase = UInt32(truncatingIfNeeded: items.count)
        let pairBase = UInt32(truncatingIfNeeded: pairs.count)
        let tagBase = Int32(truncatingIfNeeded: tags.count)
        let placeBase = Int32(truncatingIfNeeded: places.count)
        if other.textCount > textCapacity - textCount { growText(to: textCount + other.textCount) }
        (text + textCount).update(from: other.text, count: other.textCount)
        textCount += other.textCount
        // Copied in one piece, then moved in place.
        let firstRecord = records.count
        records.append(contentsOf: other.records)
        records.withUnsafeMutableBufferPointer { all in
            for i in firstRecord..<all.count {
                switch all[i].kind {
                case .scalar: all[i].start &+= textBase
                case .sequence: all[i].start &+= itemBase
                case .mapping: all[i].start &+= pairBase
                }
                if all[i].tag >= 0 { all[i].tag &+= tagBase }
                if all[i].place >= 0 { all[i].place &+= placeBase }
                all[i].line = all[i].line.addingReportingOverflow(shift).overflow ? .max : all[i].line &+ shift
            }
        }
        let firstItem = items.count
        items.append(contentsOf: other.items)
        items.withUnsafeMutableBufferPointer { all in
            for i in firstItem..<all.count { all[i] &+= offset }
        }
        let firstPair = pairs.count
        pairs.append(contentsOf: other.pairs)
        pairs.withUnsafeMutableBufferPointer { all in
            for i in firstPair..<all.count {
                all[i].key &+= offset
                all[i].value &+= offset
            }
        }
        tags.append(contentsOf: other.tags)
        places.append(contentsOf: other.places)
        return offset
    }
}

/// A document: its store, owned, and its root node.
struct Document {
    let store: DocumentStore
    let root: Int32

    /// The root node; valid while this document lives.
    var rootNode: DocumentNode { store.node(root) }
}

/// One node of a `DocumentStore`. It does not own the store (so that passing nodes around costs no
/// reference counting): nodes are used only while their `Document` is alive.
struct DocumentNode {
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    /// A node seen as its kind, with what it holds.
    enum View {
        case scalar(Scalar)
        case sequence(NodeList, SourceLocation)
        case mapping(PairList, SourceLocation)
    }

    unowned(unsafe) let store: DocumentStore
    let id: Int32

    // Node accessors read the store through `Unmanaged._withUnsafeGuaranteedRef`: through the unowned
    // reference itself, every read would copy the array it reads from (a retain and a release per read).
    // The store is alive, as every node is used only while its document lives.

    var record: DocumentStore.Record {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { $0.records[Int(id)] }
    }
    var kind: Kind { record.kind }

    var location: SourceLocation {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { $0.location(of: $0.records[Int(id)]) }
    }

    /// A scalar's text as bytes, valid while the document lives (empty for a collection).
    var bytes: UnsafeBufferPointer<UInt8> {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { store in
            let r = store.records[Int(id)]
            return r.kind == .scalar ? store.bytes(of: r) : UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// A scalar's text (empty for a collection).
    var text: String {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { store in
            let r = store.records[Int(id)]
            return r.kind == .scalar ? store.string(of: r) : ""
        }
    }

    /// The node as a scalar (its text made a `String`), a list or a mapping.
    var view: View {
        let r = record
        switch r.kind {
        case .scalar: return .scalar(scalar(r))
        case .sequence: return .sequence(NodeList(store: store, start: Int(r.start), count: Int(r.count)), store.location(of: r))
        case .mapping: return .mapping(PairList(store: store, start: Int(r.start), count: Int(r.count)), store.location(of: r))
        }
    }

    /// The scalar, or nil for a collection.
    var scalar: Scalar? {
        let r = record
        return r.kind == .scalar ? scalar(r) : nil
    }

    private func scalar(_ r: DocumentStore.Record) -> Scalar {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { store in
            Scalar(text: store.string(of: r), style: r.style, tag: r.tag >= 0 ? store.tags[Int(r.tag)] : nil, node: self)
        }
    }

    /// The items of a sequence (empty for anything else).
    var items: NodeList {
        let r = record
        return NodeList(store: store, start: Int(r.start), count: r.kind == .sequence ? Int(r.count) : 0)
    }

    /// The entries of a mapping (empty for anything else).
    var pairs: PairList {
        let r = record
        return PairList(store: store, start: Int(r.start), count: r.kind == .mapping ? Int(r.count) : 0)
    }

    /// `key:` with nothing after it.
    var isEmptyScalar: Bool {
        let r = record
        return r.kind == .scalar && r.style == .plain && r.count == 0 && r.tag < 0
    }

    /// A plain scalar without a tag: the bytes as written (for reading numbers without a `String`).
    func withPlainBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let r = record
        guard r.kind == .scalar, r.style == .plain, r.tag < 0 else { return body(nil) }
        return body(store.bytes(of: r))
    }

    /// A short name for the node's type, for "expected X, found Y" messages.
    var typeName: String {
        switch kind {
        case .scalar: return "a value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// The items of a sequence node.
struct NodeList: RandomAccessCollection {
    /// Nil only for `empty`; not owned (see `DocumentNode`). Held as `Unmanaged`: reading an item
    /// through an optional unowned reference retains and releases the store, and two threads reading
    /// one store's lists would then contend for its reference count.
    private let storeReference: Unmanaged<DocumentStore>?
    let start: Int
    let count: Int
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    init(store: DocumentStore?, start: Int, count: Int) {
        storeReference = store.map { Unmanaged.passUnretained($0) }
        (self.start, self.count) = (start, count)
    }

    subscript(position: Int) -> DocumentNode {
        // `count` is 0 without a store, so no valid position reaches a nil store.
        storeReference.unsafelyUnwrapped._withUnsafeGuaranteedRef { store in
            DocumentNode(store: store, id: store.items[start + position])
        }
    }

    /// No items.
    static var empty: NodeList { NodeList(store: nil, start: 0, count: 0) }
}

/// A mapping entry.
struct NodePair {
    var key: DocumentNode
    var value: DocumentNode
}

/// The entries of a mapping node.
struct PairList: RandomAccessCollection {
    unowned(unsafe) let store: DocumentStore
    let start: Int
    let count: Int
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> NodePair {
        let pair = Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { $0.pairs[start + position] }
        return NodePair(key: DocumentNode(store: store, id: pair.key), value: DocumentNode(store: store, id: pair.value))
    }
    /// The raw entry (node ids).
    func raw(_ position: Int) -> DocumentStore.Pair {
        Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { $0.pairs[start + position] }
    }
}
