/// Running totals over a member's whole history.
public struct LifetimeTotals: Sendable, Hashable, Codable {
    /// Points earned through earning rules.
    public var pointsEarned: Int64 = 0
    /// Points spent on benefits.
    public var pointsRedeemed: Int64 = 0
    /// Points that expired unspent.
    public var pointsExpired: Int64 = 0
    /// Points clawed back by refunds.
    public var pointsReversed: Int64 = 0
    /// Net points from manual adjustments.
    public var pointsAdjusted: Int64 = 0
    /// Qualifying points earned, net of refunds (what a lifetime ladder counts).
    public var qualifyingPoints: Int64 = 0
    /// Qualifying spend, net of refunds, in minor units.
    public var spend: Int64 = 0
    /// Nights, net of refunds.
    public var nights: Int64 = 0
    /// Visits (purchases, stays and visits), net of full refunds.
    public var visits: Int64 = 0
    /// Purchases and stays ever recorded (refunds do not reduce it: it drives "first purchase").
    public var purchases: Int64 = 0

    /// Empty totals.
    public init() {}
}
