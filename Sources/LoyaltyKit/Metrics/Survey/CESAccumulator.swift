/// Streams activities into a customer-effort result, overall and per month.
///
/// Reads the `ces` answer of feedback activities that pass the filter. Memory: one
/// distribution per month; `add` is O(1) and takes any order.
public struct CESAccumulator: ActivityMetric {
    /// The scale and its direction.
    public let scale: CESScale
    private var tally: SurveyTally

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - scale: the answers' scale and direction (default CES 2.0: 1–7, higher is easier).
    ///   - filter: which feedback counts.
    ///   - calendar: the business calendar whose time zone decides the month of an answer.
    public init(scale: CESScale = .ces2, filter: ActivityFilter = .all, calendar: BusinessCalendar) {
        self.scale = scale
        tally = SurveyTally(question: .ces, scale: scale.range, filter: filter, calendar: calendar)
    }

    /// Counts the activity's CES answer, if it is feedback with one and passes the filter.
    /// - Throws: ``LoyaltyError/Code/invalidData`` for an answer outside the scale; nothing is counted.
    public mutating func add(_ activity: Activity) throws { try tally.add(activity) }

    /// The result over every answer counted.
    public func result() -> CustomerEffortScore { CustomerEffortScore(scale: scale, distribution: tally.overall) }

    /// The result per month, from the first to the last month with an answer.
    public func trend() -> MonthlySeries<CustomerEffortScore> {
        let monthly = tally.monthly()
        return MonthlySeries(months: monthly.months,
                             values: monthly.values.map { CustomerEffortScore(scale: scale, distribution: $0) })
    }
}
