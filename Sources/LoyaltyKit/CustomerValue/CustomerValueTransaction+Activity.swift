import Foundation

extension CustomerValueTransaction {
    /// The purchase an activity represents, for customer-value models: a purchase's total or
    /// a stay's amount, on the activity's local day in `calendar`'s time zone.
    ///
    /// Returns `nil` for every other kind of activity (visits without a sale, feedback,
    /// redemptions…). Refunds are not netted: the models count purchase occasions, and a
    /// refunded purchase was still an occasion; drop refunded activities first if they should
    /// not count.
    /// - Throws: ``LoyaltyError/Code/invalidData`` for a date outside years 1…9999, and the
    ///   currency or overflow errors of ``Purchase/total()``.
    public init?(_ activity: Activity, calendar: BusinessCalendar) throws {
        let amount: Money
        switch activity.kind {
        case .purchase(let purchase): amount = try purchase.total()
        case .stay(let stay): amount = stay.amount
        default: return nil
        }
        let day = calendar.civilDate(of: activity.date)
        self.init(
            customerID: activity.customerID.rawValue,
            day: try PurchaseDay(year: day.year, month: day.month, day: day.day),
            amountMinorUnits: amount.minorUnits)
    }
}
