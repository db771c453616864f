/// Where Graphviz put everything, in points (1/72 inch), y growing downwards, origin at the top
/// left of the graph's bounding box. Produced by the Graphviz stage; used for JSON and the legend.
public struct MapLayout: Sendable, Hashable, Codable {
    public var width: Double
    public var height: Double
    /// Sorted by id.
    public var nodes: [NodePlacement]

    public init(width: Double, height: Double, nodes: [NodePlacement]) {
        self.width = width
        self.height = height
        self.nodes = nodes.sorted { $0.id < $1.id }
    }
}

/// One node's centre and outline size, in points.
public struct NodePlacement: Sendable, Hashable, Codable {
    public var id: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(id: String, x: Double, y: Double, width: Double, height: Double) {
        self.id = id
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
