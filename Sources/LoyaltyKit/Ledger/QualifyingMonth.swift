/// What a member did in one calendar month that counts toward tiers.
///
/// Tier windows are sums of these buckets, so a rolling window costs O(months), not
/// O(history). Refunds subtract from the bucket of the month of the refunded activity.
public struct QualifyingMonth: Sendable, Hashable, Codable {
    /// The month: `year * 12 + month - 1` in the business's calendar.
    public var month: Int
    /// Points earned (never the spendable balance; adjustments excluded).
    public var points: Int64
    /// Qualifying spend in minor units (excluded categories left out).
    public var spend: Int64
    /// Nights stayed.
    public var nights: Int64
    /// Visits (purchases, stays and visits).
    public var visits: Int64

    /// An empty bucket for a month.
    public init(month: Int, points: Int64 = 0, spend: Int64 = 0, nights: Int64 = 0, visits: Int64 = 0) {
        self.month = month
        self.points = points
        self.spend = spend
        self.nights = nights
        self.visits = visits
    }

    /// The value of one metric.
    public func value(of metric: QualifyingMetric) -> Int64 {
        switch metric {
        case .pointsEarned: points
        case .spend: spend
        case .nights: nights
        case .visits: visits
        }
    }
}
