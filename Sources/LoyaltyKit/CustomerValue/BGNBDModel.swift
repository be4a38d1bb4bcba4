import Foundation

/// The beta-geometric / negative binomial distribution (BG/NBD) model of
/// Fader, Hardie & Lee (2005).
///
/// While active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α)
/// (shape r, rate α, so α is in the data's time unit); after every purchase the
/// customer becomes inactive with probability p ~ Beta(a, b). Only repeat
/// purchases are modelled (x excludes the first purchase).
public struct BGNBDModel: RepeatPurchaseModel, Hashable {
    /// Shape of the purchase-rate gamma distribution.
    public let r: Double
    /// Rate (inverse scale) of the purchase-rate gamma distribution, in `timeUnit`.
    public let alpha: Double
    /// Dropout beta distribution parameter a.
    public let a: Double
    /// Dropout beta distribution parameter b.
    public let b: Double
    /// Unit of recency, age, horizons and `alpha`.
    public let timeUnit: CustomerValueTimeUnit
    /// Diagnostics when the model was produced by ``fit(_:options:)``, else `nil`.
    public let fitReport: CustomerValueFitReport?

    /// A model with known parameters.
    /// - Throws: `LoyaltyError.invalidData` unless all parameters are positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double, timeUnit: CustomerValueTimeUnit) throws {
        guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw LoyaltyError(.invalidData, "BG/NBD parameters must be positive and finite: r=\(r) alpha=\(alpha) a=\(a) b=\(b)")
        }
        self.init(unchecked: [r, alpha, a, b], timeUnit: timeUnit, report: nil)
    }

    init(unchecked parameters: [Double], timeUnit: CustomerValueTimeUnit, report: CustomerValueFitReport?) {
        r = parameters[0]
        alpha = parameters[1]
        a = parameters[2]
        b = parameters[3]
        self.timeUnit = timeUnit
        fitReport = report
    }

    /// Maximum-likelihood fit (log-parameter BFGS with the analytic gradient).
    ///
    /// Cost: `O(rows)` per likelihood-and-gradient evaluation (two logarithms, one
    /// exponential and one `log1p` per row; log-gamma and digamma terms are shared
    /// per distinct frequency), typically 20–40 evaluations.
    /// - Throws: `LoyaltyError.invalidData` if no customer has a repeat purchase or
    ///   the options are invalid; `LoyaltyError.notConverged` if the optimiser fails.
    public static func fit(_ data: RecencyFrequencyData, options: CustomerValueFitOptions = .init()) throws -> BGNBDModel {
        let (parameters, report) = try BetaGeometricLikelihood.fit(data, modified: false, options: options)
        return BGNBDModel(unchecked: parameters, timeUnit: data.timeUnit, report: report)
    }

    /// Log-likelihood of one history, eq. (6)–(7) of Fader, Hardie & Lee (2005a). `O(1)`.
    public func logLikelihood(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        let x = Double(frequency)
        let lg = CustomerValueMath.logGamma
        let a1 = lg(r + x) - lg(r) + r * log(alpha)
        let a2 = lg(a + b) + lg(b + x) - lg(b) - lg(a + b + x)
        let a3 = -(r + x) * log(alpha + age)
        guard frequency > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + x - 1) - (r + x) * log(alpha + recency)
        return a1 + a2 + CustomerValueMath.logAddExp(a3, a4)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + 𝟙[x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^{r+x})
    /// (Fader, Hardie & Lee 2008, note 021). 1 for x = 0. `O(1)`.
    public func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        guard frequency > 0 else { return 1 }
        let x = Double(frequency)
        let logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + age) - log(alpha + recency))
        return CustomerValueMath.logistic(-logOdds)
    }

    /// E[Y(t) | x, tₓ, T], eq. (10) of Fader, Hardie & Lee (2005a):
    /// `(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + 𝟙[x>0] a/(b+x−1) ((α+T)/(α+tₓ))^{r+x})`.
    ///
    /// Cost grows with `t/(α+T+t)` (hypergeometric series); `NaN` if
    /// `a + b + x ≤ 1` (the series is undefined there) or for invalid input.
    public func conditionalExpectedPurchases(during t: Double, frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age), t >= 0 else { return .nan }
        if t == 0 { return 0 }
        return probabilityAlive(frequency: frequency, recency: recency, age: age)
            * expectedPurchasesIfAlive(during: t, frequency: frequency, age: age)
    }

    /// E[Y(t) | alive at T, x, T] = `(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]`
    /// (the numerator of eq. 10). `NaN` if `a + b + x ≤ 1` or for invalid input.
    public func expectedPurchasesIfAlive(during t: Double, frequency: Int, age: Double) -> Double {
        guard frequency >= 0, age >= 0, age.isFinite, t >= 0 else { return .nan }
        if t == 0 { return 0 }
        let x = Double(frequency)
        let z = t / (alpha + age + t)
        let logHyp = GaussHypergeometric.logHyp2F1(r + x, b + x, a + b + x - 1, z)
        let bracket = -expm1(logHyp + (r + x) * log((alpha + age) / (alpha + age + t)))
        return (a + b + x - 1) / (a - 1) * bracket
    }

    /// E[X(t)] for a new customer, eq. (9) of Fader, Hardie & Lee (2005a):
    /// `(a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]`. `NaN` if a + b ≤ 1.
    public func expectedPurchases(during t: Double) -> Double {
        guard t >= 0 else { return .nan }
        if t == 0 { return 0 }
        let logHyp = GaussHypergeometric.logHyp2F1(r, b, a + b - 1, t / (alpha + t))
        return (a + b - 1) / (a - 1) * -expm1(logHyp + r * log(alpha / (alpha + t)))
    }

    /// P(X(t) = n) for a new customer, eq. (8) of Fader, Hardie & Lee (2005a). `O(n)`.
    /// Returns `NaN` for negative `n` or `t`.
    public func probabilityOfPurchases(_ n: Int, during t: Double) -> Double {
        guard n >= 0, t >= 0, t.isFinite else { return .nan }
        if t == 0 { return n == 0 ? 1 : 0 }
        let nd = Double(n)
        let lg = CustomerValueMath.logGamma
        let logBetaAB = CustomerValueMath.logBeta(a, b)
        let logP = log(alpha / (alpha + t)), logQ = log(t / (alpha + t))
        let first = exp(CustomerValueMath.logBeta(a, b + nd) - logBetaAB + lg(r + nd) - lg(r) - lg(nd + 1)
                        + r * logP + nd * logQ)
        guard n > 0 else { return first }
        var term = 1.0, sum = 1.0
        let q = t / (alpha + t)
        for j in 0..<(n - 1) {
            term *= (r + Double(j)) / Double(j + 1) * q
            sum += term
        }
        let second = exp(CustomerValueMath.logBeta(a + 1, b + nd - 1) - logBetaAB) * -expm1(r * logP + log(sum))
        return first + second
    }
}
