import EcomapLoad
import XCTest

/// Ids that differ only by letter case warn against the first id so spelt, whichever came first and
/// whether or not either is in lower-case ASCII.
final class IdCaseTests: XCTestCase {
    func testEveryCaseOnlyDifferenceNamesTheFirstSpelling() {
        let result = load("""
            ecosystem: T
            communities:
              - id: mom-101
              - id: Mom-101
              - id: MOM
              - id: mom
              - id: Mom
              - id: straße
              - id: STRASSE
              - id: strasse
              - id: caf\u{E9}
              - id: CAFE\u{301}
            """)
        XCTAssertNotNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "t.yaml:4:9: warning: id `Mom-101` differs from `mom-101` (line 3) only by letter case",
            "t.yaml:6:9: warning: id `mom` differs from `MOM` (line 5) only by letter case",
            "t.yaml:7:9: warning: id `Mom` differs from `MOM` (line 5) only by letter case",
            "t.yaml:9:9: warning: id `STRASSE` differs from `straße` (line 8) only by letter case",
            "t.yaml:10:9: warning: id `strasse` differs from `straße` (line 8) only by letter case",
            "t.yaml:12:9: warning: id `CAFE\u{301}` differs from `caf\u{E9}` (line 11) only by letter case",
        ])
    }
}
