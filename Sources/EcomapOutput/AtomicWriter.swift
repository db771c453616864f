import CProcessSafety
import EcomapModel
import Foundation
#if canImport(Glibc)
import Glibc
import EcomapText
#endif

/// Why an output file could not be written. The previous file at the path is untouched.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(TerminalText.name(path)): \(reason)" }
}

/// Writes files so that readers see either the old file or the complete new one, never a mix.
///
/// The bytes go to a temporary file with a short name (`.ecomap-XXXXXX`, so any name the file
/// system accepts works as a destination) in the destination's directory, which is fsync'ed and
/// renamed over the destination (then the directory is fsync'ed). On any failure, and when SIGTERM,
/// SIGINT or SIGHUP ends the process during the write, the temporary file is removed and the
/// previous file is untouched. Refused: a destination that is one of `protecting` (the input files,
/// compared by device and inode as well as by resolved path), a directory, a symbolic link, or any
/// other non-regular file. A replaced file keeps its permission bits but never setuid or setgid.
/// Names are raw bytes (`RawPath`): a name that is not UTF-8 is written as given.
public enum AtomicWriter {
    /// Writes `bytes` to `path`. With `replace` false, an existing file is an error ("already exists"),
    /// decided atomically (the new file is linked into place, never renamed over another).
    public static func write(_ bytes: [UInt8], to path: String, protecting inputs: [InputFileRecord],
                             replace: Bool = true) throws(OutputError) {
        func fail(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        let existing = try check(path, protecting: inputs)
        if existing != nil && !replace { throw fail("it already exists") }

        let dir = RawPath.directory(of: path)
        var template = RawPath.bytes(of: RawPath.join(dir, ".ecomap-XXXXXX")).map { CChar(bitPattern: $0) } + [0]
        let fd = template.withUnsafeMutableBufferPointer { ecomap_mkstemp_registered($0.baseAddress!) }
        guard fd >= 0 else { throw fail(errnoText()) }
        let tempPath = template.withUnsafeBufferPointer { RawPath.fromCString($0.baseAddress!) }
        var done = false
        defer {
            if !done { ecomap_discard_registered() }
        }

        // New files get the usual permissions (0666 minus umask), not mkstemp's 0600; a replaced
        // file keeps its own permissions, minus setuid and setgid (the content is new).
        let mode: mode_t
        if let existing { mode = existing.st_mode & 0o1777 } else {
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
        let committed = RawPath.withCString(tempPath) { from in
            RawPath.withCString(path) { to in ecomap_commit_registered(from, to, replace ? 1 : 0) }
        }
        guard committed == 0 else { throw fail(errno == EEXIST ? "it already exists" : errnoText()) }
        done = true
        let dirFD = RawPath.withCString(dir) { open($0, O_RDONLY | O_DIRECTORY) }
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// Writes `bytes`, protecting the files named by `inputs`.
    public static func write(_ bytes: [UInt8], to path: String, protecting inputs: [String] = [],
                             replace: Bool = true) throws(OutputError) {
        try write(bytes, to: path, protecting: inputs.map { InputFileRecord(path: $0, identity: FileIdentity.of($0)) },
                  replace: replace)
    }

    /// UTF-8 text.
    public static func write(_ text: String, to path: String, protecting inputs: [String] = []) throws(OutputError) {
        try write(Array(text.utf8), to: path, protecting: inputs)
    }

    /// Checks that `path` may be written: not empty, not a directory, symbolic link or special file,
    /// not one of `inputs`. Returns the existing file's status, or nil when there is none.
    @discardableResult
    public static func check(_ path: String, protecting inputs: [InputFileRecord]) throws(OutputError) -> stat? {
        func fail(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        guard !path.isEmpty else { throw fail("empty output path") }
        var existing = stat()
        let exists = RawPath.withCString(path) { lstat($0, &existing) } == 0
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR: throw fail("it is a directory")
            case S_IFLNK: throw fail("it is a symbolic link (refusing to follow it)")
            case S_IFREG: break
            default: throw fail("it is not a regular file")
            }
        } else if path.hasSuffix("/") {
            throw fail("it names a directory")
        }
        let identity = exists ? FileIdentity(device: UInt64(existing.st_dev), inode: UInt64(existing.st_ino)) : nil
        let resolvedOutput = resolved(path)
        for input in inputs {
            let same = (identity != nil && (identity == input.identity || identity == FileIdentity.of(input.path)))
                || (resolvedOutput != nil && resolvedOutput == resolved(input.path))
                || path == input.path
            if same { throw fail("it is the input file \(TerminalText.name(input.path)); choose another output name") }
        }
        return exists ? existing : nil
    }

    /// The absolute path with symbolic links resolved: of the file itself, or of its directory plus its
    /// name when the file does not exist yet.
    private static func resolved(_ path: String) -> [UInt8]? {
        func real(_ p: String) -> [UInt8]? {
            guard let r = RawPath.withCString(p, { realpath($0, nil) }) else { return nil }
            defer { free(r) }
            return RawPath.bytes(of: RawPath.fromCString(r))
        }
        if let whole = real(path) { return whole }
        guard let dir = real(RawPath.directory(of: path)) else { return nil }
        return dir + Array("/".utf8) + RawPath.bytes(of: RawPath.lastComponent(of: path))
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
