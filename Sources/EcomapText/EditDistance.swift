/// The one edit distance (did-you-mean hints for keys, ids, values, CSV columns and `--weights` names).
public enum EditDistance {
    /// Levenshtein distance with adjacent transpositions counted as one edit.
    /// Gives up early (returning a value > bound) once every path exceeds `bound`.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int? = nil) -> Int {
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

    /// The distance between two strings, compared by Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}
