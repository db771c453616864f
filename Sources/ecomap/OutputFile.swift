import EcomapOutput
import Foundation

/// Where a command's text output goes: stdout, or a file written atomically.
enum OutputFile {
    /// Writes `text` to `path` atomically (temporary file in the same directory, fsync, rename), refusing to
    /// overwrite an input; with no path, writes it to stdout. Exits 3 when the file cannot be written.
    static func emit(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try AtomicWriter.write(text, to: path, protecting: inputs)
        } catch {
            Console.err("error: \(error)")
            throw EcomapExit.outputFailure.code
        }
    }
}
