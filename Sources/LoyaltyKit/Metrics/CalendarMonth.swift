/// A calendar month, such as 2025-03: the bucket of monthly trends, cohorts and breakdowns.
///
/// Months are taken in the business's time zone (``BusinessCalendar/monthIndex(of:)``).
public struct CalendarMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// A counter that grows by one each month: `year * 12 + month - 1`.
    public var index: Int

    /// The month with a given ``index``.
    public init(index: Int) { self.index = index }

    /// The month of a year; `month` is 1...12 (other values roll into the next or previous years).
    public init(year: Int, month: Int) { self.index = year * 12 + month - 1 }

    /// The month a civil date falls in.
    public init(_ date: CivilDate) { self.index = date.monthIndex }

    /// The year.
    public var year: Int { CivilDate.firstDay(ofMonthIndex: index).year }
    /// The month, 1...12.
    public var month: Int { CivilDate.firstDay(ofMonthIndex: index).month }
    /// The month's first day.
    public var firstDay: CivilDate { CivilDate.firstDay(ofMonthIndex: index) }

    /// The month `months` later (earlier when negative).
    public func adding(months: Int) -> CalendarMonth { CalendarMonth(index: index + months) }

    /// The number of months from `other` to this month.
    public func months(since other: CalendarMonth) -> Int { index - other.index }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.index < rhs.index }

    /// `2025-03`.
    public var description: String { String(firstDay.description.prefix(7)) }
}
