import Foundation

/// One token of a JSON document, in document order.
enum JSONToken: Equatable {
    case beginObject, endObject, beginArray, endArray
    /// An object key; its bytes (unescaped UTF-8) are in `JSONStream.value`.
    case key
    /// A string value; its bytes (unescaped UTF-8) are in `JSONStream.value`.
    case string
    /// A number; its text is in `JSONStream.value`.
    case number
    case bool(Bool)
    case null
    /// The end of the document (only after one complete value).
    case end
}

/// A pull tokenizer for JSON that reads its input in chunks, so memory stays bounded whatever the size of
/// the export. It checks the whole grammar (an export cut off in the middle is an error, never a shorter
/// list) and knows the byte offset, line and column of every token for error messages.
final class JSONStream {
    /// The name in error messages (a file, or `archive.zip:member`).
    let name: String
    /// Bytes of the last key, string or number.
    private(set) var value: [UInt8] = []
    /// Byte offset, line and column of the last token's first byte.
    private(set) var tokenOffset = 0
    private(set) var tokenLine = 1
    private(set) var tokenColumn = 1

    private let source: ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private var position = 0
    /// Bytes consumed before the current buffer.
    private var consumed = 0
    private var line = 1
    private var lineStart = 0
    private var atEOF = false

    private enum State { case start, keyOrEnd, key, value, valueOrEnd, commaOrEnd, done }
    private var state = State.start
    /// Open containers: true for an object, false for an array.
    private var stack: [Bool] = []
    /// When set, string bytes are not kept (skipping a value).
    private var discard = false

    static let maxDepth = 256
    static let maxStringBytes = 16 * 1024 * 1024

