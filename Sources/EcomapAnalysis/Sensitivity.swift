import Foundation
import EcomapModel

/// How robust the ranking is to the weight choice.
///
/// Scheme: in each trial every weight is multiplied by `exp(sigma * z)` with `z` standard normal drawn
/// from SplitMix64 seeded with `seed` (in the order size, activity, reach, action); a zero weight stays
/// zero. The communities are re-ranked with the perturbed weights (dimension scores do not depend on
/// the weights, so only the composite changes) and each community's best rank, worst rank and share of
/// trials in the top N are recorded. The unperturbed ranking counts as well.
public enum Sensitivity {
    /// Parameters of a sensitivity run.
    public struct Options: Sendable, Hashable {
        public var trials: Int
        public var seed: UInt64
        /// Standard deviation of the log of each weight multiplier.
        public var sigma: Double
        /// N in "share of trials in the top N".
        public var top: Int
        public init(trials: Int = 200, seed: UInt64 = 1, sigma: Double = 0.5, top: Int = 3) {
            self.trials = trials
            self.seed = seed
            self.sigma = sigma
            self.top = top
        }
    }

    /// The outcome for one community.
    public struct Row: Sendable, Hashable {
        public var id: String
        public var rank: Int
        public var bestRank: Int
        public var worstRank: Int
        /// Share of trials (0...1) in which it ranked within the top N.
        public var topShare: Double
    }

    /// The outcome of a run, rows in the analysis' rank order.
    public struct Report: Sendable, Hashable {
        public var options: Options
        public var rows: [Row]
    }

    /// Runs `options.trials` perturbed rankings of `analysis`.
    public static func run(_ analysis: Analysis, options: Options = Options()) -> Report {
        let base = analysis.ranking
        let count = base.count
        var best = base.map(\.rank), worst = base.map(\.rank)
        var inTop = base.map { $0.rank <= options.top ? 1 : 0 }
        var rng = SplitMix64(seed: options.seed)
        let trials = max(0, options.trials)
        var order = Array(0..<count)
        var scores = [Double](repeating: 0, count: count)
        for _ in 0..<trials {
            var weights = analysis.weights
            for d in Dimension.allCases { weights[d] *= exp(options.sigma * rng.nextNormal()) }
            for i in 0..<count { scores[i] = Composite(pessimistic: base[i].pessimisticDimensions,
                                                           optimistic: base[i].optimisticDimensions, weights: weights).score }
            order.sort { RankOrder.precedes((scores[$0], base[$0].name, base[$0].id),
                                            (scores[$1], base[$1].name, base[$1].id)) }
            for (position, i) in order.enumerated() {
                let rank = position + 1
                best[i] = min(best[i], rank)
                worst[i] = max(worst[i], rank)
                if rank <= options.top { inTop[i] += 1 }
            }
        }
        let rows = base.indices.map { i in
            Row(id: base[i].id, rank: base[i].rank, bestRank: best[i], worstRank: worst[i],
                topShare: Double(inTop[i]) / Double(trials + 1))
        }
        return Report(options: options, rows: rows)
    }
}
