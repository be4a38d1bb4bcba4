import Foundation

/// A Net Promoter Score: exact counts of promoters (9–10), passives (7–8) and detractors
/// (0–6), and the score %promoters − %detractors in −100…+100.
///
/// Definition: Bain & Company, "Measuring Your Net Promoter Score"; F. Reichheld, "The One
/// Number You Need to Grow", HBR 2003. Passives count in the number of responses but are
/// neither added nor subtracted. The counts are exact; ``score`` is the only rounded value,
/// and only a renderer rounds it further. See `Documentation/Metrics.md`.
public struct NetPromoterScore: Sendable, Hashable {
    /// The answers, on the scale 0...10.
    public var distribution: ScoreDistribution

    /// Creates a score from a distribution of 0...10 answers.
    public init(distribution: ScoreDistribution) { self.distribution = distribution }

    /// Answers 9 or 10.
    public var promoters: Int { distribution.count(in: 9...10) }
    /// Answers 7 or 8.
    public var passives: Int { distribution.count(in: 7...8) }
    /// Answers 0 to 6.
    public var detractors: Int { distribution.count(in: 0...6) }
    /// Every answer.
    public var responses: Int { distribution.total }

    /// Promoters minus detractors: the score's exact numerator (its denominator is ``responses``).
    public var net: Int { promoters - detractors }

    /// 100 × (promoters − detractors) / responses, in −100…+100; `nil` without responses.
    public var score: Double? {
        responses > 0 ? 100 * Double(net) / Double(responses) : nil
    }

    /// The margin of error of ``score`` in NPS points at a confidence level given by its
    /// two-sided normal quantile `z`; `nil` without responses.
    ///
    /// The score is the difference of two shares of one multinomial sample, so its variance is
    /// `(p₊ + p₋ − (p₊ − p₋)²) / n` with p₊, p₋ the promoter and detractor shares and n the
    /// responses. The margin is `z · 100 · √variance`. It is 0 when every answer falls in one
    /// group, and, like any normal approximation, too optimistic for a few dozen responses.
    /// - Parameter z: the normal quantile; 1.959964 (the default) gives 95 %.
    public func marginOfError(z: Double = 1.959963984540054) -> Double? {
        guard responses > 0 else { return nil }
        let n = Double(responses)
        let plus = Double(promoters) / n, minus = Double(detractors) / n
        let variance = (plus + minus - (plus - minus) * (plus - minus)) / n
        return z * 100 * max(0, variance).squareRoot()
    }

    /// The 95 % confidence interval of ``score``, clamped to −100…+100; `nil` without responses.
    public var confidenceInterval95: ClosedRange<Double>? {
        guard let score, let margin = marginOfError() else { return nil }
        return max(-100, score - margin)...min(100, score + margin)
    }
}

extension NetPromoterScore {
    static let columns: [ReportTable.Column] = [
        .init("Responses"), .init("Promoters"), .init("Passives"), .init("Detractors"),
        .init("NPS", unit: "points"), .init("Margin of error (95%)", unit: "points"),
    ]

    var cells: [ReportTable.Cell] {
        [.integer(Int64(responses)), .integer(Int64(promoters)), .integer(Int64(passives)), .integer(Int64(detractors)),
         score.map { .decimal($0, fractionDigits: 1) } ?? .empty,
         marginOfError().map { .decimal($0, fractionDigits: 1) } ?? .empty]
    }

    /// The score as a one-row table: responses, promoters, passives, detractors, NPS and its
    /// 95 % margin of error (points).
    public var table: ReportTable {
        ReportTable(title: "Net Promoter Score", columns: Self.columns, rows: [cells])
    }
}

extension MonthlySeries where Value == NetPromoterScore {
    /// One row per month: the counts, the NPS and its 95 % margin of error.
    public var table: ReportTable {
        ReportTable(title: "Net Promoter Score by month", columns: [.init("Month")] + NetPromoterScore.columns,
                    rows: zip(months, values).map { [.text($0.description)] + $1.cells })
    }

    /// A line chart of the NPS per month (no point where a month has no responses).
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Net Promoter Score by month") -> Chart {
        Chart(title: title, style: .line, labels: labels, valueAxis: "NPS (points)",
              series: [Chart.Series(name: "NPS", values: values.map(\.score))])
    }
}
