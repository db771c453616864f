import EcomapLoad
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
    static func loadOrExit(_ path: String, links: String? = nil, title: String? = nil,
                           timer: StageTimer? = nil) throws -> Ecosystem {
        timer?.begin("load")
        let result = EcosystemLoader.load(path: path, linksPath: links, title: title,
                                          stageDone: timer.map { t in { stage in
                                              t.lap(stage)
                                              if stage == "load" { t.begin("validate") }
                                          } })
        report(result.diagnostics, sources: result.sources)
        guard let ecosystem = result.ecosystem else { throw EcomapExit.invalidInput.code }
        return ecosystem
    }
}
