import Foundation

/// Discounted expected customer lifetime value over a horizon of whole months:
///
/// `CLV = Σ_{m=1…M} margin · E[Z] · (E[Y(m·f)] − E[Y((m−1)·f)]) / (1+d)^m`
///
/// where E[Y(t)] is a transaction model's conditional expected number of repeat
/// purchases in the next t time units, E[Z] the expected value per purchase
/// (e.g. from ``GammaGammaModel``), d the monthly discount rate and f the number
/// of model time units per month.
///
/// **f comes from the model's time unit** (30 for days, 4.345 for weeks) unless
/// overridden. `lifetimes`' `customer_lifetime_value` defaults to f = 30
/// (`freq="D"`) regardless of the data, and its documentation applies that to
/// weekly CDNOW data, which inflates 12-month CLV several-fold.
public struct LifetimeValueProjection: Hashable, Sendable {
    /// Horizon in months (M ≥ 1).
    public let months: Int
    /// Monthly discount rate d (≥ 0; 0.01 ≈ 12.7 % a year).
    public let monthlyDiscountRate: Double
    /// Fraction of spend kept as margin (1 = revenue CLV).
    public let margin: Double
    /// Model time units per month, or `nil` to use the model's `timeUnit.periodsPerMonth`.
    public let periodsPerMonth: Double?

    /// - Throws: `LoyaltyError.invalidData` unless `months ≥ 1`, `0 ≤ d < ∞`,
    ///   margin finite, and `periodsPerMonth` (if given) positive and finite.
    public init(months: Int = 12, monthlyDiscountRate: Double = 0.01, margin: Double = 1,
                periodsPerMonth: Double? = nil) throws {
        guard months >= 1, monthlyDiscountRate >= 0, monthlyDiscountRate.isFinite, margin.isFinite else {
            throw LoyaltyError(.invalidData, "CLV needs months ≥ 1, a finite discount rate ≥ 0 and a finite margin")
        }
        if let periodsPerMonth, !(periodsPerMonth > 0 && periodsPerMonth.isFinite) {
            throw LoyaltyError(.invalidData, "periodsPerMonth must be positive, got \(periodsPerMonth)")
        }
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.margin = margin
        self.periodsPerMonth = periodsPerMonth
    }

    /// CLV of one customer given a purchase model and the expected value per purchase
    /// (in any currency unit; the result is in the same unit).
    /// `O(months)` model evaluations. `NaN` for invalid histories.
    public func value(model: some RepeatPurchaseModel, frequency: Int, recency: Double, age: Double,
                      expectedValuePerPurchase: Double) -> Double {
        let f = periodsPerMonth ?? model.timeUnit.periodsPerMonth
        var total = 0.0
        var previous = 0.0
        var discount = 1.0
        // E[Y(t) | history] = P(alive) · E[Y(t) | alive]; P(alive) does not depend on t.
        let alive = model.probabilityAlive(frequency: frequency, recency: recency, age: age)
        for month in 1...months {
            let cumulative = alive * model.expectedPurchasesIfAlive(
                during: Double(month) * f, frequency: frequency, age: age)
            discount /= 1 + monthlyDiscountRate
            total += margin * expectedValuePerPurchase * (cumulative - previous) * discount
            previous = cumulative
        }
        return total
    }

    /// CLV with the Gamma-Gamma conditional expected value per purchase,
    /// E[Z | x, z̄]. `monetaryValue` must be in the unit the spend model was fitted on.
    public func value(model: some RepeatPurchaseModel, spendModel: GammaGammaModel, frequency: Int, recency: Double,
                      age: Double, monetaryValue: Double) -> Double {
        value(model: model, frequency: frequency, recency: recency, age: age,
              expectedValuePerPurchase: spendModel.conditionalExpectedAverageValue(
                frequency: frequency, monetaryValue: monetaryValue))
    }
}
