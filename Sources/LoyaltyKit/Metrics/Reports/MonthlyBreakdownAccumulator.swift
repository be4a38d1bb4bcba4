/// Streams purchases and stays into a monthly breakdown by a dimension (category, product or
/// tour, location, channel, tier): revenue, bookings, nights, customers and average spend per
/// month and value — "bookings and revenue per month per tour".
///
/// - **revenue**: purchase totals and stay amounts, gross of refunds; with ``BreakdownDimension/category``
///   and ``BreakdownDimension/product`` each purchase line goes to its own value;
/// - **bookings**: purchases and stays; a purchase whose lines have several values counts once for each;
/// - **nights**: the nights of stays;
/// - **customers**: distinct customers with a booking in the month and value;
/// - **average spend**: revenue ÷ customers.
///
/// Months are calendar months in the calendar's time zone. Each customer's activities must
/// arrive in non-decreasing month order (customers may interleave), as a store's date-ordered
/// reads deliver them. Memory: one small record per customer, one cell per month and value.
public struct MonthlyBreakdownAccumulator: ActivityMetric {
    /// What activities are grouped by.
    public let dimension: BreakdownDimension
    /// The currency of every amount.
    public let currency: Currency
    /// The calendar whose time zone decides months.
    public let calendar: BusinessCalendar
    /// Which activities count.
    public let filter: ActivityFilter

    struct CellKey: Hashable, Sendable {
        var month: Int32
        var value: Int32
    }

    struct Cell: Sendable {
        var revenue: Int64 = 0
        var bookings = 0
        var nights = 0
        var customers = 0
    }

    /// The month a customer was last seen in and the values they booked in it.
    private struct Record: Sendable {
        var month: Int32
        var first: Int32 = -1
        var more: [Int32] = []

        mutating func insert(_ value: Int32) -> Bool {
            if first == value || more.contains(value) { return false }
            if first < 0 { first = value } else { more.append(value) }
            return true
        }
    }

    private var valueIDs: [String: Int32] = [:]
    private var values: [String] = []
    private var cells: [CellKey: Cell] = [:]
    private var customers = CustomerTable<Record>()

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - dimension: what to group by.
    ///   - currency: the currency of every amount.
    ///   - calendar: the business calendar.
    ///   - filter: which activities count.
    public init(dimension: BreakdownDimension, currency: Currency, calendar: BusinessCalendar, filter: ActivityFilter = .all) {
        self.dimension = dimension
        self.currency = currency
        self.calendar = calendar
        self.filter = filter
    }

    /// Adds a purchase or stay; ignores every other activity. With ``BreakdownDimension/tier``
    /// every activity counts under ``BreakdownDimension/none``; use ``add(_:tier:)``.
    /// - Throws: as ``add(_:tier:)``.
    public mutating func add(_ activity: Activity) throws { try add(activity, tier: nil) }

