/// A customer-effort result with its three usual aggregations: the mean answer, the share
/// of "easy" answers and the net easy share (easy − difficult).
///
/// "Easy" and "difficult" are the answers strictly on either side of the scale's midpoint
/// (on 1–7 agreement: 5–7 and 1–3; Zonka's "% agree" and "net easy" variants); the midpoint
/// itself (4) is neutral. On an even scale (1–10) there is no neutral answer. Which end is
/// easy comes from the scale's direction, so ``shareEasy`` means the same on every scale;
/// ``mean`` is on the scale as asked.
public struct CustomerEffortScore: Sendable, Hashable {
    /// How the answers are summarised into one number.
    public enum Aggregation: String, Sendable, Hashable, Codable {
        /// The mean answer (CES 2.0's score).
        case mean
        /// Easy answers ÷ answers.
        case shareEasy
        /// (Easy − difficult) ÷ answers, in −1…1.
        case netEasy
    }

    /// The scale the answers were counted on.
    public var scale: CESScale
    /// The answers.
    public var distribution: ScoreDistribution

    /// Creates a result from answers on `scale`.
    public init(scale: CESScale, distribution: ScoreDistribution) {
        self.scale = scale
        self.distribution = distribution
    }

    /// Every answer.
    public var responses: Int { distribution.total }
    /// Answers on the easy side of the midpoint.
    public var easy: Int { distribution.count(in: scale.easyAnswers) }
    /// Answers on the difficult side of the midpoint.
    public var difficult: Int { distribution.count(in: scale.difficultAnswers) }
    /// The mean answer; `nil` without responses.
    public var mean: Double? { distribution.mean }
    /// easy ÷ responses; `nil` without responses.
    public var shareEasy: Double? { responses > 0 ? Double(easy) / Double(responses) : nil }
    /// (easy − difficult) ÷ responses; `nil` without responses.
    public var netEasy: Double? { responses > 0 ? Double(easy - difficult) / Double(responses) : nil }

    /// The result summarised one way; `nil` without responses.
    /// - Parameter aggregation: the summary.
    public func value(_ aggregation: Aggregation) -> Double? {
        switch aggregation {
        case .mean: mean
        case .shareEasy: shareEasy
        case .netEasy: netEasy
        }
    }

    static let columns: [ReportTable.Column] = [
        .init("Responses"), .init("Mean", unit: "points"), .init("Easy", unit: "%"), .init("Difficult", unit: "%"),
        .init("Net easy", unit: "%"),
    ]

    var cells: [ReportTable.Cell] {
        let share = { (count: Int) -> ReportTable.Cell in
            responses > 0 ? .percent(Double(count) / Double(responses), fractionDigits: 1) : .empty
        }
        return [.integer(Int64(responses)), mean.map { .decimal($0, fractionDigits: 2) } ?? .empty,
                share(easy), share(difficult), netEasy.map { .percent($0, fractionDigits: 1) } ?? .empty]
    }

    /// A one-row table: responses, mean, easy %, difficult % and net easy %.
    public var table: ReportTable {
        let direction = scale.direction == .higherIsEasier ? "higher is easier" : "lower is easier"
        return ReportTable(title: "Customer effort (\(scale.range.lowerBound)–\(scale.range.upperBound), \(direction))",
                           columns: Self.columns, rows: [cells])
    }
}

extension MonthlySeries where Value == CustomerEffortScore {
    /// One row per month: responses, mean, easy %, difficult % and net easy %.
    public var table: ReportTable {
        ReportTable(title: "Customer effort by month", columns: [.init("Month")] + CustomerEffortScore.columns,
                    rows: zip(months, values).map { [.text($0.description)] + $1.cells })
    }

    /// A line chart of one aggregation per month (shares in %).
    /// - Parameters:
    ///   - aggregation: what to plot (default: the mean).
    ///   - title: the chart's title.
    public func chart(_ aggregation: CustomerEffortScore.Aggregation = .mean, title: String = "Customer effort by month") -> Chart {
        let axis = aggregation == .mean ? "Mean answer (points)" : "Share (%)"
        let scale = aggregation == .mean ? 1.0 : 100.0
        return Chart(title: title, style: .line, labels: labels, valueAxis: axis,
                     series: [Chart.Series(name: "CES \(aggregation.rawValue)", values: values.map { $0.value(aggregation).map { $0 * scale } })])
    }
}
