import EcomapOutput
import ArgumentParser
import EcomapLoad
import EcomapMeasure
import EcomapModel
import EcomapText

/// `ecomap validate FILE...`: checks files and prints a one-line summary each.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check ecosystem files and print a one-line summary of each.",
        discussion: "Every problem is reported as FILE:LINE:COL: error: message. Exits 1 if any file has errors.")

    @Argument(help: "Ecosystem files (.yaml), tables (.csv, .tsv, .txt) or workbooks (.xlsx, .ods).")
    var files: [String]

    @OptionGroup var input: InputOptions

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to validate") }
        if input.linksPath != nil && files.count > 1 {
            throw ValidationError("--links applies to one CSV file; validate CSV pairs one at a time")
        }
    }

    func run() throws {
        var failed = false
        for file in files {
            let run = timing.start()
            defer { run.finish() }
            run.timer.begin("load")
            let result = EcosystemLoader.load(path: file, linksPath: input.linksPath, title: input.title,
                                              stageDone: { stage in
                                                  run.timer.lap(stage)
                                                  if stage == "load" { run.timer.begin("validate") }
                                              })
            Console.report(Console.withPlausibility(result), sources: result.sources)
            // Exports under `sources:` are read and measured too: a broken export makes the file invalid.
            var measureErrors = 0
            var ecosystem = result.ecosystem
            if let loaded = ecosystem, loaded.hasMeasureSources {
                let outcome = Measurer.apply(to: loaded)
                Console.report(Diagnostics(outcome.diagnostics), sources: result.sources)
                measureErrors = outcome.diagnostics.filter { $0.severity == .error }.count
                ecosystem = outcome.ecosystem
            }
            if let ecosystem {
                Console.out("\(TerminalText.name(file)): ok: " + Self.summary(ecosystem)
                            + Self.warningSuffix(result.diagnostics.warnings.count))
            } else {
                failed = true
                Console.out("\(TerminalText.name(file)): invalid: \(result.diagnostics.errors.count + measureErrors) error(s)")
            }
        }
        if failed { throw EcomapExit.invalidInput }
    }

    static func summary(_ e: Ecosystem) -> String {
        func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
        return [
            count(e.communities.count, "community", "communities"),
            count(e.influencers.count, "influencer", "influencers"),
            count(e.stakeholders.count, "stakeholder", "stakeholders"),
            count(e.topics.count, "topic", "topics"),
            count(e.links.count, "link", "links"),
        ].joined(separator: ", ")
    }

    static func warningSuffix(_ n: Int) -> String { n == 0 ? "" : " (\(n) warning\(n == 1 ? "" : "s"))" }
}
