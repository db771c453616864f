import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes read in chunks: an export is never held in memory whole.
protocol ByteSource: AnyObject {
    /// Fills `buffer` from its start; returns the number of bytes read, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A regular file read with `fread`.
final class FileByteSource: ByteSource {
    private let handle: UnsafeMutablePointer<FILE>
    let path: String

    init(path: String, name: String) throws(MeasureError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw MeasureError(file: name, message: "cannot read the export: no such file")
        }
        guard !isFolder.boolValue, let handle = fopen(path, "rb") else {
            throw MeasureError(file: name, message: "cannot read the export: not a readable file")
        }
        self.handle = handle
        self.path = path
    }

    deinit { fclose(handle) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        fread(buffer.baseAddress, 1, buffer.count, handle)
    }
}

/// Bytes already in memory (a ZIP member of a few megabytes, a test).
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}
