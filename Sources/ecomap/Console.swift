import EcomapLoad
import EcomapMeasure
import EcomapModel
import EcomapOutput
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard streams and diagnostic reporting shared by every subcommand.
enum Console {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints every diagnostic to stderr, with caret snippets on a terminal (or ECOMAP_SNIPPETS=1).
    static func report(_ diagnostics: Diagnostics, sources: [String: String]) {
        guard !diagnostics.items.isEmpty else { return }
        let snippets = stderrIsTerminal || ProcessInfo.processInfo.environment["ECOMAP_SNIPPETS"] == "1"
        err(DiagnosticPrinter(sources: sources, snippets: snippets).format(diagnostics))
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
        report(result.diagnostics, sources: result.sources)
        guard let ecosystem = result.ecosystem else { throw EcomapExit.invalidInput.code }
        guard measure, ecosystem.hasMeasureSources else { return ecosystem }
        timer?.begin("measure")
        defer { timer?.lap("measure") }
        guard let measured = measured(ecosystem, sources: result.sources) else { throw EcomapExit.invalidInput.code }
        return measured
    }

    /// The ecosystem with the figures measured from its sources in place (the one measuring step every
    /// command shares); reports the problems; nil when a source has an error.
    static func measured(_ ecosystem: Ecosystem, sources: [String: String] = [:]) -> Ecosystem? {
        let outcome = Measurer.apply(to: ecosystem)
        report(Diagnostics(outcome.diagnostics), sources: sources)
        return outcome.ecosystem
    }

    /// The files a command reads for `ecosystem` (the file itself, a links table, every export under
    /// `sources:`): no output may overwrite them.
    static func inputs(_ file: String, links: String? = nil, _ ecosystem: Ecosystem?) -> [String] {
        [file] + (links.map { [$0] } ?? []) + (ecosystem?.measureSourcePaths ?? [])
    }
}
