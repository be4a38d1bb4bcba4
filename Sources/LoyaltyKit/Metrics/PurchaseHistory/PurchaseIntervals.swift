/// The time between a customer's consecutive purchase days, pooled over all customers.
///
/// Each pair of consecutive distinct purchase days of one customer is one interval, in whole
/// days (same-day purchases are one purchase day, as in the RFM frequency). A customer with
/// n purchase days contributes n − 1 intervals.
public struct PurchaseIntervals: Sendable, Hashable {
    /// `countsByDays[d]`: intervals of exactly `d` days (index 0 is always 0).
    public var countsByDays: [Int]

    /// Creates a distribution from counts per number of days.
    public init(countsByDays: [Int]) { self.countsByDays = countsByDays }

    /// The number of intervals.
    public var count: Int { countsByDays.reduce(0, +) }

    /// The mean interval in days; `nil` without intervals.
    public var meanDays: Double? {
        let count = self.count
        guard count > 0 else { return nil }
        var total = 0
        for (days, n) in countsByDays.enumerated() { total += days * n }
        return Double(total) / Double(count)
    }

    /// The smallest interval such that at least `fraction` of the intervals are no longer
    /// (the lower empirical quantile); `nil` without intervals.
    /// - Parameter fraction: in (0, 1]; 0.5 is the median.
    public func percentileDays(_ fraction: Double) -> Int? {
        let count = self.count
        guard count > 0 else { return nil }
        let target = max(1, Int((fraction * Double(count)).rounded(.up)))
        var seen = 0
        for (days, n) in countsByDays.enumerated() {
            seen += n
            if seen >= target { return days }
        }
        return countsByDays.count - 1
    }

    /// The median interval in days (lower median); `nil` without intervals.
    public var medianDays: Int? { percentileDays(0.5) }

    /// A one-row table: intervals, mean, 25th percentile, median, 75th and 90th percentiles (days).
    public var table: ReportTable {
        let percentile = { (fraction: Double) -> ReportTable.Cell in percentileDays(fraction).map { .integer(Int64($0)) } ?? .empty }
        return ReportTable(
            title: "Days between purchases",
            columns: [.init("Intervals"), .init("Mean", unit: "days"), .init("25th percentile", unit: "days"),
                      .init("Median", unit: "days"), .init("75th percentile", unit: "days"), .init("90th percentile", unit: "days")],
            rows: [[.integer(Int64(count)), meanDays.map { .decimal($0, fractionDigits: 1) } ?? .empty,
                    percentile(0.25), percentile(0.5), percentile(0.75), percentile(0.9)]])
    }

    /// A bar chart of the number of intervals per bucket of `bucketDays` days
    /// (`"1–30"`, `"31–60"`, …).
    /// - Parameters:
    ///   - bucketDays: the width of a bucket in days (at least 1).
    ///   - title: the chart's title.
    public func chart(bucketDays: Int = 30, title: String = "Days between purchases") -> Chart {
        let width = max(1, bucketDays)
        let longest = countsByDays.lastIndex { $0 > 0 } ?? 0
        let buckets = longest == 0 ? 0 : (longest - 1) / width + 1
        var counts = [Double](repeating: 0, count: buckets)
        for (days, n) in countsByDays.enumerated() where days > 0 && n > 0 { counts[(days - 1) / width] += Double(n) }
        let labels = (0..<buckets).map { "\($0 * width + 1)–\(($0 + 1) * width)" }
        return Chart(title: title, style: .bar, labels: labels, valueAxis: "Intervals",
                     series: [Chart.Series(name: "Intervals", values: counts)])
    }
}
