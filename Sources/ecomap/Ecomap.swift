import ArgumentParser
import EcomapModel
import Foundation

/// The `ecomap` command: maps the community ecosystem around a brand.
@main
struct Ecomap: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ecomap",
        abstract: "Map, score and rank the community ecosystem around a brand.",
        discussion: """
            Reads an ecosystem file (YAML, format version 1) or a CSV pair (nodes.csv + links.csv).
            Exit codes: 0 success (warnings allowed), 1 invalid input, 2 usage error,
            3 output could not be written, 4 layout failed or timed out.
            """,
        version: version,
        subcommands: [Validate.self, Init.self, Rank.self, Measure.self, Render.self, Generate.self, Diff.self, Gaps.self, Export.self, Report.self]
    )

    /// Runs the command; maps usage errors to exit code 2 (swift-argument-parser uses 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(EcomapExit.usage.rawValue)
            }
            self.exit(withError: error)
        }
    }
}

/// ecomap's documented exit codes.
enum EcomapExit: Int32 {
    case success = 0
    case invalidInput = 1
    case usage = 2
    case outputFailure = 3
    case layoutFailure = 4

    var code: ExitCode { ExitCode(rawValue) }
}
