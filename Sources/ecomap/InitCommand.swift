import ArgumentParser
import EcomapOutput
import EcomapText

/// `ecomap init [PATH]`: writes a commented starter ecosystem file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter ecosystem file that validates.",
        discussion: """
            Written like every output: atomically (fsync'ed, then moved into place). An existing file is \
            kept unless --force is given; a directory or a symbolic link is never replaced.
            """)

    @Argument(help: "Where to write the file.")
    var path: String = "ecosystem.yaml"

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        do {
            try OutputFile.write(Array(StarterTemplate.text.utf8), to: path, replace: force)
        } catch {
            if error.message?.hasSuffix("it already exists") == true {
                throw CommandFailure(.outputFailure, "\(TerminalText.name(path)) already exists; use --force to replace it")
            }
            throw error
        }
        Console.out("wrote \(TerminalText.name(path)); edit it, then run: ecomap validate \(TerminalText.name(path))")
    }
}
