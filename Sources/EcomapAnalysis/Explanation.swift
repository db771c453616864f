import EcomapModel

/// The one-line explanation of a rank: what lifted the score, what held it back, what is unknown and
/// how far the unknowns could move it.
enum Explanation {
    private struct Item {
        var dimension: Dimension
        var score: Double
        var label: String { "\(dimension.rawValue) \(Int(score.rounded()))" }
    }

    static func line(score s: CommunityScore, weights: ScoringWeights) -> String {
        var known: [Item] = []
        for d in Dimension.allCases where weights[d] > 0 {
            if let v = s.dimensions[d] { known.append(Item(dimension: d, score: v)) }
        }
        // Highest score first; the fixed dimension order breaks ties (stable sort).
        let ordered = stableSortedByScore(known)
        var parts: [String] = []
        switch ordered.count {
        case 0: parts.append("no weighted dimension known")
        case 1: parts.append("only \(ordered[0].label) known")
        default:
            parts.append("lifted by \(ordered[0].label)")
            parts.append("held back by \(ordered[ordered.count - 1].label)")
        }
        if !s.missing.isEmpty {
            parts.append("unknown: \(s.missing.joined(separator: ", ")) (the score could be up to "
                         + "\(Int(s.optimistic.rounded())))")
        }
        if !s.flags.isEmpty { parts.append("flags: \(s.flags.joined(separator: ", "))") }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func stableSortedByScore(_ items: [Item]) -> [Item] {
        let indexed = Array(items.enumerated())
        let sorted = indexed.sorted { a, b in
            if a.element.score != b.element.score { return a.element.score > b.element.score }
            return a.offset < b.offset
        }
        return sorted.map { $0.element }
    }
}
