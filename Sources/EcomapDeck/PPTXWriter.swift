import Foundation
import ZIPFoundation

/// Writes a `Deck` as a PowerPoint file (PresentationML, ECMA-376), natively: every part is written
/// here as XML text and stored in a ZIP with ZIPFoundation.
///
/// - 16:9, 12,192,000 x 6,858,000 EMU; one blank layout; a notes master, and a notes slide per slide
///   with notes.
/// - Pictures carry the SVG (`asvg:svgBlip`, Office 2016+) and a PNG fallback in the same `a:blip`.
/// - Hyperlinks only for `http`, `https` and `mailto`; no macros, no external targets other than those
///   links, no embedded objects.
/// - Deterministic bytes: parts in a fixed order, every entry dated the same fixed local time.
public enum PPTXWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let nsA = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let nsP = "http://schemas.openxmlformats.org/presentationml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The file's bytes.
    public static func write(_ deck: Deck) throws(Failure) -> [UInt8] {
        var parts: [(String, [UInt8])] = []
        func add(_ path: String, _ text: String) { parts.append((path, Array(text.utf8))) }

        var media: [(String, [UInt8])] = []
        var slideXML: [(slide: String, rels: String, notes: String?, notesRels: String?)] = []
        for (index, slide) in deck.slides.enumerated() {
            var writer = SlideWriter(slide: slide, number: index + 1, mediaStart: media.count)
            slideXML.append(writer.write(into: &media))
        }

        add("[Content_Types].xml", contentTypes(deck, slides: slideXML.map { $0.notes != nil }))
        add("_rels/.rels", relationships([
            ("rId1", "officeDocument", "ppt/presentation.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", "extended-properties", "docProps/app.xml"),
        ]))
        add("docProps/core.xml", core(deck))
        add("docProps/app.xml", app(deck))
        add("ppt/presentation.xml", presentation(deck))
        var presentationRels: [(String, String, String)] = [
            ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
            ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
            ("rId3", "theme", "theme/theme1.xml"),
        ]
        for i in deck.slides.indices { presentationRels.append(("rId\(i + 10)", "slide", "slides/slide\(i + 1).xml")) }
        add("ppt/_rels/presentation.xml.rels", relationships(presentationRels))
        add("ppt/slideMasters/slideMaster1.xml", OOXMLParts.slideMaster)
        add("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships([
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", "theme", "../theme/theme1.xml"),
        ]))
        add("ppt/slideLayouts/slideLayout1.xml", OOXMLParts.slideLayout)
        add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]))
        add("ppt/notesMasters/notesMaster1.xml", OOXMLParts.notesMaster)
        add("ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships([("rId1", "theme", "../theme/theme2.xml")]))
        add("ppt/theme/theme1.xml", OOXMLParts.theme(name: "ecomap"))
        add("ppt/theme/theme2.xml", OOXMLParts.theme(name: "ecomap notes"))
        for (i, s) in slideXML.enumerated() {
            add("ppt/slides/slide\(i + 1).xml", s.slide)
            add("ppt/slides/_rels/slide\(i + 1).xml.rels", s.rels)
            if let notes = s.notes, let notesRels = s.notesRels {
                add("ppt/notesSlides/notesSlide\(i + 1).xml", notes)
                add("ppt/notesSlides/_rels/notesSlide\(i + 1).xml.rels", notesRels)
            }
        }
        for (name, bytes) in media { parts.append(("ppt/media/\(name)", bytes)) }
        return try zip(parts)
    }

    // MARK: - ZIP

    /// A fixed local time, so the DOS date in every entry is the same whatever the time zone.
    static var fixedDate: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0)) ?? Date(timeIntervalSince1970: 946_684_800)
    }

    static func zip(_ parts: [(String, [UInt8])]) throws(Failure) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = fixedDate
            for (path, bytes) in parts {
                let data = Data(bytes)
                // Pictures are already compressed; XML is deflated.
                let method: CompressionMethod = path.hasSuffix(".png") ? .none : .deflate
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: method, provider: { position, size in
                                         data.subdata(in: Int(position)..<Int(position) + size)
                                     })
            }
            guard let data = archive.data else { throw Failure(description: "the ZIP archive could not be written") }
            return Array(data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "writing the PowerPoint file failed: \(error)")
        }
    }

    // MARK: - Package parts

    static func relationships(_ items: [(id: String, type: String, target: String)], external: Set<String> = []) -> String {
        var out = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for item in items {
            let type = item.type.hasPrefix("http") ? item.type : rel + item.type
            out += "<Relationship Id=\"\(item.id)\" Type=\"\(type)\" Target=\"\(OOXMLText.escape(item.target))\""
            if external.contains(item.id) { out += " TargetMode=\"External\"" }
            out += "/>"
        }
        return out + "</Relationships>"
    }

    static func contentTypes(_ deck: Deck, slides: [Bool]) -> String {
        let pml = "application/vnd.openxmlformats-officedocument.presentationml."
        var out = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        out += "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
        out += "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"\(pml)presentation.main+xml\"/>"
        out += "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"\(pml)slideMaster+xml\"/>"
        out += "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"\(pml)slideLayout+xml\"/>"
        out += "<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"\(pml)notesMaster+xml\"/>"
        for (i, hasNotes) in slides.enumerated() {
            out += "<Override PartName=\"/ppt/slides/slide\(i + 1).xml\" ContentType=\"\(pml)slide+xml\"/>"
            if hasNotes { out += "<Override PartName=\"/ppt/notesSlides/notesSlide\(i + 1).xml\" ContentType=\"\(pml)notesSlide+xml\"/>" }
        }
        out += "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        out += "<Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return out + "</Types>"
    }

    static func core(_ deck: Deck) -> String {
        let stamp = deck.date + "T00:00:00Z"
        return header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(OOXMLText.line(deck.title))</dc:title><dc:creator>ecomap</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified></cp:coreProperties>"
    }

    static func app(_ deck: Deck) -> String {
        header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>ecomap</Application><Slides>\(deck.slides.count)</Slides>"
            + "<Notes>\(deck.slides.filter { !$0.notes.isEmpty }.count)</Notes><PresentationFormat>Widescreen</PresentationFormat></Properties>"
    }

    static func presentation(_ deck: Deck) -> String {
        var out = header + "<p:presentation xmlns:a=\"\(nsA)\" xmlns:r=\"\(nsR)\" xmlns:p=\"\(nsP)\">"
        out += "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
        out += "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>"
        out += "<p:sldIdLst>"
        for i in deck.slides.indices { out += "<p:sldId id=\"\(256 + i)\" r:id=\"rId\(i + 10)\"/>" }
        out += "</p:sldIdLst>"
        out += "<p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
        return out + "</p:presentation>"
    }
}

