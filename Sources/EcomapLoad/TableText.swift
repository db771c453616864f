import EcomapModel

/// The text encodings a spreadsheet program writes a table in.
enum TableEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with a byte-order mark"
    case utf16LE = "UTF-16 little-endian (Excel's \"Unicode text\")"
    case utf16BE = "UTF-16 big-endian"
    case windows1252 = "Windows-1252 (Western European)"
}

/// Decodes the bytes of a CSV or tab-separated table as the program that wrote it meant them:
/// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or Windows-1252
/// (what Excel's "CSV (Comma delimited)" writes on a Western European Windows). Anything else is
/// refused at the first character that cannot be read, with the option to choose instead.
enum TableText {
    /// What to choose in the spreadsheet program to get a file ecomap reads without guessing.
    static let saveAdvice = "save it again as UTF-8: in Excel choose \"CSV UTF-8 (Comma delimited)\", "
        + "in LibreOffice Calc tick \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\""

    struct Decoded {
        var text: String
        var encoding: TableEncoding
    }

    static func decode(_ bytes: [UInt8], file: String) -> Result<Decoded, Diagnostic> {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return .failure(.error("the file is UTF-32 encoded, which ecomap does not read; \(saveAdvice)",
                                   at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false, file: file) }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        if let nul = body.firstIndex(of: 0) {
            // NUL bytes between ASCII letters: UTF-16 saved without its byte-order mark.
            let looksUTF16 = body.count >= 4 && (body[1] == 0 || body[0] == 0)
            let why = looksUTF16 ? "it looks like UTF-16 without a byte-order mark" : "it contains a NUL byte"
            return .failure(.error("cannot read the table: \(why); \(saveAdvice)",
                                   at: ByteCheck.location(of: nul, in: body, file: file)))
        }
        guard let bad = ByteCheck.firstInvalidUTF8(body) else {
            return .success(Decoded(text: String(decoding: body, as: UTF8.self), encoding: hasBOM ? .utf8BOM : .utf8))
        }
        // Not UTF-8. Windows-1252 leaves five byte values undefined; a file using none of them is read as it.
        if !hasBOM, let undefined = body.firstIndex(where: { windows1252Undefined.contains($0) }) {
            return .failure(.error(
                "cannot read the table: it is neither UTF-8 nor Windows-1252 (byte 0x\(hex(body[undefined])) "
                    + "has no meaning in either); \(saveAdvice)", at: ByteCheck.location(of: undefined, in: body, file: file)))
        }
        if hasBOM || containsUTF8Sequence(body) {
            return .failure(.error(
                "the file is partly UTF-8 but byte 0x\(hex(body[bad])) is not valid UTF-8; \(saveAdvice)",
                at: ByteCheck.location(of: bad, in: body, file: file)))
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for byte in body { scalars.append(windows1252Scalar(byte)) }
        return .success(Decoded(text: String(scalars), encoding: .windows1252))
    }

    /// The warning for a table that was not UTF-8: one per file, naming the encoding and the first
    /// letter it decided (so that a wrong guess is visible at once).
    static func encodingWarning(_ decoded: Decoded, file: String) -> Diagnostic? {
        guard decoded.encoding == .windows1252 else { return nil }
        var line = 1, column = 1
        var first: (Character, Int, Int)?
        for ch in decoded.text {
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1; continue }
            if ch.unicodeScalars.contains(where: { $0.value >= 0x80 }) { first = (ch, line, column); break }
            column += 1
        }
        let example = first.map { " (row \($0.1), column \($0.2) reads as \"\($0.0)\")" } ?? ""
        return .warning("read as \(TableEncoding.windows1252.rawValue), not UTF-8\(example); "
                        + "if letters look wrong, \(saveAdvice)", at: SourceLocation(file: file, line: 1, column: 1))
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, file: String) -> Result<Decoded, Diagnostic> {
        let body = Array(bytes)
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = 0
        while i + 1 < body.count {
            units.append(littleEndian ? UInt16(body[i]) | UInt16(body[i + 1]) << 8
                                      : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
            i += 2
        }
        let encoding: TableEncoding = littleEndian ? .utf16LE : .utf16BE
        var scalars = String.UnicodeScalarView()
        var line = 1, column = 1
        var iterator = units.makeIterator()
        var codec = UTF16()
        loop: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let s):
                if s.value == 0 {
                    return .failure(.error("cannot read the table: it contains a NUL character; \(saveAdvice)",
                                           at: SourceLocation(file: file, line: line, column: column)))
                }
                scalars.append(s)
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                return .failure(.error("the file is \(encoding.rawValue) but holds a broken character (a lone surrogate); "
                                       + saveAdvice, at: SourceLocation(file: file, line: line, column: column)))
            }
        }
        if body.count % 2 == 1 {
            return .failure(.error("the file is \(encoding.rawValue) but ends in the middle of a character; \(saveAdvice)",
                                   at: SourceLocation(file: file, line: line, column: column)))
        }
        return .success(Decoded(text: String(scalars), encoding: encoding))
    }

    /// True when the bytes hold at least one well-formed multi-byte UTF-8 sequence (a file that
    /// mixes encodings: reading it as Windows-1252 would garble the UTF-8 letters).
    static func containsUTF8Sequence(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            let length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0
            if length > 0, i + length <= b.count, ByteCheck.firstInvalidUTF8(Array(b[i..<(i + length)])) == nil {
                return true
            }
            i += 1
        }
        return false
    }

    static let windows1252Undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(windows1252High[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    static func hex(_ byte: UInt8) -> String {
        let s = String(byte, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}
