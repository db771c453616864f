/// Locale-free number text for tooltips and legends.
enum TextFormat {
    /// `12345` -> `12,345`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A 0...100 score as a whole number; `?` when unknown.
    static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "?" }
        return String(Int(value.rounded()))
    }

    /// A weight or ratio with up to two decimals.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let scaled = Int((value * 100).rounded())
        let whole = scaled / 100, fraction = abs(scaled % 100)
        if fraction == 0 { return String(whole) }
        let text = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }
}
