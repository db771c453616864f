import Foundation
internal import CGraphviz

/// The process's one Graphviz context and the single serial path to it.
///
/// Graphviz is not thread-safe and a second `gvContext` after `gvFreeContext` reads freed memory, so
/// one `GVC_t` is created on first use and kept for the life of the process; every call into Graphviz
/// happens inside `run`, under one lock. cgraph messages are routed into `messages` instead of stderr.
final class GraphvizSession: @unchecked Sendable {
    static let shared = GraphvizSession()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        // Before any graph exists: object ids by creation order, not by address (see shim.h).
        ecomap_install_deterministic_ids()
        // Loads the installed plugins (core renderers, dot/neato layouts, cairo for PNG and PDF).
        context = gvContext()
        ecomap_capture_errors(captureMessage)
    }

    /// Runs `body` with exclusive use of the Graphviz context.
    func run<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        capturedText = ""
        defer { capturedText = "" }
        return try body(context)
    }

    /// The messages captured since `run` began, one per line, without the `Warning: ` prefix noise.
    func drainMessages() -> [String] {
        let lines = capturedText.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
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
