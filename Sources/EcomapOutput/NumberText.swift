import Foundation

/// Deterministic number text: fixed rounding, trailing zeros trimmed, never `-0`, never `nan`/`inf`.
public enum NumberText {
    /// `value` rounded to `decimals` places, e.g. `fixed(58.304, 2)` = `"58.3"`, `fixed(3, 2)` = `"3"`.
    /// Non-finite values (which the analysis never produces) are written as `0`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    /// `value` rounded to `decimals` places, keeping trailing zeros (aligned table columns).
    public static func padded(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A share 0...1 as a whole percentage, e.g. `0.75` -> `"75%"`.
    public static func percent(_ share: Double) -> String {
        fixed((share * 100).rounded(), 0) + "%"
    }
}
