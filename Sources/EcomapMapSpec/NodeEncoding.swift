/// The documented sizes of the visual encoding (inches, as Graphviz takes them).
public enum NodeEncoding {
    /// Community diameter at size score 0 (and for an unknown size, drawn dashed).
    public static let minDiameter = 0.55
    /// Community diameter at size score 100.
    public static let maxDiameter = 1.8
    /// Communities are ellipses this much wider than tall, so names fit with less growth.
    public static let communityAspect = 1.35

    /// The diameter whose area grows linearly with the size score 0...100.
    public static func diameter(sizeScore: Double?) -> Double {
        guard let s = sizeScore, s.isFinite else { return minDiameter }
        let t = min(max(s, 0), 100) / 100
        return (minDiameter * minDiameter + (maxDiameter * maxDiameter - minDiameter * minDiameter) * t).squareRoot()
    }

    /// Link pen width for a weight in (0, 1].
    public static func linkWidth(weight: Double) -> Double {
        0.6 + 3.4 * min(max(weight.isFinite ? weight : 0, 0), 1)
    }
}
