import Foundation

/// An opaque sRGB colour. Written only as `#RRGGBB`: never `rgba()`, `var()` or `transparent`.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses exactly `#RRGGBB` (either letter case); anything else is nil.
    public init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return nil }
        var values: [UInt8] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let hi = RGB.nibble(bytes[i]), let lo = RGB.nibble(bytes[i + 1]) else { return nil }
            values.append(hi << 4 | lo)
        }
        self.init(values[0], values[1], values[2])
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `#rrggbb`, lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }

    public var description: String { hex }

    /// Relative luminance (WCAG 2), 0 (black) ... 1 (white).
    public var luminance: Double {
        func channel(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Black or white, whichever contrasts more with this colour (for text drawn on it).
    public var readableText: RGB {
        let white = 1.05 / (luminance + 0.05)
        let black = (luminance + 0.05) / 0.05
        return white >= black ? RGB(255, 255, 255) : RGB(17, 17, 17)
    }

    /// The grey of the same relative luminance.
    public var grey: RGB {
        let l = luminance
        let encoded = l <= 0.0031308 ? 12.92 * l : 1.055 * pow(l, 1 / 2.4) - 0.055
        let v = UInt8((min(max(encoded, 0), 1) * 255).rounded())
        return RGB(v, v, v)
    }

    /// Linear mix: `0` is self, `1` is `other`.
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * min(max(t, 0), 1)).rounded())
        }
        return RGB(lerp(red, other.red), lerp(green, other.green), lerp(blue, other.blue))
    }
}
