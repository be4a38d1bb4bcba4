import Foundation

/// The modified BG/NBD (MBG/NBD) model of Batislam, Denizel & Filiztekin (2007).
///
/// Like ``BGNBDModel`` (λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b) after
/// each purchase), except that a customer may also drop out right after the first
/// purchase, so customers with no repeat purchase are not assumed to be alive.
/// Same formulas as `lifetimes.ModifiedBetaGeoFitter` (Wagner & Hoppe 2008 for
/// the conditional expectation).
public struct MBGNBDModel: RepeatPurchaseModel, Hashable {
    /// Shape of the purchase-rate gamma distribution.
    public let r: Double
    /// Rate of the purchase-rate gamma distribution, in `timeUnit`.
    public let alpha: Double
    /// Dropout beta parameter a.
    public let a: Double
    /// Dropout beta parameter b.
    public let b: Double
    /// Unit of recency, age, horizons and `alpha`.
    public let timeUnit: CustomerValueTimeUnit
    /// Diagnostics when produced by ``fit(_:options:)``.
    public let fitReport: CustomerValueFitReport?

    /// A model with known parameters.
    /// - Throws: `LoyaltyError.invalidData` unless all parameters are positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double, timeUnit: CustomerValueTimeUnit) throws {
        guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw LoyaltyError(.invalidData, "MBG/NBD parameters must be positive and finite: r=\(r) alpha=\(alpha) a=\(a) b=\(b)")
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

    /// Maximum-likelihood fit (log-parameter BFGS, analytic gradient); `O(rows)` per evaluation.
    /// - Throws: `LoyaltyError.invalidData` if no customer has a repeat purchase or
    ///   options are invalid; `LoyaltyError.notConverged` if the optimiser fails.
    public static func fit(_ data: RecencyFrequencyData, options: CustomerValueFitOptions = .init()) throws -> MBGNBDModel {
        let (parameters, report) = try BetaGeometricLikelihood.fit(data, modified: true, options: options)
        return MBGNBDModel(unchecked: parameters, timeUnit: data.timeUnit, report: report)
    }

    /// Log-likelihood of one history (Batislam et al. 2007). `O(1)`.
    public func logLikelihood(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        let x = Double(frequency)
        let lg = CustomerValueMath.logGamma
        let a1 = lg(r + x) - lg(r) + r * log(alpha)
        let a2 = lg(a + b) + lg(b + x + 1) - lg(b) - lg(a + b + x + 1)
        let a3 = -(r + x) * log(alpha + age)
        let a4 = log(a) - log(b + x) - (r + x) * log(alpha + recency)
        return a1 + a2 + CustomerValueMath.logAddExp(a3, a4)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^{r+x}) (also for x = 0). `O(1)`.
    public func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age) else { return .nan }
        let x = Double(frequency)
        let logOdds = log(a) - log(b + x) + (r + x) * (log(alpha + age) - log(alpha + recency))
        return CustomerValueMath.logistic(-logOdds)
    }

    /// E[Y(t) | x, tₓ, T] =
    /// `(a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] / (1 + a/(b+x) ((α+T)/(α+tₓ))^{r+x})`.
    /// Hypergeometric series cost; `NaN` for invalid input.
    public func conditionalExpectedPurchases(during t: Double, frequency: Int, recency: Double, age: Double) -> Double {
        guard Self.isValidHistory(frequency: frequency, recency: recency, age: age), t >= 0 else { return .nan }
        if t == 0 { return 0 }
        return probabilityAlive(frequency: frequency, recency: recency, age: age)
            * expectedPurchasesIfAlive(during: t, frequency: frequency, age: age)
    }

    /// E[Y(t) | alive at T, x, T] = `(a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]`.
    public func expectedPurchasesIfAlive(during t: Double, frequency: Int, age: Double) -> Double {
        guard frequency >= 0, age >= 0, age.isFinite, t >= 0 else { return .nan }
        if t == 0 { return 0 }
        let x = Double(frequency)
        let logHyp = GaussHypergeometric.logHyp2F1(r + x, b + x + 1, a + b + x, t / (alpha + age + t))
        let bracket = -expm1(logHyp + (r + x) * log((alpha + age) / (alpha + age + t)))
        return (a + b + x) / (a - 1) * bracket
    }

    /// E[X(t)] = `b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]`.
    public func expectedPurchases(during t: Double) -> Double {
        guard t >= 0 else { return .nan }
        if t == 0 { return 0 }
        let logHyp = GaussHypergeometric.logHyp2F1(r, b + 1, a + b, t / (alpha + t))
        return b / (a - 1) * -expm1(logHyp + r * log(alpha / (alpha + t)))
    }

    /// P(X(t) = n) for a new customer (including the chance of dropping out right
    /// after the first purchase). `O(n)`; `NaN` for negative `n` or `t`.
    public func probabilityOfPurchases(_ n: Int, during t: Double) -> Double {
        guard n >= 0, t >= 0, t.isFinite else { return .nan }
        let nd = Double(n)
        let lg = CustomerValueMath.logGamma
        let logBetaAB = CustomerValueMath.logBeta(a, b)
        if t == 0 { return n == 0 ? 1 : 0 }
        let logP = log(alpha / (alpha + t)), q = t / (alpha + t)
        let first = exp(CustomerValueMath.logBeta(a, b + nd + 1) - logBetaAB + lg(r + nd) - lg(r) - lg(nd + 1)
                        + r * logP + nd * log(q))
        var term = 1.0, sum = n > 0 ? 1.0 : 0.0
        if n > 1 {
            for j in 0..<(n - 1) {
                term *= (r + Double(j)) / Double(j + 1) * q
                sum += term
            }
        }
        let tail = sum > 0 ? -expm1(r * logP + log(sum)) : 1
        return first + exp(CustomerValueMath.logBeta(a + 1, b + nd) - logBetaAB) * tail
    }
}
