import EcomapModel
import Foundation

/// The draws the synthetic generator needs, on top of the shared seeded generator.
extension SplitMix64 {
    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A standard normal variate (Box-Muller; one of the pair is dropped so each call is self-contained).
    public mutating func normal() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-53)
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A log-normal variate with the given median and spread (sigma of the underlying normal).
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[nextInt(below: items.count)] }
}
