import Foundation

/// Why an output file could not be written. The previous file at the path is untouched.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files so that readers see either the old file or the complete new one, never a mix.
///
/// The bytes go to a temporary file in the destination's directory, which is fsync'ed and renamed
/// over the destination (then the directory is fsync'ed). On any failure the temporary file is
/// removed and the previous file is untouched. A destination that is one of `protecting` (the
/// input files, compared by device and inode as well as by path), a directory, or a symbolic link
/// is refused.
public enum AtomicWriter {
    public static func write(_ bytes: [UInt8], to path: String, protecting inputs: [String] = []) throws(OutputError) {
        func fail(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        guard !path.isEmpty else { throw fail("empty output path") }

        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR: throw fail("it is a directory")
            case S_IFLNK: throw fail("it is a symbolic link (refusing to follow it)")
            case S_IFREG: break
            default: throw fail("it is not a regular file")
            }
        }
        for input in inputs where isSameFile(path, input, existing: exists ? existing : nil) {
            throw fail("it is the input file \(input)")
        }

        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let base = (path as NSString).lastPathComponent
        var template = Array("\(dir)/.\(base).ecomap-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail(errnoText()) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(tempPath) }
        }

        // New files get the usual permissions (0666 minus umask), not mkstemp's 0600;
        // a replaced file keeps its own permissions.
        let mode: mode_t
        if exists { mode = existing.st_mode & 0o7777 } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var ok = fchmod(fd, mode) == 0
        var reason = ok ? "" : errnoText()
        if ok {
            var offset = 0
            bytes.withUnsafeBytes { buffer in
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        ok = false
                        reason = errnoText()
                        return
                    }
                    offset += n
                }
            }
        }
        if ok, fsync(fd) != 0 { ok = false; reason = errnoText() }
        if close(fd) != 0, ok { ok = false; reason = errnoText() }
        guard ok else { throw fail(reason) }
        guard rename(tempPath, path) == 0 else { throw fail(errnoText()) }
        done = true
        let dirFD = open(dir, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// UTF-8 text.
    public static func write(_ text: String, to path: String, protecting inputs: [String] = []) throws(OutputError) {
        try write(Array(text.utf8), to: path, protecting: inputs)
    }

    private static func isSameFile(_ output: String, _ input: String, existing: stat?) -> Bool {
        if let a = realpath(output, nil), let b = realpath(input, nil) {
            defer { free(a); free(b) }
            if strcmp(a, b) == 0 { return true }
        }
        var other = stat()
        guard let existing, stat(input, &other) == 0 else { return false }
        return existing.st_dev == other.st_dev && existing.st_ino == other.st_ino
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
