import EcomapModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file safely: only regular files (never a directory, FIFO or device, which could
/// block or never end), and never more than the size limit.
enum InputFile {
    static func read(_ path: String, limits: Limits) -> Result<[UInt8], Diagnostic> {
        var info = stat()
        guard RawPath.withCString(path, { stat($0, &info) }) == 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(.error("cannot read `\(path)`: \(reason)"))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what = type == S_IFDIR ? "a directory" : type == S_IFIFO ? "a pipe" :
                type == S_IFCHR || type == S_IFBLK ? "a device" : "not a regular file"
            return .failure(.error("cannot read `\(path)`: it is \(what), not a file"))
        }
        guard Int(info.st_size) <= limits.maxFileBytes else {
            return .failure(.error("`\(path)` has \(info.st_size) bytes, more than the limit of "
                                   + "\(limits.maxFileBytes) bytes (limit: file size)"))
        }
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else {
            return .failure(.error("cannot read `\(path)`: \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        var opened = stat()
        let identity = fstat(fd, &opened) == 0
            ? FileIdentity(device: UInt64(opened.st_dev), inode: UInt64(opened.st_ino)) : nil
        FilesRead.record(InputFileRecord(path: path, identity: identity))
        // Read straight into the array, sized as the file is (one byte more to see whether it grew).
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 {
            return .failure(.error("cannot read `\(path)`: \(String(cString: strerror(failure)))"))
        }
        if bytes.count <= Int(info.st_size) { return .success(bytes) }
        // The file grew while it was read: the rest in chunks, up to the limit.
        if bytes.count > limits.maxFileBytes {
            return .failure(.error("`\(path)` is larger than the limit of \(limits.maxFileBytes) bytes (limit: file size)"))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.error("cannot read `\(path)`: \(String(cString: strerror(errno)))"))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limits.maxFileBytes {
                return .failure(.error("`\(path)` is larger than the limit of \(limits.maxFileBytes) bytes (limit: file size)"))
            }
        }
        return .success(bytes)
    }
}

/// Every file read through `InputFile` in this process, so that no command can write an output over
/// one of its inputs, whichever loader read it and however its name was found (the CSV pair's links
/// table beside the nodes table, `--compare`'s old file, a workbook).
public enum FilesRead {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var records: [InputFileRecord] = []

    /// Records a file as read (loaders that open files another way call this too).
    public static func record(_ file: InputFileRecord) {
        lock.lock()
        defer { lock.unlock() }
        if !records.contains(file) { records.append(file) }
    }

    /// Every file recorded so far, in the order read.
    public static var all: [InputFileRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }
}

/// Checks raw bytes before any parser sees them: encoding, byte-order marks, NUL bytes.
enum ByteCheck {
    /// Returns the bytes without a UTF-8 byte-order mark and how many characters (code points) they
    /// hold, or the first problem.
    static func utf8Text(_ bytes: [UInt8], file: String) -> Result<(bytes: [UInt8], characters: Int), Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return .failure(.error("the file is UTF-32 encoded; save it as UTF-8", at: start))
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return .failure(.error("the file is UTF-16 encoded; save it as UTF-8", at: start))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let nulOffset = body.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        if let nul = nulOffset {
            return .failure(.error("the file contains a NUL byte; is it a text file?",
                                   at: location(of: nul, in: body, file: file)))
        }
        var continuation = 0
        if let bad = firstInvalidUTF8(body, continuationBytes: &continuation) {
            return .failure(.error("the file is not valid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true)))",
                                   at: location(of: bad, in: body, file: file)))
        }
        return .success((body, body.count - continuation))
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var continuation = 0
        return firstInvalidUTF8(b, continuationBytes: &continuation)
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence; counts the
    /// bytes after the first of each sequence on the way (so the characters come with the check).
    static func firstInvalidUTF8(_ b: [UInt8], continuationBytes: inout Int) -> Int? {
        var i = 0
        let n = b.count
        // ASCII runs eight bytes at a time: most of an ecosystem file is ASCII.
        let asciiEnd = b.withUnsafeBytes { raw -> Int in
            var k = 0
            while k + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                k += 8
            }
            return k
        }
        i = asciiEnd
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                // Back to the word-wise scan for the next ASCII run.
                while i + 8 <= n, b.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) })
                    & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            let length = UTF8Sequence.length(b, at: i)
            if length == 0 { return i }
            continuationBytes += length - 1
            i += length
        }
        return nil
    }

    /// 1-based line and character column of a byte offset.
    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        for i in 0..<min(offset, bytes.count) {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
