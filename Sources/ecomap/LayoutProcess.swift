import CProcessSafety
import EcomapGraphviz
import EcomapMapRender
import EcomapLoad
import EcomapMapSpec
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the Graphviz layout and rendering in a child process, so that neither a hang nor a crash
/// inside Graphviz (a C library: a segfault, an abort, an `exit` on out-of-memory) can take the
/// command with it.
///
/// A worker thread with a large stack (Graphviz recurses deeply on large graphs) forks; the child is
/// that one thread, does the work and streams its stages and result back through a pipe, then
/// `_exit`s without running any of the parent's exit handlers. The parent reads with `poll` until the
/// deadline; past it the child is killed (SIGKILL) and reaped. A child that dies or exits without a
/// result becomes a `GraphvizError` naming the signal. Nothing is written to the output before the
/// whole result has arrived.
///
/// The child never outlives ecomap: right after `fork` it asks the kernel for SIGKILL when its parent
/// dies (`PR_SET_PDEATHSIG`, then checks that its parent is still the one that forked it, closing the
/// race with a parent that died first); ecomap's SIGTERM/SIGINT/SIGHUP handler kills it; and it has
/// its own CPU-time limit (`RLIMIT_CPU`, the timeout plus one second), should the parent be stopped.
enum LayoutProcess {
    /// Stack for the forking thread, inherited by the child.
    static let stackSize = 256 << 20

