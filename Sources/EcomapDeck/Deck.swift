/// A presentation as plain values: what `PPTXWriter` turns into a `.pptx` file.
///
/// Positions and sizes are points (1/72 inch) on a 960 x 540 pt (13.33 x 7.5 in, 16:9) slide, origin
/// top left. Every text is literal user or ecomap text; the writer escapes it and removes what XML 1.0
/// cannot hold.
public struct Deck: Sendable {
    /// The document title (file properties).
    public var title: String
    /// The `dcterms:created`/`modified` date, `YYYY-MM-DD` (fixed, so equal input gives equal bytes).
    public var date: String
    public var slides: [DeckSlide]

    public init(title: String, date: String, slides: [DeckSlide]) {
        self.title = title
        self.date = date
        self.slides = slides
    }

    /// Slide width and height in points; 12,192,000 x 6,858,000 EMU.
    public static let width = 960.0
    public static let height = 540.0
}

/// One slide: its elements in drawing order (later on top) and its speaker notes.
public struct DeckSlide: Sendable {
    public var name: String
    public var elements: [DeckElement]
    /// Speaker notes, one paragraph per entry.
    public var notes: [String]

    public init(name: String, elements: [DeckElement], notes: [String] = []) {
        self.name = name
        self.elements = elements
        self.notes = notes
    }
}

/// A rectangle in points.
public struct DeckFrame: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A run of text: size in points (never below 10 on a deck slide), colour `RRGGBB`, optional link.
public struct DeckRun: Sendable, Hashable {
    public var text: String
    public var size: Double
    public var bold: Bool
    public var color: String
    /// An `http`, `https` or `mailto` URL (the builder validates; the writer checks again).
    public var link: String?

    public init(_ text: String, size: Double, bold: Bool = false, color: String = "1B1B1B", link: String? = nil) {
        self.text = text
        self.size = size
        self.bold = bold
        self.color = color
        self.link = link
    }
}

/// A paragraph: runs, alignment.
public struct DeckParagraph: Sendable, Hashable {
    public enum Alignment: String, Sendable { case left = "l", center = "ctr", right = "r" }
    public var runs: [DeckRun]
    public var alignment: Alignment
    /// Bulleted (a round bullet before the paragraph).
    public var bullet: Bool

    public init(_ runs: [DeckRun], alignment: Alignment = .left, bullet: Bool = false) {
        self.runs = runs
        self.alignment = alignment
        self.bullet = bullet
    }
}

/// A native shape outline (PowerPoint preset geometry).
public enum DeckGeometry: String, Sendable {
    case rect, roundRect, ellipse, hexagon
}

/// What a slide holds.
public enum DeckElement: Sendable {
    /// A text box.
    case text(frame: DeckFrame, paragraphs: [DeckParagraph], anchor: TextAnchor)
    /// A picture: SVG with a PNG fallback (PowerPoint shows the SVG, older readers the PNG), alt text.
    case picture(frame: DeckFrame, svg: [UInt8], png: [UInt8], altText: String, name: String)
    /// A native table: column widths (points), rows of cells; the first row is the header.
    case table(frame: DeckFrame, columns: [Double], rows: [[DeckCell]], rowHeight: Double, name: String)
    /// A native shape with its text inside (the editable map's nodes, the legend's samples).
    case shape(DeckShape)
    /// A straight connector between two shapes (by their `DeckShape.key`), or between two points.
    case connector(DeckConnector)

    public enum TextAnchor: String, Sendable { case top = "t", middle = "ctr", bottom = "b" }
}

/// A table cell.
public struct DeckCell: Sendable, Hashable {
    public var runs: [DeckRun]
    public var fill: String?
    public var alignment: DeckParagraph.Alignment

    public init(_ runs: [DeckRun], fill: String? = nil, alignment: DeckParagraph.Alignment = .left) {
        self.runs = runs
        self.fill = fill
        self.alignment = alignment
    }
}

/// A native shape.
public struct DeckShape: Sendable {
    /// Identifies the shape for connectors (a node id).
    public var key: String
    public var name: String
    public var geometry: DeckGeometry
    public var frame: DeckFrame
    public var fill: String?
    public var line: String?
    public var lineWidth: Double
    public var dashed: Bool
    /// A second outline around the shape (the map's focus node).
    public var double: Bool
    public var paragraphs: [DeckParagraph]
    /// Hover text / description.
    public var description: String?
    public var link: String?

    public init(key: String, name: String, geometry: DeckGeometry, frame: DeckFrame, fill: String?, line: String?,
                lineWidth: Double = 1, dashed: Bool = false, double: Bool = false, paragraphs: [DeckParagraph] = [],
                description: String? = nil, link: String? = nil) {
        self.key = key
        self.name = name
        self.geometry = geometry
        self.frame = frame
        self.fill = fill
        self.line = line
        self.lineWidth = lineWidth
        self.dashed = dashed
        self.double = double
        self.paragraphs = paragraphs
        self.description = description
        self.link = link
    }
}

/// A straight connector.
public struct DeckConnector: Sendable {
    public var name: String
    public var from: (x: Double, y: Double)
    public var to: (x: Double, y: Double)
    /// Shape keys glued to each end, if any.
    public var fromKey: String?
    public var toKey: String?
    public var color: String
    public var width: Double
    public var dashed: Bool
    public var arrow: Bool

    public init(name: String, from: (x: Double, y: Double), to: (x: Double, y: Double), fromKey: String?, toKey: String?,
                color: String, width: Double, dashed: Bool = false, arrow: Bool = false) {
        self.name = name
        self.from = from
        self.to = to
        self.fromKey = fromKey
        self.toKey = toKey
        self.color = color
        self.width = width
        self.dashed = dashed
        self.arrow = arrow
    }
}
