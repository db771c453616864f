/// The ids declared in a document, found by their bytes: resolving a link's ends needs no `String` made
/// or hashed. An open-addressing table of declaration numbers, hashed with the standard library's
/// per-process seeded hasher (so crafted ids cannot pile up in one chain).
///
/// Bytes that match are the same id. Spellings that Swift counts as the same text with other bytes (a
/// precomposed and a decomposed é) are not found here: callers then look the id up as a `String`.
struct IdIndex {
    /// One entry: the hash's high 32 bits, the declaration number + 1 (0: empty), and where the id's
    /// text is in the store, so that a look-up reads the table and the text, nothing else.
    private struct Slot {
        var tag: UInt32 = 0
        var number: UInt32 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
    }

    private var slots: [Slot]
    /// Each declared id's node (its text is the id), by declaration number.
    private var nodes: [DocumentNode] = []
    /// The store of every id so far (the first one's), not owned (see `DocumentNode`); `Unmanaged`, as
    /// an optional unowned reference is retained on every look-up (see `NodeList`).
    private var store: Unmanaged<DocumentStore>?
    /// False once an id from another store was added: texts are then read through the nodes.
    private var oneStore = true

    /// An empty index (it grows as ids are added).
    init() {
        slots = Array(repeating: Slot(), count: Self.size(for: 0))
    }

    /// Makes room for `count` ids in all.
    mutating func reserveCapacity(_ count: Int) {
        nodes.reserveCapacity(count)
        if Self.size(for: count) > slots.count { rehash(to: Self.size(for: count)) }
    }

    /// The number of ids.
    var count: Int { nodes.count }

    /// A table size, a power of two at least twice `count`.
    private static func size(for count: Int) -> Int {
        var size = 16
        while size < 2 * count { size *= 2 }
        return size
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// Adds the id written at `node` (a scalar) as the next declaration number. The caller adds each id
    /// once.
    mutating func append(_ node: DocumentNode) {
        if 2 * (nodes.count + 1) > slots.count { rehash(to: Self.size(for: nodes.count + 1)) }
        if let store { oneStore = oneStore && store.toOpaque() == Unmanaged.passUnretained(node.store).toOpaque() }
        else { store = Unmanaged.passUnretained(node.store) }
        nodes.append(node)
        place(number: nodes.count - 1)
    }

    private mutating func place(number: Int) {
        let node = nodes[number]
        let record = node.record
        let hash = Self.hash(node.bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].number != 0 { i = (i + 1) & mask }
        slots[i] = Slot(tag: UInt32(truncatingIfNeeded: hash >> 32), number: UInt32(truncatingIfNeeded: number + 1),
                        start: record.start, count: record.count)
    }

    private mutating func rehash(to size: Int) {
        slots = Array(repeating: Slot(), count: size)
        for number in nodes.indices { place(number: number) }
    }

    /// A copy whose tables are its own, not shared: for look-ups on another thread, which would
    /// otherwise count references to the same storage as this index's thread.
    func independentCopy() -> IdIndex {
        var copy = self
        copy.slots = slots.withUnsafeBufferPointer { Array($0) }
        copy.nodes = nodes.withUnsafeBufferPointer { Array($0) }
        return copy
    }

    /// The declaration number of the id spelt as `text`'s bytes, or nil.
    func number(ofText text: String) -> Int? {
        var text = text
        return text.withUTF8 { number(of: $0) }
    }

    /// The declaration number of the id spelt `bytes`, or nil.
    func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let store else { return nil }
        let hash = Self.hash(bytes)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        // The store's text, read without retaining the store (as node accessors do).
        let text = store._withUnsafeGuaranteedRef { $0.text }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].number != 0 {
            let slot = slots[i]
            if slot.tag == tag && Int(slot.count) == bytes.count {
                let number = Int(slot.number) - 1
                let id = oneStore ? UnsafeBufferPointer(start: text + Int(slot.start), count: Int(slot.count))
                                  : nodes[number].bytes
                if sameBytes(id, bytes) { return number }
            }
            i = (i + 1) & mask
        }
        return nil
    }
}