    /// The rendered map or Graphviz's error; nil when the work did not finish within `seconds`.
    /// `stageDone` is called in this process as the child reports its stages (for `--timings`).
    static func render(_ spec: MapSpec, as format: MapFormat, seconds: Double,
                       stageDone: (@Sendable (String) -> Void)? = nil) -> Result<RenderedMap, GraphvizError>? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failure(GraphvizError(message: "cannot create a pipe: \(errnoText())")) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let forked = ForkResult()
        let started = DispatchSemaphore(value: 0)
        let reaped = DispatchSemaphore(value: 0)
        defer { reaped.signal() }
        let parent = getpid()
        // The child's own deadline: CPU seconds (the kernel kills it at the hard limit), in case the
        // parent cannot (it was stopped, or killed: then the parent-death signal ends the child).
        let cpuSeconds = Int(min(max(seconds, 0), 1e6).rounded(.up)) + 1
        let thread = Thread {
            let pid = fork()
            if pid == 0 {
                ecomap_child_guard(parent, cpuSeconds)
                close(readEnd)
                runChild(spec, format, writeEnd)  // never returns
            }
            if pid > 0 { ecomap_register_child(pid) }
            forked.pid = pid
            forked.error = pid < 0 ? errno : 0
            started.signal()
            // The parent-death signal fires when the forking *thread* ends, not only the process:
            // this thread stays until the child has been reaped.
            if pid > 0 { reaped.wait() }
        }
        thread.stackSize = stackSize
        thread.start()
        started.wait()
        close(writeEnd)
        defer { close(readEnd) }
        guard forked.pid > 0 else {
            return .failure(GraphvizError(message: "cannot start the layout process: \(String(cString: strerror(forked.error)))"))
        }
        let pid = forked.pid

        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(seconds, 1e9) * 1e9)
        var reader = FrameReader()
        var result: Result<RenderedMap, GraphvizError>?
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        readLoop: while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                kill(pid, SIGKILL)
                _ = reap(pid)
                return nil
            }
            var pollFD = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let waitMs = Int32(clamping: min((deadline - now) / 1_000_000 + 1, 1000))
            let ready = poll(&pollFD, 1, waitMs)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }  // the child closed the pipe: finished or died
            reader.append(chunk[0..<n])
            while let frame = reader.next() {
                switch frame.kind {
                case Frame.stage: stageDone?(String(decoding: frame.payload, as: UTF8.self))
                case Frame.result, Frame.error:
                    result = Frame.decode(frame)
                    break readLoop
                default: break
                }
            }
        }
        let status = reap(pid)
        // A child that sent its result and then did not exit cleanly is a failure too (under valgrind,
        // `--error-exitcode` is how the child's memory errors reach the exit code).
        if let result, status == 0 { return result }
        return .failure(GraphvizError(message: "the layout process " + describe(status, hadResult: result != nil)))
    }

    // MARK: - Child

    private static func runChild(_ spec: MapSpec, _ format: MapFormat, _ fd: Int32) -> Never {
        let outcome = Result { () throws(GraphvizError) in
            try MapRendering.render(spec, as: format) { stage in writeAll(fd, Frame.encode(Frame.stage, [Array(stage.utf8)])) }
        }
        let frame: [UInt8]
        switch outcome {
        case .success(let map):
            frame = Frame.encode(Frame.result, [map.bytes] + map.messages.map { Array($0.utf8) })
        case .failure(let error):
            frame = Frame.encode(Frame.error, [Array(error.message.utf8)] + error.graphvizMessages.map { Array($0.utf8) })
        }
        writeAll(fd, frame)
        _exit(0)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; _exit(3) }
                offset += n
            }
        }
    }

    // MARK: - Parent

    private final class ForkResult: @unchecked Sendable {
        var pid: pid_t = -1
        var error: Int32 = 0
    }

    /// Waits for the child; returns its wait status.
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ecomap_register_child(0)
        return status
    }

    /// "crashed (signal 11: Segmentation fault)" or "exited with status 1 without a result".
    static func describe(_ status: Int32, hadResult: Bool) -> String {
        let signal = status & 0x7F
        if signal != 0 && signal != 0x7F {
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal"
            return "crashed (signal \(signal): \(name))"
        }
        return "exited with status \((status >> 8) & 0xFF)" + (hadResult ? "" : " without a result")
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: - Frames: kind byte, part count, then each part as length + bytes (UInt32, little-endian)

    struct Frame {
        static let stage: UInt8 = 0x53, result: UInt8 = 0x52, error: UInt8 = 0x45
        var kind: UInt8
        var parts: [[UInt8]]
        var payload: [UInt8] { parts.first ?? [] }

        static func encode(_ kind: UInt8, _ parts: [[UInt8]]) -> [UInt8] {
            var out: [UInt8] = [kind]
            func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
            u32(parts.count)
            for part in parts { u32(part.count); out.append(contentsOf: part) }
            return out
        }

        static func decode(_ frame: Frame) -> Result<RenderedMap, GraphvizError> {
            let texts = frame.parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
            if frame.kind == result { return .success(RenderedMap(bytes: frame.payload, messages: texts)) }
            return .failure(GraphvizError(message: String(decoding: frame.payload, as: UTF8.self), graphvizMessages: texts))
        }
    }

    /// Splits the byte stream into frames as they complete.
    struct FrameReader {
        private var buffer: [UInt8] = []
        private var start = 0

        mutating func append(_ bytes: ArraySlice<UInt8>) { buffer.append(contentsOf: bytes) }

        mutating func next() -> Frame? {
            var at = start
            func u32() -> Int? {
                guard buffer.count - at >= 4 else { return nil }
                let v = Int(buffer[at]) | Int(buffer[at + 1]) << 8 | Int(buffer[at + 2]) << 16 | Int(buffer[at + 3]) << 24
                at += 4
                return v
            }
            guard at < buffer.count else { return nil }
            let kind = buffer[at]
            at += 1
            guard let count = u32() else { return nil }
            var parts: [[UInt8]] = []
            for _ in 0..<count {
                guard let length = u32(), buffer.count - at >= length else { return nil }
                parts.append(Array(buffer[at..<at + length]))
                at += length
            }
            start = at
            if start > 1 << 20 { buffer.removeFirst(start); start = 0 }
            return Frame(kind: kind, parts: parts)
        }
    }
}
