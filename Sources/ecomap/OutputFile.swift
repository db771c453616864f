import EcomapLoad
import EcomapModel
import EcomapOutput
import Foundation

/// Where a command's output goes: stdout, or a file written atomically.
///
/// The one way ecomap writes a file. Every file any loader read in this run (`FilesRead`: the input,
/// the CSV pair's links table however it was found, `--compare`'s old snapshot, workbooks) is refused
/// as a destination, by device and inode as well as by resolved path, before anything is written.
enum OutputFile {
    /// Writes `text` to `path` atomically (temporary file in the same directory, fsync, rename); with
    /// no path, writes it to stdout. Throws exit code 3 with the reason when the file cannot be written.
    static func emit(_ text: String, to path: String?) throws(CommandFailure) {
        guard let path else {
            try checkSize(text.utf8.count)
            Console.data(text)
            return
        }
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically; `replace: false` refuses an existing file.
    static func write(_ bytes: [UInt8], to path: String, replace: Bool = true) throws(CommandFailure) {
        try checkSize(bytes.count)
        do {
            try AtomicWriter.write(bytes, to: path, protecting: FilesRead.all, replace: replace)
        } catch {
            throw CommandFailure(.outputFailure, error.description)
        }
    }

    /// Refuses an output larger than `Limits.maxOutputBytes` (exit code 3, the limit named).
    /// `ECOMAP_MAX_OUTPUT_BYTES` may lower the limit (never raise it).
    static func checkSize(_ count: Int) throws(CommandFailure) {
        let lowered = ProcessInfo.processInfo.environment["ECOMAP_MAX_OUTPUT_BYTES"].flatMap { Int($0) }
        let limit = min(Limits.standard.maxOutputBytes, lowered.map { max(0, $0) } ?? Int.max)
        guard count > limit else { return }
        throw CommandFailure(.outputFailure, "the output would be \(count) bytes, more than the limit of \(limit) bytes (limit: output size)")
    }

    /// Fails now (before any work) when `path` could not be written: an input, a directory, a link.
    static func check(_ path: String) throws(CommandFailure) {
        do {
            try AtomicWriter.check(path, protecting: FilesRead.all)
        } catch {
            throw CommandFailure(.outputFailure, error.description)
        }
    }
}
