/// One value per calendar month, for consecutive months: a trend.
///
/// Months without data are present with an empty value (for example an NPS with no
/// responses), so the series can be charted as it is.
public struct MonthlySeries<Value: Sendable>: Sendable {
    /// The months, consecutive and ascending.
    public var months: [CalendarMonth]
    /// `values[i]` belongs to `months[i]`.
    public var values: [Value]

    /// Creates a series; `months` and `values` have the same length.
    public init(months: [CalendarMonth], values: [Value]) {
        self.months = months
        self.values = values
    }

    /// Builds the series of every month from the first to the last key of `byMonth`
    /// (month indices), filling gaps with `empty`.
    init(byMonth: [Int: Value], empty: Value) {
        guard let first = byMonth.keys.min(), let last = byMonth.keys.max() else {
            self.init(months: [], values: [])
            return
        }
        self.init(months: (first...last).map(CalendarMonth.init(index:)),
                  values: (first...last).map { byMonth[$0] ?? empty })
    }

    /// The months as chart labels: `"2025-03"`.
    public var labels: [String] { months.map(\.description) }
}

extension MonthlySeries: Equatable where Value: Equatable {}
extension MonthlySeries: Hashable where Value: Hashable {}
