import Foundation

/// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005b;
/// Fader & Hardie 2013, note 025; after Colombo & Jiang 1999).
///
/// Each transaction value zᵢⱼ ~ Gamma(p, ν) (shape p, rate ν) with ν ~ Gamma(q, γ)
/// across customers, so a customer's mean spend is p/ν and the population mean is
/// pγ/(q−1). The model is fitted to customers with at least one repeat purchase,
/// using x and their mean repeat-purchase value z̄ (the first purchase is excluded).
///
/// **Assumption:** spend is independent of purchase frequency. Check it with
/// ``frequencySpendCorrelation(frequency:monetaryValue:)`` before relying on the
/// model (|ρ| ≳ 0.3 is a warning sign).
///
/// `gamma` carries the unit of the monetary values it was fitted on (it is `v`
/// in `lifetimes`): fit on dollars and it is in dollars; fit on cents and it is
/// 100× larger, while `p` and `q` do not change.
public struct GammaGammaModel: Hashable, Sendable {
    /// Shape of the per-transaction spend distribution.
    public let p: Double
    /// Shape of the across-customer distribution of the spend rate ν.
    public let q: Double
    /// Rate (scale of spend) of the across-customer distribution of ν; monetary unit.
    public let gamma: Double
    /// Diagnostics when produced by ``fit(frequency:monetaryValue:weights:options:)``.
    public let fitReport: CustomerValueFitReport?

