import Foundation

/// What a member has, what keeps it, and what reaches the next tier.
public struct TierProgress: Sendable, Hashable, Codable {
    /// The tier that applies now (an override if one is active).
    public var current: Tier
    /// The qualified tier underneath an override (equal to ``current`` without one).
    public var qualified: Tier
    /// The metric the ladder counts.
    public var metric: QualifyingMetric
    /// The metric's value in the current window.
    public var value: Int64
    /// The next tier up, if any.
    public var next: Tier?
    /// How much more of the metric reaches ``next`` (0 when there is no next tier).
    public var neededForNext: Int64
    /// When the qualified tier is next reviewed, if ever.
    public var reviewDate: Date?
    /// How much more of the metric, before the review, keeps the qualified tier (0 when already enough).
    public var neededToKeep: Int64
    /// A downgrade already decided and waiting for its grace period.
    public var pendingDowngrade: TierStatus.PendingDowngrade?
}
