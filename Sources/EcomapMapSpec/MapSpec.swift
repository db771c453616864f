import EcomapModel

/// Everything the map shows, as plain values: no Graphviz, no C types.
///
/// Built from a scored ecosystem by `MapSpecBuilder`; consumed by the Graphviz stage (layout and
/// drawing) and by the SVG post-processing (title, legend, literal text). Nodes, edges and clusters
/// are sorted by id so that everything downstream sees them in one deterministic order.
public struct MapSpec: Sendable, Hashable {
    public var title: MapTitle
    /// Sorted by `id`.
    public var nodes: [MapNode]
    /// Sorted by (`from`, `to`).
    public var edges: [MapEdge]
    /// Sorted by `id`; empty unless grouping is on and the engine draws clusters.
    public var clusters: [MapCluster]
    public var legend: Legend
    public var colors: ThemeColors
    /// The engine chosen for this map and why (shown by `--verbose`, written into the JSON).
    public var layout: LayoutPlan
    /// The slide shape to fit, if any.
    public var aspect: Aspect?
    /// One sentence for the SVG `<desc>` on how the picture encodes the data.
    public var encodingNote: String

    public static let mapEncodingNote = "Community area shows the size score, fill the focus score."

    public init(title: MapTitle, nodes: [MapNode], edges: [MapEdge], clusters: [MapCluster],
                legend: Legend, colors: ThemeColors, layout: LayoutPlan, aspect: Aspect?,
                encodingNote: String = MapSpec.mapEncodingNote) {
        self.title = title
        self.encodingNote = encodingNote
        // Draw order first (all 0 on the map), then id.
        self.nodes = nodes.sorted { ($0.drawOrder, $0.id) < ($1.drawOrder, $1.id) }
        self.edges = edges.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        self.clusters = clusters.sorted { $0.id < $1.id }
        self.legend = legend
        self.colors = colors
        self.layout = layout
        self.aspect = aspect
    }
}

/// The heading drawn at the top of the map.
public struct MapTitle: Sendable, Hashable {
    /// The ecosystem name, one line (already shortened if very long).
    public var name: String
    /// `as of YYYY-MM-DD`, if the file gave a date.
    public var asOf: String?
    /// The description, wrapped into lines.
    public var descriptionLines: [String]

    public init(name: String, asOf: String? = nil, descriptionLines: [String] = []) {
        self.name = name
        self.asOf = asOf
        self.descriptionLines = descriptionLines
    }

    /// The accessible one-line name of the picture (SVG `<title>`).
    public var accessibleName: String {
        asOf.map { "\(name), as of \($0)" } ?? name
    }
}

/// The outline of a node; each kind of node has its own.
public enum NodeShape: String, Sendable, Hashable, CaseIterable {
    /// Communities: area encodes the size score.
    case ellipse
    /// Influencers.
    case box
    /// Stakeholders.
    case hexagon
    /// Bubbles of the strategy matrix.
    case circle
    /// Text without an outline (matrix quadrant names, axis titles and ticks).
    case plaintext
    /// An invisible anchor for drawn lines (matrix axes).
    case point
}

/// A position in points (1/72 inch), Graphviz's coordinate system: y grows upwards.
public struct MapPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// What a node is, for the legend and the JSON.
public enum MapNodeKind: String, Sendable, Hashable, Codable {
    case community, influencer, stakeholder
    /// Not an ecosystem node: an axis end, a tick or a quadrant name of the strategy matrix.
    case decoration
    /// The slide view's stand-in for nodes it does not draw ("+123 more in Parenting tech").
    case summary
}

/// One node of the map with its complete visual encoding.
public struct MapNode: Sendable, Hashable {
    /// The ecosystem id (unique).
    public var id: String
    /// The stable SVG element id, `node-<escaped id>` (see `DOMID`).
    public var domID: String
    public var kind: MapNodeKind
    public var shape: NodeShape
    /// The label lines exactly as they must appear (wrapped and shortened; literal user text).
    public var labelLines: [String]
    /// Rank badge text (e.g. `#1`) for the top communities, drawn as the first label line.
    public var badge: String?
    /// Smallest outline width and height in inches; Graphviz grows the shape to fit the label.
    public var minWidth: Double
    public var minHeight: Double
    public var fill: RGB
    public var stroke: RGB
    public var fontColor: RGB
    public var penWidth: Double
    /// Dashed outline: the size figure is unknown.
    public var dashed: Bool
    /// The `focus` node (usually the brand): drawn with a double outline.
    public var emphasised: Bool
    /// Hover text: name, kind, scores and missing figures. Literal user text, several lines.
    public var tooltip: String
    /// A validated `http`, `https` or `mailto` URL, or nil.
    public var url: String?
    /// The cluster this node is drawn in, if any.
    public var clusterID: String?
    /// Scores for the JSON output (nil for influencers and stakeholders).
    public var score: NodeScore?
    /// A pinned position (points); set for every node of a pinned layout (`LayoutPlan.pinned`).
    public var position: MapPoint?
    /// The label is drawn beside the shape (Graphviz `xlabel`) instead of inside it.
    public var externalLabel: Bool
    /// The shape is exactly `minWidth` x `minHeight` and does not grow with its label.
    public var fixedSize: Bool
    /// Label font size in points (`nil`: the map's default).
    public var fontSize: Double?
    /// Nodes are drawn in ascending draw order, then by id (later ones on top).
    public var drawOrder: Int
    /// Label lines start at the left of the label's box instead of being centred (Graphviz `\l`): for
    /// text anchored at its left end, whose start then does not depend on how wide the font draws it.
    public var leftAligned = false

