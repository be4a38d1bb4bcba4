import Foundation

/// The Gauss hypergeometric function ₂F₁ in the forms the BG/NBD and Pareto/NBD
/// models need, evaluated in log space so that large parameters (long histories,
/// large frequencies) neither overflow nor lose accuracy.
enum GaussHypergeometric {
    /// `log ₂F₁(a, b; c; z)` for `a, b, c > 0` and `0 ≤ z < 1`.
    ///
    /// Sums the defining series, whose terms are all positive here (so there is no
    /// cancellation), with running rescaling so values beyond `1e308` stay finite
    /// in log space. The term ratio tends to `z`, so the cost is about
    /// `log(ε)/log(z)` terms plus the terms before the peak (`≈ a·b·z/c`): fast for
    /// `z ≲ 0.9`, slow but accurate closer to 1. Returns `NaN` for arguments outside
    /// the domain or if 2,000,000 terms do not converge.
    static func logHyp2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        guard a > 0, b > 0, c > 0, z >= 0, z < 1, a.isFinite, b.isFinite, c.isFinite else { return .nan }
        if z == 0 { return 0 }
        var term = 1.0
        var sum = 1.0
        var logScale = 0.0
        var n = 0.0
        while n < 2_000_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if sum > 1e250 {
                sum *= 1e-250
                term *= 1e-250
                logScale += 250 * 2.302_585_092_994_045_7
            }
            // The term ratio tends to z monotonically, so once it is below 1 every later
            // ratio is at most ρ = max(ratio, z) and the tail is at most term·ρ/(1 − ρ).
            let ratio = max((a + n) * (b + n) / ((c + n) * (n + 1)) * z, z)
            if ratio < 1 && term * ratio / (1 - ratio) <= sum * 1e-17 { return log(sum) + logScale }
        }
        return .nan
    }

    /// `log ₂F₁(1, b; c; z)` for `0 < b < c` and `0 ≤ z < 1`, with `oneMinusZ = 1 − z`
    /// supplied separately so that z close to 1 keeps full relative precision.
    ///
    /// This is the form that appears in the Pareto/NBD likelihood after Euler's
    /// transformation `₂F₁(a, β; a + 1; z) = (1 − z)^{1−β} ₂F₁(1, a + 1 − β; a + 1; z)`.
    /// With `p = c − 1`, `q = b − c + 1` it equals `p z^{−p} (1−z)^{−q} B_z(p, q)`
    /// (incomplete beta function). Methods, chosen as in Numerical Recipes' `betai`:
    /// - `z ≤ ½`: the series, whose terms are positive with ratio `< z`;
    /// - `z < (p+1)/(p+q+2)`: Gauss's continued fraction (modified Lentz), fast there;
    /// - beyond that point (only possible for `q > −1`): the reflection
    ///   `B_z(p, q) = B(p, q) − B_{1−z}(q, p)`, analytically continued to
    ///   `−1 < q < 0`, where the continued fraction in `1 − z` converges fast.
    ///   Terms are combined with `log(1 − eᵘ)`.
    /// Returns `NaN` outside the domain or if no method converges.
    static func logHyp2F1UnitA(_ b: Double, _ c: Double, _ z: Double, oneMinusZ: Double? = nil) -> Double {
        guard b > 0, c > b, z >= 0, z < 1 else { return .nan }
        if z == 0 { return 0 }
        if z <= 0.5 {
            var term = 1.0
            var sum = 1.0
            var n = 0.0
            while n < 10_000 {
                term *= (b + n) / (c + n) * z
                sum += term
                if term <= sum * 1e-17 { return log(sum) }
                n += 1
            }
            return .nan
        }
        let p = c - 1, q = b - c + 1
        let y = oneMinusZ ?? (1 - z)
        if z < (p + 1) / (p + q + 2) || abs(q) < 1e-9 {
            return log(continuedFraction(p: p, q: q, x: z, maxIterations: 20_000))
        }
        // Reflection: log B_z(p, q) from log|B(p, q)| and log|B_y(q, p)|, y = 1 − z.
        let logGammaQ = q > 0 ? CustomerValueMath.logGamma(q) : CustomerValueMath.logGamma(q + 1) - log(-q)
        let logCompleteBeta = CustomerValueMath.logGamma(p) + logGammaQ - CustomerValueMath.logGamma(p + q)
        let logReflected = q * log(y) + p * log1p(-y) - log(abs(q))
            + log(continuedFraction(p: q, q: p, x: y, maxIterations: 20_000))
        let logIncompleteBeta: Double
        if q > 0 {
            // B_z = B − B_y with both positive.
            guard logReflected < logCompleteBeta else {
                return log(continuedFraction(p: p, q: q, x: z, maxIterations: 20_000))
            }
            logIncompleteBeta = logCompleteBeta + CustomerValueMath.log1mExp(logReflected - logCompleteBeta)
        } else {
            // −1 < q < 0: B < 0 and B_y < 0, so B_z = |B_y| − |B|.
            guard logCompleteBeta < logReflected else {
                return log(continuedFraction(p: p, q: q, x: z, maxIterations: 20_000))
            }
            logIncompleteBeta = logReflected + CustomerValueMath.log1mExp(logCompleteBeta - logReflected)
        }
        return logIncompleteBeta + log(p) - p * log(z) - q * log(y)
    }

    /// Gauss continued fraction for `₂F₁(p + q, 1; p + 1; x)` (Numerical Recipes'
    /// `betacf`), valid for any real `q` when `p > −1`; modified Lentz evaluation.
    private static func continuedFraction(p: Double, q: Double, x: Double, maxIterations: Double) -> Double {
        let tiny = 1e-300
        let qab = p + q, qap = p + 1, qam = p - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < maxIterations {
            let m2 = 2 * m
            var aa = m * (q - m) * x / ((qam + m2) * (p + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(p + m) * (qab + m) * x / ((p + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { return h }
            m += 1
        }
        return .nan
    }
}
