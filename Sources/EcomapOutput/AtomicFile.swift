import Foundation

/// Interim atomic writer until the map branch's `AtomicWriter` lands on main (then this forwards to it).
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `bytes` to a temporary file beside `path`, fsyncs it and renames it over `path`; refuses
    /// directories, symbolic links and the input files. On failure the previous file is untouched.
    public static func write(_ bytes: [UInt8], to path: String, protecting inputs: [String]) throws {
        func fail(_ reason: String) -> Failure { Failure(description: "cannot write \(path): \(reason)") }
        let fm = FileManager.default
        if let type = try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
            if type == .typeDirectory { throw fail("it is a directory") }
            if type == .typeSymbolicLink { throw fail("it is a symbolic link (refusing to follow it)") }
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw fail("it is the input file \(input)")
        }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).ecomap-\(UUID().uuidString)")
        guard fm.createFile(atPath: temp.path, contents: nil) else { throw fail("cannot create a file in \(dir.path)") }
        do {
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
            try handle.close()
            if rename(temp.path, path) != 0 { throw fail(String(cString: strerror(errno))) }
        } catch {
            try? fm.removeItem(at: temp)
            throw error as? Failure ?? fail("\(error)")
        }
    }
}
