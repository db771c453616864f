import EcomapText
/// "Did you mean" support: the candidate nearest to a misspelt word.
enum Suggestions {
    /// The candidate with the smallest edit distance to `word` (case-insensitive), ties by order.
    /// Words longer than `maxWordLength` get no suggestion, and candidates longer than that are not
    /// considered: nobody misspells a paragraph, and the edit distance grows with the product of the
    /// lengths. Each comparison is paid from `budget`; once it runs out there is no suggestion.
    static func nearest<S: Sequence>(to word: String, in candidates: S, budget: inout HintBudget) -> String?
    where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= maxWordLength, budget.cells > 0 else { return nil }
        var best: (String, Int)?
        for candidate in candidates where candidate.utf8.count <= 4 * maxWordLength {
            let cost = (target.count + 1) * (candidate.utf8.count + 1)
            guard cost <= budget.cells else {
                budget.cells = 0
                return nil
            }
            budget.cells -= cost
            let d = EditDistance.distance(target, Array(candidate.lowercased().unicodeScalars), bound: best?.1)
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static let maxWordLength = 128

    /// `; did you mean `x`?` or an empty string.
    /// - Parameter closeOnly: suggest only a near miss (at most 2 edits, or a third of the word).
    static func hint<S: Sequence>(for word: String, in candidates: S, closeOnly: Bool = false,
                                  budget: inout HintBudget) -> String
    where S.Element == String {
        guard let near = nearest(to: word, in: candidates, budget: &budget) else { return "" }
        if closeOnly {
            let d = EditDistance.distance(Array(word.lowercased().unicodeScalars), Array(near.lowercased().unicodeScalars))
            guard d <= max(2, word.count / 3) else { return "" }
        }
        return "; did you mean `\(near)`?"
    }
}

/// The edit-distance work one file may spend on "did you mean" hints, in distance-table cells.
/// A file with hundreds of thousands of unknown keys or ids would otherwise cost their product with the
/// candidates (minutes to hours); once spent, problems are still reported, only without a hint.
struct HintBudget {
    var cells = 20_000_000
}
