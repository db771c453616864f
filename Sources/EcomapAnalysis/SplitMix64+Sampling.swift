import EcomapModel
import Foundation

extension SplitMix64 {
    /// A standard normal deviate (Box–Muller; one value per call, the partner is discarded for simplicity).
    public mutating func nextNormal() -> Double {
        let u1 = 1 - nextUnit()          // (0, 1]
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
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
