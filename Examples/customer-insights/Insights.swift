import Foundation
import LoyaltyKit

/// Every metric of the report, computed in one pass over an imported transaction log with
/// LoyaltyKit's accumulators.
struct Insights {
    /// Days without a purchase after which a customer counts as lost.
    static let churnInactivityDays = 90
    /// The churn period: the last this many months up to the end of the log.
    static let churnMonths = 6

    var source: String
    var calendar: BusinessCalendar
    var customers: Int
    var transactions: Int
    var firstDay: CivilDate
    var lastDay: CivilDate
    var rfm: RFMAnalysis
    var cohorts: CohortRetention
    var intervals: PurchaseIntervals
    var behaviour: PurchaseBehaviour
    var churn: ChurnReport
    /// Revenue and customers per month (every imported purchase has the same channel, so the
    /// breakdown by channel is the total).
    var monthly: MonthlyBreakdown
    /// Revenue and customers per month and category, when the log has categories.
    var byCategory: MonthlyBreakdown?

    /// Computes the metrics.
    /// - Throws: `invalidData` for an empty log; the accumulators' errors.
    init(_ log: TransactionImport, calendar: BusinessCalendar) throws {
        // The purchase-history and breakdown accumulators need each customer's purchases in
        // date order; the file may not be. Sort by date, keeping file order for equal dates.
        let activities = log.activities.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
        guard let first = activities.first, let last = activities.last else {
            throw LoyaltyError(.invalidData, "the file holds no transactions", location: log.source)
        }
        let hasCategories = activities.contains { activity in
            guard case .purchase(let purchase) = activity.kind else { return false }
            return purchase.lines.contains { $0.category != nil }
        }
        lastDay = calendar.civilDate(of: last.date)
        let end = calendar.startOfDay(CivilDate(dayNumber: lastDay.dayNumber + 1))
        var history = try PurchaseHistoryAccumulator(currency: log.currency, observationEnd: lastDay, calendar: calendar)
        var behaviour = PurchaseBehaviourAccumulator(currency: log.currency)
        var churn = try ChurnAccumulator(
            period: calendar.adding(months: -Self.churnMonths, to: end)..<end,
            definition: ChurnDefinition(inactivityDays: Self.churnInactivityDays), calendar: calendar)
        var monthly = MonthlyBreakdownAccumulator(dimension: .channel, currency: log.currency, calendar: calendar)
        var byCategory = hasCategories
            ? MonthlyBreakdownAccumulator(dimension: .category, currency: log.currency, calendar: calendar) : nil
        for activity in activities {
            try history.add(activity)
            try behaviour.add(activity)
            try churn.add(activity)
            try monthly.add(activity)
            try byCategory?.add(activity)
        }
        source = log.source
        self.calendar = calendar
        customers = log.firstPurchaseDates.count
        transactions = activities.count
        firstDay = calendar.civilDate(of: first.date)
        rfm = history.result()
        cohorts = history.cohortRetention()
        intervals = history.timeBetweenPurchases()
        self.behaviour = behaviour.result()
        self.churn = churn.result()
        self.monthly = monthly.result()
        self.byCategory = byCategory?.result()
    }

    /// The headline numbers.
    var headline: ReportTable {
        func optional<T>(_ value: T?, _ cell: (T) -> ReportTable.Cell) -> ReportTable.Cell { value.map(cell) ?? .empty }
        let churnPeriod = "\(calendar.civilDate(of: churn.period.lowerBound)) … \(lastDay)"
        return ReportTable(
            title: "Customer insights: \(source), \(firstDay) … \(lastDay) (\(calendar.timeZone.identifier))",
            columns: [.init("Metric"), .init("Value")],
            rows: [
                [.text("Customers"), .integer(Int64(customers))],
                [.text("Transactions"), .integer(Int64(transactions))],
                [.text("Revenue"), .money(behaviour.revenue)],
                [.text("Average order value"), optional(behaviour.averageOrderValue) { .money($0) }],
                [.text("Orders per customer"), optional(behaviour.purchaseFrequency) { .decimal($0, fractionDigits: 2) }],
                [.text("Repeat-purchase rate"), optional(behaviour.repeatPurchaseRate) { .percent($0, fractionDigits: 1) }],
                [.text("Average historic value"), optional(behaviour.averageHistoricValue()) { .money($0) }],
                [.text("Revenue share of the top 20% of customers"),
                 optional(behaviour.revenueShare(ofTop: 0.2)) { .percent($0, fractionDigits: 1) }],
                [.text("Median days between purchases"), optional(intervals.medianDays) { .integer(Int64($0)) }],
                [.text("Churn \(churnPeriod) (lost after \(Self.churnInactivityDays) days without a purchase)"),
                 optional(churn.churnRate) { .percent($0, fractionDigits: 1) }],
                [.text("Customers active at the churn period's start"), .integer(Int64(churn.customersAtStart))],
            ])
    }

    /// The tables of the report, by file name (without extension).
    var tables: [(name: String, table: ReportTable)] {
        var tables: [(String, ReportTable)] = [
            ("headline", headline),
            ("purchase-behaviour", behaviour.table),
            ("rfm-segments", rfm.table),
            ("rfm-customers", rfm.customerTable),
            ("cohort-retention", cohorts.table),
            ("time-between-purchases", intervals.table),
            ("churn", churn.table),
            ("monthly-revenue", monthly.table),
        ]
        if let byCategory { tables.append(("monthly-by-category", byCategory.table)) }
        return tables
    }

    /// The charts of the report as SVG, by file name (without extension).
    var charts: [(name: String, svg: String)] {
        var revenue = monthly.chart(.revenue, title: "Revenue by month (\(behaviour.currency.code))")
        revenue.series = revenue.series.map { Chart.Series(name: "Revenue", values: $0.values) }
        var active = monthly.chart(.customers, title: "Customers with a purchase, by month")
        active.style = .line
        active.series = active.series.map { Chart.Series(name: "Customers", values: $0.values) }
        var charts: [(String, String)] = [
            ("revenue-by-month", revenue.svg()),
            ("active-customers-by-month", active.svg()),
            ("cohort-retention", cohorts.heatmap.svg()),
            ("average-retention", cohorts.chart().svg()),
            ("rfm-segments", rfm.chart().svg()),
            ("time-between-purchases", intervals.chart().svg()),
        ]
        if let byCategory {
            charts.append(("revenue-by-category", byCategory.chart(.revenue, title: "Revenue by month and category").svg()))
        }
        return charts
    }
}
