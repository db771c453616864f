/// The laid-out map: everything a renderer draws, as plain values.
///
/// The Graphviz stage computes the layout and reads its geometry (node positions and outlines, edge
/// splines and arrowheads, label and cluster boxes) into a `Scene`, then adds ecomap's own frame (the
/// title strip and the legend). Every output is drawn from it: the SVG, PNG and PDF, the HTML report's
/// inline map, the JSON of positions and the PowerPoint deck's native shapes.
///
/// Coordinates are points (1/72 inch). The origin is the top-left corner of the picture, x grows to
/// the right and y grows downwards (as in SVG and PowerPoint); the picture spans `0...width` by
/// `0...height`. Every text is literal (never markup) and every colour is an sRGB value, so a
/// renderer needs no escaping rules beyond its own format's.
///
/// The vocabulary is deliberately small, what a slide tool can draw natively: ellipses, rectangles
/// (optionally rounded), polygons, cubic Bézier paths, single-line texts with a size, weight, colour
/// and anchor, and links to validated `http`/`https`/`mailto` URLs.
///
/// Paint order: the background, then `heading`, `clusters`, `edges`, `nodes` (so nodes are painted
/// over edges) and `legend`; within a list, in list order.
public struct Scene: Sendable, Hashable {
    /// Picture width in points.
    public var width: Double
    /// Picture height in points.
    public var height: Double
    /// Fills the whole picture.
    public var background: SceneColor
    /// The accessible name of the picture (SVG `<title>`, PowerPoint alt text title).
    public var accessibleTitle: String
    /// A one-paragraph accessible description (SVG `<desc>`, alt text).
    public var accessibleDescription: String
    /// The title strip: ecosystem name, `as of` date, description lines.
    public var heading: [SceneText]
    /// Group frames (`--group-by`), drawn under edges and nodes.
    public var clusters: [SceneCluster]
    /// Links, drawn under the nodes.
    public var edges: [SceneEdge]
    /// Nodes in paint order (later ones on top).
    public var nodes: [SceneNode]
    /// The legend column: its heading and symbols, drawn last.
    public var legend: [SceneItem]
    /// Where the Graphviz drawing sits inside the picture (the frame excluded).
    public var drawingBounds: SceneRect

    public init(width: Double, height: Double, background: SceneColor, accessibleTitle: String,
                accessibleDescription: String, heading: [SceneText], clusters: [SceneCluster], edges: [SceneEdge],
                nodes: [SceneNode], legend: [SceneItem], drawingBounds: SceneRect) {
        self.width = width
        self.height = height
        self.background = background
        self.accessibleTitle = accessibleTitle
        self.accessibleDescription = accessibleDescription
        self.heading = heading
        self.clusters = clusters
        self.edges = edges
        self.nodes = nodes
        self.legend = legend
        self.drawingBounds = drawingBounds
    }
}

