import EcomapModel

/// The weighted composite of model version 2: a pessimistic and an optimistic score over the range the
/// unknown figures allow, and the share of the weight whose dimensions are known exactly.
public struct Composite: Sendable, Hashable {
    /// The conservative score the ranking uses: the pessimistic one, so an unknown is never a bonus.
    public var score: Double { pessimistic }
    /// Weighted mean of every dimension at its lowest value, 0...100.
    public var pessimistic: Double
    /// Weighted mean of every dimension at its highest value, 0...100.
    public var optimistic: Double
    /// Weight share of the dimensions known exactly, 0...1.
    public var confidence: Double
    /// Each dimension's part of the conservative score (weight share x pessimistic value); they add up to `score`.
    public var contributions: DimensionScores

    /// Combines pessimistic and optimistic dimension values (nil counts as 0 and 100) with `weights`.
    public init(pessimistic lo: DimensionScores, optimistic hi: DimensionScores, weights: ScoringWeights) {
        let total = weights.total
        var contributions = DimensionScores()
        var low = 0.0, high = 0.0, known = 0.0
        if total > 0 && total.isFinite {
            for d in Dimension.allCases {
                let l = Scales.clamp(lo[d] ?? 0), h = max(l, Scales.clamp(hi[d] ?? 100))
                let share = weights[d] / total
                contributions[d] = share * l
                low += share * l
                high += share * h
                if h - l <= 1e-9 { known += weights[d] }
            }
        }
        pessimistic = Scales.clamp(low)
        optimistic = max(pessimistic, Scales.clamp(high))
        confidence = total > 0 && total.isFinite ? min(1, max(0, known / total)) : 0
        self.contributions = contributions
    }

    /// A composite of dimensions known exactly (unknown ones, `nil`, span 0...100).
    public init(_ dimensions: DimensionScores, weights: ScoringWeights) {
        var hi = DimensionScores()
        for d in Dimension.allCases { hi[d] = dimensions[d] ?? 100 }
        self.init(pessimistic: dimensions, optimistic: hi, weights: weights)
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
