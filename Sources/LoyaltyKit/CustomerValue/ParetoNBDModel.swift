import Foundation

/// The Pareto/NBD model of Schmittlein, Morrison & Colombo (1987).
///
/// While active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
/// the unobserved lifetime is exponential with rate μ ~ Gamma(s, β) (so dropout
/// can happen at any time, not only after purchases). α and β are rates in the
/// data's time unit.
///
/// The likelihood (Fader & Hardie 2005, note 009, eq. 18–20) contains
/// `A₀ = ₂F₁(r+s+x, b; r+s+x+1; z(tₓ))/(M+tₓ)^{r+s+x} − ₂F₁(…; z(T))/(M+T)^{r+s+x}`,
/// with `M = max(α, β)`, `z(t) = |α−β|/(M+t)` and `b = s+1` if α ≥ β, else `r+x`.
/// It is evaluated entirely in log space after Euler's transformation
/// `₂F₁(a, b; a+1; z) = (1−z)^{1−b} ₂F₁(1, a+1−b; a+1; z)`, whose series has
/// positive terms with ratio below `z` (continued fraction for z > ½), so it
/// neither overflows nor cancels for large frequencies or long histories; the
/// difference of the two terms uses `log(1 − eᵘ)`.
public struct ParetoNBDModel: RepeatPurchaseModel, Hashable {
    /// Shape of the purchase-rate gamma distribution.
    public let r: Double
    /// Rate of the purchase-rate gamma distribution, in `timeUnit`.
    public let alpha: Double
    /// Shape of the dropout-rate gamma distribution.
    public let s: Double
    /// Rate of the dropout-rate gamma distribution, in `timeUnit`.
    public let beta: Double
    /// Unit of recency, age, horizons, `alpha` and `beta`.
    public let timeUnit: CustomerValueTimeUnit
    /// Diagnostics when produced by ``fit(_:options:)``.
    public let fitReport: CustomerValueFitReport?

