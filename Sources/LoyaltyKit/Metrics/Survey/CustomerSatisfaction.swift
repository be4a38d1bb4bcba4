/// A customer-satisfaction result: the share of satisfied answers (the CSAT %) and,
/// separately, the mean answer.
///
/// CSAT % = answers ≥ the satisfied threshold ÷ answers (for 1–5: (4s + 5s) / n, the
/// "top-2-box" of SoGoSurvey and Abacum). GetFeedback describes the mean as an alternative
/// and recommends the share; both are here and neither is the other.
public struct CustomerSatisfaction: Sendable, Hashable {
    /// The scale and threshold the answers were counted with.
    public var scale: CSATScale
    /// The answers.
    public var distribution: ScoreDistribution

    /// Creates a result from answers on `scale`.
    public init(scale: CSATScale, distribution: ScoreDistribution) {
        self.scale = scale
        self.distribution = distribution
    }

    /// Every answer.
    public var responses: Int { distribution.total }
    /// Answers at or above the threshold.
    public var satisfied: Int { distribution.count(in: scale.satisfiedFrom...scale.range.upperBound) }
    /// satisfied ÷ responses in [0, 1]; `nil` without responses.
    public var share: Double? { responses > 0 ? Double(satisfied) / Double(responses) : nil }
    /// The mean answer; `nil` without responses.
    public var mean: Double? { distribution.mean }

    static let columns: [ReportTable.Column] = [
        .init("Responses"), .init("Satisfied"), .init("CSAT", unit: "%"), .init("Mean", unit: "points"),
    ]

    var cells: [ReportTable.Cell] {
        [.integer(Int64(responses)), .integer(Int64(satisfied)),
         share.map { .percent($0, fractionDigits: 1) } ?? .empty, mean.map { .decimal($0, fractionDigits: 2) } ?? .empty]
    }

    /// A one-row table: responses, satisfied, CSAT % and mean.
    public var table: ReportTable {
        ReportTable(title: "Customer satisfaction (satisfied = \(scale.satisfiedFrom)–\(scale.range.upperBound) on \(scale.range.lowerBound)–\(scale.range.upperBound))",
                    columns: Self.columns, rows: [cells])
    }
}

extension MonthlySeries where Value == CustomerSatisfaction {
    /// One row per month: responses, satisfied, CSAT % and mean.
    public var table: ReportTable {
        ReportTable(title: "Customer satisfaction by month", columns: [.init("Month")] + CustomerSatisfaction.columns,
                    rows: zip(months, values).map { [.text($0.description)] + $1.cells })
    }

    /// A line chart of the CSAT % per month.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Customer satisfaction by month") -> Chart {
        Chart(title: title, style: .line, labels: labels, valueAxis: "Satisfied (%)",
              series: [Chart.Series(name: "CSAT", values: values.map { $0.share.map { $0 * 100 } })])
    }
}
