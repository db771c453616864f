import CProcessSafety
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `--timeout` for the whole run: loading, scoring, layout and writing together. When the time is up
/// the command ends with exit code 4 and one message, wherever it is: the layout child is killed, a
/// temporary output file is removed, and the previous output stays as it was.
final class RunDeadline: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    private let end: UInt64
    /// Kept alive for the life of the command.
    nonisolated(unsafe) private static var current: RunDeadline?

    private init(seconds: Double, message: @escaping @Sendable () -> String) {
        let nanos = UInt64(min(max(seconds, 0), 1e9) * 1e9)
        end = DispatchTime.now().uptimeNanoseconds + nanos
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .userInitiated))
        timer.schedule(deadline: .now() + .nanoseconds(Int(min(nanos, UInt64(Int.max)))))
        timer.setEventHandler {
            ecomap_emergency_cleanup()
            Console.err("error: " + message())
            _exit(EcomapExit.layoutFailure.rawValue)
        }
        timer.resume()
    }

    /// Starts the deadline for this run; `message` says what did not finish.
    @discardableResult
    static func start(seconds: Double, message: @escaping @Sendable () -> String) -> RunDeadline {
        let deadline = RunDeadline(seconds: seconds, message: message)
        current = deadline
        return deadline
    }

    /// Seconds left (never below a millisecond, so a layout started at the edge still gets a deadline).
    var remaining: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= end ? 0.001 : max(Double(end - now) / 1e9, 0.001)
    }
}
