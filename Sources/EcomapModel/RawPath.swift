#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the kernel sees them: bytes, not necessarily UTF-8.
///
/// A name that is not valid UTF-8 (`lat1\xE9.yaml`) still has to open, and an output named so has to
/// be written under exactly that name. Command-line arguments are decoded with `decodeArgument`: every
/// byte that is not part of well-formed UTF-8 becomes one private-use code point (U+10FE80..U+10FEFF
/// for 0x80..0xFF), so the name survives as a `String`; `bytes(of:)` turns such a string back into the
/// original bytes for every system call. Path splitting is done here on bytes too (Foundation's
/// `NSString` path methods trap on some inputs on Linux).
public enum RawPath {
    /// First of the 128 code points standing for the bytes 0x80..0xFF.
    static let escapeBase: UInt32 = 0x10FE00

    /// Decodes raw argument bytes, keeping invalid bytes as escape code points.
    public static func decodeArgument(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let length = UTF8Sequence.length(bytes, at: i)
            if length == 0 {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[i]))!)
                i += 1
            } else {
                let decoded = String(decoding: bytes[i..<i + length], as: UTF8.self)
                scalars.append(contentsOf: decoded.unicodeScalars)
                i += length
            }
        }
        return String(scalars)
    }

    /// The bytes a path stands for (escape code points back to their bytes).
    public static func bytes(of path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let byte = escapedByte(scalar) { out.append(byte) } else { out.append(contentsOf: String(scalar).utf8) }
        }
        return out
    }

    /// The raw byte an escape code point stands for, or nil for any other scalar.
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        guard v >= escapeBase + 0x80 && v <= escapeBase + 0xFF else { return nil }
        return UInt8(v - escapeBase)
    }

    /// Calls `body` with the path as a NUL-terminated C string of its raw bytes.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var raw = bytes(of: path).map { CChar(bitPattern: $0) }
        raw.append(0)
        return try raw.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// A path from C string bytes (as returned by `realpath` or `mkstemp`), escaping invalid bytes.
    public static func fromCString(_ pointer: UnsafePointer<CChar>) -> String {
        decodeArgument(Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) })
    }

    /// The directory part: `a/b/c.svg` -> `a/b`, `c.svg` -> `.`, `/c.svg` -> `/`.
    public static func directory(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The last component: `a/b/c.svg` -> `c.svg`, `m` -> `m`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The last component without its extension: `a/b.c.yaml` -> `b.c`, `.hidden` -> `.hidden`.
    public static func stem(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The extension, lowercased, without the dot (`Map.SVG` -> `svg`); empty when there is none.
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// `dir` + `/` + `name` (just `name` when `dir` is `.`).
    public static func join(_ dir: String, _ name: String) -> String {
        if dir == "." { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1 && s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

}

/// A file's identity on disk (device and inode), so that the same file is recognised under any name
/// (a hard link, `./x`, a symbolic link to it).
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of the file `path` names (following symbolic links), or nil when it does not exist.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard RawPath.withCString(path, { stat($0, &info) }) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// A file a command read: the name it was given and its identity when read.
public struct InputFileRecord: Sendable, Hashable {
    public var path: String
    public var identity: FileIdentity?

    public init(path: String, identity: FileIdentity?) {
        self.path = path
        self.identity = identity
    }
}

/// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), checked
/// byte by byte where a file's or a path's bytes must be placed exactly.
public enum UTF8Sequence {
    /// Length of the well-formed UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte there does
    /// not start one (including a sequence cut off by the end of `b`).
    @inlinable
    public static func length(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard i + length <= b.count, b[i + 1] >= lower, b[i + 1] <= upper else { return 0 }
        for k in 2..<length where b[i + k] < 0x80 || b[i + k] > 0xBF { return 0 }
        return length
    }
}
