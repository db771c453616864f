import EcomapModel

/// The weighted mean of the known dimensions, and the weight share they cover.
public struct Composite: Sendable, Hashable {
    /// Weighted mean of the known dimensions, 0...100 (0 when no weighted dimension is known).
    public var score: Double
    /// Weight share of the known dimensions, 0...1.
    public var confidence: Double
    /// Each known dimension's share of the score (weight share x score); they add up to `score`.
    public var contributions: DimensionScores

    /// Combines `dimensions` with `weights`; unknown dimensions are left out and the weights renormalised.
    public init(_ dimensions: DimensionScores, weights: ScoringWeights) {
        let total = weights.total
        var known = 0.0
        for d in Dimension.allCases where dimensions[d] != nil { known += weights[d] }
        var contributions = DimensionScores()
        var score = 0.0
        if known > 0 {
            for d in Dimension.allCases {
                guard let s = dimensions[d] else { continue }
                let part = weights[d] / known * Scales.clamp(s)
                contributions[d] = part
                score += part
            }
        }
        self.score = Scales.clamp(score)
        self.confidence = total > 0 && total.isFinite ? min(1, max(0, known / total)) : 0
        self.contributions = contributions
    }
}

/// The deterministic rank order: score descending, then name, then id.
public enum RankOrder {
    /// True when `a` ranks before `b`.
    public static func precedes(_ a: (score: Double, name: String, id: String),
                                _ b: (score: Double, name: String, id: String)) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.name != b.name { return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) }
        return a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
    }
}
