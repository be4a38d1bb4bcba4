import Foundation

/// A small, fast, deterministic random number generator (xoshiro256**, seeded
/// through SplitMix64) with the samplers the synthetic customer populations
/// need. Identical seeds give identical streams on every platform.
///
/// Not cryptographically secure. All samplers are `O(1)` expected time.
public struct CustomerValueRandomGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds the four state words from SplitMix64(`seed`).
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// Next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform on the open interval (0, 1), 53-bit resolution.
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// Standard normal (Marsaglia polar method).
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUniform() - 1, v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Exponential with the given rate (> 0); mean 1/rate.
    public mutating func nextExponential(rate: Double) -> Double {
        -log(nextUniform()) / rate
    }

    /// Gamma with shape k > 0 and rate θ > 0 (mean k/θ): Marsaglia & Tsang (2000),
    /// with the `U^{1/k}` boost for k < 1.
    public mutating func nextGamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            let boost = pow(nextUniform(), 1 / shape)
            return nextGamma(shape: shape + 1, rate: rate) * boost
        }
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextUniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return d * v / rate
            }
        }
    }

    /// Beta(a, b) via two gamma variates.
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a, rate: 1), y = nextGamma(shape: b, rate: 1)
        return x / (x + y)
    }

    /// Number of failures before the first success with success probability `p` in (0, 1].
    public mutating func nextGeometric(successProbability p: Double) -> Int {
        if p >= 1 { return 0 }
        let value = (log(nextUniform()) / log1p(-p)).rounded(.down)
        return value < Double(Int.max) ? Int(value) : Int.max
    }
}
