/// The cohort retention matrix: customers grouped by the month of their first purchase, and
/// for each later month the share of them who bought in it.
///
/// Cohort c's cell k is the number of its customers with at least one purchase in month
/// c + k, divided by the cohort's size (so cell 0 is 100 %). This is *activity* retention of
/// non-contractual data (still buying), not contractual retention (still subscribed): a
/// customer can be absent one month and back the next. Cells after the observation end's
/// month are undefined (`nil`); that last month may be partly observed.
public struct CohortRetention: Sendable, Hashable {
    /// One acquisition cohort.
    public struct Cohort: Sendable, Hashable {
        /// The month of the first purchase.
        public var month: CalendarMonth
        /// `active[k]`: customers of the cohort with a purchase in month `month + k`;
        /// `active[0]` is the cohort's size. One entry per observed month.
        public var active: [Int]

        /// Creates a cohort.
        public init(month: CalendarMonth, active: [Int]) {
            self.month = month
            self.active = active
        }

        /// The cohort's size: its customers.
        public var size: Int { active.first ?? 0 }

        /// `retention[k]` = `active[k] / size`, in [0, 1].
        public var retention: [Double] {
            let size = Double(self.size)
            return active.map { size > 0 ? Double($0) / size : 0 }
        }
    }

    /// The cohorts with at least one customer, oldest first.
    public var cohorts: [Cohort]
    /// The last month observed.
    public var lastMonth: CalendarMonth

    /// Creates a matrix.
    /// - Parameters:
    ///   - cohorts: the cohorts, oldest first.
    ///   - lastMonth: the last month observed.
    public init(cohorts: [Cohort], lastMonth: CalendarMonth) {
        self.cohorts = cohorts
        self.lastMonth = lastMonth
    }

    /// Builds the matrix from per-cohort counts keyed by month index.
    init(counts: [Int: [Int]], lastMonth: CalendarMonth) {
        let cohorts = counts.keys.sorted().map { index -> Cohort in
            let observed = max(0, lastMonth.index - index + 1)
            var active = Array((counts[index] ?? []).prefix(observed))
            if active.count < observed { active += repeatElement(0, count: observed - active.count) }
            return Cohort(month: CalendarMonth(index: index), active: active)
        }
        self.init(cohorts: cohorts.filter { $0.size > 0 }, lastMonth: lastMonth)
    }

    /// The number of month columns: from the oldest cohort's month to the last month.
    public var width: Int { cohorts.map(\.active.count).max() ?? 0 }

    /// The retention k months after the first purchase over all cohorts observed that long:
    /// Σ active[k] / Σ size, weighting each cohort by its size. `nil` where no cohort reaches k.
    public var averageRetention: [Double?] {
        (0..<width).map { k in
            var active = 0, size = 0
            for cohort in cohorts where cohort.active.count > k {
                active += cohort.active[k]
                size += cohort.size
            }
            return size > 0 ? Double(active) / Double(size) : nil
        }
    }

    private var columnLabels: [String] { (0..<width).map { "+\($0)" } }

    /// The matrix as a heatmap: one row per cohort, one column per month since the first
    /// purchase, values in [0, 1] shown as percentages.
    public var heatmap: Heatmap {
        Heatmap(title: "Cohort retention by first-purchase month", rowLabels: cohorts.map(\.month.description),
                columnLabels: columnLabels,
                values: cohorts.map { cohort in
                    let retention = cohort.retention
                    return (0..<width).map { $0 < retention.count ? retention[$0] : nil }
                },
                format: .percent(fractionDigits: 0))
    }

    /// The matrix as a table: cohort, size, then the retention k months later.
    public var table: ReportTable {
        ReportTable(
            title: "Cohort retention by first-purchase month",
            columns: [.init("Cohort"), .init("Customers")] + columnLabels.map { .init($0, unit: "%") },
            rows: cohorts.map { cohort in
                let retention = cohort.retention
                return [.text(cohort.month.description), .integer(Int64(cohort.size))]
                    + (0..<width).map { $0 < retention.count ? .percent(retention[$0], fractionDigits: 1) : .empty }
            })
    }

    /// A line chart of ``averageRetention`` (in %) by months since the first purchase.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Average retention by months since first purchase") -> Chart {
        Chart(title: title, style: .line, labels: columnLabels, valueAxis: "Customers buying (%)",
              series: [Chart.Series(name: "All cohorts", values: averageRetention.map { $0.map { $0 * 100 } })])
    }
}
