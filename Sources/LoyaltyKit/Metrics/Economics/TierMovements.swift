import Foundation

/// Tier upgrades and downgrades per month, from tier changes.
///
/// Feed it ``TierChange`` values with ``add(_:)`` — from stored outcomes
/// (``Outcome/tierChanges``) and from the advancements `Loyalty.evaluateTiers(asOf:)` and
/// `Loyalty.expire(asOf:)` return (reviews are not stored with any activity, so keep those).
/// It is its own result. A change is an upgrade when the new tier stands higher on the ladder,
/// a downgrade when lower; changes between tiers the ladder does not know are *other*.
/// Memory: one row per month and per (from, to) pair.
public struct TierMovements: Sendable, Hashable {
    /// One month's moves.
    public struct Month: Sendable, Hashable {
        /// Moves up the ladder.
        public var upgrades = 0
        /// Moves down the ladder.
        public var downgrades = 0
        /// Moves between tiers not on the ladder.
        public var other = 0

        /// No moves.
        public init() {}
    }

    /// The ladder that orders the tiers.
    public let ladder: TierLadder
    /// The calendar whose time zone decides the month of a change.
    public let calendar: BusinessCalendar
    /// The period counted, or `nil` for all time.
    public let period: Range<Date>?
    private var byMonth: [Int: Month] = [:]
    /// Moves per (from, to) tier pair over the period.
    public private(set) var transitions: [String: [String: Int]] = [:]

    /// An empty count.
    /// - Parameters:
    ///   - ladder: the programme's ladder.
    ///   - calendar: the business calendar.
    ///   - period: the changes to count, `[start, end)`, or `nil` for all.
    public init(ladder: TierLadder, calendar: BusinessCalendar, period: Range<Date>? = nil) {
        self.ladder = ladder
        self.calendar = calendar
        self.period = period
    }

    /// Counts one change (changes to the same tier are ignored).
    /// - Parameter change: the change.
    public mutating func add(_ change: TierChange) {
        guard change.from != change.to, period?.contains(change.date) ?? true else { return }
        let month = calendar.monthIndex(of: change.date)
        switch (ladder.index(of: change.from), ladder.index(of: change.to)) {
        case let (from?, to?) where to > from: byMonth[month, default: Month()].upgrades += 1
        case (.some, .some): byMonth[month, default: Month()].downgrades += 1
        default: byMonth[month, default: Month()].other += 1
        }
        transitions[change.from, default: [:]][change.to, default: 0] += 1
    }

    /// The moves per month, from the first to the last month with a move.
    public var monthly: MonthlySeries<Month> { MonthlySeries(byMonth: byMonth, empty: Month()) }

    /// One row per month: upgrades, downgrades, other moves.
    public var table: ReportTable {
        let monthly = self.monthly
        return ReportTable(
            title: "Tier moves per month",
            columns: [.init("Month"), .init("Upgrades"), .init("Downgrades"), .init("Other")],
            rows: zip(monthly.months, monthly.values).map {
                [.text($0.description), .integer(Int64($1.upgrades)), .integer(Int64($1.downgrades)), .integer(Int64($1.other))]
            })
    }

    /// A bar chart of upgrades and downgrades per month.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Tier moves per month") -> Chart {
        let monthly = self.monthly
        return Chart(title: title, style: .bar, labels: monthly.labels, valueAxis: "Members",
                     series: [Chart.Series(name: "Upgrades", values: monthly.values.map { Double($0.upgrades) }),
                              Chart.Series(name: "Downgrades", values: monthly.values.map { Double($0.downgrades) })])
    }
}
