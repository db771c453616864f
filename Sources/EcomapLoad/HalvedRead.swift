import EcomapModel
import Foundation

/// Reads a large ecosystem file as two halves at the same time, each with its own libyaml parser, and
/// joins them into the document a single read gives. libyaml's parse is half of loading, and a file
/// of thousands of communities is nearly all one list, so the cut goes between two items of the
/// top-level `communities:` list: the first half is the file up to that item, the second is the rest
/// read under a `communities:` line of its own.
///
/// A cut there is exact: the item line is indented less than anything inside the item before it, so
/// no plain or block scalar runs across it, and both parsers are in the same state a single parser
/// would be in. Whatever could break that (a quoted scalar or a flow collection open across the cut,
/// an alias or merge key whose budget or target spans both halves, a key given in both halves, any
/// problem at all) gives up the split, and the file is read in one piece as before, so diagnostics are
/// always the single read's. (An empty value just before the cut needs nothing: libyaml places it
/// at the `:` or `-` before it, wherever the input ends.)
enum HalvedRead {
    /// Files below this size are read in one piece: two threads save less than they cost.
    static let minimumBytes = 1 << 20

    /// The header the second half is read under.
    private static let header = Array("communities:\n".utf8)

    /// The document of `bytes` (UTF-8 already checked, without a byte-order mark), read in two halves
    /// at the same time; nil when the file is small, cannot be cut, or either half has any problem:
    /// the caller then reads it in one piece. `target` (tests) moves the cut's aim from the middle;
    /// `concurrently: false` (fuzzing, where threads would hide leaks) reads one half after the other;
    /// else the halves are read only when a second core is free (`SpareCore`), unless `anyLoad` (tests).
    static func read(_ bytes: [UInt8], file: String, limits: Limits, minimumBytes: Int = minimumBytes,
                     target: Int? = nil, concurrently: Bool = true, anyLoad: Bool = false) -> Read? {
        guard bytes.count >= minimumBytes, !concurrently || anyLoad || SpareCore.available,
              let cut = bytes.withUnsafeBufferPointer({ splitPoint(in: $0, near: target ?? balancedTarget(in: $0)) }),
              // The cut is found by line feeds: a line that another break starts (a CR alone, NEL, LS,
              // PS) is not seen, and could end the list or the document (`...`) before the cut.
              !bytes.withUnsafeBufferPointer({ hasBreaksOtherThanLineFeeds(UnsafeBufferPointer(rebasing: $0[..<cut])) })
        else { return nil }

        final class Half: @unchecked Sendable {
            var reader: YAMLReader
            var document: Document?
            var lineShift = 0
            var communities: EcosystemDecoder.CommunitiesReadAhead?
            init(_ reader: YAMLReader) { self.reader = reader }
            /// Read with nothing to report, and nothing (an alias, a merge key) a single read could differ in.
            var isClean: Bool { reader.diagnostics.isEmpty && !reader.readAlias && !reader.readMergeKey }
        }
        let first = Half(YAMLReader(file: file, limits: limits))
        let second = Half(YAMLReader(file: file, limits: limits))
        /// The joined document, made on the first half's thread when the halves are read at the same time.
        final class Joined: @unchecked Sendable {
            var document: (Document, Int32)?
        }
        let joined = Joined()
        let secondIsRead = DispatchSemaphore(value: 0)
        YAMLReader.setNestingGuard(limits)
        let readHalf: @Sendable (Int) -> Void = { index in
            if index == 0 {
                // Sized for the whole file: the second half is added to this store.
                first.document = first.reader.read(Array(bytes[..<cut]), guardIsSet: true, roomFor: bytes.count)
                readAhead(first, isFirst: true)
                if concurrently {
                    // The join only reads the second half's store, which is all its thread's read ahead
                    // does too: both go on at the same time.
                    secondIsRead.wait()
                    joined.document = joinHalves()
                }
            } else {
                // The header is line 1 of the second half; the cut's line is line 2 there. (Only line
                // feeds break the lines before the cut: checked above.)
                second.lineShift = bytes.withUnsafeBufferPointer { lineFeeds(in: UnsafeBufferPointer(rebasing: $0[..<cut])) } - 1
                second.document = second.reader.read(header + bytes[cut...], guardIsSet: true)
                secondIsRead.signal()
                readAhead(second, isFirst: false)
            }
        }
        /// The two halves joined, unless either has anything to report.
        @Sendable func joinHalves() -> (Document, Int32)? {
            guard first.isClean, second.isClean else { return nil }
            // A first half that ends its document with `...` is no document a single read continues.
            guard !first.reader.endsWithMarker else { return nil }
            guard let a = first.document, let b = second.document else { return nil }
            return join(a, b, lineShift: second.lineShift)
        }
        // Each half's communities are decoded on its thread as soon as it is read, unless the half has
        // something to report (then the file is read again in one piece anyway).
        @Sendable func readAhead(_ half: Half, isFirst: Bool) {
            guard half.isClean, let document = half.document else { return }
            let store = document.store
            let root = store.records[Int(document.root)]
            guard root.kind == .mapping, root.count >= 1 else { return }
            let pair = store.pairs[Int(root.start + (isFirst ? root.count - 1 : 0))]
            guard isPlainKey(store, pair.key, "communities") else { return }
            // This thread's own copy of the name: every location made holds it.
            let ownFile = String(decoding: Array(file.utf8), as: UTF8.self)
            half.communities = withExtendedLifetime(document) {
                EcosystemDecoder.readAhead(store.node(pair.value), file: ownFile, limits: limits,
                                           lineShift: half.lineShift)
            }
        }
        if concurrently {
            // A thread of its own for the second half (not a pool's, which may run both halves on one
            // thread: the first half waits for the second).
            let secondIsDone = DispatchSemaphore(value: 0)
            let thread = Thread {
                readHalf(1)
                secondIsDone.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            readHalf(0)
            secondIsDone.wait()
        } else {
            readHalf(0)
            readHalf(1)
        }
        guard let (document, offset) = concurrently ? joined.document : joinHalves() else { return nil }
        var read = Read(document: document)
        if let firstCommunities = first.communities, let secondCommunities = second.communities {
            read.readAhead = EcosystemDecoder.ReadAhead(first: firstCommunities, second: secondCommunities,
                                                        secondOffset: offset)
        }
        return read
    }

    /// A file read in two halves: the document a single read gives, and the communities read ahead.
    struct Read {
        var document: Document
        /// Both halves' communities, decoded as each half was read (nil when either half's could not be).
        var readAhead: EcosystemDecoder.ReadAhead?
    }

    /// What a byte from the `communities:` list on costs, against a byte before it: reading it, plus
    /// decoding the communities on their half's thread (a link, after the list, costs libyaml more
    /// events per byte instead). Measured on generated files (docs/performance.md).
    static let listCostFactor = 1.3
    /// Joining costs about this much of reading the second half's bytes, on the first half's thread.
    static let joinCostFactor = 0.12

    /// Where the cut should go for both threads to take equally long: bytes from the `communities:` list
    /// on weigh `listCostFactor`, the bytes before it 1, and the first thread also joins the second
    /// half. Only the balance depends on it: any cut gives the same document.
    static func balancedTarget(in b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = Double(b.count)
        guard let listStart = lineAfterCommunitiesKey(b) else { return b.count / 2 }
        let (start, w, j) = (Double(listStart), listCostFactor, joinCostFactor)
        // Before the cut x (past the list's start): start + w (x - start), plus j (n - x) for the join,
        // equals the rest: start + w (n - start) less the part before the cut.
        let x = (n * (w - j) + start * (w - 1)) / (2 * w - j)
        return Int(min(n, max(start, x)))
    }

    /// The start of an item line of the top-level `communities:` block list nearest to `target`, but
    /// never the first item; nil when there is no such list or no second item.
    static func splitPoint(in b: UnsafeBufferPointer<UInt8>, near target: Int) -> Int? {
        guard let listStart = lineAfterCommunitiesKey(b) else { return nil }
        // The list's indentation is its first item's.
        var line = listStart
        var indent = -1
        while line < b.count {
            let content = firstContent(b, line)
            let end = lineEnd(b, line)
            if content < end && b[content] != UInt8(ascii: "#") {
                guard isDash(b, content) else { return nil }
                indent = content - line
                break
            }
            line = end + 1
        }
        guard indent >= 0 else { return nil }
        // Items until something less indented (the next top-level key) ends the list.
        var best: Int?
        line = lineEnd(b, line) + 1
        while line < b.count {
            let content = firstContent(b, line)
            let end = lineEnd(b, line)
            if content < end && b[content] != UInt8(ascii: "#") && content - line <= indent {
                guard content - line == indent, isDash(b, content) else { break }
                if best == nil || abs(line - target) < abs(best! - target) { best = line }
                if line > target { break }
            }
            line = end + 1
        }
        return best
    }

    /// The offset of the line after `communities:` written at the start of a line with nothing after
    /// it but spaces or a comment; nil when there is none.
    private static func lineAfterCommunitiesKey(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Array("communities:".utf8)
        var line = 0
        while line < b.count {
            let end = lineEnd(b, line)
            if end - line >= key.count && (0..<key.count).allSatisfy({ b[line + $0] == key[$0] }) {
                var i = line + key.count
                while i < end && b[i] == 0x20 { i += 1 }
                if i == end || b[i] == UInt8(ascii: "#") || (b[i] == 0x0D && i + 1 == end) { return end + 1 }
                return nil
            }
            line = end + 1
        }
        return nil
    }

    /// The offset of the line feed that ends the line starting at `line` (or the end of the input).
    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, _ line: Int) -> Int {
        guard line < b.count, let base = b.baseAddress,
              let hit = memchr(base + line, 0x0A, b.count - line) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first byte of the line that is not a space (the line feed or `\r` when the line is blank).
    private static func firstContent(_ b: UnsafeBufferPointer<UInt8>, _ line: Int) -> Int {
        var i = line
        while i < b.count && b[i] == 0x20 { i += 1 }
        if i < b.count && b[i] == 0x0D { return lineEnd(b, line) }  // a blank line ending in CRLF
        return i
    }

    /// `-` followed by a space or a line break: a block list item.
    private static func isDash(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard b[i] == UInt8(ascii: "-") else { return false }
        return i + 1 == b.count || [0x20, 0x0A, 0x0D].contains(b[i + 1])
    }

    /// The line feeds in `b`, counted eight bytes at a time (a byte equal to LF becomes zero, and each
    /// zero byte sets its top bit).
    static func lineFeeds(in b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        var count = 0, i = 0
        let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let raw = UnsafeRawPointer(base)
        while i + 8 <= b.count {
            let t = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ lineFeeds
            count &+= (~(((t & low) &+ low) | t | low)).nonzeroBitCount
            i += 8
        }
        while i < b.count { count &+= b[i] == 0x0A ? 1 : 0; i += 1 }
        return count
    }

    /// Whether a line break other than LF and CRLF occurs: a CR alone, NEL, LS or PS.
    static func hasBreaksOtherThanLineFeeds(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var i = 0
        while i < b.count, let hit = memchr(base + i, 0x0D, b.count - i) {
            let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if j + 1 >= b.count || b[j + 1] != 0x0A { return true }
            i = j + 2
        }
        return hasNELOrLSOrPS(b)
    }

    /// Whether NEL (C2 85), LS or PS (E2 80 A8/A9) occurs (their lead bytes are looked for; other letters
    /// share them, so each hit is checked).
    private static func hasNELOrLSOrPS(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        for lead in [UInt8(0xC2), 0xE2] {
            var i = 0
            while i < n, let hit = memchr(base + i, Int32(lead), n - i) {
                let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let isBreak = lead == 0xC2
                    ? j + 1 < n && b[j + 1] == 0x85
                    : j + 2 < n && b[j + 1] == 0x80 && (b[j + 2] == 0xA8 || b[j + 2] == 0xA9)
                if isBreak { return true }
                i = j + 1
            }
        }
        return false
    }

    /// The whole file's document: the first half's root mapping, whose last key is `communities`,
    /// with the second half's items added to that list and the second half's other keys after it.
    /// Also gives where the second half's nodes are in the joined store (node `i` there is `i + offset`).
    private static func join(_ a: Document, _ b: Document, lineShift: Int) -> (Document, Int32)? {
        let first = a.store, second = b.store
        let rootA = first.records[Int(a.root)], rootB = second.records[Int(b.root)]
        guard rootA.kind == .mapping, rootA.count >= 1, rootB.kind == .mapping, rootB.count >= 1 else { return nil }
        let pairsA = first.pairs[Int(rootA.start)..<Int(rootA.start + rootA.count)]
        let pairsB = second.pairs[Int(rootB.start)..<Int(rootB.start + rootB.count)]
        let lastA = pairsA.last!, headerB = pairsB.first!
        let listA = first.records[Int(lastA.value)], listB = second.records[Int(headerB.value)]
        guard isPlainKey(first, lastA.key, "communities"), listA.kind == .sequence,
              isPlainKey(second, headerB.key, "communities"), second.records[Int(headerB.key)].line == 1,
              listB.kind == .sequence else { return nil }
        // A key in both halves is a duplicate a single read reports: read it so.
        var keysA = Set<String>()
        for pair in pairsA {
            let key = first.records[Int(pair.key)]
            guard key.kind == .scalar else { return nil }
            keysA.insert(first.string(of: key))
        }
        for pair in pairsB.dropFirst() {
            let key = second.records[Int(pair.key)]
            guard key.kind == .scalar, !keysA.contains(second.string(of: key)) else { return nil }
        }
        let itemsA = first.items[Int(listA.start)..<Int(listA.start + listA.count)]
        let itemsB = second.items[Int(listB.start)..<Int(listB.start + listB.count)]
        let restB = Array(pairsB.dropFirst())
        let offset = first.append(second, lineShift: lineShift)
        let list = first.addSequence(Array(itemsA) + itemsB.map { $0 &+ offset },
                                     line: Int(listA.line), column: Int(listA.column))
        var pairs = Array(pairsA.dropLast())
        pairs.append(DocumentStore.Pair(key: lastA.key, value: list))
        pairs += restB.map { DocumentStore.Pair(key: $0.key &+ offset, value: $0.value &+ offset) }
        let root = first.addMapping(pairs, line: Int(rootA.line), column: Int(rootA.column))
        return (Document(store: first, root: root), offset)
    }

    private static func isPlainKey(_ store: DocumentStore, _ node: Int32, _ text: StaticString) -> Bool {
        let record = store.records[Int(node)]
        return record.kind == .scalar && record.style == .plain && record.tag < 0 && store.textIs(record, text)
    }
}
