/// A metric computed in one streaming pass over activities.
///
/// Feed it activities one at a time with ``add(_:)`` — in any order unless the metric says
/// otherwise — and read its result at any point. Every accumulator in LoyaltyKit keeps
/// memory proportional to customers (or to months), never to activities, so a pass over a
/// store's whole history needs no more memory than its customer list:
///
/// ```swift
/// var nps = NPSAccumulator(calendar: program.calendar)
/// try reader.forEachActivity(from: start, to: end) { try nps.add($0) }
/// print(nps.result().score ?? 0)
/// ```
///
/// Conform your own metric types to it to use them with ``Loyalty/measure(_:from:to:)``.
public protocol ActivityMetric: Sendable {
    /// What the metric produces.
    associatedtype Result

    /// Adds one activity. Activities the metric does not use are ignored.
    /// - Throws: ``LoyaltyError`` when the activity cannot be counted (the metric's
    ///   documentation says when); the metric is then unchanged.
    mutating func add(_ activity: Activity) throws

    /// The metric over every activity added so far.
    func result() -> Result
}

extension ActivityMetric {
    /// Adds every activity of a sequence, in order.
    /// - Throws: the first error ``add(_:)`` throws; the activities before it stay added.
    public mutating func add(contentsOf activities: some Sequence<Activity>) throws {
        for activity in activities { try add(activity) }
    }
}
