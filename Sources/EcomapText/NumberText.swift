import Foundation

/// The one number formatter: deterministic, locale-free text for every output (tables, CSV, JSON,
/// Markdown, HTML, SVG coordinates, Graphviz attributes): fixed rounding (half to even, as `%.Nf`),
/// trailing zeros trimmed, never `-0`, never `nan`/`inf`.
public enum NumberText {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// `value` rounded to `decimals` places, e.g. `fixed(58.304, 2)` = `"58.3"`, `fixed(3, 2)` = `"3"`.
    /// Non-finite values (which the analysis never produces) are written as `0`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        digits(value, decimals, trim: true)
    }

    /// `value` rounded to `decimals` places, keeping trailing zeros (aligned table columns).
    public static func padded(_ value: Double, _ decimals: Int) -> String {
        digits(value, decimals, trim: false)
    }

    /// A share 0...1 as a whole percentage, e.g. `0.75` -> `"75%"`.
    public static func percent(_ share: Double) -> String {
        fixed((share * 100).rounded(), 0) + "%"
    }

    /// A whole number with `,` between groups of three digits, e.g. `120000` -> `"120,000"`.
    public static func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude)), out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits) + out
    }

    private static func digits(_ value: Double, _ decimals: Int, trim: Bool) -> String {
        guard value.isFinite else { return trim || decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        let places = max(0, decimals)
        guard places < powers.count, abs(value) * powers[places] < 9.0e15 else { return slow(value, places, trim: trim) }
        // Integer arithmetic on the scaled value: fast (SVG coordinates, large maps). Near a tie the
        // scaling itself may round (0.235 * 100 = 23.5 exactly, though 0.235 is 0.23499... in binary), so
        // there the exact decimal rounding of `%.Nf` decides.
        let product = value * powers[places]
        let fraction = abs(product - product.rounded(.down))
        guard abs(fraction - 0.5) > 1e-6 else { return slow(value, places, trim: trim) }
        let scaled = Int64(product.rounded(.toNearestOrEven))
        let magnitude = scaled.magnitude
        let unit = UInt64(powers[places])
        var text = scaled < 0 ? "-" : ""
        text += String(magnitude / unit)
        if places > 0 {
            var fraction = String(magnitude % unit)
            if fraction.count < places { fraction = String(repeating: "0", count: places - fraction.count) + fraction }
            if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        if scaled == 0 && text.hasPrefix("-") { text.removeFirst() }
        return text
    }

    private static func slow(_ value: Double, _ places: Int, trim: Bool) -> String {
        var text = String(format: "%.\(places)f", value)
        if trim, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if Double(text) == 0, text.hasPrefix("-") { text.removeFirst() }
        return text
    }
}
