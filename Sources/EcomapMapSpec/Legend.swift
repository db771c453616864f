/// The key drawn beside the map: one row per encoding actually used.
public struct Legend: Sendable, Hashable {
    public var heading: String
    public var items: [LegendItem]

    public init(heading: String = "Legend", items: [LegendItem]) {
        self.heading = heading
        self.items = items
    }
}

/// One legend row: a small symbol and its explanation (ecomap's own text, never user input).
public struct LegendItem: Sendable, Hashable {
    public var symbol: LegendSymbol
    public var text: String

    public init(_ symbol: LegendSymbol, _ text: String) {
        self.symbol = symbol
        self.text = text
    }
}

/// What a legend row shows.
public enum LegendSymbol: Sendable, Hashable {
    /// A node outline of the given shape; `double` for the focus node, `dashed` for unknown size.
    case shape(NodeShape, fill: RGB, stroke: RGB, dashed: Bool, double: Bool)
    /// Two circles, small and large: area encodes the size score.
    case sizes(stroke: RGB)
    /// The sequential focus scale, low to high.
    case scale([RGB])
    /// Two lines, thin and thick: link width encodes the weight.
    case lineWidths(RGB)
    /// A rank badge sample.
    case badge(String)
}
