import Foundation

/// Points moved into or out of one lot by a ledger entry.
public struct LotMovement: Sendable, Hashable, Codable {
    /// The lot (the id of the activity that created it).
    public var lotID: Activity.ID
    /// Signed points: positive into the lot, negative out of it.
    public var points: Points

    /// Creates a movement.
    public init(lotID: Activity.ID, points: Points) {
        self.lotID = lotID
        self.points = points
    }
}

/// One line of the points audit trail.
///
/// Every change to a balance is a ledger entry; a balance always equals the sum of its
/// entries' ``points``. Each entry names the activity and the rule that caused it, and its
/// ``reason`` holds the numbers needed to explain it in words (``explanation``).
public struct LedgerEntry: Identifiable, Sendable, Hashable, Codable {
    /// What an entry did to the balance.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Points earned (or a cap that reduced them, as a negative earn).
        case earn
        /// Points spent on a benefit.
        case redeem
        /// Unspent points that reached their expiry date.
        case expire
        /// Points clawed back by a refund.
        case reverse
        /// A manual correction.
        case adjust
    }

    /// A ledger entry's id, derived from its activity: no random UUIDs.
    public struct ID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
        /// The activity the entry belongs to (for an expiry: the activity that created the lot).
        public var activityID: Activity.ID
        /// The entry's kind.
        public var kind: Kind
        /// The entry's position among the activity's entries of that kind.
        public var index: Int

        /// Creates an id.
        public init(activityID: Activity.ID, kind: Kind, index: Int) {
            self.activityID = activityID
            self.kind = kind
            self.index = index
        }

        /// `stay-42/earn/0`.
        public var description: String { "\(activityID)/\(kind.rawValue)/\(index)" }

        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.description < rhs.description }
    }

    /// The entry's id.
    public var id: ID
    /// The member whose balance it changes.
    public var customerID: Customer.ID
    /// When it took effect. For an expiry: the lot's expiry date.
    public var date: Date
    /// Signed points: positive adds to the balance, negative removes.
    public var points: Points
    /// The rule or policy that produced it: `"base"`, `"spa-multiplier"`, `"expiry"`, `"refund"`.
    public var rule: String
    /// The numbers behind the entry, for explanations.
    public var reason: LedgerReason
    /// The one lot the entry concerns — an earn's or an expiry's — or `nil` when the entry
    /// moved several lots (see ``allocations``) or none.
    public var lotID: Activity.ID?
    /// For an entry that moved several lots (a redemption, a refund): how many points came
    /// out of each, soonest-expiring first. Empty otherwise. Points that moved no lot (the
    /// part of a refund that became a deficit) are not listed.
    public var allocations: [LotMovement]

    /// Creates an entry.
    public init(
        id: ID, customerID: Customer.ID, date: Date, points: Points, rule: String, reason: LedgerReason,
        lotID: Activity.ID? = nil, allocations: [LotMovement] = []
    ) {
        self.id = id
        self.customerID = customerID
        self.date = date
        self.points = points
        self.rule = rule
        self.reason = reason
        self.lotID = lotID
        self.allocations = allocations
    }

    /// Every lot the entry moved, with its points: ``allocations``, or the single ``lotID``.
    public var lots: [LotMovement] {
        if !allocations.isEmpty { return allocations }
        return lotID.map { [LotMovement(lotID: $0, points: points)] } ?? []
    }

    /// The entry's kind.
    public var kind: Kind { id.kind }
    /// The activity that caused it.
    public var activityID: Activity.ID { id.activityID }

    /// The entry in words: `+120: 1 pt per €1.00 on €120.00`.
    ///
    /// Built on demand, never while applying activities.
    public var explanation: String {
        let sign = points.rawValue >= 0 ? "+" : ""
        return "\(sign)\(points.rawValue): \(reason.explanation)"
    }
}
