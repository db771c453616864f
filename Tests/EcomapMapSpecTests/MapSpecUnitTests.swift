import EcomapMapSpec
import EcomapModel
import XCTest
import EcomapText

final class MapSpecUnitTests: XCTestCase {
    func testLabelWrapping() {
        let wrap = LabelText(lineLength: 10, maxLines: 2)
        XCTAssertEqual(wrap.lines("Mom 2.0 Summit"), ["Mom 2.0", "Summit"])
        XCTAssertEqual(wrap.lines("a b c d e f g h i j k l m n"), ["a b c d e", "f g h i j…"])
        XCTAssertEqual(wrap.lines("Supercalifragilistic"), ["Supercalif", "ragilistic"])
        XCTAssertEqual(wrap.lines("Supercalifragilisticexpialidocious"), ["Supercalif", "ragilisti…"])
        XCTAssertEqual(wrap.lines("line\nbreak\ttab\u{7}bell"), ["line break", "tab bell"])
        XCTAssertEqual(wrap.lines(""), [""])
        XCTAssertEqual(LabelText.nodeName.lines(String(repeating: "x", count: 500)).count, 3)
    }

    func testSafeURL() {
        for ok in ["https://a.example", "HTTP://a.example/x?y=1&z=2#f", "mailto:a@b.example", "MailTo:a@b.example"] {
            XCTAssertEqual(SafeURL.validated(ok), ok)
        }
        for bad in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\nscript:alert(1)", " https://a.example",
                    "vbscript:x", "data:text/html,x", "https://a.example/\"x", "https://a.example/<x>", "https://",
                    "http:/a.example", "mailto:nobody", "file:///etc/passwd", "https://a.example/ä", "https://a.example/\\x",
                    "https://a.example/'onmouseover", ""] {
            XCTAssertNil(SafeURL.validated(bad), bad)
        }
    }

    func testDOMIDsAreStableAndInjective() {
        XCTAssertEqual(DOMID.node("mom-101"), "node-mom-101")
        XCTAssertEqual(DOMID.escape("a.b_c"), "a_2Eb_5Fc")
        XCTAssertEqual(DOMID.escape("café"), "caf_C3_A9")
        XCTAssertNotEqual(DOMID.edge(from: "a-", to: "b"), DOMID.edge(from: "a", to: "-b"))
        XCTAssertNotEqual(DOMID.escape("a_2E"), DOMID.escape("a."))
    }

    func testColours() {
        XCTAssertEqual(RGB(hex: "#0B6E4F")?.hex, "#0b6e4f")
        for bad in ["0B6E4F", "#0B6E4", "#0B6E4FF", "#GGGGGG", "red", "rgba(0,0,0,0)", "var(--x)", "transparent"] {
            XCTAssertNil(RGB(hex: bad), bad)
        }
        XCTAssertEqual(RGB(255, 255, 255).readableText, RGB(17, 17, 17))
        XCTAssertEqual(RGB(12, 44, 132).readableText, RGB(255, 255, 255))
    }

    func testThemesAndPaletteOverrides() {
        let (colors, warnings) = ThemeColors.resolve(theme: .light, palette: ["brand": "#0B6E4F", "link": "red", "nope": "#000000"])
        XCTAssertEqual(colors.stakeholderFill(.brand), RGB(hex: "#0b6e4f"))
        XCTAssertEqual(warnings.count, 2)
        XCTAssertEqual(colors.focusFill(0), colors.focusScale.first)
        XCTAssertEqual(colors.focusFill(100), colors.focusScale.last)
        // The print theme is greyscale.
        let print = ThemeColors.defaults(.print)
        for c in print.focusScale + Array(print.roles.values) + [print.influencer, print.stakeholder, print.link] {
            XCTAssertTrue(c.red == c.green && c.green == c.blue, c.hex)
        }
        // A community override makes a single-hue ramp ending at the colour.
        let (custom, _) = ThemeColors.resolve(theme: .light, palette: ["community": "#aa0000"])
        XCTAssertEqual(custom.focusScale.last, RGB(hex: "#aa0000"))
    }

    func testAutoEngineRule() {
        XCTAssertEqual(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 20, grouped: false).engine, .neato)
        XCTAssertEqual(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 401, grouped: false).engine, .sfdp)
        XCTAssertEqual(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 20, grouped: true).engine, .dot)
        XCTAssertEqual(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 2001, grouped: true).engine, .sfdp)
        XCTAssertEqual(LayoutPlan.choose(option: .auto, fileEngine: .circo, nodeCount: 20, grouped: false).engine, .circo)
        XCTAssertEqual(LayoutPlan.choose(option: .fixed(.twopi), fileEngine: .circo, nodeCount: 20, grouped: false).engine, .twopi)
        XCTAssertTrue(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 60, grouped: false).curvedEdges)
        XCTAssertFalse(LayoutPlan.choose(option: .auto, fileEngine: nil, nodeCount: 61, grouped: false).curvedEdges)
    }

    func testAreaGrowsLinearlyWithSizeScore() {
        let d0 = NodeEncoding.diameter(sizeScore: 0), d50 = NodeEncoding.diameter(sizeScore: 50), d100 = NodeEncoding.diameter(sizeScore: 100)
        XCTAssertEqual(d50 * d50 - d0 * d0, (d100 * d100 - d0 * d0) / 2, accuracy: 1e-9)
        XCTAssertEqual(NodeEncoding.diameter(sizeScore: nil), NodeEncoding.minDiameter)
        XCTAssertEqual(NodeEncoding.diameter(sizeScore: .nan), NodeEncoding.minDiameter)
    }
}
