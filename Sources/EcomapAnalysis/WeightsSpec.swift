import EcomapModel
import EcomapText

/// A `--weights` argument such as `size=2,activity=1,reach=1,action=3`.
///
/// Names not given keep their value from the base weights (the file's `scoring.weights`, else 1), so
/// `--weights action=3` triples the weight of action only. The result must be non-negative, finite and
/// not all zero.
public struct WeightsSpec: Sendable, Hashable {
    /// The weights named on the command line.
    public var overrides: [Dimension: Double]

    /// Parses the flag's text; throws a `WeightsError` with a clear message.
    public init(parsing text: String) throws(WeightsError) {
        var overrides: [Dimension: Double] = [:]
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: " \t") }
        guard !(items.count == 1 && items[0].isEmpty) else { throw .empty }
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .malformed(item) }
            let name = parts[0].trimmingCharacters(in: " \t").lowercased()
            let valueText = parts[1].trimmingCharacters(in: " \t")
            guard let dimension = Dimension(rawValue: name) else {
                throw .unknownName(name, suggestion: WeightsSpec.nearest(to: name))
            }
            guard overrides[dimension] == nil else { throw .duplicate(name) }
            guard let value = Double(valueText), value.isFinite, value >= 0 else {
                throw .badValue(name, valueText)
            }
            overrides[dimension] = value
        }
        self.overrides = overrides
    }

    /// Applies the overrides to `base` and validates the result.
    public func applied(to base: ScoringWeights) throws(WeightsError) -> ScoringWeights {
        var weights = base
        for d in Dimension.allCases { if let v = overrides[d] { weights[d] = v } }
        guard weights.total > 0 else { throw .allZero }
        guard weights.isValid else { throw .allZero }
        return weights
    }

    private static func nearest(to name: String) -> String? {
        let best = Dimension.allCases.map { ($0.rawValue, EditDistance.distance(name, $0.rawValue)) }
            .min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, name.count / 2) else { return nil }
        return best.0
    }
}

/// What is wrong with a `--weights` argument.
public enum WeightsError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case malformed(String)
    case unknownName(String, suggestion: String?)
    case duplicate(String)
    case badValue(String, String)
    case allZero

    public var description: String {
        switch self {
        case .empty:
            "--weights is empty; expected e.g. size=2,activity=1,reach=1,action=3"
        case .malformed(let item):
            "--weights: expected NAME=NUMBER, got `\(item)`"
        case .unknownName(let name, let suggestion):
            "--weights: unknown dimension `\(name)`"
                + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
                + "; known: size, activity, reach, action"
        case .duplicate(let name):
            "--weights: `\(name)` is given twice"
        case .badValue(let name, let value):
            "--weights: weight of `\(name)` must be a finite number >= 0, got `\(value)`"
        case .allZero:
            "--weights: the weights must not all be zero"
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
