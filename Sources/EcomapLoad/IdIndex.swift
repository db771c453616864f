/// The ids declared in a document, found by their bytes: resolving a link's ends needs no `String` made
/// or hashed. An open-addressing table of declaration numbers, hashed with the standard library's
/// per-process seeded hasher (so crafted ids cannot pile up in one chain).
///
/// Bytes that match are the same id. Spellings that Swift counts as the same text with other bytes (a
/// precomposed and a decomposed é) are not found here: callers then look the id up as a `String`.
struct IdIndex {
    /// Each slot: 0 when empty, else the hash's high 32 bits above the declaration number + 1.
    private var slots: [UInt64]
    /// Each declared id's node (its text is the id), by declaration number.
    private var nodes: [DocumentNode] = []

    /// An empty index (it grows as ids are added).
    init() {
        slots = Array(repeating: 0, count: Self.size(for: 0))
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
        nodes.append(node)
        place(number: nodes.count - 1, hash: Self.hash(node.bytes))
    }

    private mutating func place(number: Int, hash: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
    }

    private mutating func rehash(to size: Int) {
        slots = Array(repeating: 0, count: size)
        for number in nodes.indices { place(number: number, hash: Self.hash(nodes[number].bytes)) }
    }

    /// The declaration number of the id spelt `bytes`, or nil.
    func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let slot = slots[i]
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(slot & 0xFFFF_FFFF) - 1
                if sameBytes(nodes[number].bytes, bytes) { return number }
            }
            i = (i + 1) & mask
        }
        return nil
    }
}
