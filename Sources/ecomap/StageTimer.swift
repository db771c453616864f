import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures the stages of one command run on the monotonic clock, for `--timings` and `make bench`.
///
/// Stages are recorded in the order they finish; a stage name with a dot (`score.pagerank`) is a part
/// of the stage before the dot and is shown indented under it.
public final class StageTimer: @unchecked Sendable {
    /// One finished stage.
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    private let lock = NSLock()
    private var recorded: [Stage] = []
    private let start: UInt64
    private var mark: UInt64
    private var stageStarted: (@Sendable (String) -> Void)?

    /// The finished stages, in the order they finished.
    public var stages: [Stage] { lock.withLock { recorded } }

    /// Told which stage is running, so a progress indicator can show it.
    public var onStageStart: (@Sendable (String) -> Void)? {
        get { lock.withLock { stageStarted } }
        set { lock.withLock { stageStarted = newValue } }
    }

    public init() {
        start = DispatchTime.now().uptimeNanoseconds
        mark = start
    }

    /// Runs `body` as the stage `name` and records how long it took.
    public func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        onStageStart?(name)
        let begin = DispatchTime.now().uptimeNanoseconds
        defer { record(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - begin) }
        return try body()
    }

    /// Starts the stage `name`: the next `lap` measures from now.
    public func begin(_ name: String) {
        onStageStart?(name)
        lock.withLock { mark = DispatchTime.now().uptimeNanoseconds }
    }

    /// Runs `body` as the stage `name`, which reports its parts through the closure it is given
    /// (recorded as `name.part`, each measured from the previous part).
    public func measureParts<T>(_ name: String, _ body: (@escaping (String) -> Void) throws -> T) rethrows -> T {
        begin(name)
        let begun = lock.withLock { mark }
        let result = try body { [unowned self] part in
            self.lap(name + "." + part)
            self.onStageStart?(name)
        }
        record(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - begun)
        return result
    }

    /// Records the time since the previous lap (or since the timer started) as the stage `name`.
    public func lap(_ name: String) {
        lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            recorded.append(Stage(name: name, seconds: Double(now - mark) / 1e9))
            mark = now
        }
    }

    /// Records a stage measured elsewhere.
    public func record(_ name: String, seconds: Double) {
        lock.withLock {
            recorded.append(Stage(name: name, seconds: seconds))
            mark = DispatchTime.now().uptimeNanoseconds
        }
    }

    private func record(_ name: String, nanoseconds: UInt64) {
        record(name, seconds: Double(nanoseconds) / 1e9)
    }

    /// Seconds since the timer started.
    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// The breakdown, one `timing: STAGE SECONDS s` line per stage, then the total and the peak
    /// resident memory so far (the lines are stable: `make bench` reads them).
    public func report() -> String {
        var lines: [String] = []
        func line(_ stage: Stage, depth: Int) {
            lines.append("timing: " + String(repeating: "  ", count: depth) + stage.name
                         + " " + Self.seconds(stage.seconds) + " s")
        }
        // Parts are recorded before their stage finishes; show each stage first, then its parts.
        let stages = self.stages
        for stage in stages where !stage.name.contains(".") {
            line(stage, depth: 0)
            for part in stages where part.name.hasPrefix(stage.name + ".") { line(part, depth: 1) }
        }
        lines.append("timing: total " + Self.seconds(elapsed) + " s")
        if let peak = Self.peakResidentBytes() {
            lines.append("timing: peak-rss " + String(format: "%.1f", Double(peak) / 1_048_576) + " MiB")
        }
        return lines.joined(separator: "\n")
    }

    /// Six decimals: microsecond resolution, enough for the smallest stage.
    static func seconds(_ value: Double) -> String { String(format: "%.6f", value) }

    /// The peak resident set size of this process or, if larger, of a finished child (the layout runs in
    /// one; getrusage: kilobytes on Linux, bytes on macOS).
    public static func peakResidentBytes() -> Int? {
        func peak(_ whoValue: Int32) -> Int? {
            var usage = rusage()
            #if os(Linux)
            let who = __rusage_who_t(whoValue)
            #else
            let who = whoValue
            #endif
            guard getrusage(who, &usage) == 0 else { return nil }
            #if os(Linux)
            return Int(usage.ru_maxrss) * 1024
            #else
            return Int(usage.ru_maxrss)
            #endif
        }
        #if os(Linux)
        let (selfWho, childrenWho) = (RUSAGE_SELF.rawValue, RUSAGE_CHILDREN.rawValue)
        #else
        let (selfWho, childrenWho) = (RUSAGE_SELF, RUSAGE_CHILDREN)
        #endif
        guard let own = peak(selfWho) else { return nil }
        return max(own, peak(childrenWho) ?? 0)
    }
}

/// A one-line progress indicator on stderr for runs longer than about a second, shown only when
/// stderr is a terminal: the running stage and the seconds so far, cleared when the run ends.
public final class ProgressIndicator: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = ""
    private var stopped = false
    private var shown = false
    private let started = DispatchTime.now().uptimeNanoseconds
    private let timer: DispatchSourceTimer

    /// Starts the indicator when `enabled` (normally: stderr is a terminal); otherwise returns nil.
    public static func start(enabled: Bool = isatty(2) == 1) -> ProgressIndicator? {
        enabled ? ProgressIndicator() : nil
    }

    private init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 1.0, repeating: 0.2)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    /// Shows `name` as the running stage.
    public func begin(_ name: String) {
        lock.lock()
        stage = name
        lock.unlock()
    }

    private static let frames = ["|", "/", "-", "\\"]

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let frame = Self.frames[Int(seconds * 5) % Self.frames.count]
        let line = "\r\(frame) \(stage) \(String(format: "%.1f", seconds)) s\u{1B}[K"
        shown = Self.bestEffort(line)
    }

    /// Stops the indicator and clears its line.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        timer.cancel()
        if shown { _ = Self.bestEffort("\r\u{1B}[K") }
    }

    /// Writes the indicator's own line to stderr; a failed write is ignored here (the indicator is
    /// decoration; the next message reports a broken stderr). Never traps.
    private static func bestEffort(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) } == bytes.count
    }
}
