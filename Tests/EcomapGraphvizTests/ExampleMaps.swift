import EcomapAnalysis
import EcomapLoad
import EcomapMapSpec
import EcomapModel
import XCTest

/// The project's example files, loaded through the real loader.
enum ExampleMaps {
    static let names = ["alpha-moms", "fietsvrienden", "starter"]

    static func ecosystem(_ name: String) throws -> Ecosystem {
        let path = repositoryRoot.appendingPathComponent("examples/\(name).yaml").path
        let result = EcosystemLoader.load(path: path)
        guard let ecosystem = result.ecosystem else {
            // A broken example is a failure, never a skip.
            throw ExampleError(description: "example \(name) does not load: \(result.diagnostics)")
        }
        var fixed = ecosystem
        fixed.sourceFile = "examples/\(name).yaml"
        return fixed
    }

    static func spec(_ name: String, _ options: MapOptions = MapOptions()) throws -> MapSpec {
        MapSpecBuilder.build(Analyzer.analyze(try ecosystem(name)), options: options).0
    }
}

struct ExampleError: Error, CustomStringConvertible {
    var description: String
}