    /// A model with known parameters.
    /// - Throws: `LoyaltyError.invalidData` unless all parameters are positive and finite.
    public init(p: Double, q: Double, gamma: Double) throws {
        guard [p, q, gamma].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw LoyaltyError(.invalidData, "Gamma-Gamma parameters must be positive and finite: p=\(p) q=\(q) gamma=\(gamma)")
        }
        self.init(unchecked: [p, q, gamma], report: nil)
    }

    init(unchecked parameters: [Double], report: CustomerValueFitReport?) {
        p = parameters[0]
        q = parameters[1]
        gamma = parameters[2]
        fitReport = report
    }

    /// Maximum-likelihood fit on the customers with `frequency > 0`; the others
    /// are skipped. Log-parameter BFGS with the analytic gradient, `O(n)` per evaluation.
    ///
    /// - Parameters:
    ///   - frequency: repeat-purchase counts x.
    ///   - monetaryValue: mean repeat-purchase value z̄ per customer (any unit, e.g. dollars).
    ///   - weights: optional customer weights (> 0).
    ///   - options: optimiser settings.
    /// - Throws: `LoyaltyError.invalidData` for mismatched lengths, negative
    ///   frequency, a non-positive or non-finite monetary value where x > 0, bad
    ///   weights, or no customer with x > 0; `LoyaltyError.notConverged` if the
    ///   optimiser fails.
    public static func fit(frequency: [Int], monetaryValue: [Double], weights: [Double]? = nil,
                           options: CustomerValueFitOptions = .init()) throws -> GammaGammaModel {
        try options.validate()
        guard frequency.count == monetaryValue.count, weights.map({ $0.count == frequency.count }) ?? true else {
            throw LoyaltyError(.invalidData, "column lengths differ: frequency \(frequency.count), monetary value \(monetaryValue.count)")
        }
        var xs: [Double] = [], ms: [Double] = [], ws: [Double] = []
        for row in frequency.indices {
            let location = "row \(row + 1)"
            guard frequency[row] >= 0 else {
                throw LoyaltyError(.invalidData, "negative frequency \(frequency[row])", location: location)
            }
            let weight = weights?[row] ?? 1
            guard weight.isFinite, weight > 0 else {
                throw LoyaltyError(.invalidData, "weight \(weight) must be positive and finite", location: location)
            }
            guard frequency[row] > 0 else { continue }
            guard monetaryValue[row].isFinite, monetaryValue[row] > 0 else {
                throw LoyaltyError(.invalidData,
                                   "monetary value \(monetaryValue[row]) must be positive and finite for a customer with repeat purchases",
                                   location: location)
            }
            xs.append(Double(frequency[row]))
            ms.append(monetaryValue[row])
            ws.append(weight)
        }
        guard !xs.isEmpty else {
            throw LoyaltyError(.invalidData, "cannot fit Gamma-Gamma: no customer has a repeat purchase")
        }
        let totalWeight = ws.reduce(0, +)
        let meanSpend = zip(ms, ws).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        let (x, m, w) = (xs, ms, ws)
        let (parameters, report) = try CustomerValueFitting.fit(
            model: "Gamma-Gamma", start: [1, 2, meanSpend], options: options, rows: x.count, customers: totalWeight
        ) { theta, gradient in
            meanNegativeLogLikelihood(logParameters: theta, x: x, m: m, w: w, totalWeight: totalWeight,
                                      gradient: &gradient)
        }
        return GammaGammaModel(unchecked: parameters, report: report)
    }

    /// Fits on summaries, converting monetary values from minor to major units by
    /// dividing by `minorUnitsPerMajorUnit` (100 for cents → dollars).
    /// - Throws: as ``fit(frequency:monetaryValue:weights:options:)``, plus
    ///   `invalidData` for a non-positive `minorUnitsPerMajorUnit`.
    public static func fit(_ summaries: [PurchaseHistorySummary], minorUnitsPerMajorUnit: Double = 100,
                           options: CustomerValueFitOptions = .init()) throws -> GammaGammaModel {
        guard minorUnitsPerMajorUnit.isFinite, minorUnitsPerMajorUnit > 0 else {
            throw LoyaltyError(.invalidData, "minorUnitsPerMajorUnit must be positive, got \(minorUnitsPerMajorUnit)")
        }
        return try fit(frequency: summaries.map(\.frequency),
                       monetaryValue: summaries.map { $0.monetaryValue / minorUnitsPerMajorUnit }, options: options)
    }

    static func meanNegativeLogLikelihood(logParameters theta: [Double], x: [Double], m: [Double], w: [Double],
                                          totalWeight: Double, gradient: inout [Double]) -> Double {
        let p = exp(theta[0]), q = exp(theta[1]), gamma = exp(theta[2])
        let lgQ = CustomerValueMath.logGamma(q), psiQ = CustomerValueMath.digamma(q), logGamma = log(gamma)
        var ll = 0.0, gP = 0.0, gQ = 0.0, gGamma = 0.0
        var cachedX = -1.0, lgTerm = 0.0, psiPXQ = 0.0, psiPX = 0.0
        for row in x.indices {
            let xi = x[row], mi = m[row], wi = w[row]
            let px = p * xi
            if xi != cachedX {
                cachedX = xi
                lgTerm = CustomerValueMath.logGamma(px + q) - CustomerValueMath.logGamma(px) - lgQ
                psiPXQ = CustomerValueMath.digamma(px + q)
                psiPX = CustomerValueMath.digamma(px)
            }
            let logM = log(mi), logX = log(xi), logDenominator = log(xi * mi + gamma)
            ll += wi * (lgTerm + q * logGamma + (px - 1) * logM + px * logX - (px + q) * logDenominator)
            gP += wi * xi * (psiPXQ - psiPX + logM + logX - logDenominator)
            gQ += wi * (psiPXQ - psiQ + logGamma - logDenominator)
            gGamma += wi * (q / gamma - (px + q) / (xi * mi + gamma))
        }
        gradient[0] = -gP * p / totalWeight
        gradient[1] = -gQ * q / totalWeight
        gradient[2] = -gGamma * gamma / totalWeight
        return -ll / totalWeight
    }

    /// Log-likelihood of one customer's (x, z̄), note 025 eq. (1a)
    /// (the form `lifetimes` uses). `NaN` unless x > 0 and z̄ > 0.
    public func logLikelihood(frequency: Int, monetaryValue: Double) -> Double {
        guard frequency > 0, monetaryValue > 0, monetaryValue.isFinite else { return .nan }
        let x = Double(frequency), px = p * x
        let lg = CustomerValueMath.logGamma
        return lg(px + q) - lg(px) - lg(q) + q * log(gamma) + (px - 1) * log(monetaryValue) + px * log(x)
            - (px + q) * log(x * monetaryValue + gamma)
    }

    /// Population mean spend per transaction, pγ/(q−1); `+∞` if q ≤ 1.
    public var populationMeanValue: Double {
        q > 1 ? p * gamma / (q - 1) : .infinity
    }

    /// E[Z | x, z̄] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄ = p(γ + x z̄)/(px+q−1),
    /// a credibility-weighted mix of the population mean and the customer's own
    /// mean (note 025 eq. 5). For x = 0 this is the population mean.
    /// `NaN` for negative inputs or if `px + q ≤ 1`. `O(1)`.
    public func conditionalExpectedAverageValue(frequency: Int, monetaryValue: Double) -> Double {
        guard frequency >= 0, monetaryValue >= 0, monetaryValue.isFinite else { return .nan }
        let x = Double(frequency)
        let denominator = p * x + q - 1
        guard denominator > 0 else { return .nan }
        return p * (gamma + x * monetaryValue) / denominator
    }

    /// Pearson correlation between frequency and monetary value over customers
    /// with x > 0 and finite z̄. The Gamma-Gamma model assumes independence; values
    /// far from 0 mean the spend predictions are biased. `nil` with fewer than 2
    /// such customers or zero variance. `O(n)`.
    public static func frequencySpendCorrelation(frequency: [Int], monetaryValue: [Double]) -> Double? {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        for (x, m) in zip(frequency, monetaryValue) where x > 0 && m.isFinite {
            let xd = Double(x)
            n += 1; sx += xd; sy += m; sxx += xd * xd; syy += m * m; sxy += xd * m
        }
        guard n >= 2 else { return nil }
        let covariance = sxy - sx * sy / n
        let varianceX = sxx - sx * sx / n, varianceY = syy - sy * sy / n
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
