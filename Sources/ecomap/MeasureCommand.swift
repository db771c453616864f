import ArgumentParser
import EcomapMeasure
import EcomapModel
import EcomapOutput
import Foundation

extension MeasureFormat: ExpressibleByArgument {}

/// `ecomap measure FILE`: community figures measured from the exports under `sources:` (docs/measure.md).
struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure community figures from exports (Discord, Slack, Discourse, mention exports).",
        discussion: """
            For every community with `sources:`, over the window of --window days ending on the file's \
            as_of (or --as-of): active members, discussions and reactions per month, density, response \
            rate, median first response, key people and sentiment. Definitions: docs/measure.md.
            """)

    @Argument(help: "An ecosystem file (.yaml) whose communities list `sources:`.")
    var file: String

    @Option(help: "Days in the window (default 90).")
    var window: Int = MeasureWindow.defaultDays

    @Option(name: .customLong("as-of"), help: "The last day of the window, YYYY-MM-DD (default: the file's as_of).")
    var asOf: String?

    @Option(help: "Output format.")
    var format: MeasureFormat = .table

    @Flag(help: "Replace key people's names with stable codes (keyed with ECOMAP_PSEUDONYM_KEY).")
    var pseudonymise = false

    func validate() throws {
        guard (1...3660).contains(window) else { throw ValidationError("--window must be between 1 and 3660 days") }
        if let asOf, CalendarDate(parsing: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, found \"\(asOf)\"")
        }
    }

    func run() throws {
        let ecosystem = try Console.loadOrExit(file, measure: false)
        let end = asOf.flatMap(CalendarDate.init(parsing:))
        let outcome = Measurer.apply(to: ecosystem, asOf: end, windowDays: window)
        Console.report(Diagnostics(outcome.diagnostics), sources: [:])
        guard outcome.ecosystem != nil else { throw EcomapExit.invalidInput }
        var report = MeasureReport(title: ecosystem.title, windowDays: window, measurements: outcome.measurements,
                                   names: Dictionary(ecosystem.communities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        if pseudonymise {
            report = report.pseudonymised(key: ProcessInfo.processInfo.environment["ECOMAP_PSEUDONYM_KEY"] ?? "")
        }
        Console.data(report.rendered(as: format))
    }
}
