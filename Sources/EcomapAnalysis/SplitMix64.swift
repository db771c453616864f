import Foundation

/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same sequence
/// on every platform, which keeps sampling and sensitivity trials reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (Box–Muller; one value per call, the partner is discarded for simplicity).
    public mutating func nextNormal() -> Double {
        let u1 = 1 - nextUnit()          // (0, 1]
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method would also do; this is rejection).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        var x = next()
        while x >= limit { x = next() }
        return Int(x % b)
    }

    /// `count` distinct indices from `0..<n`, sorted, by a partial Fisher–Yates shuffle.
    public mutating func sample(count: Int, from n: Int) -> [Int] {
        let k = min(count, n)
        var pool = Array(0..<n)
        for i in 0..<k {
            let j = i + nextInt(below: n - i)
            pool.swapAt(i, j)
        }
        return pool[0..<k].sorted()
    }
}
