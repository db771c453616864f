import EcomapModel

/// The keys one kind of mapping may have, as a type: each case is a key, its raw value the key's
/// position in `keys`, so that reading a field compares no text.
protocol FieldKey: RawRepresentable, CaseIterable where RawValue == Int {
    /// The keys as written in the file, in raw-value order: each case's name in snake case
    /// (`funnelStep` is `funnel_step`).
    static var keys: KeySet { get }
}

extension FieldKey {
    /// The key as written in the file.
    var name: String { Self.keys.names[rawValue] }
}

/// Keys known by name only: mappings read once per file, or whose keys come from elsewhere (palette
/// slots). Such fields are read with the name subscript.
struct NamedKey: FieldKey {
    let rawValue: Int
    init(rawValue: Int) { self.rawValue = rawValue }
    static var allCases: [NamedKey] { [] }
    static let keys = KeySet([])
}

/// The keys of one mapping after unknown keys were reported: each known key's value node by the key's
/// position, held inline (no allocation per mapping).
struct Fields<Key: FieldKey> {
    /// The mapping the fields were read from.
    let node: DocumentNode
    /// The keys it may have, when they are not `Key.keys` (fields read by name).
    private let names: KeySet?
    /// The value node of each key present, by the key's position in `Key.keys` (or `names`); -1 where absent.
    private var values = SIMD32<Int32>(repeating: -1)

    init(node: DocumentNode, names: KeySet? = nil) {
        self.node = node
        self.names = names
    }

    /// Where the mapping starts (made when a message asks for it).
    var location: SourceLocation { node.location }

    subscript(_ key: Key) -> DocumentNode? { value(at: key.rawValue) }

    /// The value of the key spelt `name` (one of `keys`).
    subscript(_ name: String) -> DocumentNode? {
        guard let position = (names ?? Key.keys).names.firstIndex(of: name) else { return nil }
        return value(at: position)
    }

    private func value(at position: Int) -> DocumentNode? {
        let id = values[position]
        return id >= 0 ? DocumentNode(store: node.store, id: id) : nil
    }

    /// Sets the key at `position` of `keys`; a key given again replaces the earlier value.
    mutating func set(position: Int, _ value: DocumentNode) {
        values[position] = value.id
    }

    /// True when the key is present with something other than an empty value.
    func has(_ key: Key) -> Bool {
        guard let node = self[key] else { return false }
        return !node.isEmptyScalar
    }
}

/// The keys a mapping may have (at most 32, as `Fields` holds them), or the raw values of a
/// `FileValue`: names matched by their bytes.
final class KeySet: Sendable {
    let names: [String]
    /// Each name's length and first eight bytes (`prefix(of:)`): most names are told apart by these.
    private let lengths: [Int]
    private let prefixes: [UInt64]
    /// Every name's bytes, one after the other; name `i` starts at `starts[i]`.
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ names: [String]) {
        // `Fields` holds up to 32 values inline.
        precondition(names.count <= 32, "a key set has at most 32 keys")
        self.names = names
        lengths = names.map(\.utf8.count)
        prefixes = names.map { name in Array(name.utf8).withUnsafeBufferPointer(Self.prefix(of:)) }
        bytes = names.flatMap(\.utf8)
        starts = lengths.reduce(into: [0]) { starts, length in starts.append(starts.last! + length) }
    }

    /// The first eight bytes of `text` as one number (zeros past its end).
    static func prefix(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(8, text.count) { word |= UInt64(text[i]) << (8 * UInt64(i)) }
        return word
    }

    /// The position of the name spelt `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = key.count
        let prefix = Self.prefix(of: key)
        for i in 0..<lengths.count where lengths[i] == n && prefixes[i] == prefix {
            if n <= 8 { return i }
            let same = bytes.withUnsafeBufferPointer { all in
                sameBytes(UnsafeBufferPointer(rebasing: all[(starts[i] + 8)..<(starts[i] + n)]),
                          UnsafeBufferPointer(rebasing: key[8...]))
            }
            if same { return i }
        }
        return nil
    }
}

/// True when `a` and `b` hold the same bytes.
@inline(__always) func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }  // both empty
    return memcmp(x, y, a.count) == 0
}

/// True when `text` is spelt with exactly `bytes` (not only canonically equivalent to them).
func sameBytes(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { sameBytes($0, bytes) }
}

