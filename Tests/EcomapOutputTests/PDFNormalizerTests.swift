import EcomapOutput
import XCTest

final class PDFNormalizerTests: XCTestCase {
    func testDatesAreFixedAndOffsetsKept() {
        let pdf = Array("%PDF-1.5\n<< /Producer (cairo) /CreationDate (D:20261124203512+01'00) /ModDate (D:20261124203512Z) >>\n".utf8)
        let normalized = PDFNormalizer.normalize(pdf)
        XCTAssertEqual(normalized.count, pdf.count)
        let text = String(decoding: normalized, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (D:20000101000000+00'00)"), text)
        XCTAssertTrue(text.contains("/ModDate (D:20000101000000Z)"), text)
        XCTAssertEqual(PDFNormalizer.normalize(Array("no dates".utf8)), Array("no dates".utf8))
    }
}
