import Foundation

/// Streams activities into referral conversion: of the customers someone referred, how many
/// went on to buy.
///
/// A referral activity names the referred customer; they **convert** when they have a
/// purchase or stay dated at or after their (earliest) referral. Both kinds of activity must
/// pass the filter. Memory: one record per customer with a referral or a purchase; `add`
/// takes any order.
public struct ReferralConversionAccumulator: ActivityMetric {
    /// Which activities count.
    public let filter: ActivityFilter

    /// Seconds since 2001: earliest referral (∞ when never referred) and last purchase (−∞ when none).
    private struct Record: Sendable {
        var referredAt = Double.infinity
        var lastPurchase = -Double.infinity
    }

    private var customers = CustomerTable<Record>()
    private var referrals = 0

    /// Creates an empty accumulator.
    /// - Parameter filter: which activities count.
    public init(filter: ActivityFilter = .all) { self.filter = filter }

    /// Counts a referral, purchase or stay; ignores the rest. Never throws.
    public mutating func add(_ activity: Activity) throws {
        let time = activity.date.timeIntervalSinceReferenceDate
        switch activity.kind {
        case .referral(let referral):
            guard filter.isEmpty || filter.includes(activity) else { return }
            referrals += 1
            customers.update(referral.referredCustomerID.rawValue, make: { Record() }) { record, _ in
                record.referredAt = min(record.referredAt, time)
            }
        case .purchase, .stay:
            guard filter.isEmpty || filter.includes(activity) else { return }
            customers.update(activity.customerID.rawValue, make: { Record() }) { record, _ in
                record.lastPurchase = max(record.lastPurchase, time)
            }
        default:
            return
        }
    }

    /// The conversion over every activity added so far. O(customers).
    public func result() -> ReferralConversion {
        var referred = 0, converted = 0
        customers.forEachInOrder { _, record in
            guard record.referredAt < .infinity else { return }
            referred += 1
            if record.lastPurchase >= record.referredAt { converted += 1 }
        }
        return ReferralConversion(referrals: referrals, referredCustomers: referred, convertedCustomers: converted)
    }
}
