import Foundation

/// The loyalty programme's economics over a period.
///
/// - **breakage rate** = expired ÷ issued: the share of the period's issued points that
///   expired in it. Points issued in one period often expire in a later one, so over short
///   periods ``settledBreakageRate`` = expired ÷ (redeemed + expired) — the share of the
///   points whose fate was decided that were not redeemed — is the steadier reading.
/// - **redemption rate** = redeemed ÷ issued.
/// - **outstanding liability** = outstanding points (every entry before the period's end,
///   pending points included) × the point value. Run `Loyalty.expire(asOf:)` first, or
///   points past their expiry still count.
/// - **reward cost** = redeemed points × the point value.
public struct ProgrammeEconomics: Sendable, Hashable {
    /// The period, or `nil` for all time.
    public var period: Range<Date>?
    /// What a point costs.
    public var pointValue: PointValue
    /// The points that moved in the period.
    public var flows: PointFlows
    /// The sum of every balance at the period's end (Σ of all entries dated before it).
    public var outstandingPoints: Int64
    /// The flows per month.
    public var monthly: MonthlySeries<PointFlows>
    /// Points redeemed in the period per benefit (the redemption's `benefit` text).
    public var redeemedByBenefit: [String: Int64]

    /// Creates a result.
    public init(period: Range<Date>?, pointValue: PointValue, flows: PointFlows, outstandingPoints: Int64,
                monthly: MonthlySeries<PointFlows>, redeemedByBenefit: [String: Int64]) {
        self.period = period
        self.pointValue = pointValue
        self.flows = flows
        self.outstandingPoints = outstandingPoints
        self.monthly = monthly
        self.redeemedByBenefit = redeemedByBenefit
    }

    /// expired ÷ issued; `nil` when nothing was issued.
    public var breakageRate: Double? { ratio(flows.expired, flows.issued) }
    /// expired ÷ (redeemed + expired); `nil` when nothing was redeemed or expired.
    public var settledBreakageRate: Double? { ratio(flows.expired, flows.redeemed &+ flows.expired) }
    /// redeemed ÷ issued; `nil` when nothing was issued.
    public var redemptionRate: Double? { ratio(flows.redeemed, flows.issued) }
    /// The outstanding points valued at the point value.
    public var liability: Money { pointValue.value(of: outstandingPoints) }
    /// The redeemed points valued at the point value.
    public var rewardCost: Money { pointValue.value(of: flows.redeemed) }

    private func ratio(_ part: Int64, _ whole: Int64) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    /// The economics as a two-column table.
    public var table: ReportTable {
        let percent = { (value: Double?) -> ReportTable.Cell in value.map { .percent($0, fractionDigits: 1) } ?? .empty }
        let rows: [[ReportTable.Cell]] = [
            [.text("Points issued"), .integer(flows.issued)],
            [.text("Points redeemed"), .integer(flows.redeemed)],
            [.text("Points expired"), .integer(flows.expired)],
            [.text("Points reversed by refunds"), .integer(flows.reversed)],
            [.text("Points adjusted (net)"), .integer(flows.adjusted)],
            [.text("Redemption rate (redeemed / issued)"), percent(redemptionRate)],
            [.text("Breakage rate (expired / issued)"), percent(breakageRate)],
            [.text("Settled breakage (expired / (redeemed + expired))"), percent(settledBreakageRate)],
            [.text("Outstanding points"), .integer(outstandingPoints)],
            [.text("Outstanding liability"), .money(liability)],
            [.text("Reward cost"), .money(rewardCost)],
        ]
        return ReportTable(title: "Programme economics", columns: [.init("Metric"), .init("Value")], rows: rows)
    }

    /// One row per month: issued, redeemed, expired, reversed, adjusted, net change.
    public var monthlyTable: ReportTable {
        ReportTable(
            title: "Points per month",
            columns: [.init("Month"), .init("Issued", unit: "points"), .init("Redeemed", unit: "points"),
                      .init("Expired", unit: "points"), .init("Reversed", unit: "points"),
                      .init("Adjusted", unit: "points"), .init("Net change", unit: "points")],
            rows: zip(monthly.months, monthly.values).map { month, flows in
                [.text(month.description), .integer(flows.issued), .integer(flows.redeemed), .integer(flows.expired),
                 .integer(flows.reversed), .integer(flows.adjusted), .integer(flows.netChange)]
            })
    }

    /// A bar chart of points issued, redeemed and expired per month.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Points per month") -> Chart {
        Chart(title: title, style: .bar, labels: monthly.labels, valueAxis: "Points",
              series: [
                  Chart.Series(name: "Issued", values: monthly.values.map { Double($0.issued) }),
                  Chart.Series(name: "Redeemed", values: monthly.values.map { Double($0.redeemed) }),
                  Chart.Series(name: "Expired", values: monthly.values.map { Double($0.expired) }),
              ])
    }

    /// One row per benefit: points redeemed and their cost, most points first.
    public var benefitTable: ReportTable {
        ReportTable(
            title: "Redemptions by benefit",
            columns: [.init("Benefit"), .init("Points redeemed", unit: "points"), .init("Cost", unit: pointValue.money.currency.code)],
            rows: redeemedByBenefit.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                [.text($0.key), .integer($0.value), .money(pointValue.value(of: $0.value))]
            })
    }
}