    init(source: ByteSource, name: String, chunk: Int = 1 << 18) {
        self.source = source
        self.name = name
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// The current byte offset (of the next unread byte).
    var offset: Int { consumed + position }

    /// An error at the last token.
    func error(_ message: String) -> MeasureError {
        MeasureError(file: name, line: tokenLine, column: tokenColumn, offset: tokenOffset, message: message)
    }

    /// An error at the next unread byte.
    private func errorHere(_ message: String) -> MeasureError {
        MeasureError(file: name, line: line, column: offset - lineStart + 1, offset: offset, message: message)
    }

    private func truncated() -> MeasureError {
        errorHere("the JSON ends in the middle of the document (is the export truncated?)")
    }

    // MARK: - Bytes

    @inline(__always)
    private func peek() throws(MeasureError) -> UInt8? {
        if position < count { return buffer[position] }
        return try refill() ? buffer[position] : nil
    }

    private func refill() throws(MeasureError) -> Bool {
        if atEOF { return false }
        consumed += count
        position = 0
        do {
            count = try source.read(into: buffer)
        } catch {
            throw errorHere("cannot read the export: \(error)")
        }
        if count == 0 { atEOF = true }
        return count > 0
    }

    @inline(__always)
    private func advance() { position += 1 }

    private func skipWhitespace() throws(MeasureError) {
        while true {
            while position < count {
                let c = buffer[position]
                if c == 0x20 || c == 0x09 || c == 0x0D {
                    position += 1
                } else if c == 0x0A {
                    position += 1
                    line += 1
                    lineStart = consumed + position
                } else {
                    return
                }
            }
            if try !refill() { return }
        }
    }

    private func markToken() {
        tokenOffset = offset
        tokenLine = line
        tokenColumn = offset - lineStart + 1
    }

    // MARK: - Tokens

    /// The next token; throws on any deviation from the JSON grammar, with its position.
    func next() throws(MeasureError) -> JSONToken {
        try skipWhitespace()
        markToken()
        guard let c = try peek() else {
            if state == .done { return .end }
            throw truncated()
        }
        switch state {
        case .done:
            throw error("unexpected text after the end of the JSON document")
        case .keyOrEnd, .key:
            if c == UInt8(ascii: "}") && state == .keyOrEnd {
                advance()
                return closeContainer(object: true)
            }
            guard c == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(describe(c))") }
            try readString()
            try skipWhitespace()
            guard let colon = try peek() else { throw truncated() }
            guard colon == UInt8(ascii: ":") else { throw errorHere("expected `:` after a key, found \(describe(colon))") }
            advance()
            state = .value
            return .key
        case .commaOrEnd:
            let inObject = stack.last!
            if c == UInt8(ascii: ",") {
                advance()
                state = inObject ? .key : .value
                return try next()
            }
            if c == UInt8(ascii: inObject ? "}" : "]") {
                advance()
                return closeContainer(object: inObject)
            }
            throw error("expected `,` or `\(inObject ? "}" : "]")`, found \(describe(c))")
        case .start, .value, .valueOrEnd:
            if c == UInt8(ascii: "]") && state == .valueOrEnd {
                advance()
                return closeContainer(object: false)
            }
            return try readValueStart(c)
        }
    }

    private func closeContainer(object: Bool) -> JSONToken {
        stack.removeLast()
        state = stack.isEmpty ? .done : .commaOrEnd
        return object ? .endObject : .endArray
    }

    private func readValueStart(_ c: UInt8) throws(MeasureError) -> JSONToken {
        switch c {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < Self.maxDepth else { throw error("JSON nested deeper than \(Self.maxDepth) levels") }
            advance()
            let object = c == UInt8(ascii: "{")
            stack.append(object)
            state = object ? .keyOrEnd : .valueOrEnd
            return object ? .beginObject : .beginArray
        case UInt8(ascii: "\""):
            try readString()
            state = stack.isEmpty ? .done : .commaOrEnd
            return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber()
            state = stack.isEmpty ? .done : .commaOrEnd
            return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let token: JSONToken = c == UInt8(ascii: "t") ? .bool(true) : c == UInt8(ascii: "f") ? .bool(false) : .null
            let word: StaticString = c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null"
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for expected in bytes {
                guard let b = try peek() else { throw truncated() }
                guard b == expected else { throw error("invalid literal; expected `\(word)`") }
                advance()
            }
            state = stack.isEmpty ? .done : .commaOrEnd
            return token
        default:
            throw error("expected a JSON value, found \(describe(c))")
        }
    }

    private func describe(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "`\(Character(Unicode.Scalar(c)))`" : String(format: "byte 0x%02X", c)
    }

    private func readString() throws(MeasureError) {
        advance()  // opening quote
        value.removeAll(keepingCapacity: true)
        while true {
            // Fast path: copy plain bytes up to a quote, backslash or control byte.
            while position < count {
                let c = buffer[position]
                if c == UInt8(ascii: "\"") {
                    position += 1
                    return
                }
                if c == UInt8(ascii: "\\") || c < 0x20 { break }
                if !discard { value.append(c) }
                position += 1
            }
            guard let c = try peek() else { throw truncated() }
            if c == UInt8(ascii: "\"") { continue }
            if c < 0x20 {
                throw errorHere("control character \(String(format: "0x%02X", c)) inside a JSON string (a line break must be written \\n)")
            }
            if c == UInt8(ascii: "\\") {
                advance()
                guard let e = try peek() else { throw truncated() }
                advance()
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): append(e)
                case UInt8(ascii: "b"): append(0x08)
                case UInt8(ascii: "f"): append(0x0C)
                case UInt8(ascii: "n"): append(0x0A)
                case UInt8(ascii: "r"): append(0x0D)
                case UInt8(ascii: "t"): append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by `\u` and a low one.
                        guard try peek() == UInt8(ascii: "\\") else { scalar = 0xFFFD; appendScalar(scalar); break }
                        advance()
                        guard try peek() == UInt8(ascii: "u") else { throw errorHere("invalid escape after a surrogate") }
                        advance()
                        let low = try hex4()
                        scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    appendScalar(scalar)
                default:
                    throw errorHere("invalid escape `\\\(Character(Unicode.Scalar(e)))` in a JSON string")
                }
            }
            if value.count > Self.maxStringBytes {
                throw error("a JSON string longer than \(Self.maxStringBytes) bytes")
            }
        }
    }

    @inline(__always)
    private func append(_ b: UInt8) { if !discard { value.append(b) } }

    private func appendScalar(_ v: UInt32) {
        guard !discard else { return }
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        value.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private func hex4() throws(MeasureError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = try peek() else { throw truncated() }
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw errorHere("invalid \\u escape in a JSON string")
            }
            v = v << 4 | d
            advance()
        }
        return v
    }

    private func readNumber() throws(MeasureError) {
        value.removeAll(keepingCapacity: true)
        while let c = try peek() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                value.append(c)
                advance()
                if value.count > 64 { throw error("a number longer than 64 characters") }
            default:
                guard Self.isJSONNumber(value) else { throw error("invalid number `\(String(decoding: value, as: UTF8.self))`") }
                return
            }
        }
        // A number may only end the input when it is the whole document.
        guard stack.isEmpty, Self.isJSONNumber(value) else { throw truncated() }
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isJSONNumber(_ b: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    // MARK: - Helpers for readers

    /// Skips the value whose first token was `token` (a whole object or array, or nothing for a scalar).
    func skip(after token: JSONToken) throws(MeasureError) {
        guard token == .beginObject || token == .beginArray else { return }
        let wasDiscarding = discard
        discard = true
        defer { discard = wasDiscarding }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            default: break
            }
        }
    }

    /// Reads the next value and skips it.
    func skipValue() throws(MeasureError) { try skip(after: try next()) }

    /// Whether the last key or string is exactly `text`.
    func valueIs(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard value.count == n else { return false }
        let p = text.utf8Start
        for i in 0..<n where value[i] != p[i] { return false }
        return true
    }

    /// The last key, string or number as text.
    var text: String { String(decoding: value, as: UTF8.self) }

    /// The last number as an integer, if it is one.
    var integer: Int? { Int(text) }

    /// Reads a string value (or null); anything else is an error naming `field`.
    func stringOrNull(_ field: String) throws(MeasureError) -> String? {
        switch try next() {
        case .string: return text
        case .null: return nil
        default: throw error("`\(field)` must be text")
        }
    }

    /// Reads a whole-number value (or null); anything else is an error naming `field`.
    func integerOrNull(_ field: String) throws(MeasureError) -> Int? {
        switch try next() {
        case .number:
            guard let v = integer, v >= 0 else { throw error("`\(field)` must be a whole number of 0 or more, found \(text)") }
            return v
        case .null: return nil
        default: throw error("`\(field)` must be a number")
        }
    }

    /// Reads a boolean value (or null).
    func boolOrNull(_ field: String) throws(MeasureError) -> Bool? {
        switch try next() {
        case .bool(let b): return b
        case .null: return nil
        default: throw error("`\(field)` must be true or false")
        }
    }

    /// Expects the start of an object (true) or null (false).
    func beginObjectOrNull(_ field: String) throws(MeasureError) -> Bool {
        switch try next() {
        case .beginObject: return true
        case .null: return false
        default: throw error("`\(field)` must be an object")
        }
    }

    /// Expects the start of an array (true) or null (false).
    func beginArrayOrNull(_ field: String) throws(MeasureError) -> Bool {
        switch try next() {
        case .beginArray: return true
        case .null: return false
        default: throw error("`\(field)` must be a list")
        }
    }

    /// Within an object: the next key (true), or the end of the object (false).
    func nextKey() throws(MeasureError) -> Bool {
        switch try next() {
        case .key: return true
        case .endObject: return false
        default: throw error("expected a key")  // the grammar check makes this unreachable
        }
    }
}