/// True when `a` and `b` are spelt with the same bytes (not only canonically equivalent).
func sameBytes(_ a: String, _ b: String) -> Bool {
    var b = b
    return b.withUTF8 { sameBytes(a, $0) }
}

/// A fixed set of values read from files (`channel`, `phase`, ...), matched by bytes before any
/// `String` is made.
protocol FileValue: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// Every case's raw value as bytes, made once per type (`ValueBytes()`).
    static var valueBytes: ValueBytes<Self> { get }
}

/// The raw values of a `FileValue` type, matched by their bytes.
struct ValueBytes<Value: FileValue>: Sendable {
    private let cases: [Value]
    private let rawValues: KeySet

    init() {
        cases = Array(Value.allCases)
        rawValues = KeySet(cases.map(\.rawValue))
    }

    /// The case whose raw value is exactly `text`, byte for byte, or nil.
    func value(spelt text: UnsafeBufferPointer<UInt8>) -> Value? {
        rawValues.index(of: text).map { cases[$0] }
    }
}

extension Channel: FileValue { static let valueBytes = ValueBytes<Channel>() }
extension Presence: FileValue { static let valueBytes = ValueBytes<Presence>() }
extension Scope: FileValue { static let valueBytes = ValueBytes<Scope>() }
extension Sentiment: FileValue { static let valueBytes = ValueBytes<Sentiment>() }
extension Phase: FileValue { static let valueBytes = ValueBytes<Phase>() }
extension Goal: FileValue { static let valueBytes = ValueBytes<Goal>() }
extension FunnelStep: FileValue { static let valueBytes = ValueBytes<FunnelStep>() }
extension StakeholderRole: FileValue { static let valueBytes = ValueBytes<StakeholderRole>() }
extension SourceFormat: FileValue { static let valueBytes = ValueBytes<SourceFormat>() }
extension LayoutEngine: FileValue { static let valueBytes = ValueBytes<LayoutEngine>() }
extension Theme: FileValue { static let valueBytes = ValueBytes<Theme>() }
extension GroupBy: FileValue { static let valueBytes = ValueBytes<GroupBy>() }

/// Typed reading of document nodes, recording a diagnostic for every problem and returning nil then.
/// Shared by the YAML and CSV paths, so both give the same messages.
struct FieldReader {
    let limits: Limits
    var diagnostics: [Diagnostic] = []
    /// Shared by every "did you mean" in the file (keys, values, ids, topics).
    var hints = HintBudget()

    init(limits: Limits) { self.limits = limits }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// Reads a mapping, reporting keys outside `known` with the nearest known key.
    mutating func fields(_ node: DocumentNode, known: [String], what: String) -> Fields<NamedKey>? {
        let keys = KeySet(known)
        return fields(node, keys: keys, names: keys, what: what)
    }

    /// Reads a mapping whose keys are `Key`, reporting any other key with the nearest known key.
    mutating func fields<Key: FieldKey>(_ node: DocumentNode, _ key: Key.Type, what: String) -> Fields<Key>? {
        fields(node, keys: Key.keys, names: nil, what: what)
    }

    /// Known keys are ASCII, so a key is one of them exactly when its bytes are: no `String` is made
    /// for a key unless it is reported.
    private mutating func fields<Key: FieldKey>(_ node: DocumentNode, keys known: KeySet, names: KeySet?,
                                                what: String) -> Fields<Key>? {
        guard node.kind == .mapping else {
            error("\(what) must be a mapping, found \(node.typeName)", at: node.location)
            return nil
        }
        let pairs = node.pairs
        var fields = Fields<Key>(node: node, names: names)
        for pair in pairs {
            let keyNode = pair.key
            let record = keyNode.record
            guard record.kind == .scalar else {
                error("keys in \(what) must be text, found \(keyNode.typeName)", at: keyNode.location)
                continue
            }
            guard let match = known.index(of: keyNode.bytes) else {
                let key = keyNode.text
                error("unknown key `\(key)` in \(what)\(Suggestions.hint(for: key, in: known.names, budget: &hints))",
                      at: keyNode.location)
                continue
            }
            fields.set(position: match, pair.value)
        }
        return fields
    }

    // MARK: - Text

