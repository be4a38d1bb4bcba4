import Foundation

/// What one activity did: the ledger entries it produced (with a per-rule breakdown), the
/// expiries and tier reviews that fell due before it, tier changes, and warnings.
///
/// Every number in an outcome can be explained: see ``explanation``.
public struct Outcome: Sendable, Hashable, Codable {
    /// The activity.
    public var activityID: Activity.ID
    /// The member.
    public var customerID: Customer.ID
    /// The activity's date.
    public var date: Date
    /// Ledger entries in the order they took effect: expiries due before the activity first,
    /// then the activity's own entries.
    public var entries: [LedgerEntry]
    /// Tier changes: reviews due before the activity, then any the activity caused.
    public var tierChanges: [TierChange]
    /// Things worth telling someone: a refund shortfall, a deficit repaid.
    public var warnings: [OutcomeWarning]
    /// The balance after the activity (pending points included).
    public var balance: Points
    /// The effective tier after the activity, if the programme has tiers.
    public var tierID: String?

    /// Creates an outcome.
    public init(
        activityID: Activity.ID, customerID: Customer.ID, date: Date, entries: [LedgerEntry] = [],
        tierChanges: [TierChange] = [], warnings: [OutcomeWarning] = [], balance: Points = .zero, tierID: String? = nil
    ) {
        self.activityID = activityID
        self.customerID = customerID
        self.date = date
        self.entries = entries
        self.tierChanges = tierChanges
        self.warnings = warnings
        self.balance = balance
        self.tierID = tierID
    }

    /// The activity's own entries (without expiries that fell due before it).
    public var ownEntries: [LedgerEntry] { entries.filter { $0.activityID == activityID } }

    /// Net points the activity itself earned (earn entries, caps included).
    public var pointsEarned: Points {
        Points(ownEntries.filter { $0.kind == .earn }.reduce(0) { $0 + $1.points.rawValue })
    }

    /// The net change to the balance, expiries included.
    public var netChange: Points { Points(entries.reduce(0) { $0 + $1.points.rawValue }) }

    /// The outcome in words, one line per entry, change and warning.
    public var explanation: String {
        var lines = entries.map { "\($0.explanation) [\($0.rule)]" }
        lines += tierChanges.map { "tier \($0.from) → \($0.to) (\($0.reason.rawValue))" }
        lines += warnings.map(\.description)
        lines.append("balance \(balance.rawValue)")
        return lines.joined(separator: "\n")
    }
}

/// A warning attached to an outcome.
public enum OutcomeWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A refund could not claw back this many points because they were spent and the
    /// refund policy stops at zero.
    case refundShortfall(Points)
    /// A refund took the balance below zero by this much; later earnings repay it first.
    case negativeBalance(Points)
    /// This many newly earned points repaid an earlier negative balance.
    case deficitRepaid(Points)
    /// A rule returned negative points outside the multiplier stage; they were ignored.
    case negativeRuleIgnored(rule: String, points: Points)

    public var description: String {
        switch self {
        case .refundShortfall(let points): "refund shortfall of \(points.rawValue) points already spent (not clawed back)"
        case .negativeBalance(let points): "balance is \(points.rawValue) points below zero; later earnings repay it first"
        case .deficitRepaid(let points): "\(points.rawValue) points repaid an earlier negative balance"
        case let .negativeRuleIgnored(rule, points): "rule \(rule) returned \(points.rawValue) points; ignored"
        }
    }
}
