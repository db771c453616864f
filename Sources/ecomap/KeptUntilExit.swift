import Foundation

/// Values a command keeps until the process exits instead of freeing them when it is done.
///
/// A large ecosystem and its analysis are millions of small heap blocks (names, ids, figures per
/// community): freeing them one by one after the output is written costs the user more than half a
/// second at 100,000 communities, while the operating system takes the whole heap back at exit at
/// once. Only for values that live until the end of the command anyway.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` (and everything it refers to) alive until the process exits.
    static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
