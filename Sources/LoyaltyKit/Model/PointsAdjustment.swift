/// A manual correction of a member's points by staff: a goodwill credit or a debit.
///
/// A credit creates a lot that expires like earned points but does not count towards tiers.
/// A debit consumes lots like a redemption and cannot exceed the available balance.
public struct PointsAdjustment: Sendable, Hashable, Codable {
    /// Points to add (positive) or remove (negative). Not zero.
    public var points: Points
    /// Why, in words, for the audit trail.
    public var reason: String
    /// Who made the adjustment.
    public var actor: String
    /// Creates an adjustment.
    public init(points: Points, reason: String, actor: String) {
        self.points = points
        self.reason = reason
        self.actor = actor
    }
}
