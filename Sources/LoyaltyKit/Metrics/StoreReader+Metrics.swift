import Foundation

extension StoreReader {
    /// Feeds every activity dated in `[start, end)` to a metric, by date then recording order.
    ///
    /// Uses ``forEachActivity(from:to:_:)``, so a streaming adapter needs memory only for the
    /// metric's per-customer state.
    /// - Parameters:
    ///   - metric: the metric to feed.
    ///   - start: the first instant included.
    ///   - end: the first instant excluded.
    /// - Throws: the metric's errors and the store's ``LoyaltyError/Code/storage`` errors.
    public func measure<Metric: ActivityMetric>(_ metric: inout Metric, from start: Date, to end: Date) throws {
        try forEachActivity(from: start, to: end) { try metric.add($0) }
    }
}
