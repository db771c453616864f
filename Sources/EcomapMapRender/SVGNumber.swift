/// Locale-free fixed-point numbers for SVG attributes (two decimals, trailing zeros dropped).
enum SVGNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = Int((value * 100).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        var text = sign + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            if text.hasSuffix("0") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