/// One slide's XML, relationships, notes and media.
struct SlideWriter {
    let slide: DeckSlide
    let number: Int
    let mediaStart: Int

    private var nextID = 2
    private var rels: [(id: String, type: String, target: String)] = [("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]
    private var external = Set<String>()
    /// Shapes by key with their ids, for the connectors glued to them.
    private var shapesByKey: [String: (id: Int, shape: DeckShape)] = [:]

    init(slide: DeckSlide, number: Int, mediaStart: Int) {
        self.slide = slide
        self.number = number
        self.mediaStart = mediaStart
    }

    mutating func write(into media: inout [(String, [UInt8])]) -> (slide: String, rels: String, notes: String?, notesRels: String?) {
        // Shape ids first, so connectors can name the shapes they join whatever the order.
        var id = 2
        for element in slide.elements {
            if case .shape(let s) = element { shapesByKey[s.key] = (id, s) }
            id += 1
        }
        var body = ""
        for element in slide.elements {
            body += xml(element, media: &media)
            nextID += 1
        }
        var out = PPTXWriter.header + "<p:sld xmlns:a=\"\(PPTXWriter.nsA)\" xmlns:r=\"\(PPTXWriter.nsR)\" xmlns:p=\"\(PPTXWriter.nsP)\">"
        out += "<p:cSld name=\"\(OOXMLText.line(slide.name))\"><p:spTree>" + groupHeader + body + "</p:spTree></p:cSld>"
        out += "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
        var notes: String?
        var notesRels: String?
        if !slide.notes.isEmpty {
            rels.append(("rId\(rels.count + 1)", "notesSlide", "../notesSlides/notesSlide\(number).xml"))
            notes = notesXML()
            notesRels = PPTXWriter.relationships([("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                                                  ("rId2", "slide", "../slides/slide\(number).xml")])
        }
        return (out, PPTXWriter.relationships(rels, external: external), notes, notesRels)
    }

    private var groupHeader: String {
        "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
            + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
    }

    private mutating func relationship(_ type: String, _ target: String, external isExternal: Bool = false) -> String {
        let id = "rId\(rels.count + 1)"
        rels.append((id, type, target))
        if isExternal { external.insert(id) }
        return id
    }

    private func xfrm(_ f: DeckFrame, tag: String = "a:xfrm", flipH: Bool = false, flipV: Bool = false) -> String {
        let flips = (flipH ? " flipH=\"1\"" : "") + (flipV ? " flipV=\"1\"" : "")
        return "<\(tag)\(flips)><a:off x=\"\(OOXMLText.emu(f.x))\" y=\"\(OOXMLText.emu(f.y))\"/>"
            + "<a:ext cx=\"\(OOXMLText.emu(max(f.width, 0)))\" cy=\"\(OOXMLText.emu(max(f.height, 0)))\"/></\(tag)>"
    }

    private mutating func run(_ r: DeckRun) -> String {
        var out = "<a:r><a:rPr lang=\"en-US\" sz=\"\(Int((max(r.size, 10) * 100).rounded()))\"\(r.bold ? " b=\"1\"" : "") dirty=\"0\">"
        out += "<a:solidFill><a:srgbClr val=\"\(OOXMLText.color(r.color))\"/></a:solidFill>"
        out += "<a:latin typeface=\"Arial\"/><a:cs typeface=\"Arial\"/>"
        if let link = r.link.flatMap(DeckURL.validated) {
            out += "<a:hlinkClick r:id=\"\(relationship("hyperlink", link, external: true))\"/>"
        }
        return out + "</a:rPr><a:t>\(OOXMLText.line(r.text))</a:t></a:r>"
    }

    private mutating func paragraph(_ p: DeckParagraph) -> String {
        var out = "<a:p><a:pPr algn=\"\(p.alignment.rawValue)\""
        if p.bullet { out += " marL=\"228600\" indent=\"-228600\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/></a:pPr>" }
        else { out += "><a:buNone/></a:pPr>" }
        for r in p.runs { out += run(r) }
        let size = Int(((p.runs.first?.size ?? 12) * 100).rounded())
        return out + "<a:endParaRPr lang=\"en-US\" sz=\"\(max(size, 1000))\" dirty=\"0\"/></a:p>"
    }

    private mutating func textBody(_ paragraphs: [DeckParagraph], anchor: String, wrap: Bool = true, inset: Double = 0) -> String {
        let i = OOXMLText.emu(inset)
        var out = "<p:txBody><a:bodyPr wrap=\"\(wrap ? "square" : "none")\" lIns=\"\(i)\" tIns=\"\(i)\" rIns=\"\(i)\" bIns=\"\(i)\" anchor=\"\(anchor)\" rtlCol=\"0\"><a:noAutofit/></a:bodyPr><a:lstStyle/>"
        for p in paragraphs.isEmpty ? [DeckParagraph([])] : paragraphs { out += paragraph(p) }
        return out + "</p:txBody>"
    }

    private mutating func xml(_ element: DeckElement, media: inout [(String, [UInt8])]) -> String {
        let id = nextID
        switch element {
        case let .text(frame, paragraphs, anchor):
            return "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"Text \(id)\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
                + "<p:spPr>\(xfrm(frame))<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
                + textBody(paragraphs, anchor: anchor.rawValue) + "</p:sp>"
        case let .picture(frame, svg, png, altText, name):
            let pngName = "image\(media.count + 1).png"
            media.append((pngName, png))
            let svgName = "image\(media.count + 1).svg"
            media.append((svgName, svg))
            let pngID = relationship("image", "../media/\(pngName)")
            let svgID = relationship("image", "../media/\(svgName)")
            return "<p:pic><p:nvPicPr><p:cNvPr id=\"\(id)\" name=\"\(OOXMLText.line(name))\" descr=\"\(OOXMLText.escape(altText))\"/>"
                + "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                + "<p:blipFill><a:blip r:embed=\"\(pngID)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
                + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svgID)\"/>"
                + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                + "<p:spPr>\(xfrm(frame))<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
        case let .table(frame, columns, rows, rowHeight, name):
            var out = "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"\(id)\" name=\"\(OOXMLText.line(name))\"/>"
                + "<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
                + xfrm(frame, tag: "p:xfrm")
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl>"
                + "<a:tblPr firstRow=\"1\" bandRow=\"1\"/><a:tblGrid>"
            for w in columns { out += "<a:gridCol w=\"\(OOXMLText.emu(w))\"/>" }
            out += "</a:tblGrid>"
            for row in rows {
                out += "<a:tr h=\"\(OOXMLText.emu(rowHeight))\">"
                for cell in row {
                    out += "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>" + paragraph(DeckParagraph(cell.runs, alignment: cell.alignment)) + "</a:txBody>"
                    out += "<a:tcPr marL=\"68580\" marR=\"68580\" marT=\"34290\" marB=\"34290\" anchor=\"ctr\">"
                    let border = "<a:solidFill><a:srgbClr val=\"C3CAD6\"/></a:solidFill>"
                    for side in ["lnL", "lnR", "lnT", "lnB"] { out += "<a:\(side) w=\"6350\">\(border)</a:\(side)>" }
                    out += cell.fill.map { "<a:solidFill><a:srgbClr val=\"\(OOXMLText.color($0))\"/></a:solidFill>" } ?? "<a:noFill/>"
                    out += "</a:tcPr></a:tc>"
                }
                out += "</a:tr>"
            }
            return out + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
        case let .shape(s):
            var out = ""
            var descr = s.description.map { " descr=\"\(OOXMLText.escape($0))\"" } ?? ""
            if s.double {
                // The outer outline of a double-outlined shape: its own shape, no text.
                let outer = DeckFrame(x: s.frame.x - 4, y: s.frame.y - 4, width: s.frame.width + 8, height: s.frame.height + 8)
                out += "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id + 1000)\" name=\"\(OOXMLText.line(s.name)) outline\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
                    + "<p:spPr>\(xfrm(outer))<a:prstGeom prst=\"\(s.geometry.rawValue)\"><a:avLst/></a:prstGeom><a:noFill/>"
                    + line(s.line, width: s.lineWidth, dashed: false) + "</p:spPr></p:sp>"
            }
            var click = ""
            if let link = s.link.flatMap(DeckURL.validated) {
                click = "<a:hlinkClick r:id=\"\(relationship("hyperlink", link, external: true))\"/>"
            }
            if click.isEmpty && descr.isEmpty { descr = "" }
            out += "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(OOXMLText.line(s.name))\"\(descr)>\(click)</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
                + "<p:spPr>\(xfrm(s.frame))<a:prstGeom prst=\"\(s.geometry.rawValue)\"><a:avLst/></a:prstGeom>"
                + (s.fill.map { "<a:solidFill><a:srgbClr val=\"\(OOXMLText.color($0))\"/></a:solidFill>" } ?? "<a:noFill/>")
                + line(s.line, width: s.lineWidth, dashed: s.dashed) + "</p:spPr>"
                + textBody(s.paragraphs, anchor: "ctr", wrap: false) + "</p:sp>"
            return out
        case let .connector(c):
            var from = c.from, to = c.to
            var glue = ""
            // Glued to the connection sites facing each other, so the link follows its shapes when one is
            // moved; the line is drawn from site to site, where readers that re-route glued connectors
            // (LibreOffice on opening, PowerPoint on moving) put it too.
            if let fromKey = c.fromKey, let toKey = c.toKey, fromKey != toKey,
               let a = shapesByKey[fromKey], let b = shapesByKey[toKey] {
                let start = ConnectionSites.nearest(to: b.shape.frame.centre, on: a.shape)
                let end = ConnectionSites.nearest(to: a.shape.frame.centre, on: b.shape)
                from = start.point
                to = end.point
                glue = "<a:stCxn id=\"\(a.id)\" idx=\"\(start.index)\"/><a:endCxn id=\"\(b.id)\" idx=\"\(end.index)\"/>"
            }
            let frame = DeckFrame(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
            return "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"\(id)\" name=\"\(OOXMLText.line(c.name))\"/><p:cNvCxnSpPr>\(glue)</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>"
                + "<p:spPr>\(xfrm(frame, flipH: to.x < from.x, flipV: to.y < from.y))<a:prstGeom prst=\"straightConnector1\"><a:avLst/></a:prstGeom>"
                + "<a:ln w=\"\(OOXMLText.emu(c.width))\"><a:solidFill><a:srgbClr val=\"\(OOXMLText.color(c.color))\"/></a:solidFill>"
                + (c.dashed ? "<a:prstDash val=\"dash\"/>" : "") + (c.arrow ? "<a:tailEnd type=\"triangle\"/>" : "") + "</a:ln></p:spPr></p:cxnSp>"
        }
    }

    private func line(_ color: String?, width: Double, dashed: Bool) -> String {
        guard let color else { return "<a:ln><a:noFill/></a:ln>" }
        return "<a:ln w=\"\(OOXMLText.emu(width))\"><a:solidFill><a:srgbClr val=\"\(OOXMLText.color(color))\"/></a:solidFill>"
            + (dashed ? "<a:prstDash val=\"dash\"/>" : "") + "</a:ln>"
    }

    private func notesXML() -> String {
        var out = PPTXWriter.header + "<p:notes xmlns:a=\"\(PPTXWriter.nsA)\" xmlns:r=\"\(PPTXWriter.nsR)\" xmlns:p=\"\(PPTXWriter.nsP)\"><p:cSld><p:spTree>"
        out += groupHeader
        out += "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
        out += "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"
        for line in slide.notes {
            out += "<a:p><a:r><a:rPr lang=\"en-US\" sz=\"1200\" dirty=\"0\"/><a:t>\(OOXMLText.line(line))</a:t></a:r></a:p>"
        }
        out += "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
        return out
    }
}

/// The links a deck may carry: `http`, `https` and `mailto` only, without spaces or control characters.
public enum DeckURL {
    public static func validated(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        guard text.count <= 2048, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }) else { return nil }
        return text
    }
}

/// The connection sites of DrawingML's preset shapes, in the order of ECMA-376's presetShapeDefinitions
/// (`cxnLst`), which `stCxn`/`endCxn` index: ellipse 8 (top, then counter-clockwise every 45°), rect and
/// roundRect 4 (top, left, bottom, right), hexagon 6 (right, bottom right, bottom left, left, top left,
/// top right; the default `adj` of 25,000 puts the slanted corners a quarter of the shorter side in).
enum ConnectionSites {
    static func sites(_ geometry: DeckGeometry, _ f: DeckFrame) -> [(x: Double, y: Double)] {
        let cx = f.x + f.width / 2, cy = f.y + f.height / 2, r = f.x + f.width, b = f.y + f.height
        switch geometry {
        case .ellipse:
            let k = 0.5.squareRoot()
            let il = cx - f.width / 2 * k, ir = cx + f.width / 2 * k, it = cy - f.height / 2 * k, ib = cy + f.height / 2 * k
            return [(cx, f.y), (il, it), (f.x, cy), (il, ib), (cx, b), (ir, ib), (r, cy), (ir, it)]
        case .rect, .roundRect:
            return [(cx, f.y), (f.x, cy), (cx, b), (r, cy)]
        case .hexagon:
            let x1 = min(f.width, f.height) * 0.25
            return [(r, cy), (r - x1, b), (f.x + x1, b), (f.x, cy), (f.x + x1, f.y), (r - x1, f.y)]
        }
    }

    /// The site of `shape` nearest to `target` (the lowest index on a tie).
    static func nearest(to target: (x: Double, y: Double), on shape: DeckShape) -> (index: Int, point: (x: Double, y: Double)) {
        let all = sites(shape.geometry, shape.frame)
        var best = 0
        var bestDistance = Double.infinity
        for (i, p) in all.enumerated() {
            let d = (p.x - target.x) * (p.x - target.x) + (p.y - target.y) * (p.y - target.y)
            if d < bestDistance - 1e-9 { best = i; bestDistance = d }
        }
        return (best, all[best])
    }
}

extension DeckFrame {
    var centre: (x: Double, y: Double) { (x + width / 2, y + height / 2) }
}
