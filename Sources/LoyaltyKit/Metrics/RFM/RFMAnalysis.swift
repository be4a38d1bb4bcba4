/// RFM scores and named segments for every customer with a purchase in the observation window.
///
/// Each of recency (days since the last purchase day, lower is better), frequency (repeat
/// purchase days) and monetary value (mean repeat purchase-day value) is scored 1...5 by
/// quintile over all customers, with ties sharing a score: score = 1 + ⌊5 · w / n⌋ with w the
/// number of customers strictly worse. ``RFMSegmentation`` maps the scores to a segment.
public struct RFMAnalysis: Sendable, Hashable {
    /// The last day observed.
    public var observationEnd: CivilDate
    /// The currency of the monetary values.
    public var currency: Currency
    /// The map from scores to segments.
    public var segmentation: RFMSegmentation
    /// One row per customer, in order of first purchase.
    public var customers: [RFMCustomer]

    /// Scores summaries of one observation window.
    /// - Parameters:
    ///   - summaries: the customers' summaries (from ``PurchaseHistorySummarizer`` or
    ///     ``PurchaseHistoryAccumulator``), all ending on `observationEnd`.
    ///   - observationEnd: the last day observed.
    ///   - currency: the currency of the monetary values.
    ///   - segmentation: the map from scores to segments.
    /// - Complexity: O(n log n).
    public init(summaries: [PurchaseHistorySummary], observationEnd: CivilDate, currency: Currency,
                segmentation: RFMSegmentation = .standard) {
        let end = observationEnd.dayNumber
        let sinceLast = summaries.map { end - $0.lastPurchase.daysSinceEpoch }
        let recency = QuintileScores.scores(sinceLast, higherIsBetter: false)
        let frequency = QuintileScores.scores(summaries.map(\.frequency), higherIsBetter: true)
        let monetary = QuintileScores.scores(summaries.map(\.monetaryValue), higherIsBetter: true)
        self.observationEnd = observationEnd
        self.currency = currency
        self.segmentation = segmentation
        self.customers = summaries.indices.map { index in
            RFMCustomer(
                customerID: Customer.ID(summaries[index].customerID), summary: summaries[index],
                daysSinceLastPurchase: sinceLast[index], recencyScore: recency[index],
                frequencyScore: frequency[index], monetaryScore: monetary[index],
                segment: segmentation.segment(recency: recency[index], frequency: frequency[index], monetary: monetary[index]))
        }
    }

    /// The customers of one segment.
    public func customers(in segment: RFMSegment) -> [RFMCustomer] { customers.filter { $0.segment == segment } }

    /// How many customers each segment has, for every segment (zero included), in the
    /// order of `RFMSegment.allCases`.
    public var segmentCounts: [(segment: RFMSegment, customers: Int)] {
        var counts = [RFMSegment: Int]()
        for customer in customers { counts[customer.segment, default: 0] += 1 }
        return RFMSegment.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// A membership test per segment, for filtering other metrics by RFM segment.
    /// - Parameter segment: the RFM segment.
    public func customerSegment(_ segment: RFMSegment) -> CustomerSegment {
        CustomerSegment(name: segment.name, customers: Set(customers(in: segment).map(\.customerID)))
    }

    private func money(_ minorUnits: Double) -> ReportTable.Cell {
        .money(Money(minorUnits: Int64(minorUnits.rounded()), currency: currency))
    }

    /// One row per segment: customers, share, mean days since the last purchase, mean repeat
    /// purchase days and mean monetary value (rounded to the minor unit).
    public var table: ReportTable {
        var groups = [RFMSegment: (count: Int, days: Int, frequency: Int, monetary: Double)]()
        for customer in customers {
            var group = groups[customer.segment] ?? (0, 0, 0, 0)
            group.count += 1
            group.days += customer.daysSinceLastPurchase
            group.frequency += customer.summary.frequency
            group.monetary += customer.summary.monetaryValue
            groups[customer.segment] = group
        }
        let total = customers.count
        let rows: [[ReportTable.Cell]] = RFMSegment.allCases.map { segment in
            guard let group = groups[segment], group.count > 0 else {
                return [.text(segment.name), .integer(0), .percent(0, fractionDigits: 1), .empty, .empty, .empty]
            }
            let n = Double(group.count)
            return [.text(segment.name), .integer(Int64(group.count)), .percent(n / Double(max(total, 1)), fractionDigits: 1),
                    .decimal(Double(group.days) / n, fractionDigits: 1), .decimal(Double(group.frequency) / n, fractionDigits: 2),
                    money(group.monetary / n)]
        }
        return ReportTable(
            title: "RFM segments (observation end \(observationEnd))",
            columns: [.init("Segment"), .init("Customers"), .init("Share", unit: "%"),
                      .init("Days since last purchase", unit: "days"), .init("Repeat purchase days"),
                      .init("Mean repeat purchase value", unit: currency.code)],
            rows: rows)
    }

    /// One row per customer: id, days since last purchase, frequency, monetary value,
    /// the three scores and the segment.
    public var customerTable: ReportTable {
        ReportTable(
            title: "RFM by customer (observation end \(observationEnd))",
            columns: [.init("Customer"), .init("Days since last purchase", unit: "days"), .init("Repeat purchase days"),
                      .init("Mean repeat purchase value", unit: currency.code), .init("R"), .init("F"), .init("M"),
                      .init("Segment")],
            rows: customers.map { customer in
                [.text(customer.customerID.rawValue), .integer(Int64(customer.daysSinceLastPurchase)),
                 .integer(Int64(customer.summary.frequency)), money(customer.summary.monetaryValue),
                 .integer(Int64(customer.recencyScore)), .integer(Int64(customer.frequencyScore)),
                 .integer(Int64(customer.monetaryScore)), .text(customer.segment.name)]
            })
    }

    /// A bar chart of the number of customers per segment.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Customers per RFM segment") -> Chart {
        let counts = segmentCounts
        return Chart(title: title, style: .bar, labels: counts.map(\.segment.name), valueAxis: "Customers",
                     series: [Chart.Series(name: "Customers", values: counts.map { Double($0.customers) })])
    }
}
