/// Frequency, recency, age and monetary value of one customer over an
/// observation window, as defined in Fader, Hardie & Lee (2005) and computed by
/// `lifetimes.utils.summary_data_from_transaction_data`.
///
/// - `frequency` (x): number of **repeat** purchase days, i.e. distinct purchase
///   days minus one. Same-day orders count once.
/// - `recency` (tₓ): time from the first to the last purchase day (0 if x = 0).
/// - `age` (T): time from the first purchase day to the end of the observation window.
/// - `monetaryValue`: mean value of the repeat purchase days, same-day orders
///   summed, first purchase day excluded; 0 when x = 0. In minor units.
///
/// Times are in `timeUnit`.
public struct PurchaseHistorySummary: Hashable, Sendable {
    /// Customer identifier.
    public var customerID: String
    /// Number of repeat purchase days (x).
    public var frequency: Int
    /// Time between first and last purchase day (tₓ), in `timeUnit`.
    public var recency: Double
    /// Time between first purchase day and the end of observation (T), in `timeUnit`.
    public var age: Double
    /// Mean repeat-purchase-day value in minor units (0 when `frequency == 0`).
    public var monetaryValue: Double
    /// First purchase day.
    public var firstPurchase: PurchaseDay
    /// Last purchase day within the window.
    public var lastPurchase: PurchaseDay
    /// Unit of `recency` and `age`.
    public var timeUnit: CustomerValueTimeUnit

    /// Memberwise initialiser (no validation; `RecencyFrequencyData` validates).
    public init(customerID: String, frequency: Int, recency: Double, age: Double, monetaryValue: Double,
                firstPurchase: PurchaseDay, lastPurchase: PurchaseDay, timeUnit: CustomerValueTimeUnit) {
        self.customerID = customerID
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
        self.firstPurchase = firstPurchase
        self.lastPurchase = lastPurchase
        self.timeUnit = timeUnit
    }
}
