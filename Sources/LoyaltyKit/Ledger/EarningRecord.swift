/// What one purchase, stay or visit contributed, kept so that a later refund can undo it
/// exactly. Its points counted toward tiers as they were earned, and it counted as one visit.
public struct EarningRecord: Sendable, Hashable, Codable {
    /// The activity.
    public var activityID: Activity.ID
    /// The month bucket it counted in.
    public var month: Int
    /// Its full amount in minor units (0 for a visit).
    public var amount: Int64
    /// How much of it has been refunded so far, in minor units.
    public var refunded: Int64
    /// The points it earned (and added to the qualifying counter).
    public var points: Int64
    /// The points refunds have clawed back so far.
    public var clawedBack: Int64
    /// The qualifying spend it added, in minor units.
    public var qualifyingSpend: Int64
    /// The nights it added.
    public var nights: Int64
    /// How many refunds have been applied to it.
    public var refundCount: Int

    /// Whether it has been refunded in full.
    public var isFullyRefunded: Bool { refundCount > 0 && refunded >= amount }

    /// Creates a record of an activity nothing has been refunded of yet.
    public init(activityID: Activity.ID, month: Int, amount: Int64, points: Int64, qualifyingSpend: Int64, nights: Int64) {
        self.activityID = activityID
        self.month = month
        self.amount = amount
        self.refunded = 0
        self.points = points
        self.clawedBack = 0
        self.qualifyingSpend = qualifyingSpend
        self.nights = nights
        self.refundCount = 0
    }
}
