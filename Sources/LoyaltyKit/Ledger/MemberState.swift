import Foundation

/// Everything the programme knows about one member, derived from their activities.
///
/// A `MemberState` is a value: ``Program/apply(_:to:at:)`` takes one and gives back the next.
/// The spendable balance lives in ``lots``; ``deficit`` holds points a refund clawed back
/// after they were spent (a negative balance that later earnings repay first).
///
/// Invariant: ``balance`` equals the sum of every ledger entry the member ever had.
public struct MemberState: Sendable, Hashable, Codable {
    /// The member.
    public var customerID: Customer.ID
    /// When they joined: anchors membership-year windows.
    public var memberSince: Date
    /// Their birthday, for birthday rules.
    public var birthday: Birthday?
    /// Open point lots in consumption order (soonest expiry first). Lots with nothing left are removed.
    public internal(set) var lots: [PointLot]
    /// Points owed after a refund clawed back points that had already been spent.
    public internal(set) var deficit: Points
    /// Tier status, when the programme has a ladder.
    public internal(set) var tier: TierStatus?
    /// Qualifying counters per calendar month, ascending, pruned to what the window can still use.
    public internal(set) var qualifying: [QualifyingMonth]
    /// Running totals over the whole history.
    public internal(set) var lifetime: LifetimeTotals
    /// What each earning activity contributed, for refunds.
    public internal(set) var earnings: [EarningRecord]
    /// Usage of limited and capped rules per period.
    public internal(set) var usage: [RuleUsage]
    /// The first activity's date.
    public internal(set) var firstActivity: Date?
    /// The last activity's date.
    public internal(set) var lastActivity: Date?
    /// The last earn, redemption or adjustment: inactivity expiry counts from it.
    public internal(set) var lastPointsActivity: Date?
    /// How far expiry and tier reviews have been processed.
    public internal(set) var processedThrough: Date?

    /// A new member with nothing yet.
    public init(customerID: Customer.ID, memberSince: Date, birthday: Birthday? = nil) {
        self.customerID = customerID
        self.memberSince = memberSince
        self.birthday = birthday
        self.lots = []
        self.deficit = .zero
        self.tier = nil
        self.qualifying = []
        self.lifetime = LifetimeTotals()
        self.earnings = []
        self.usage = []
        self.firstActivity = nil
        self.lastActivity = nil
        self.lastPointsActivity = nil
        self.processedThrough = nil
    }

    /// A new member for a customer profile.
    public init(customer: Customer) {
        self.init(customerID: customer.id, memberSince: customer.memberSince, birthday: customer.birthday)
    }

    /// The balance: every lot's remaining points, pending ones included, minus the deficit.
    /// Equal to the sum of the member's ledger entries.
    /// - Complexity: O(lots).
    public var balance: Points {
        var total: Int64 = 0
        for lot in lots { total &+= lot.remaining.rawValue }
        return Points(total &- deficit.rawValue)
    }

    /// Points that can be spent at `date`: released, unexpired lots minus the deficit, never below zero.
    ///
    /// Lots that expire by `date` do not count even if expiry has not been processed yet.
    /// - Complexity: O(lots).
    public func available(at date: Date) -> Points {
        var total: Int64 = 0
        for lot in lots where lot.isAvailable(at: date) { total &+= lot.remaining.rawValue }
        return Points(max(0, total &- deficit.rawValue))
    }

    /// Points earned but still inside their returns window at `date`.
    /// - Complexity: O(lots).
    public func pending(at date: Date) -> Points {
        var total: Int64 = 0
        for lot in lots where lot.availableAt > date && !lot.isExpired(at: date) { total &+= lot.remaining.rawValue }
        return Points(total)
    }

    /// The effective tier id at `date` (an active override wins), or `nil` without a ladder.
    public func tierID(at date: Date) -> String? { tier?.effectiveTierID(at: date) }

    /// The earning record of an activity, if it earned.
    /// - Complexity: O(earnings), searching from the newest.
    public func earningRecord(for activityID: Activity.ID) -> EarningRecord? {
        earnings.last { $0.activityID == activityID }
    }

    /// The sum of one metric over a range of month indices.
    /// - Complexity: O(buckets).
    public func qualifyingValue(_ metric: QualifyingMetric, months: ClosedRange<Int>) -> Int64 {
        var total: Int64 = 0
        let (first, last) = (months.lowerBound, months.upperBound)
        for bucket in qualifying where bucket.month >= first && bucket.month <= last { total &+= bucket.value(of: metric) }
        return total
    }

    /// Usage of a rule in a period.
    func usage(of rule: String, period: RulePeriod, key: Int) -> RuleUsage? {
        usage.first { $0.key == key && $0.period == period && $0.rule == rule }
    }
}
