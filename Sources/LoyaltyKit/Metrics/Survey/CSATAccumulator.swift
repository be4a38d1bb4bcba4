/// Streams activities into a customer-satisfaction result, overall and per month.
///
/// Reads the `csat` answer of feedback activities that pass the filter. Memory: one
/// distribution per month; `add` is O(1) and takes any order.
public struct CSATAccumulator: ActivityMetric {
    /// The scale and threshold.
    public let scale: CSATScale
    private var tally: SurveyTally

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - scale: the answers' scale and satisfied threshold (default 1–5, satisfied from 4).
    ///   - filter: which feedback counts.
    ///   - calendar: the business calendar whose time zone decides the month of an answer.
    public init(scale: CSATScale = .fivePoint, filter: ActivityFilter = .all, calendar: BusinessCalendar) {
        self.scale = scale
        tally = SurveyTally(question: .csat, scale: scale.range, filter: filter, calendar: calendar)
    }

    /// Counts the activity's CSAT answer, if it is feedback with one and passes the filter.
    /// - Throws: ``LoyaltyError/Code/invalidData`` for an answer outside the scale; nothing is counted.
    public mutating func add(_ activity: Activity) throws { try tally.add(activity) }

    /// The result over every answer counted.
    public func result() -> CustomerSatisfaction { CustomerSatisfaction(scale: scale, distribution: tally.overall) }

    /// The result per month, from the first to the last month with an answer.
    public func trend() -> MonthlySeries<CustomerSatisfaction> {
        let monthly = tally.monthly()
        return MonthlySeries(months: monthly.months,
                             values: monthly.values.map { CustomerSatisfaction(scale: scale, distribution: $0) })
    }
}