/// An opaque sRGB colour.
public struct SceneColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`, lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for byte in [red, green, blue] {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }
}

/// A point in scene coordinates (points, y down).
public struct ScenePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in scene coordinates; `x`, `y` is its top-left corner.
public struct SceneRect: Sendable, Hashable {
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

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: ScenePoint { ScenePoint(x: x + width / 2, y: y + height / 2) }

    /// The smallest rectangle holding both.
    public func union(_ other: SceneRect) -> SceneRect {
        let minX = Swift.min(x, other.x), minY = Swift.min(y, other.y)
        return SceneRect(x: minX, y: minY, width: Swift.max(maxX, other.maxX) - minX,
                         height: Swift.max(maxY, other.maxY) - minY)
    }
}

/// A cubic Bézier path: `start`, then segments of three points each (two controls and an end).
public struct ScenePath: Sendable, Hashable {
    public var start: ScenePoint
    /// Each segment is `(control1, control2, end)`; a straight line has its controls on the line.
    public var segments: [(ScenePoint, ScenePoint, ScenePoint)]
    /// The path returns to `start` (a closed outline).
    public var closed: Bool

    public init(start: ScenePoint, segments: [(ScenePoint, ScenePoint, ScenePoint)], closed: Bool = false) {
        self.start = start
        self.segments = segments
        self.closed = closed
    }

    /// Every point of the path, controls included (a box around them holds the curve).
    public var points: [ScenePoint] { [start] + segments.flatMap { [$0.0, $0.1, $0.2] } }

    public static func == (a: ScenePath, b: ScenePath) -> Bool {
        a.closed == b.closed && a.points == b.points
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(closed)
        hasher.combine(points)
    }
}

/// The outline of a shape.
public enum SceneGeometry: Sendable, Hashable {
    /// An ellipse (a circle when both radii are equal).
    case ellipse(center: ScenePoint, radiusX: Double, radiusY: Double)
    /// A rectangle, with rounded corners of `cornerRadius` when it is above 0.
    case rectangle(SceneRect, cornerRadius: Double)
    /// A closed polygon (hexagons, arrowheads).
    case polygon([ScenePoint])
    /// A straight line (legend samples, axes); stroke only.
    case line(from: ScenePoint, to: ScenePoint)
    /// A Bézier path (edge splines); stroke only unless closed.
    case path(ScenePath)

    /// The box around the outline (for a path, around its control points).
    public var bounds: SceneRect {
        switch self {
        case let .ellipse(c, rx, ry):
            return SceneRect(x: c.x - rx, y: c.y - ry, width: 2 * rx, height: 2 * ry)
        case let .rectangle(rect, _):
            return rect
        case let .polygon(points):
            return Self.box(points)
        case let .line(a, b):
            return Self.box([a, b])
        case let .path(path):
            return Self.box(path.points)
        }
    }

    private static func box(_ points: [ScenePoint]) -> SceneRect {
        guard let first = points.first else { return SceneRect(x: 0, y: 0, width: 0, height: 0) }
        var minX = first.x, minY = first.y, maxX = first.x, maxY = first.y
        for p in points.dropFirst() {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        return SceneRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// How a shape's outline is stroked.
public enum SceneDash: Sendable, Hashable {
    case solid
    /// 5 pt dash, 2 pt gap (Graphviz's `dashed`): unknown figures, matrix midlines.
    case dashed
    /// 4 pt dash, 2 pt gap: legend samples of dashed outlines.
    case shortDashed
}

/// A filled and/or stroked outline.
public struct SceneShape: Sendable, Hashable {
    public var geometry: SceneGeometry
    /// Interior colour; nil leaves the interior empty.
    public var fill: SceneColor?
    /// Outline colour; nil draws no outline.
    public var stroke: SceneColor?
    /// Outline width in points (1 when not set otherwise).
    public var strokeWidth: Double
    public var dash: SceneDash

    public init(_ geometry: SceneGeometry, fill: SceneColor?, stroke: SceneColor?, strokeWidth: Double = 1,
                dash: SceneDash = .solid) {
        self.geometry = geometry
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
    }
}

/// Where a text's anchor point sits on its line.
public enum SceneTextAnchor: String, Sendable, Hashable {
    /// The anchor is the left end of the baseline.
    case start
    /// The anchor is the middle of the baseline.
    case middle
    /// The anchor is the right end of the baseline.
    case end
}

/// One line of literal text. `position` is the anchor point on the baseline.
public struct SceneText: Sendable, Hashable {
    /// The characters exactly as they must appear (user text is never interpreted).
    public var text: String
    public var position: ScenePoint
    /// Font size in points. Every text uses the one sans-serif family the labels were measured with
    /// (Liberation Sans 2, metric-compatible with Arial).
    public var fontSize: Double
    public var color: SceneColor
    public var bold: Bool
    public var anchor: SceneTextAnchor

    public init(_ text: String, at position: ScenePoint, fontSize: Double, color: SceneColor, bold: Bool = false,
                anchor: SceneTextAnchor = .start) {
        self.text = text
        self.position = position
        self.fontSize = fontSize
        self.color = color
        self.bold = bold
        self.anchor = anchor
    }
}

/// A drawable part of the frame (heading, legend).
public enum SceneItem: Sendable, Hashable {
    case shape(SceneShape)
    case text(SceneText)
}

/// One node: its outlines (outermost first; two for the focus node's double outline), its label
/// lines and what a viewer shows on hover or click.
public struct SceneNode: Sendable, Hashable {
    /// The ecosystem id (or a matrix decoration's id).
    public var id: String
    /// The stable element id (`node-<escaped id>`), used by the report's script and by tests.
    public var elementID: String
    /// `community`, `influencer`, `stakeholder` or `decoration`.
    public var kind: String
    /// Outermost first. Empty for text-only nodes.
    public var shapes: [SceneShape]
    /// The label lines (the rank badge first, bold), top to bottom.
    public var texts: [SceneText]
    /// Hover text; several lines separated by `\n`. Literal.
    public var tooltip: String
    /// A validated `http`, `https` or `mailto` URL the node links to, if any.
    public var link: String?
    /// The box around the node's outline as laid out (its label included for text-only nodes).
    public var bounds: SceneRect

    public init(id: String, elementID: String, kind: String, shapes: [SceneShape], texts: [SceneText],
                tooltip: String, link: String?, bounds: SceneRect) {
        self.id = id
        self.elementID = elementID
        self.kind = kind
        self.shapes = shapes
        self.texts = texts
        self.tooltip = tooltip
        self.link = link
        self.bounds = bounds
    }
}

/// One link: its spline and arrowhead.
public struct SceneEdge: Sendable, Hashable {
    /// Ecosystem ids of the two ends.
    public var from: String
    public var to: String
    /// The stable element id (`edge-<from>__<to>`).
    public var elementID: String
    /// The spline (stroke only) and, for directed links, the filled arrowhead at the head.
    public var shapes: [SceneShape]
    /// Hover text. Literal.
    public var tooltip: String

    public init(from: String, to: String, elementID: String, shapes: [SceneShape], tooltip: String) {
        self.from = from
        self.to = to
        self.elementID = elementID
        self.shapes = shapes
        self.tooltip = tooltip
    }
}

/// A group frame drawn behind its nodes (`--group-by`).
public struct SceneCluster: Sendable, Hashable {
    /// The group key.
    public var id: String
    /// The stable element id (`cluster_<escaped id>`).
    public var elementID: String
    /// The rounded frame.
    public var frame: SceneShape
    /// The caption at the frame's top.
    public var label: SceneText?

    public init(id: String, elementID: String, frame: SceneShape, label: SceneText?) {
        self.id = id
        self.elementID = elementID
        self.frame = frame
        self.label = label
    }
}
