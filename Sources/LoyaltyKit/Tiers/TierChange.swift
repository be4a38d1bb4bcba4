import Foundation

/// A member's move on the ladder, and why.
public struct TierChange: Sendable, Hashable, Codable {
    /// Why the tier changed.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The metric reached a higher threshold.
        case qualified
        /// A review found the metric below the tier's threshold.
        case review
        /// A downgrade's grace period ended.
        case gracePeriodEnded
        /// A refund took the metric back below a tier reached since the last review.
        case refund
        /// A tier was granted by hand.
        case overrideStarted
        /// A tier granted by hand ran out.
        case overrideEnded
    }

    /// The effective tier before.
    public var from: String
    /// The effective tier after.
    public var to: String
    /// When it happened.
    public var date: Date
    /// Why.
    public var reason: Reason
    /// The metric value that decided it, when there was one.
    public var qualifyingValue: Int64?

    /// Creates a change.
    public init(from: String, to: String, date: Date, reason: Reason, qualifyingValue: Int64?) {
        self.from = from
        self.to = to
        self.date = date
        self.reason = reason
        self.qualifyingValue = qualifyingValue
    }
}
