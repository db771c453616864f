import ArgumentParser
import Foundation

/// `ecomap init [PATH]`: writes a commented starter ecosystem file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter ecosystem file that validates.")

    @Argument(help: "Where to write the file.")
    var path: String = "ecosystem.yaml"

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: path) {
            Console.err("error: `\(path)` already exists; use --force to replace it")
            throw EcomapExit.outputFailure.code
        }
        do {
            try Data(StarterTemplate.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Console.err("error: cannot write `\(path)`: \(error.localizedDescription)")
            throw EcomapExit.outputFailure.code
        }
        Console.out("wrote \(path); edit it, then run: ecomap validate \(path)")
    }
}