    /// A model with known parameters.
    /// - Throws: `LoyaltyError.invalidData` unless all parameters are positive and finite.
    public init(r: Double, alpha: Double, s: Double, beta: Double, timeUnit: CustomerValueTimeUnit) throws {
        guard [r, alpha, s, beta].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw LoyaltyError(.invalidData, "Pareto/NBD parameters must be positive and finite: r=\(r) alpha=\(alpha) s=\(s) beta=\(beta)")
        }
        self.init(unchecked: [r, alpha, s, beta], timeUnit: timeUnit, report: nil)
    }

    init(unchecked parameters: [Double], timeUnit: CustomerValueTimeUnit, report: CustomerValueFitReport?) {
        r = parameters[0]
        alpha = parameters[1]
        s = parameters[2]
        beta = parameters[3]
        self.timeUnit = timeUnit
        fitReport = report
    }

    /// Maximum-likelihood fit: log-parameter BFGS with central-difference
    /// gradients (8 extra likelihood evaluations per gradient).
    ///
    /// Cost per likelihood evaluation: one short hypergeometric series (a few to a
    /// few dozen terms) per distinct (x, t) pair — pairs are shared between rows —
    /// plus `O(rows)` cheap work (two exponentials and two `log1p` per row).
    /// - Throws: `LoyaltyError.invalidData` if no customer has a repeat purchase or
    ///   options are invalid; `LoyaltyError.notConverged` if the optimiser fails.
    public static func fit(_ data: RecencyFrequencyData, options: CustomerValueFitOptions = .init()) throws -> ParetoNBDModel {
        try options.validate()
        try data.requireRepeatPurchases(model: "Pareto/NBD")
        let rows = options.groupIdenticalRows ? data.grouped() : data
        let totalWeight = rows.totalWeight
        let threads = options.threads
        let meanX = zip(rows.frequency, rows.weights).reduce(0) { $0 + Double($1.0) * $1.1 } / totalWeight
        let meanAge = zip(rows.age, rows.weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        let scale = max(meanAge, 1e-3)
        let start = [1.0, max(scale / max(meanX, 1e-3), 1e-3), 1.0, scale]
        let likelihood = ParetoNBDLikelihood(rows)
        let value: @Sendable ([Double]) -> Double = { theta in
            likelihood.meanNegativeLogLikelihood(logParameters: theta, threads: threads)
        }
        let (parameters, report) = try CustomerValueFitting.fit(
            model: "Pareto/NBD", start: start, options: options, rows: rows.count, customers: totalWeight,
            objective: CustomerValueMinimizer.centralDifference(value))
        return ParetoNBDModel(unchecked: parameters, timeUnit: data.timeUnit, report: report)
    }

    /// log A₀ (note 009 eq. 19–20) in log space; `-∞` when tₓ = T.
    @inline(__always)
    static func logA0(r: Double, alpha: Double, s: Double, beta: Double, x: Double, recency: Double, age: Double) -> Double {
        let rsx = r + s + x
        let (large, small, bExponent) = alpha >= beta ? (alpha, beta, s + 1) : (beta, alpha, r + x)
        let difference = large - small
        let bPrime = rsx + 1 - bExponent
        @inline(__always) func logTerm(_ t: Double) -> Double {
            GaussHypergeometric.logHyp2F1UnitA(bPrime, rsx + 1, difference / (large + t),
                                               oneMinusZ: (small + t) / (large + t))
                - (bExponent - 1) * log(small + t) - (rsx - bExponent + 1) * log(large + t)
        }
        let atRecency = logTerm(recency)
        let atAge = logTerm(age)
        guard atRecency > atAge else { return -.infinity }
        return atRecency + CustomerValueMath.log1mExp(atAge - atRecency)
    }

    @inline(__always)
    static func rowLogLikelihood(r: Double, alpha: Double, s: Double, beta: Double, x: Double, recency: Double,
                                 age: Double, constant: Double) -> Double {
        let a0 = logA0(r: r, alpha: alpha, s: s, beta: beta, x: x, recency: recency, age: age)
        let survived = -(r + x) * log(alpha + age) - s * log(beta + age)
        return constant + CustomerValueMath.logAddExp(survived, log(s) + a0 - log(r + s + x))
    }

    /// Log-likelihood of one history (note 009 eq. 18). `O(1)` plus two short series.
    public func logLikelihood(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        let x = Double(frequency)
        let constant = CustomerValueMath.logGamma(r + x) - CustomerValueMath.logGamma(r) + r * log(alpha) + s * log(beta)
        return Self.rowLogLikelihood(r: r, alpha: alpha, s: s, beta: beta, x: x, recency: recency, age: age,
                                     constant: constant)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + s/(r+s+x) · (α+T)^{r+x} (β+T)^s · A₀) (note 009 eq. 36–37).
    public func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        let x = Double(frequency)
        let a0 = Self.logA0(r: r, alpha: alpha, s: s, beta: beta, x: x, recency: recency, age: age)
        let logOdds = log(s) - log(r + s + x) + (r + x) * log(alpha + age) + s * log(beta + age) + a0
        return CustomerValueMath.logistic(-logOdds)
    }

    /// E[Y(t) | x, tₓ, T] = P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}]
    /// (note 009 eq. 41; the s → 1 limit is handled).
    public func conditionalExpectedPurchases(during t: Double, frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age), t >= 0 else { return .nan }
        if t == 0 { return 0 }
        return probabilityAlive(frequency: frequency, recency: recency, age: age)
            * expectedPurchasesIfAlive(during: t, frequency: frequency, age: age)
    }

    /// E[Y(t) | alive at T, x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}]. `O(1)`.
    public func expectedPurchasesIfAlive(during t: Double, frequency: Int, age: Double) -> Double {
        guard frequency >= 0, age >= 0, age.isFinite, t >= 0 else { return .nan }
        if t == 0 { return 0 }
        let x = Double(frequency)
        let logRatio = log((beta + age) / (beta + age + t))
        let horizon = abs(s - 1) < 1e-12 ? -logRatio : -expm1((s - 1) * logRatio) / (s - 1)
        return (r + x) * (beta + age) / (alpha + age) * horizon
    }

    /// E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^{s−1}] (note 009 eq. 27; s → 1 limit handled).
    public func expectedPurchases(during t: Double) -> Double {
        guard t >= 0 else { return .nan }
        let logRatio = log(beta / (beta + t))
        let horizon = abs(s - 1) < 1e-12 ? -logRatio : -expm1((s - 1) * logRatio) / (s - 1)
        return r * beta / alpha * horizon
    }
}
