/// A fitted model of repeat-purchase counts and dropout in a non-contractual
/// setting (BG/NBD, MBG/NBD, Pareto/NBD).
///
/// All times (recency, age, horizons) are in ``timeUnit``. The per-customer
/// functions are `O(1)` except where a hypergeometric series is summed (noted on
/// each model); they return `NaN` for invalid input (negative values, recency >
/// age) rather than trapping.
public protocol RepeatPurchaseModel: Sendable {
    /// Unit of recency, age and horizons.
    var timeUnit: CustomerValueTimeUnit { get }
    /// Log-likelihood of one customer's history (x, tₓ, T).
    func logLikelihood(frequency: Int, recency: Double, age: Double) -> Double
    /// Probability that a customer with history (x, tₓ, T) is still active at T.
    func probabilityAlive(frequency: Int, recency: Double, age: Double) -> Double
    /// Expected repeat purchases in `(T, T + t]` given the history (x, tₓ, T).
    /// Equals `probabilityAlive(…) × expectedPurchasesIfAlive(during: t, frequency: x, age: T)`.
    func conditionalExpectedPurchases(during t: Double, frequency: Int, recency: Double, age: Double) -> Double
    /// Expected repeat purchases in `(T, T + t]` for a customer known to be alive at T
    /// with x repeat purchases; it does not depend on recency, so batch predictions
    /// share it between customers with equal (x, T).
    func expectedPurchasesIfAlive(during t: Double, frequency: Int, age: Double) -> Double
    /// Expected repeat purchases in `(0, t]` for a new, randomly chosen customer.
    func expectedPurchases(during t: Double) -> Double
}

extension RepeatPurchaseModel {
    /// Total weighted log-likelihood `Σ wᵢ log Lᵢ` of a data set. `O(rows)`.
    /// - Precondition-free: rows are validated by `RecencyFrequencyData`.
    public func logLikelihood(_ data: RecencyFrequencyData) -> Double {
        var total = 0.0
        for row in 0..<data.count {
            total += data.weights[row]
                * logLikelihood(frequency: data.frequency[row], recency: data.recency[row], age: data.age[row])
        }
        return total
    }

    /// Returns `true` if (x, tₓ, T) is a valid history for prediction.
    static func isValidHistory(frequency: Int, recency: Double, age: Double) -> Bool {
        frequency >= 0 && recency >= 0 && recency <= age && age.isFinite
    }
}
