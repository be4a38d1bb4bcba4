import Foundation

/// Streams activities into churn and retention over a period `[start, end)`.
///
/// Feed it the history from the beginning (at least from `start` − the inactivity days):
/// whether a customer was active at the start depends on what came before. Activities at or
/// after `end` are ignored. A customer is **acquired** by their first activity of the
/// definition's types. With S the customers acquired before `start` and not lost at `start`:
/// - **lost** L: customers of S lost at `end`; **retained** R = S − L;
/// - **churn** = L ÷ S and **retention** = R ÷ S = 1 − churn.
///
/// Memory: one record of five instants per customer; `add` takes any order.
public struct ChurnAccumulator: ActivityMetric {
    /// The period measured, `[start, end)`.
    public let period: Range<Date>
    /// When a customer is lost.
    public let definition: ChurnDefinition
    /// Which activities count (channels, segment). Its own period, if any, also applies.
    public let filter: ActivityFilter

    private let cancellations: [Customer.ID: Date]
    private let startSeconds: Double
    private let endSeconds: Double
    /// Activity before these instants is too old to keep a customer active at start / end.
    private let startCutoff: Double
    private let endCutoff: Double

    /// Instants as seconds since 2001 (`Date.timeIntervalSinceReferenceDate`); −∞ for none.
    private struct Record: Sendable {
        var first = Double.infinity
        var lastBeforeStart = -Double.infinity
        var lastBeforeEnd = -Double.infinity
        var cancelBeforeStart = -Double.infinity
        var cancelBeforeEnd = -Double.infinity
    }

    private var customers = CustomerTable<Record>()

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - period: the period `[start, end)`.
    ///   - definition: when a customer is lost.
    ///   - calendar: the business calendar; "N days before" means N calendar days in its time zone.
    ///   - cancellations: explicit cancellation dates per customer (for example exported from a
    ///     subscription system), in addition to tagged activities.
    ///   - filter: which activities count.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for an empty period.
    public init(period: Range<Date>, definition: ChurnDefinition, calendar: BusinessCalendar,
                cancellations: [Customer.ID: Date] = [:], filter: ActivityFilter = .all) throws {
        guard !period.isEmpty else { throw LoyaltyError(.invalidInput, "the churn period is empty") }
        self.period = period
        self.definition = definition
        self.filter = filter
        self.cancellations = cancellations
        startSeconds = period.lowerBound.timeIntervalSinceReferenceDate
        endSeconds = period.upperBound.timeIntervalSinceReferenceDate
        if let days = definition.inactivityDays {
            startCutoff = calendar.adding(days: -days, to: period.lowerBound).timeIntervalSinceReferenceDate
            endCutoff = calendar.adding(days: -days, to: period.upperBound).timeIntervalSinceReferenceDate
        } else {
            startCutoff = -Double.infinity
            endCutoff = -Double.infinity
        }
    }

    /// Counts an activity of the definition's types, or a cancellation; ignores the rest.
    /// Never throws.
    public mutating func add(_ activity: Activity) throws {
        let time = activity.date.timeIntervalSinceReferenceDate
        guard time < endSeconds else { return }
        let isCancellation = definition.cancellationTag.map { activity.tags.contains($0) } ?? false
        guard isCancellation || definition.activityTypes.contains(activity.type) else { return }
        guard filter.isEmpty || filter.includes(activity) else { return }
        let before = time < startSeconds
        customers.update(activity.customerID.rawValue, make: { Record() }) { record, _ in
            if isCancellation {
                record.cancelBeforeEnd = max(record.cancelBeforeEnd, time)
                if before { record.cancelBeforeStart = max(record.cancelBeforeStart, time) }
            } else {
                record.first = min(record.first, time)
                record.lastBeforeEnd = max(record.lastBeforeEnd, time)
                if before { record.lastBeforeStart = max(record.lastBeforeStart, time) }
            }
        }
    }

    /// Whether a customer is lost at an instant, from their last activity and cancellation before it.
    private func isLost(last: Double, cancellation: Double, cutoff: Double) -> Bool {
        (cancellation > -Double.infinity && cancellation >= last) || last < cutoff
    }

    /// Churn and retention over every activity added so far. O(customers).
    public func result() -> ChurnReport {
        var report = ChurnReport(period: period, definition: definition)
        customers.forEachInOrder { id, record in
            guard record.first < endSeconds else { return }
            var cancelStart = record.cancelBeforeStart, cancelEnd = record.cancelBeforeEnd
            if let date = cancellations[Customer.ID(id)]?.timeIntervalSinceReferenceDate, date < endSeconds {
                cancelEnd = max(cancelEnd, date)
                if date < startSeconds { cancelStart = max(cancelStart, date) }
            }
            let lostAtEnd = isLost(last: record.lastBeforeEnd, cancellation: cancelEnd, cutoff: endCutoff)
            if record.first < startSeconds {
                let lostAtStart = isLost(last: record.lastBeforeStart, cancellation: cancelStart, cutoff: startCutoff)
                if lostAtStart {
                    if !lostAtEnd { report.reactivated += 1 }
                } else if lostAtEnd {
                    report.lost += 1
                } else {
                    report.retained += 1
                }
            } else {
                report.acquired += 1
                if lostAtEnd { report.acquiredAndLost += 1 }
            }
        }
        return report
    }
}
