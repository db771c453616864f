import EcomapGraphviz
import EcomapMapRender
import EcomapMapSpec
import EcomapModel
import XCTest

/// Hostile names, URLs, tags and notes: the SVG parses as XML, carries no executable content, and
/// shows every name literally; the DOT hands Graphviz escaped, plain-string labels.
final class HostileTextTests: XCTestCase {
    static let names = [
        "<script>alert(1)</script>",
        "\\N \\G \\n \\l \\E \\T \\H \\L \\r \\",
        "Tom &amp; Jerry &lt;b&gt; &#60; &",
        "<<b>html-like</b>>",
        "{record|<port> field}",
        "\" onload=\"alert(1)",
        "]]><foreignObject><body onload=alert(1)>",
        "javascript:alert(1)",
    ]

    static let urls = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:alert(1)", " javascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "https://ok.example/\"><script>",
        "https://ok.example/a b", "http://", "mailto:someone", "file:///etc/passwd", "https://safe.example/path?q=1&r=2",
    ]

    static var ecosystem: Ecosystem {
        let communities = names.enumerated().map { i, name in
            Community(id: "c\(i)", name: name, url: urls[i % urls.count], notes: "<script>alert('notes')</script>",
                      tags: ["<img src=x onerror=alert(1)>", "\\N"], members: 100 * (i + 1))
        }
        let influencers = urls.enumerated().map { i, url in
            Influencer(id: "i\(i)", name: "Influencer \(i) \\N & <b>", url: url, followers: 10)
        }
        return Ecosystem(
            title: "<script>alert('title')</script> \\G &amp;", description: "Desc <b onclick=\"x\">bold</b> \\N",
            focus: "c0", communities: communities, influencers: influencers,
            stakeholders: [Stakeholder(id: "s.1_x", name: "Stake & <holder>", url: "mailto:press@example.com", role: .brand)],
            links: [Link(from: "c0", to: "c1", kind: "<script>kind</script> \\N"), Link(from: "s.1_x", to: "i0")])
    }

    func testSVGHasNoExecutableContentAndShowsTextLiterally() throws {
        for theme in Theme.allCases {
            let spec = Fixtures.spec(Self.ecosystem, MapOptions(theme: theme))
            let bytes = try MapRendering.render(spec, as: .svg).bytes
            let svg = try SVGDocument(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertFalse(text.contains("<!DOCTYPE"))
            XCTAssertFalse(text.contains("<!--"))
            for element in svg.elements {
                XCTAssertFalse(["script", "foreignObject", "style", "image", "use", "iframe"].contains(element.name), element.name)
                for (name, value) in element.attributes {
                    XCTAssertFalse(name.lowercased().hasPrefix("on"), "event attribute \(name)")
                    XCTAssertNotEqual(name, "style")
                    if name == "xlink:href" || name == "href" {
                        let scheme = value.lowercased().prefix { $0 != ":" }
                        XCTAssertTrue(["http", "https", "mailto"].contains(String(scheme)), "link \(value)")
                        XCTAssertFalse(value.contains(" ") || value.contains("\"") || value.contains("<"), value)
                    }
                    XCTAssertFalse(value.lowercased().contains("javascript:") && name != "title", "\(name)=\(value)")
                    XCTAssertFalse(value.contains("rgba(") || value.contains("var(") || value == "transparent", "\(name)=\(value)")
                }
            }
            // Every name appears literally as its node's label text.
            for node in spec.nodes {
                let drawn = svg.nodes.first { $0.id == node.domID }
                XCTAssertEqual(drawn?.texts.map(\.content), node.drawnLines, node.id)
            }
            XCTAssertEqual(svg.elements.first { $0.attributes["id"] == "map-title" }?.text,
                           "<script>alert('title')</script> \\G &amp;")
        }
    }

    func testOnlySafeURLsBecomeLinks() throws {
        let spec = Fixtures.spec(Self.ecosystem)
        let linked = Set(spec.nodes.compactMap(\.url))
        XCTAssertEqual(linked, ["https://safe.example/path?q=1&r=2", "mailto:press@example.com"])
        let svg = try SVGDocument(try MapRendering.render(spec, as: .svg).bytes)
        let hrefs = Set(svg.elements.compactMap { $0.attributes["xlink:href"] })
        XCTAssertEqual(hrefs, linked)
    }

    func testDotHandsGraphvizEscapedPlainLabels() throws {
        let spec = Fixtures.spec(Self.ecosystem)
        let dot = String(decoding: try MapRendering.render(spec, as: .dot).bytes, as: UTF8.self)
        XCTAssertTrue(dot.contains(##"label="#6\n\\N \\G \\n \\l \\E \\T \\H\n\\L \\r \\""##), "backslashes not doubled:\n\(dot)")
        XCTAssertTrue(dot.contains("Tom &amp;amp; Jerry"), "& not escaped")
        // No HTML-like label (label=<...>) and no record shapes.
        XCTAssertFalse(dot.contains("label=<"))
        XCTAssertFalse(dot.contains("shape=record") || dot.contains("shape=Mrecord"))
        for forbidden in ["image=", "shapefile", "fontpath", "stylesheet", "imagepath"] {
            XCTAssertFalse(dot.contains(forbidden), forbidden)
        }
    }

    func testPNGAndPDFRenderHostileText() throws {
        let spec = Fixtures.spec(Self.ecosystem)
        XCTAssertFalse(try MapRendering.render(spec, as: .png).bytes.isEmpty)
        XCTAssertFalse(try MapRendering.render(spec, as: .pdf).bytes.isEmpty)
    }
}
