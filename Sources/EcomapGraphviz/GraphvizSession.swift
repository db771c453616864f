import EcomapFonts
import Foundation
internal import CGraphviz

/// The process's one Graphviz context and the single serial path to it.
///
/// Graphviz is not thread-safe and a second `gvContext` after `gvFreeContext` reads freed memory, so
/// one `GVC_t` is created on first use and kept for the life of the process; every call into Graphviz
/// happens inside `run`, under one lock. cgraph messages are routed to `agseterrf`, and the few
/// plugins that print straight to stderr (cairo's "graph is too large" scaling notice) write into a
/// temporary file while `run` holds the lock; `drainMessages` returns both as ecomap messages.
final class GraphvizSession: @unchecked Sendable {
    static let shared = GraphvizSession()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        // Before any graph exists: object ids by creation order, not by address (see shim.h).
        ecomap_install_deterministic_ids()
        // Before pango (Graphviz's text measurement) looks up any font.
        FontSetup.pin()
        // Loads the installed plugins (core renderers, dot/neato layouts, cairo for PNG and PDF).
        context = gvContext()
        ecomap_capture_errors(captureMessage)
    }

    /// Stands in for stderr during `run`.
    private var stderrSink: UnsafeMutablePointer<FILE>?
    private var stderrRead: off_t = 0

    /// Runs `body` with exclusive use of the Graphviz context.
    func run<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        capturedText = ""
        fflush(nil)
        let savedStderr = dup(2)
        stderrSink = tmpfile()
        stderrRead = 0
        if let sink = stderrSink { dup2(fileno(sink), 2) }
        defer {
            fflush(nil)
            if savedStderr >= 0 {
                dup2(savedStderr, 2)
                close(savedStderr)
            }
            if let sink = stderrSink { fclose(sink) }
            stderrSink = nil
            capturedText = ""
        }
        return try body(context)
    }

    /// What was written to stderr since the last call (inside `run`).
    private func takeStderr() -> String {
        guard let sink = stderrSink else { return "" }
        fflush(nil)
        let fd = fileno(sink)
        let end = lseek(fd, 0, SEEK_END)
        guard end > stderrRead else { return "" }
        var bytes = [UInt8](repeating: 0, count: Int(end - stderrRead))
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, stderrRead) }
        stderrRead = end
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }

    /// The messages captured since `run` began, one per line, without the `Warning: ` prefix noise.
    func drainMessages() -> [String] {
        let lines = (capturedText + "\n" + takeStderr()).split(whereSeparator: \.isNewline).map {
            // Plugins print `<command name>: message`; a library has no command name.
            let line = $0.trimmingCharacters(in: .whitespaces)
            return line.hasPrefix("(null): ") ? String(line.dropFirst(8)) : line
        }
        capturedText = ""
        var out: [String] = []
        var pendingPrefix = ""
        for line in lines where !line.isEmpty {
            if line == "Warning:" || line == "Error:" { pendingPrefix = line + " "; continue }
            out.append(pendingPrefix + line)
            pendingPrefix = ""
        }
        return out
    }
}

/// Text cgraph reported; only touched while `GraphvizSession`'s lock is held.
nonisolated(unsafe) private var capturedText = ""

/// cgraph's user error function: receives message fragments ("Warning", ": ", text).
private let captureMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { fragment in
    if let fragment { capturedText += String(cString: fragment) }
    return 0
}
