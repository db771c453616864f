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

    /// Ids are the same id when Swift counts their text the same (canonical equivalence), whatever
    /// came first: also an ASCII id and one written with a code point that stands for an ASCII letter
    /// (KELVIN SIGN for K), which share no byte. References find them either way, in the declared spelling.
    func testCanonicallyEquivalentIdsAreOneIdWhateverTheOrder() {
        for (first, second) in [("K1", "\u{212A}1"), ("\u{212A}1", "K1"), ("caf\u{E9}", "cafe\u{301}"),
                                ("cafe\u{301}", "caf\u{E9}")] {
            let duplicate = load("""
                ecosystem: T
                communities:
                  - id: a
                  - id: \(first)
                  - id: \(second)
                """)
            XCTAssertNil(duplicate.ecosystem)
            XCTAssertEqual(duplicate.diagnostics.sorted.map(\.description),
                           ["t.yaml:5:9: error: duplicate id `\(second)`: already used by the community at line 4"])
            let referred = load("""
                ecosystem: T
                focus: \(second)
                communities:
                  - id: a
                  - id: \(first)
                links:
                  - [a, \(second)]
                """)
            XCTAssertEqual(referred.diagnostics.items.map(\.description), [], first)
            XCTAssertEqual(referred.ecosystem?.focus.map { Array($0.utf8) }, Array(first.utf8), first)
            XCTAssertEqual(referred.ecosystem?.links.first.map { Array($0.to.utf8) }, Array(first.utf8), first)
        }
    }
}
