import CProcessSafety
import EcomapAnalysis
import EcomapLoad
import EcomapMeasure
import EcomapModel
import EcomapOutput
import Foundation
#if canImport(Glibc)
import Glibc
import EcomapText
#endif

/// Standard streams and diagnostic reporting shared by every subcommand.
///
/// Every byte ecomap prints goes through `write(_:to:)`: checked `write(2)` calls that never trap.
/// A failed write (a full disk, a closed descriptor, a reader that went away: SIGPIPE is ignored, so
/// that is EPIPE) ends the command with exit code 3, after one message on stderr when stdout failed
/// and stderr still works. Messages pass through `TerminalText.escaped`, so no control, bidi or
/// invisible character from the input reaches the terminal.
enum Console {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// One line of composed text on stdout.
    static func out(_ text: String) {
        write(TerminalText.escaped(text + "\n", keepLineBreaks: true), to: 1)
    }

    /// One message (may span lines) on stderr.
    static func err(_ text: String) {
        write(TerminalText.escaped(text + "\n", keepLineBreaks: true), to: 2)
    }

    /// A command's output on stdout, as it is (escaped only when stdout is a terminal).
    static func data(_ text: String) {
        write(stdoutIsTerminal ? TerminalText.escaped(text, keepLineBreaks: true) : text, to: 1)
    }

    /// Bytes on stdout, as they are.
    static func data(_ bytes: [UInt8]) {
        writeBytes(bytes, to: 1)
    }

    private static func write(_ text: String, to fd: Int32) {
        writeBytes(Array(text.utf8), to: fd)
    }

    private static func writeBytes(_ bytes: [UInt8], to fd: Int32) {
        let failure = bytes.withUnsafeBytes { buffer in writeAll(fd, buffer) }
        if failure != 0 { streamFailed(fd, failure) }
    }

    /// Writes the whole buffer; returns 0 or the errno of the failed write.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        guard var next = buffer.baseAddress else { return 0 }
        var left = buffer.count
        while left > 0 {
            let n = Glibc.write(fd, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            next += n
            left -= n
        }
        return 0
    }

    /// Ends the command after a failed write to stdout or stderr: exit code 3, one message where one
    /// can still be written, no temporary file or layout child left behind.
    static func streamFailed(_ fd: Int32, _ error: Int32) -> Never {
        if fd == 1 {
            let message = Array("error: cannot write to standard output: \(String(cString: strerror(error)))\n".utf8)
            _ = message.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
        ecomap_emergency_cleanup()
        Glibc.exit(EcomapExit.outputFailure.rawValue)
    }

    /// Prints the diagnostics to stderr (sorted by position, at most `Limits.maxDiagnosticsShown`, then
    /// one line counting the rest), with caret snippets on a terminal (or ECOMAP_SNIPPETS=1).
    static func report(_ diagnostics: Diagnostics, sources: @autoclosure () -> [String: String]) {
        guard !diagnostics.items.isEmpty else { return }
        let snippets = stderrIsTerminal || ProcessInfo.processInfo.environment["ECOMAP_SNIPPETS"] == "1"
        let limit = Limits.standard.maxDiagnosticsShown
        let sorted = diagnostics.sorted
        err(DiagnosticPrinter(sources: snippets ? sources() : [:], snippets: snippets).format(Diagnostics(Array(sorted.prefix(limit)))))
        if sorted.count > limit {
            let rest = sorted.dropFirst(limit)
            let moreErrors = rest.count { $0.severity == .error }, moreWarnings = rest.count { $0.severity == .warning }
            var parts: [String] = []
            if moreErrors > 0 { parts.append("\(moreErrors) more error\(moreErrors == 1 ? "" : "s")") }
            if moreWarnings > 0 { parts.append("\(moreWarnings) more warning\(moreWarnings == 1 ? "" : "s")") }
            let notes = rest.count - moreErrors - moreWarnings
            if notes > 0 { parts.append("\(notes) more note\(notes == 1 ? "" : "s")") }
            err("and " + parts.joined(separator: ", ") + " (limit: \(limit) diagnostics shown)")
        }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors > 0 {
            err("\(errors) error\(errors == 1 ? "" : "s")"
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        }
    }

    /// Loads an ecosystem, reports its diagnostics, and exits 1 when it has errors.
    /// With a `timer`, the `load` and `validate` stages are recorded on it.
    /// Communities with `sources:` are measured (docs/measure.md) unless `measure` is false.
    static func loadOrExit(_ path: String, links: String? = nil, title: String? = nil,
                           timer: StageTimer? = nil, measure: Bool = true) throws -> Ecosystem {
        timer?.begin("load")
        let result = EcosystemLoader.load(path: path, linksPath: links, title: title,
                                          stageDone: timer.map { t in { stage in
                                              t.lap(stage)
                                              if stage == "load" { t.begin("validate") }
                                          } })
        report(withPlausibility(result), sources: result.sources)
        guard let ecosystem = result.ecosystem else { throw EcomapExit.invalidInput }
        guard measure, ecosystem.hasMeasureSources else { return ecosystem }
        timer?.begin("measure")
        defer { timer?.lap("measure") }
        guard let measured = measured(ecosystem, sources: result.sources) else { throw EcomapExit.invalidInput }
        return measured
    }

    /// The loader's diagnostics plus the analysis' plausibility warnings (figures that contradict each
    /// other), so that every command reports both, sorted by position.
    static func withPlausibility(_ result: LoadResult) -> Diagnostics {
        var diagnostics = result.diagnostics
        if let e = result.ecosystem { diagnostics.append(contentsOf: Diagnostics(Plausibility.warnings(e))) }
        return diagnostics
    }

    /// The ecosystem with the figures measured from its sources in place (the one measuring step every
    /// command shares); reports the problems; nil when a source has an error.
    static func measured(_ ecosystem: Ecosystem, sources: [String: String] = [:]) -> Ecosystem? {
        let outcome = Measurer.apply(to: ecosystem)
        report(Diagnostics(outcome.diagnostics), sources: sources)
        return outcome.ecosystem
    }
}
