import ArgumentParser
import CProcessSafety
import EcomapModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            3 output could not be written (a file, stdout or stderr), 4 layout failed or timed out.
            `--` ends the options: every argument after it is a file name, even one starting with `-`.
            """,
        version: version,
        subcommands: [Validate.self, Init.self, Rank.self, Measure.self, Render.self, Generate.self, Diff.self, Gaps.self, Export.self, Report.self, DeckCommand.self]
    )

    /// Runs the command. The one error path: every failure ends here, is printed once and becomes its
    /// documented exit code (usage errors are 2; swift-argument-parser would use 64).
    static func main() {
        ecomap_reserve_standard_descriptors()
        ecomap_ignore_sigpipe()
        ecomap_install_signal_cleanup()
        let code: Int32
        do {
            var command = try parseAsRoot(rawArguments())
            try command.run()
            code = EcomapExit.success.rawValue
        } catch {
            code = report(error)
        }
        ecomap_emergency_cleanup()
        Glibc.exit(code)
    }

    /// Prints what `error` has to say (once) and returns its exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let failure as CommandFailure:
            if let message = failure.message { Console.err("error: " + message) }
            return failure.exit.rawValue
        case let exit as EcomapExit:
            return exit.rawValue
        case let exit as ExitCode:
            return exit.rawValue
        default:
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                if !message.isEmpty { Console.data(message + "\n") }
                return EcomapExit.success.rawValue
            }
            if !message.isEmpty { Console.err(message) }
            return code == .validationFailure ? EcomapExit.usage.rawValue : code.rawValue
        }
    }

    /// The arguments as the kernel passed them: bytes that are not UTF-8 (a file named `lat1\xE9.yaml`)
    /// are kept (`RawPath`), not replaced.
    static func rawArguments() -> [String] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let arg = CommandLine.unsafeArgv[i] else { return "" }
            return RawPath.decodeArgument(Array(UnsafeBufferPointer(start: arg, count: strlen(arg))).map { UInt8(bitPattern: $0) })
        }
    }
}

/// ecomap's documented exit codes.
enum EcomapExit: Int32, Error {
    case success = 0
    case invalidInput = 1
    case usage = 2
    case outputFailure = 3
    case layoutFailure = 4

    var code: ExitCode { ExitCode(rawValue) }
}

/// A failure that ends the command: its exit code and the message printed once (nil when the
/// details were already reported, e.g. as diagnostics).
struct CommandFailure: Error, CustomStringConvertible {
    var exit: EcomapExit
    var message: String?

    init(_ exit: EcomapExit, _ message: String? = nil) {
        self.exit = exit
        self.message = message
    }

    var description: String { message ?? "exit \(exit.rawValue)" }
}
