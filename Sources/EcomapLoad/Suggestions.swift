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
            let d = distance(target, Array(candidate.lowercased().unicodeScalars), bound: best?.1)
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static let maxWordLength = 128

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    /// Gives up early (returning a value > bound) once every path exceeds `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int? = nil) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if let bound, abs(a.count - b.count) > bound { return bound + 1 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if let bound, rowMin > bound { return bound + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `; did you mean `x`?` or an empty string.
    /// - Parameter closeOnly: suggest only a near miss (at most 2 edits, or a third of the word).
    static func hint<S: Sequence>(for word: String, in candidates: S, closeOnly: Bool = false,
                                  budget: inout HintBudget) -> String
    where S.Element == String {
        guard let near = nearest(to: word, in: candidates, budget: &budget) else { return "" }
        if closeOnly {
            let d = distance(Array(word.lowercased().unicodeScalars), Array(near.lowercased().unicodeScalars))
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
