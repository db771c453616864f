import Foundation

/// Whether work split in two can have a core of its own for each half right now. On a machine whose
/// other cores are busy, two threads share one core and the split only adds its cost.
enum SpareCore {
    /// `ECOMAP_LOAD_THREADS=1`: never; `ECOMAP_LOAD_THREADS=2`: always; otherwise true when the
    /// machine has more than one core and (where `/proc/loadavg` tells) fewer tasks are runnable than
    /// there are cores, this one included.
    static var available: Bool {
        switch ProcessInfo.processInfo.environment["ECOMAP_LOAD_THREADS"] {
        case "1": return false
        case "2": return true
        default: break
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1 else { return false }
        guard let runnable = runnableTasks() else { return true }
        return runnable < cores
    }

    /// The tasks runnable now, the caller included: the fourth field of `/proc/loadavg` is
    /// `RUNNABLE/ALL`. Nil where there is no such file.
    static func runnableTasks() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count >= 4, let slash = fields[3].firstIndex(of: "/") else { return nil }
        return Int(fields[3][..<slash])
    }
}
