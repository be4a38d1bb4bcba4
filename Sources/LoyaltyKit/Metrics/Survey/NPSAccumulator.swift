/// Streams activities into a Net Promoter Score, overall and per month.
///
/// Reads the `nps` answer (0...10) of feedback activities that pass the filter; every other
/// activity is ignored. Months are calendar months in the calendar's time zone. Memory: one
/// 11-bucket distribution per month. `add` is O(1) and takes any order.
///
/// ```swift
/// var nps = NPSAccumulator(filter: ActivityFilter(touchpoints: ["check-out"]), calendar: program.calendar)
/// try nps.add(contentsOf: activities)
/// let score = nps.result()           // promoters, passives, detractors, score, marginOfError()
/// let chart = nps.trend().chart()
/// ```
public struct NPSAccumulator: ActivityMetric {
    private var tally: SurveyTally

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - filter: which feedback counts (period, channels, touchpoints, segment).
    ///   - calendar: the business calendar whose time zone decides the month of an answer.
    public init(filter: ActivityFilter = .all, calendar: BusinessCalendar) {
        tally = SurveyTally(question: .nps, scale: 0...10, filter: filter, calendar: calendar)
    }

    /// Counts the activity's NPS answer, if it is feedback with one and passes the filter.
    /// - Throws: ``LoyaltyError/Code/invalidData`` for an answer outside 0...10, naming the
    ///   activity; nothing is counted.
    public mutating func add(_ activity: Activity) throws { try tally.add(activity) }

    /// The score over every answer counted.
    public func result() -> NetPromoterScore { NetPromoterScore(distribution: tally.overall) }

    /// The score per month, from the first to the last month with an answer.
    public func trend() -> MonthlySeries<NetPromoterScore> {
        let monthly = tally.monthly()
        return MonthlySeries(months: monthly.months, values: monthly.values.map(NetPromoterScore.init(distribution:)))
    }
}
