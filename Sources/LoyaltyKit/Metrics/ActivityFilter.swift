import Foundation

/// Which activities a metric looks at: a period, channels, feedback touchpoints and a
/// customer segment. Every condition that is set must hold; `nil` means "any".
///
/// ```swift
/// let filter = ActivityFilter(period: start..<end, channels: [.online, .app])
/// ```
public struct ActivityFilter: Sendable {
    /// Activities dated in this half-open range `[start, end)`.
    public var period: Range<Date>?
    /// Activities on one of these channels.
    public var channels: Set<Channel>?
    /// Feedback asked at one of these touchpoints. Setting it excludes every activity that is
    /// not feedback with one of these touchpoints.
    public var touchpoints: Set<String>?
    /// Activities of customers in this segment.
    public var segment: CustomerSegment?

    /// Creates a filter; with no arguments it lets everything through.
    /// - Parameters:
    ///   - period: the half-open date range `[start, end)`, or `nil` for all time.
    ///   - channels: the channels to keep, or `nil` for all.
    ///   - touchpoints: the feedback touchpoints to keep, or `nil` for all activities.
    ///   - segment: the customers to keep, or `nil` for all.
    public init(
        period: Range<Date>? = nil, channels: Set<Channel>? = nil, touchpoints: Set<String>? = nil,
        segment: CustomerSegment? = nil
    ) {
        self.period = period
        self.channels = channels
        self.touchpoints = touchpoints
        self.segment = segment
    }

    /// A filter that lets every activity through.
    public static let all = ActivityFilter()

    /// Whether the filter lets every activity through (so callers can skip it).
    var isEmpty: Bool { period == nil && channels == nil && touchpoints == nil && segment == nil }

    /// Whether an activity passes every condition.
    public func includes(_ activity: Activity) -> Bool {
        if let period, !period.contains(activity.date) { return false }
        if let channels, !channels.contains(activity.channel) { return false }
        if let touchpoints {
            guard case .feedback(let feedback) = activity.kind, let touchpoint = feedback.touchpoint,
                  touchpoints.contains(touchpoint) else { return false }
        }
        if let segment, !segment.contains(activity.customerID) { return false }
        return true
    }
}
