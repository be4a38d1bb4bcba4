/// Referral conversion: referred customers who bought, over referred customers.
public struct ReferralConversion: Sendable, Hashable {
    /// Referral activities (one customer can be referred more than once).
    public var referrals: Int
    /// Distinct customers referred.
    public var referredCustomers: Int
    /// Referred customers with a purchase or stay at or after their first referral.
    public var convertedCustomers: Int

    /// Creates a result.
    public init(referrals: Int, referredCustomers: Int, convertedCustomers: Int) {
        self.referrals = referrals
        self.referredCustomers = referredCustomers
        self.convertedCustomers = convertedCustomers
    }

    /// converted ÷ referred customers; `nil` without referrals.
    public var conversionRate: Double? {
        referredCustomers > 0 ? Double(convertedCustomers) / Double(referredCustomers) : nil
    }

    /// A one-row table: referrals, referred, converted, conversion rate.
    public var table: ReportTable {
        ReportTable(
            title: "Referral conversion",
            columns: [.init("Referrals"), .init("Referred customers"), .init("Converted"), .init("Conversion rate", unit: "%")],
            rows: [[.integer(Int64(referrals)), .integer(Int64(referredCustomers)), .integer(Int64(convertedCustomers)),
                    conversionRate.map { .percent($0, fractionDigits: 1) } ?? .empty]])
    }
}
