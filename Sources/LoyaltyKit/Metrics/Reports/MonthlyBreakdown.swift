/// Revenue, bookings, nights, customers and average spend per month and value of a dimension.
///
/// Definitions are those of ``MonthlyBreakdownAccumulator``.
public struct MonthlyBreakdown: Sendable, Hashable {
    /// One month and value.
    public struct Row: Sendable, Hashable {
        /// The month.
        public var month: CalendarMonth
        /// The dimension's value: a category, a tour, a channel…
        public var value: String
        /// Purchase and stay amounts, gross of refunds.
        public var revenue: Money
        /// Purchases and stays.
        public var bookings: Int
        /// Nights of the stays.
        public var nights: Int
        /// Distinct customers with a booking.
        public var customers: Int

        /// Creates a row.
        public init(month: CalendarMonth, value: String, revenue: Money, bookings: Int, nights: Int, customers: Int) {
            self.month = month
            self.value = value
            self.revenue = revenue
            self.bookings = bookings
            self.nights = nights
            self.customers = customers
        }

        /// Revenue ÷ customers, rounded half away from zero; `nil` without customers.
        public var averageSpend: Money? {
            customers > 0
                ? Money(minorUnits: PurchaseBehaviour.divideRounded(revenue.minorUnits, by: Int64(customers)), currency: revenue.currency)
                : nil
        }
    }

    /// What a chart shows.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// Revenue in major units.
        case revenue
        /// Bookings.
        case bookings
        /// Nights.
        case nights
        /// Customers.
        case customers
        /// Average spend per customer in major units.
        case averageSpend
    }

    /// What the rows are grouped by.
    public var dimension: BreakdownDimension
    /// The currency of the amounts.
    public var currency: Currency
    /// The rows, by month then value; only months and values with a booking.
    public var rows: [Row]

    /// Creates a breakdown.
    public init(dimension: BreakdownDimension, currency: Currency, rows: [Row]) {
        self.dimension = dimension
        self.currency = currency
        self.rows = rows
    }

    /// Every month from the first to the last row's.
    public var months: [CalendarMonth] {
        guard let first = rows.first?.month, let last = rows.last?.month else { return [] }
        return (first.index...last.index).map(CalendarMonth.init(index:))
    }

    /// The dimension's values, sorted.
    public var values: [String] { Array(Set(rows.map(\.value))).sorted() }

    /// One row per month and value: revenue, bookings, nights, customers, average spend.
    public var table: ReportTable {
        ReportTable(
            title: "Monthly breakdown by \(dimension.description.lowercased())",
            columns: [.init("Month"), .init(dimension.description), .init("Revenue", unit: currency.code), .init("Bookings"),
                      .init("Nights"), .init("Customers"), .init("Average spend per customer", unit: currency.code)],
            rows: rows.map { row in
                [.text(row.month.description), .text(row.value), .money(row.revenue), .integer(Int64(row.bookings)),
                 .integer(Int64(row.nights)), .integer(Int64(row.customers)), row.averageSpend.map { .money($0) } ?? .empty]
            })
    }

    /// A bar chart of one measure per month, one series per value (`nil` in months without bookings).
    /// - Parameters:
    ///   - measure: what to plot (default revenue).
    ///   - title: the chart's title.
    public func chart(_ measure: Measure = .revenue, title: String? = nil) -> Chart {
        let months = self.months
        let scale = Double(currency.minorUnitsPerMajorUnit)
        var byValue: [String: [Double?]] = [:]
        for row in rows {
            let position = row.month.months(since: months[0])
            let number: Double? = switch measure {
            case .revenue: Double(row.revenue.minorUnits) / scale
            case .bookings: Double(row.bookings)
            case .nights: Double(row.nights)
            case .customers: Double(row.customers)
            case .averageSpend: row.averageSpend.map { Double($0.minorUnits) / scale }
            }
            byValue[row.value, default: Array(repeating: nil, count: months.count)][position] = number
        }
        let axis: String = switch measure {
        case .revenue: "Revenue (\(currency.code))"
        case .bookings: "Bookings"
        case .nights: "Nights"
        case .customers: "Customers"
        case .averageSpend: "Average spend per customer (\(currency.code))"
        }
        return Chart(title: title ?? "\(axis) by month and \(dimension.description.lowercased())", style: .bar,
                     labels: months.map(\.description), valueAxis: axis,
                     series: values.map { Chart.Series(name: $0, values: byValue[$0] ?? []) })
    }
}
