import Foundation

/// One purchase as the customer-value summaries consume it.
///
/// Money is in integer minor units (cents for USD) of a single currency; the
/// summaries never mix currencies. Several transactions of one customer on the
/// same calendar day are one purchase occasion for the models.
public struct CustomerValueTransaction: Hashable, Sendable {
    /// Stable customer identifier.
    public var customerID: String
    /// Calendar day of the purchase.
    public var day: PurchaseDay
    /// Order value in minor units (must be ≥ 0; refunds are not modelled).
    public var amountMinorUnits: Int64

    /// Creates a transaction on a calendar day.
    public init(customerID: String, day: PurchaseDay, amountMinorUnits: Int64) {
        self.customerID = customerID
        self.day = day
        self.amountMinorUnits = amountMinorUnits
    }

    /// Creates a transaction from an instant, assigning it to the calendar day on
    /// which it falls in `timeZone` (the store's reporting time zone, say).
    /// - Throws: `LoyaltyError.invalidData` for a date outside years 1…9999.
    public init(customerID: String, date: Date, timeZone: TimeZone, amountMinorUnits: Int64) throws {
        self.init(customerID: customerID, day: try PurchaseDay(date, timeZone: timeZone),
                  amountMinorUnits: amountMinorUnits)
    }
}
