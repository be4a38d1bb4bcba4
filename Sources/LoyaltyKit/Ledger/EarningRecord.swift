import Foundation

/// What one earning activity contributed, kept so that a later refund can undo it exactly.
public struct EarningRecord: Sendable, Hashable, Codable {
    /// The activity.
    public var activityID: Activity.ID
    /// When it happened.
    public var date: Date
    /// The month bucket it counted in.
    public var month: Int
    /// Its full amount in minor units (0 for a visit).
    public var amount: Int64
    /// How much of it has been refunded so far, in minor units.
    public var refunded: Int64
    /// The points its lot received.
    public var points: Int64
    /// The points refunds have clawed back so far.
    public var clawedBack: Int64
    /// The points it added to the qualifying counter.
    public var qualifyingPoints: Int64
    /// The qualifying spend it added, in minor units.
    public var qualifyingSpend: Int64
    /// The nights it added.
    public var nights: Int64
    /// Whether it counted as a visit.
    public var isVisit: Bool

    /// Whether it has been refunded in full.
    public var isFullyRefunded: Bool { refundCount > 0 && refunded >= amount }
    /// How many refunds have been applied to it.
    public var refundCount: Int

    /// Creates a record.
    public init(
        activityID: Activity.ID, date: Date, month: Int, amount: Int64, points: Int64,
        qualifyingPoints: Int64, qualifyingSpend: Int64, nights: Int64, isVisit: Bool
    ) {
        self.activityID = activityID
        self.date = date
        self.month = month
        self.amount = amount
        self.refunded = 0
        self.points = points
        self.clawedBack = 0
        self.qualifyingPoints = qualifyingPoints
        self.qualifyingSpend = qualifyingSpend
        self.nights = nights
        self.isVisit = isVisit
        self.refundCount = 0
    }
}
