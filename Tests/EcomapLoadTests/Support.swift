import EcomapLoad
import EcomapModel
import XCTest

/// A minimal valid file; tests append or replace parts of it.
let minimalYAML = """
    ecosystem: Test
    communities:
      - id: a
    """

func load(_ yaml: String, file: String = "t.yaml", limits: Limits = .standard) -> LoadResult {
    EcosystemLoader.load(yaml: yaml, file: file, limits: limits)
}

/// The diagnostics of `yaml` as printed lines, sorted by position.
func messages(_ yaml: String, limits: Limits = .standard) -> [String] {
    load(yaml, limits: limits).diagnostics.sorted.map(\.description)
}

/// Asserts that loading fails with exactly these diagnostics.
func assertErrors(_ yaml: String, _ expected: [String], limits: Limits = .standard,
                  file: StaticString = #filePath, line: UInt = #line) {
    let result = load(yaml, limits: limits)
    XCTAssertNil(result.ecosystem, "expected the file to be rejected", file: file, line: line)
    XCTAssertEqual(result.diagnostics.sorted.map(\.description), expected, file: file, line: line)
}

/// Asserts that loading succeeds and returns the ecosystem.
func loadValid(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Ecosystem? {
    let result = load(yaml)
    XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.description, file: file, line: line)
    return result.ecosystem
}

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
