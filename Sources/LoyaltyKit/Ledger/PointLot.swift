import Foundation

/// Points that arrived together — from one earning activity or one credit — and share a
/// release date and an expiry date.
///
/// Redemptions consume lots in ``MemberState/lots`` order: the soonest-expiring first
/// (lots that never expire last), then the oldest. A lot whose ``availableAt`` is still in
/// the future is *pending*: visible in the balance but not spendable.
public struct PointLot: Identifiable, Sendable, Hashable, Codable {
    /// The lot's id: the id of the activity that created it.
    public var id: Activity.ID
    /// When the points were earned.
    public var earnedAt: Date
    /// When the points become spendable (the end of a returns window), or ``earnedAt``.
    public var availableAt: Date
    /// When unspent points expire, or `nil` when they don't expire on their own.
    public var expiresAt: Date?
    /// The points the lot was created with.
    public var points: Points
    /// The points left in it.
    public var remaining: Points

    /// Creates a lot.
    public init(id: Activity.ID, earnedAt: Date, availableAt: Date, expiresAt: Date?, points: Points, remaining: Points) {
        self.id = id
        self.earnedAt = earnedAt
        self.availableAt = availableAt
        self.expiresAt = expiresAt
        self.points = points
        self.remaining = remaining
    }

    /// Whether the lot can be spent at `date` (released and not yet expired).
    public func isAvailable(at date: Date) -> Bool {
        availableAt <= date && !isExpired(at: date)
    }

    /// Whether the lot has expired by `date`.
    public func isExpired(at date: Date) -> Bool {
        expiresAt.map { $0 <= date } ?? false
    }

    /// Consumption order: soonest expiry first (never-expiring last), then oldest, then id.
    static func consumedBefore(_ lhs: PointLot, _ rhs: PointLot) -> Bool {
        switch (lhs.expiresAt, rhs.expiresAt) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if lhs.earnedAt != rhs.earnedAt { return lhs.earnedAt < rhs.earnedAt }
            return lhs.id < rhs.id
        }
    }
}