    /// Adds a purchase or stay with the member's tier at the time (used by
    /// ``BreakdownDimension/tier``; `Outcome.tierID` holds it); ignores every other activity.
    /// - Parameters:
    ///   - activity: the activity.
    ///   - tier: the member's tier at the activity, if known.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` for an amount in another currency;
    ///   ``LoyaltyError/Code/invalidData`` when the customer has an activity in a later month
    ///   already; ``LoyaltyError/Code/overflow`` when a total overflows. Nothing is changed
    ///   when it throws.
    public mutating func add(_ activity: Activity, tier: String?) throws {
        var parts: [(value: String, amount: Money)]
        var nights = 0
        switch activity.kind {
        case .purchase(let purchase):
            guard filter.isEmpty || filter.includes(activity) else { return }
            switch dimension {
            case .category: parts = purchase.lines.map { ($0.category ?? BreakdownDimension.none, $0.amount) }
            case .product: parts = purchase.lines.map { ($0.sku ?? $0.category ?? BreakdownDimension.none, $0.amount) }
            default: parts = [(singleValue(of: activity, tier: tier), try purchase.total())]
            }
        case .stay(let stay):
            guard filter.isEmpty || filter.includes(activity) else { return }
            nights = stay.nights
            switch dimension {
            case .category, .product: parts = [(stay.category ?? BreakdownDimension.none, stay.amount)]
            default: parts = [(singleValue(of: activity, tier: tier), stay.amount)]
            }
        default:
            return
        }
        for part in parts where part.amount.currency != currency {
            throw LoyaltyError(.currencyMismatch, "an amount in \(part.amount.currency.code) where \(currency.code) is expected",
                               customerID: activity.customerID, activityID: activity.id)
        }
        let month = Int32(truncatingIfNeeded: calendar.monthIndex(of: activity.date))
        // Sum the parts per value first, so that a booking counts once per value.
        var totals: [(value: String, amount: Int64)] = []
        for part in parts {
            if let index = totals.firstIndex(where: { $0.value == part.value }) {
                let (sum, overflow) = totals[index].amount.addingReportingOverflow(part.amount.minorUnits)
                guard !overflow else { throw overflowError(activity) }
                totals[index].amount = sum
            } else {
                totals.append((part.value, part.amount.minorUnits))
            }
        }
        for total in totals {
            let revenue = valueIDs[total.value].flatMap { cells[CellKey(month: month, value: $0)]?.revenue } ?? 0
            guard !revenue.addingReportingOverflow(total.amount).overflow else { throw overflowError(activity) }
        }
        // Interning a value changes nothing visible, even when the customer check below throws.
        let ids = totals.map { valueID($0.value) }
        let isNew = try customers.update(activity.customerID.rawValue, make: { Record(month: month) }) { record, _ -> [Bool] in
            guard month >= record.month else {
                throw LoyaltyError(
                    .invalidData,
                    "activities of the customer are not in month order (\(CalendarMonth(index: Int(month))) after \(CalendarMonth(index: Int(record.month)))); feed them by date",
                    customerID: activity.customerID, activityID: activity.id)
            }
            if month > record.month { record = Record(month: month) }
            return ids.map { record.insert($0) }
        }
        for (index, total) in totals.enumerated() {
            let key = CellKey(month: month, value: ids[index])
            var cell = cells[key] ?? Cell()
            cell.revenue += total.amount
            cell.bookings += 1
            cell.nights += nights
            if isNew[index] { cell.customers += 1 }
            cells[key] = cell
        }
    }

    private func singleValue(of activity: Activity, tier: String?) -> String {
        switch dimension {
        case .location: activity.attributes["location"] ?? BreakdownDimension.none
        case .channel: activity.channel.rawValue
        case .tier: tier ?? BreakdownDimension.none
        case .attribute(let name): activity.attributes[name] ?? BreakdownDimension.none
        case .category, .product: BreakdownDimension.none
        }
    }

    private mutating func valueID(_ value: String) -> Int32 {
        if let id = valueIDs[value] { return id }
        let id = Int32(values.count)
        valueIDs[value] = id
        values.append(value)
        return id
    }

    private func overflowError(_ activity: Activity) -> LoyaltyError {
        LoyaltyError(.overflow, "a revenue total overflows 64-bit minor units", customerID: activity.customerID, activityID: activity.id)
    }

    /// The breakdown over every activity added so far. O(cells · log cells).
    public func result() -> MonthlyBreakdown {
        let rows = cells.map { key, cell in
            MonthlyBreakdown.Row(
                month: CalendarMonth(index: Int(key.month)), value: values[Int(key.value)],
                revenue: Money(minorUnits: cell.revenue, currency: currency), bookings: cell.bookings,
                nights: cell.nights, customers: cell.customers)
        }.sorted { ($0.month, $0.value) < ($1.month, $1.value) }
        return MonthlyBreakdown(dimension: dimension, currency: currency, rows: rows)
    }
}