    /// Text exactly as written; nil when omitted or empty. Rejects control characters and overlong text.
    mutating func text(_ node: DocumentNode?, _ field: String) -> String? {
        guard let node else { return nil }
        let r = node.record
        guard r.kind == .scalar else {
            error("`\(field)` must be text, found \(node.typeName)", at: node.location)
            return nil
        }
        if r.count == 0 { return nil }  // `""` says no more than leaving the key out
        return checkedText(node, field)
    }

    /// Validates a scalar node's text like `checkedText(_:_:)`, reading its bytes in place: a `String`
    /// is made only for text that is kept, or for a message.
    mutating func checkedText(_ node: DocumentNode, _ field: String) -> String? {
        let r = node.record
        if r.kind == .scalar {
            let bytes = node.bytes
            if bytes.count <= limits.maxTextBytes && !Self.mayHoldControl(bytes) { return node.text }
        }
        guard let scalar = node.scalar else { return nil }
        return checkedText(scalar, field)
    }

    /// Checks a scalar node's text like `checkedText(_:_:)` without making a `String` when it is fine.
    mutating func isValidText(_ node: DocumentNode, _ field: String) -> Bool {
        let r = node.record
        guard r.kind == .scalar else { return false }
        let bytes = node.bytes
        if bytes.count <= limits.maxTextBytes && !Self.mayHoldControl(bytes) { return true }
        return node.scalar.map { checkedText($0, field) != nil } ?? false
    }

