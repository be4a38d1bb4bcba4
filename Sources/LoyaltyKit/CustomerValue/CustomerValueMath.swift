import Foundation

/// Special functions used by the customer-value models, written here so that the
/// core does not depend on the platform C library's `lgamma` (whose accuracy and
/// thread-safety differ between platforms).
///
/// All functions are pure and `O(1)` unless stated otherwise.
enum CustomerValueMath {
    static let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_406

    /// Natural logarithm of the gamma function, `log Γ(x)`, for `x > 0`.
    ///
    /// Uses the Stirling series with terms up to `x⁻¹³` for `x ≥ 10` and the
    /// recurrence `Γ(x) = Γ(x + n) / (x (x + 1) ⋯ (x + n − 1))` below that.
    /// Absolute error is below about `1e-14` over `(0, 1e300)`; relative error is
    /// about `1e-15` away from the zeros at `x = 1` and `x = 2`.
    /// Returns `+∞` for `x == 0` and `NaN` for negative or non-finite input
    /// (except `+∞`, which maps to `+∞`).
    static func logGamma(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return .infinity }
        if x == .infinity { return .infinity }
        if x == 1 || x == 2 { return 0 }
        if x < 10 {
            var product = 1.0
            var shifted = x
            while shifted < 10 {
                product *= shifted
                shifted += 1
            }
            return stirlingLogGamma(shifted) - Foundation.log(product)
        }
        return stirlingLogGamma(x)
    }

    /// Stirling series for `x ≥ 10`.
    @inline(__always)
    private static func stirlingLogGamma(_ x: Double) -> Double {
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        // Bernoulli-number coefficients B_{2k} / (2k (2k − 1)), k = 1…7.
        var series = 1.0 / 156.0
        series = series * inverse2 - 691.0 / 360_360.0
        series = series * inverse2 + 1.0 / 1188.0
        series = series * inverse2 - 1.0 / 1680.0
        series = series * inverse2 + 1.0 / 1260.0
        series = series * inverse2 - 1.0 / 360.0
        series = series * inverse2 + 1.0 / 12.0
        series *= inverse
        return (x - 0.5) * Foundation.log(x) - x + halfLogTwoPi + series
    }

    /// Digamma function `ψ(x) = d/dx log Γ(x)` for `x > 0` (absolute error ≈ 1e-15).
    ///
    /// Uses the asymptotic series for `x ≥ 10` and `ψ(x) = ψ(x + 1) − 1/x` below.
    static func digamma(_ x: Double) -> Double {
        if x.isNaN || x <= 0 { return .nan }
        if x == .infinity { return .infinity }
        var shifted = x
        var correction = 0.0
        while shifted < 10 {
            correction -= 1 / shifted
            shifted += 1
        }
        let inverse = 1 / shifted
        let inverse2 = inverse * inverse
        var series = -1.0 / 12.0
        series = series * inverse2 + 691.0 / 32_760.0
        series = series * inverse2 - 1.0 / 132.0
        series = series * inverse2 + 1.0 / 240.0
        series = series * inverse2 - 1.0 / 252.0
        series = series * inverse2 + 1.0 / 120.0
        series = series * inverse2 - 1.0 / 12.0
        series *= inverse2
        return correction + Foundation.log(shifted) - 0.5 * inverse + series
    }

    /// `log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)` for `a, b > 0`.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// `log(eᵃ + eᵇ)` without overflow. `-∞` arguments are allowed.
    @inline(__always)
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        return a >= b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b))
    }

    /// `log(1 − eˣ)` for `x ≤ 0`, accurate for `x` near 0 and for very negative `x`.
    @inline(__always)
    static func log1mExp(_ x: Double) -> Double {
        if x > -0.693_147_180_559_945_3 { return Foundation.log(-expm1(x)) }
        return log1p(-exp(x))
    }

    /// `log Σ exp(values[i])`, `O(n)`; returns `-∞` for an empty array.
    static func logSumExp(_ values: [Double]) -> Double {
        guard let largest = values.max(), largest > -.infinity else { return -.infinity }
        if largest == .infinity { return .infinity }
        var sum = 0.0
        for value in values { sum += exp(value - largest) }
        return largest + Foundation.log(sum)
    }

    /// Logistic function `1 / (1 + e⁻ˣ)`.
    @inline(__always)
    static func logistic(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }
}
