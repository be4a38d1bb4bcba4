import Foundation

/// Churn and retention over a period, with the counts behind them.
///
/// - **churn** = lost ÷ customers at the start (fructifi); the variants "(start − end) ÷
///   start" and "÷ (start + new)" or "÷ average" are not used: the first nets off new
///   customers, the others dilute the rate while the base grows.
/// - **retention** = retained ÷ customers at the start = 1 − churn. The Zendesk form
///   (E − N) ÷ S equals it only when no new customer is lost within the period and no lapsed
///   customer comes back; ``customersAtEnd`` and the other counts make the difference visible.
public struct ChurnReport: Sendable, Hashable {
    /// The period `[start, end)`.
    public var period: Range<Date>
    /// The definition of "lost".
    public var definition: ChurnDefinition
    /// Customers at the start who are still active at the end.
    public var retained = 0
    /// Customers at the start who are lost at the end.
    public var lost = 0
    /// Customers acquired during the period.
    public var acquired = 0
    /// Customers acquired during the period and already lost at its end.
    public var acquiredAndLost = 0
    /// Customers lost at the start who are active again at the end.
    public var reactivated = 0

    /// An empty report.
    public init(period: Range<Date>, definition: ChurnDefinition) {
        self.period = period
        self.definition = definition
    }

    /// S: customers acquired before the start and not lost at it.
    public var customersAtStart: Int { retained + lost }
    /// E: customers not lost at the end (retained, new and reactivated).
    public var customersAtEnd: Int { retained + acquired - acquiredAndLost + reactivated }

    /// lost ÷ customers at the start; `nil` without customers at the start.
    public var churnRate: Double? {
        customersAtStart > 0 ? Double(lost) / Double(customersAtStart) : nil
    }

    /// retained ÷ customers at the start; `nil` without customers at the start.
    public var retentionRate: Double? {
        customersAtStart > 0 ? Double(retained) / Double(customersAtStart) : nil
    }

    /// The counts and rates as a two-column table.
    public var table: ReportTable {
        let rows: [[ReportTable.Cell]] = [
            [.text("Customers at start"), .integer(Int64(customersAtStart))],
            [.text("Retained"), .integer(Int64(retained))],
            [.text("Lost"), .integer(Int64(lost))],
            [.text("Acquired"), .integer(Int64(acquired))],
            [.text("Acquired and lost"), .integer(Int64(acquiredAndLost))],
            [.text("Reactivated"), .integer(Int64(reactivated))],
            [.text("Customers at end"), .integer(Int64(customersAtEnd))],
            [.text("Churn rate"), churnRate.map { .percent($0, fractionDigits: 1) } ?? .empty],
            [.text("Retention rate"), retentionRate.map { .percent($0, fractionDigits: 1) } ?? .empty],
        ]
        var rule: [String] = []
        if let days = definition.inactivityDays { rule.append("\(days) days without activity") }
        if let tag = definition.cancellationTag { rule.append("cancellation tagged '\(tag)'") }
        let title = "Churn and retention" + (rule.isEmpty ? "" : " (lost after " + rule.joined(separator: " or ") + ")")
        return ReportTable(title: title, columns: [.init("Metric"), .init("Value")], rows: rows)
    }
}