    /// True when the UTF-8 `bytes` have a byte that starts a forbidden control character (below 0x20,
    /// 0x7F, or C2 before 80-9F); false means none is there.
    static func mayHoldControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        // Eight bytes at a time: a byte below 0x20 leaves a high bit in (w - 0x20..) & ~w & 0x80..,
        // a byte equal to b a zero byte in w ^ bb.. (the usual word tests, exact for "is there one").
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let del = w ^ (ones &* 0x7F), c2 = w ^ (ones &* 0xC2)
            let found = ((w &- ones &* 0x20) & ~w) | ((del &- ones) & ~del) | ((c2 &- ones) & ~c2)
            if found & highs != 0 { return true }
            i += 8
        }
        while i < n {
            let byte = base[i]
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 { return true }
            i += 1
        }
        return false
    }

    /// Validates one text scalar: no control characters, within the length limit.
    mutating func checkedText(_ scalar: Scalar, _ field: String) -> String? {
        if scalar.text.utf8.count > limits.maxTextBytes {
            error("`\(field)` is longer than \(limits.maxTextBytes) bytes (limit: text length)", at: scalar.location)
            return nil
        }
        // Forbidden characters are all below 0x20, 0x7F, or C2 80-9F in UTF-8: skip the scalar walk
        // when no such byte occurs.
        var text = scalar.text
        let suspicious = text.withUTF8(Self.mayHoldControl)
        if suspicious, let bad = scalar.text.unicodeScalars.first(where: Self.isForbiddenControl) {
            error("`\(field)` contains the control character \(Self.codePoint(bad)), which is not allowed in text",
                  at: scalar.location)
            return nil
        }
        return scalar.text
    }

    /// Text trimmed of spaces and in lower case, for matching a value against a fixed set; text that
    /// is already so (ASCII without capitals or spaces) is returned as it is.
    static func folded(_ text: String) -> String {
        for byte in text.utf8 where byte >= 0x80 || byte <= 0x20 || (byte >= 0x41 && byte <= 0x5A) {
            return text.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return text
    }

    /// ASCII without capital letters.
    static func isLowercaseASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return false }
            return true
        }
    }

    /// `U+00AD`: a code point as Unicode writes it, at least four hex digits.
    static func codePoint(_ s: Unicode.Scalar) -> String { codePoint(Int32(bitPattern: s.value)) }

    static func codePoint(_ value: Int32) -> String {
        let code = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
    }

    static func isForbiddenControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// A list of texts (`tags`, `topics`), each with its node; each item is checked like any text.
    mutating func textList(_ node: DocumentNode?, _ field: String) -> [(text: String, node: DocumentNode)]? {
        textNodes(node, field).map { items in items.map { (text: $0.text, node: $0) } }
    }

    /// The items of a list of texts, checked like `textList` (the same messages), as nodes: for a caller
    /// that needs no `String` for most items.
    mutating func textNodes(_ node: DocumentNode?, _ field: String) -> [DocumentNode]? {
        guard let node else { return nil }
        switch node.kind {
        case .scalar where node.scalar?.isNull == true:
            return nil
        case .sequence:
            let items = node.items
            var result: [DocumentNode] = []
            result.reserveCapacity(items.count)
            for item in items {
                let r = item.record
                guard r.kind == .scalar else {
                    error("items of `\(field)` must be text, found \(item.typeName)", at: item.location)
                    continue
                }
                guard r.count > 0 else {
                    error("items of `\(field)` must not be empty", at: item.location)
                    continue
                }
                if isValidText(item, field) { result.append(item) }
            }
            return result
        default:
            error("`\(field)` must be a list, found \(node.typeName)", at: node.location)
            return nil
        }
    }

    // MARK: - Numbers

    private static let numberCharacters = Set("0123456789.eE+-_")

    /// A finite, non-negative number; nil when omitted, empty or null (unknown).
    /// - Parameter whole: counts (members, reach, followers) must be whole numbers.
    mutating func number(_ node: DocumentNode?, _ field: String, whole: Bool) -> Double? {
        guard let node else { return nil }
        if let value = Self.quickNumber(node, whole: whole), value <= limits.maxCount { return value }
        guard let scalar = node.scalar else {
            error("`\(field)` must be a number, found \(node.typeName)", at: node.location)
            return nil
        }
        if scalar.isNull { return nil }
        let expected = whole ? "a whole number" : "a number"
        if let thousands = Self.europeanThousands(scalar) {
            // `48.000` is 48 to YAML, but a Dutch or German writer means 48000.
            let lead = scalar.text.prefix { $0 != "." }
            var tail = String(scalar.text.drop { $0 != "." }.dropFirst())
            while tail.count > 1 && tail.hasSuffix("0") { tail.removeLast() }
            let single = scalar.text.filter { $0 == "." }.count == 1
            if whole || !single {
                error("`\(field): \(scalar.text)` looks like \(thousands) written with a thousands point, but YAML "
                      + (single ? "reads it as \(lead).\(tail)" : "does not read it as a number")
                      + "; write \(thousands) if you mean \(thousands)"
                      + (single && whole && tail == "0" ? ", or \(lead).0 if you mean \(lead)" : "")
                      + (single && !whole ? ", or \(lead).\(tail) if you mean \(lead).\(tail)" : ""), at: scalar.location)
                return nil
            }
            warning("`\(field): \(scalar.text)` is read as \(lead).\(tail); if you meant \(thousands), write \(thousands) "
                    + "(YAML numbers have no thousands separator); write \(lead).\(tail) to keep this reading without a warning",
                    at: scalar.location)
        }
        guard let value = parseNumber(scalar) else {
            if let percent = Self.percentage(scalar.text) {
                error("`\(field)` takes \(expected), not a percentage; found \(Self.quoted(scalar.text)), write "
                      + "\(Self.fraction(percent)) without `%`", at: scalar.location)
                return nil
            }
            error("`\(field)` must be \(expected), found \(Self.quoted(scalar.text))", at: scalar.location)
            return nil
        }
        guard value.isFinite else {
            error("`\(field)` must be a finite number, found \(scalar.text)", at: scalar.location)
            return nil
        }
        guard value >= 0 else {
            error("`\(field)` must be 0 or more, found \(scalar.text)", at: scalar.location)
            return nil
        }
        if whole && value.rounded() != value {
            error("`\(field)` must be a whole number, found \(scalar.text)", at: scalar.location)
            return nil
        }
        guard value <= limits.maxCount else {
            error("`\(field)` is larger than \(Self.compact(limits.maxCount)) (limit: counts)", at: scalar.location)
            return nil
        }
        return value
    }

    /// The thousands a plain scalar like `48.000` or `1.234.567` means when its points group thousands
    /// (a lead of 1-3 digits not starting with 0, then groups of three); nil for anything else.
    static func europeanThousands(_ scalar: Scalar) -> String? {
        guard scalar.style == .plain, scalar.tag == nil, scalar.text.utf8.first != UInt8(ascii: "0") else { return nil }
        var run = 0, points = 0
        for byte in scalar.text.utf8 {
            if byte == UInt8(ascii: ".") {
                // The lead group has 1-3 digits, every later group 3.
                guard points == 0 ? (1...3).contains(run) : run == 3 else { return nil }
                points += 1
                run = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                run += 1
            } else {
                return nil
            }
        }
        guard points >= 1, run == 3 else { return nil }
        return scalar.text.filter { $0 != "." }
    }

    /// `40%` or `40 %` as the number 40; nil for anything else.
    static func percentage(_ text: String) -> Double? {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(number), value.isFinite else { return nil }
        return value / 100
    }

    /// A fraction for a message: `0.8`, `0.35`, at most four decimals.
    static func fraction(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A count that fits an `Int`.
    mutating func count(_ node: DocumentNode?, _ field: String) -> Int? {
        number(node, field, whole: true).map { Int($0) }
    }

    /// Parses a plain scalar as YAML 1.1 would (digits, `_` separators, sign, exponent, `.inf`, `.nan`).
    /// Quoted text and `!!str` are never numbers.
    func parseNumber(_ scalar: Scalar) -> Double? {
        guard scalar.style == .plain,
              scalar.tag == nil || scalar.tag == "tag:yaml.org,2002:int" || scalar.tag == "tag:yaml.org,2002:float"
        else { return nil }
        let text = scalar.text
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if let value = Self.simpleDecimal(text) { return value }
        guard !text.isEmpty, text.allSatisfy(Self.numberCharacters.contains),
              text.first != "_", text.last != "_"
        else { return nil }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if let int = Int(cleaned) { return Double(int) }
        return Double(cleaned)
    }

    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    /// The common case read straight from the document's bytes, without a `String`: a plain scalar
    /// of digits (at most 15 bytes), with one inner `.` where a fraction is allowed. Gives the value
    /// `number` would, and nil for everything that may need a diagnostic (a `48.000` that could be
    /// thousands, a fraction where a whole number is expected), which then takes the full path.
    static func quickNumber(_ node: DocumentNode, whole: Bool) -> Double? {
        let r = node.record
        guard r.kind == .scalar, r.style == .plain, r.tag < 0, r.count > 0, r.count <= 15 else { return nil }
        let bytes = node.bytes
        var mantissa = 0, fractionDigits = 0, point = -1
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(b &- UInt8(ascii: "0"))
                if point >= 0 { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && point < 0 && i > 0 {
                point = i
            } else {
                return nil
            }
        }
        guard point >= 0 else { return Double(mantissa) }
        if whole || fractionDigits == 0 { return nil }
        if fractionDigits == 3 && point <= 3 && bytes[0] != UInt8(ascii: "0") { return nil }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    /// The common case without allocation: ASCII digits with at most one inner `.`, at most 15
    /// digits. Both the digit string and 10^k are exact doubles and division rounds correctly, so the
    /// result is the same correctly rounded value that `Double(text)` gives. Nil for anything else.
    static func simpleDecimal(_ text: String) -> Double? {
        var mantissa = 0, digits = 0, fractionDigits = 0, seenPoint = false, count = 0
        for byte in text.utf8 {
            count += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fractionDigits += 1 }
                if digits > 15 { return nil }
            case UInt8(ascii: "."):
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard digits > 0, !(seenPoint && fractionDigits == 0) else { return nil }
        return fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
    }

    /// A link weight: 0 < weight <= 1; nil when omitted (the caller applies the default).
    mutating func weight(_ node: DocumentNode?, _ field: String = "weight") -> Double?? {
        guard let node else { return .some(nil) }
        if let value = Self.quickNumber(node, whole: false), value > 0, value <= 1 { return .some(value) }
        if node.isEmptyScalar { return .some(nil) }
        guard let scalar = node.scalar else {
            error("`\(field)` must be a number, found \(node.typeName)", at: node.location)
            return nil
        }
        guard let value = parseNumber(scalar) else {
            if let percent = Self.percentage(scalar.text), percent > 0, percent <= 1 {
                error("`\(field)` is a fraction between 0 and 1, not a percentage: write \(Self.fraction(percent)) "
                      + "for \(Self.quoted(scalar.text))", at: scalar.location)
                return nil
            }
            if scalar.style == .plain, scalar.text.filter({ $0 == "," }).count == 1,
               let value = Double(scalar.text.replacingOccurrences(of: ",", with: ".")), value > 0, value <= 1 {
                error("`\(field)` must be written with a decimal point: write \(Self.fraction(value)) for \(scalar.text)",
                      at: scalar.location)
                return nil
            }
            error("`\(field)` must be a number greater than 0 and at most 1, found \(Self.quoted(scalar.text))",
                  at: scalar.location)
            return nil
        }
        if value.isFinite, value >= 10, value <= 100, value.rounded() == value {
            error("`\(field)` must be greater than 0 and at most 1, found \(scalar.text); weights are fractions: "
                  + "write \(Self.fraction(value / 100)) for \(Self.compactPercent(value))%", at: scalar.location)
            return nil
        }
        guard value.isFinite, value > 0, value <= 1 else {
            error("`\(field)` must be greater than 0 and at most 1, found \(scalar.text)", at: scalar.location)
            return nil
        }
        return .some(value)
    }

    // MARK: - Other scalars

    /// A value from a fixed set, reported with the nearest allowed value when misspelt.
    mutating func enumeration<E: FileValue>(_ node: DocumentNode?, _ field: String, _ type: E.Type = E.self) -> E? {
        guard let node else { return nil }
        // Most values are written exactly as a raw value: matched by their bytes, without a `String`.
        let r = node.record
        if r.kind == .scalar, let value = E.valueBytes.value(spelt: node.bytes) { return value }
        guard let scalar = node.scalar else {
            error("`\(field)` must be one of \(Self.choices(E.self)), found \(node.typeName)", at: node.location)
            return nil
        }
        if scalar.isNull { return nil }
        if let value = E(rawValue: scalar.text) { return value }
        let folded = scalar.text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = E(rawValue: folded) { return value }
        if let alias = ValueAliases.alias(folded, for: field), let value = E(rawValue: alias) { return value }
        let names = E.allCases.map(\.rawValue)
        error("`\(field)` must be one of \(Self.choices(E.self)), found \(Self.quoted(scalar.text))"
              + Suggestions.hint(for: scalar.text, in: names, closeOnly: true, budget: &hints), at: scalar.location)
        return nil
    }

    /// A list of values from a fixed set.
    mutating func enumerationList<E: FileValue>(_ node: DocumentNode?, _ field: String, _ type: E.Type = E.self) -> [E] {
        guard let node else { return [] }
        switch node.kind {
        case .scalar where node.scalar?.isNull == true:
            return []
        case .sequence:
            let items = node.items
            var values: [E] = []
            values.reserveCapacity(items.count)
            for item in items { if let value = enumeration(item, field, E.self) { values.append(value) } }
            return values
        default:
            error("`\(field)` must be a list of \(Self.choices(E.self)), found \(node.typeName)", at: node.location)
            return []
        }
    }

    /// YAML 1.1 booleans as Yams reads them (true/false, yes/no, on/off in their usual spellings).
    mutating func bool(_ node: DocumentNode?, _ field: String) -> Bool? {
        guard let node else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain else {
            error("`\(field)` must be true or false, found \(node.typeName == "a value" ? "text" : node.typeName)",
                  at: node.location)
            return nil
        }
        if scalar.isEmpty { return nil }
        switch scalar.text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default:
            error("`\(field)` must be true or false, found \(Self.quoted(scalar.text))", at: scalar.location)
            return nil
        }
    }

    /// A whole number with no sign restrictions beyond the caller's (e.g. `version`, `label_top`).
    mutating func integer(_ node: DocumentNode?, _ field: String) -> Int? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            error("`\(field)` must be a whole number, found \(node.typeName)", at: node.location)
            return nil
        }
        if scalar.isEmpty { return nil }
        guard let value = parseNumber(scalar), value.isFinite, value.rounded() == value, abs(value) < 1e15 else {
            error("`\(field)` must be a whole number, found \(Self.quoted(scalar.text))", at: scalar.location)
            return nil
        }
        return Int(value)
    }

    static func choices<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> String where E.RawValue == String {
        E.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// Shows a found value in a message: short, on one line.
    static func quoted(_ text: String) -> String {
        var shown = text.unicodeScalars.map { s -> String in
            if isForbiddenControl(s) || s == "\n" || s == "\r" || s == "\t" { return "?" }
            // Invisible characters are named, or the message would show two identical-looking texts.
            if EcosystemDecoder.isInvisible(s) { return "<\(codePoint(s))>" }
            return String(s)
        }.joined()
        if shown.count > 40 { shown = String(shown.prefix(40)) + "…" }
        return "\"\(shown)\""
    }

    static func compactPercent(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : fraction(value)
    }

    static func compact(_ value: Double) -> String {
        value >= 1e6 ? "1e\(Int(log10(value).rounded()))" : String(Int(value))
    }
}

import Foundation
