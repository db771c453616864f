import Foundation

/// Runs work on its own thread and gives up waiting after a time limit.
///
/// Graphviz cannot be interrupted, so a layout past its limit is abandoned: the caller reports the
/// timeout and the process exits, which ends the thread. Nothing is written before the work returns.
enum Deadline {
    /// Stack for the worker: Graphviz recurses deeply on large graphs.
    static let stackSize = 256 << 20

    /// The work's result, or nil if it did not finish within `seconds`.
    static func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.get()
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?
        func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
        func get() -> T? { lock.lock(); defer { lock.unlock() }; return value }
    }
}
