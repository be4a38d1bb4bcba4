/// The survey question a tally reads from feedback.
enum SurveyQuestion: Sendable {
    case nps, csat, ces

    /// The answer in a feedback, if given.
    @inline(__always)
    func score(in feedback: Feedback) -> Int? {
        switch self {
        case .nps: feedback.nps
        case .csat: feedback.csat
        case .ces: feedback.ces
        }
    }

    var name: String {
        switch self {
        case .nps: "NPS"
        case .csat: "CSAT"
        case .ces: "CES"
        }
    }
}

/// Counts the answers to one survey question, overall and per month, for the survey
/// accumulators. Memory: one distribution per month.
struct SurveyTally: Sendable {
    let question: SurveyQuestion
    let filter: ActivityFilter
    let calendar: BusinessCalendar
    private(set) var overall: ScoreDistribution
    private var months = MonthTable<ScoreDistribution>()

    init(question: SurveyQuestion, scale: ClosedRange<Int>, filter: ActivityFilter, calendar: BusinessCalendar) {
        self.question = question
        self.filter = filter
        self.calendar = calendar
        self.overall = ScoreDistribution(scale: scale)
    }

    /// Counts the activity's answer if it is feedback with this question answered and passes the filter.
    /// - Throws: ``LoyaltyError/Code/invalidData`` for an answer outside the scale (nothing is counted).
    mutating func add(_ activity: Activity) throws {
        guard case .feedback(let feedback) = activity.kind, let score = question.score(in: feedback) else { return }
        guard filter.isEmpty || filter.includes(activity) else { return }
        guard overall.scale.contains(score) else {
            throw LoyaltyError(
                .invalidData,
                "\(question.name) answer \(score) is outside the scale \(overall.scale.lowerBound)...\(overall.scale.upperBound)",
                customerID: activity.customerID, activityID: activity.id)
        }
        overall.record(score)
        let scale = overall.scale
        months.update(calendar.monthIndex(of: activity.date), make: { ScoreDistribution(scale: scale) }) { $0.record(score) }
    }

    /// Every month from the first to the last with an answer.
    func monthly() -> MonthlySeries<ScoreDistribution> {
        MonthlySeries(byMonth: months.byMonth, empty: ScoreDistribution(scale: overall.scale))
    }
}
