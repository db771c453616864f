import Foundation
import XCTest

/// Every `import` in Sources/ and Tests/ is a dependency Package.swift declares for that target, and
/// the stages depend on each other one way only (load -> model -> analysis -> map spec -> Graphviz
/// layout -> scene -> renderers -> CLI).
final class DependencyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Modules that come with the toolchain or the system, not from the package graph.
    static let system: Set<String> = [
        "Foundation", "FoundationXML", "FoundationEssentials", "FoundationNetworking", "Glibc", "Musl", "Darwin",
        "Dispatch", "XCTest", "Synchronization", "os",
    ]
    /// Module names that products of package dependencies provide. CYaml (libyaml) is Yams' own C target:
    /// Yams exports no product for it, so the Yams product is its declared dependency (see Package.swift).
    static let productModules: [String: [String]] = [
        "Yams": ["Yams", "CYaml"], "ArgumentParser": ["ArgumentParser"], "CSV": ["CSV"], "ZIPFoundation": ["ZIPFoundation"],
        "Collections": ["Collections", "OrderedCollections", "DequeModule"], "Subprocess": ["Subprocess"],
    ]

    struct Target {
        var name: String
        var kind: String
        var dependencies: [String]
        var path: String?
    }

    /// The targets of Package.swift, read from its text: `.target(`, `.executableTarget(`, `.testTarget(`,
    /// `.systemLibrary(` calls with their `name:`, `path:` and `dependencies: [...]`.
    static func targets() throws -> [Target] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let stripped = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...] }
            .joined(separator: "\n")
        var out: [Target] = []
        let kinds = ["executableTarget", "testTarget", "systemLibrary", "target"]
        var index = stripped.startIndex
        while let dot = stripped[index...].firstIndex(of: ".") {
            index = stripped.index(after: dot)
            guard let kind = kinds.first(where: { stripped[index...].hasPrefix($0 + "(") }) else { continue }
            // The call's text up to its matching parenthesis.
            var depth = 0, end = index
            for i in stripped[index...].indices {
                if stripped[i] == "(" { depth += 1 }
                if stripped[i] == ")" { depth -= 1; if depth == 0 { end = i; break } }
            }
            let call = String(stripped[index...end])
            index = end
            guard let name = value(of: "name", in: call) else { continue }
            var dependencies: [String] = []
            if let deps = call.range(of: "dependencies:") {
                var depth = 0
                var list = ""
                for ch in call[deps.upperBound...] {
                    if ch == "[" { depth += 1 }
                    if depth > 0 { list.append(ch) }
                    if ch == "]" { depth -= 1; if depth == 0 { break } }
                }
                // Strings are target names, `.product(name: "X", ...)` product names.
                dependencies = quoted(in: list.replacingOccurrences(of: #"package: "[^"]*""#, with: "", options: .regularExpression))
            }
            out.append(Target(name: name, kind: kind, dependencies: dependencies, path: value(of: "path", in: call)))
        }
        return out
    }

    private static func value(of key: String, in call: String) -> String? {
        guard let r = call.range(of: key + #":\s*"[^"]*""#, options: .regularExpression) else { return nil }
        return quoted(in: String(call[r])).first
    }

    private static func quoted(in text: String) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().compactMap { $0.offset % 2 == 1 ? String($0.element) : nil }
    }

    /// `import X`, `@testable import X`, `internal import X`, `@_implementationOnly import X`, `import struct X.Y`.
    static func imports(in directory: URL) throws -> [(file: String, module: String)] {
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files.sorted(by: { $0.path < $1.path }) {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                // Swift import declarations start the line (indented `import` lines are inside string
                // literals, such as the Python scripts some tests run).
                guard let first = line.first, first == "i" || first == "@" || first == "p" else { continue }
                var words = line.split(separator: " ").map(String.init)
                while let first = words.first, first.hasPrefix("@") || ["internal", "public", "private", "fileprivate", "package"].contains(first) {
                    words.removeFirst()
                }
                guard words.first == "import", words.count >= 2 else { continue }
                var module = words.count >= 3 && ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1])
                    ? words[2] : words[1]
                if let dot = module.firstIndex(of: ".") { module = String(module[..<dot]) }
                guard module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
                found.append((file.path.replacingOccurrences(of: root.path + "/", with: ""), module))
            }
        }
        return found
    }

    func testEveryImportIsADeclaredDependency() throws {
        let targets = try Self.targets()
        XCTAssertGreaterThan(targets.count, 10, "Package.swift not understood")
        let names = Set(targets.map(\.name))
        var problems: [String] = []
        for target in targets where target.kind != "systemLibrary" {
            let folder = target.path ?? (target.kind == "testTarget" ? "Tests/" : "Sources/") + target.name
            let directory = Self.root.appendingPathComponent(folder)
            XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path), "\(target.name): no folder \(folder)")
            var allowed = Self.system.union([target.name])
            for dependency in target.dependencies {
                if names.contains(dependency) { allowed.insert(dependency) }
                allowed.formUnion(Self.productModules[dependency] ?? [])
            }
            for (file, module) in try Self.imports(in: directory) where !allowed.contains(module) {
                problems.append("\(file): imports \(module), which \(target.name) does not declare")
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
        // The check above can fail: a target that declares nothing but imports something is caught.
        XCTAssertFalse(try Self.imports(in: Self.root.appendingPathComponent("Sources/EcomapLoad")).filter { $0.module == "CYaml" }.isEmpty,
                       "EcomapLoad no longer imports CYaml: update the libyaml note in Package.swift")
    }

    /// Each stage may depend only on earlier stages.
    func testStagesDependOneWay() throws {
        let order = ["EcomapText", "EcomapModel", "EcomapLoad", "EcomapAnalysis", "EcomapSynthetic", "EcomapMapSpec",
                     "EcomapScene", "EcomapFonts", "EcomapGraphviz", "EcomapMapRender", "EcomapOutput", "ecomap"]
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        let targets = try Self.targets()
        for target in targets {
            guard let own = rank[target.name] else { continue }
            for dependency in target.dependencies {
                guard let theirs = rank[dependency] else { continue }
                XCTAssertLessThan(theirs, own, "\(target.name) depends on \(dependency), a later stage")
            }
        }
        let graphviz = try XCTUnwrap(targets.first { $0.name == "EcomapGraphviz" })
        XCTAssertFalse(graphviz.dependencies.contains("EcomapOutput"))
        XCTAssertFalse(graphviz.dependencies.contains("EcomapMapRender"))
        XCTAssertEqual(try XCTUnwrap(targets.first { $0.name == "EcomapScene" }).dependencies, [], "the scene is plain values")
    }
}
