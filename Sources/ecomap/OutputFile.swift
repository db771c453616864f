import EcomapLoad
import EcomapModel
import EcomapOutput

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
            Console.data(text)
            return
        }
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically; `replace: false` refuses an existing file.
    static func write(_ bytes: [UInt8], to path: String, replace: Bool = true) throws(CommandFailure) {
        do {
            try AtomicWriter.write(bytes, to: path, protecting: FilesRead.all, replace: replace)
        } catch {
            throw CommandFailure(.outputFailure, error.description)
        }
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