    public init(id: String, kind: MapNodeKind, shape: NodeShape, labelLines: [String], badge: String?,
                minWidth: Double, minHeight: Double, fill: RGB, stroke: RGB, fontColor: RGB,
                penWidth: Double, dashed: Bool, emphasised: Bool, tooltip: String, url: String?,
                clusterID: String?, score: NodeScore?, position: MapPoint? = nil, externalLabel: Bool = false,
                fixedSize: Bool = false, fontSize: Double? = nil, drawOrder: Int = 0) {
        self.fontSize = fontSize
        self.drawOrder = drawOrder
        self.position = position
        self.externalLabel = externalLabel
        self.fixedSize = fixedSize
        self.id = id
        self.domID = DOMID.node(id)
        self.kind = kind
        self.shape = shape
        self.labelLines = labelLines
        self.badge = badge
        self.minWidth = minWidth
        self.minHeight = minHeight
        self.fill = fill
        self.stroke = stroke
        self.fontColor = fontColor
        self.penWidth = penWidth
        self.dashed = dashed
        self.emphasised = emphasised
        self.tooltip = MapSpec.boundedTooltip(tooltip)
        self.url = url
        self.clusterID = clusterID
        self.score = score
    }

    /// Every text line drawn inside the shape, badge first.
    public var drawnLines: [String] { (badge.map { [$0] } ?? []) + labelLines }
}

/// The scores of one community, carried into the JSON output.
public struct NodeScore: Sendable, Hashable, Codable {
    public var rank: Int
    public var score: Double
    public var confidence: Double
    public var size: Double?
    public var activity: Double?
    public var reach: Double?
    public var action: Double?
    public var tier: String
    public var missing: [String]

    public init(rank: Int, score: Double, confidence: Double, size: Double?, activity: Double?,
                reach: Double?, action: Double?, tier: String, missing: [String]) {
        self.rank = rank
        self.score = score
        self.confidence = confidence
        self.size = size
        self.activity = activity
        self.reach = reach
        self.action = action
        self.tier = tier
        self.missing = missing
    }
}

/// One link of the map.
public struct MapEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    /// The stable SVG element id, `edge-<from>__<to>` (escaped ids).
    public var domID: String
    public var weight: Double
    public var penWidth: Double
    public var color: RGB
    public var directed: Bool
    /// Hover text: both names, the kind and the weight. Literal user text.
    public var tooltip: String
    /// Drawn dashed (matrix midlines).
    public var dashed: Bool
    /// The weight of the directed link the other way (`to` -> `from`) when the pair is linked both
    /// ways: drawn as this one line with arrowheads at both ends (see `MapSpecBuilder`).
    public var reverseWeight: Double?

    public init(from: String, to: String, weight: Double, penWidth: Double, color: RGB,
                directed: Bool, tooltip: String, dashed: Bool = false) {
        self.dashed = dashed
        self.from = from
        self.to = to
        self.domID = DOMID.edge(from: from, to: to)
        self.weight = weight
        self.penWidth = penWidth
        self.color = color
        self.directed = directed
        self.tooltip = MapSpec.boundedTooltip(tooltip)
    }
}

/// A group of nodes drawn inside one frame (`--group-by`).
public struct MapCluster: Sendable, Hashable {
    /// The group key (a topic id, or a scope / channel / presence value).
    public var id: String
    /// The Graphviz subgraph name (`cluster_<escaped id>`); also its SVG id.
    public var graphvizName: String
    /// The frame's caption, literal user text.
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.graphvizName = "cluster_" + DOMID.escape(id)
        self.label = DrawableText.sanitized(label)
    }
}

extension MapSpec {
    /// Longest tooltip, in characters: a longer one is cut with `…` (a name of 65,000 characters would
    /// otherwise be repeated whole in every output that carries tooltips).
    public static let maxTooltipCharacters = 1_000

    static func boundedTooltip(_ raw: String) -> String {
        let text = DrawableText.sanitized(raw)
        guard text.utf8.count > maxTooltipCharacters else { return text }
        var out = "", count = 0
        for character in text {
            if count == maxTooltipCharacters { return out + "…" }
            out.append(character)
            count += 1
        }
        return out
    }
}
