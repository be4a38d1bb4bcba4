import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Purchase history: RFM, cohort retention, time between purchases")
struct PurchaseHistoryMetricsTests {
    static let end = CivilDate(year: 2025, month: 1, day: 31)

    /// A: three purchase days in January (two orders on the first); B: one purchase; C: a stay
    /// in December and a purchase on 30 January. Plus a purchase after the end and a feedback.
    static let fixture: [Activity] = [
        .stay(id: "c1", customer: "C", date: local(2024, 12, 10), nights: 2, amount: eur(10_000)),
        purchase("a1", 1_000, at: local(2025, 1, 1), customer: "A"),
        purchase("a2", 500, at: local(2025, 1, 1, hour: 18), customer: "A"),
        purchase("a3", 2_000, at: local(2025, 1, 8), customer: "A"),
        purchase("a4", 3_000, at: local(2025, 1, 15), customer: "A"),
        purchase("b1", 700, at: local(2025, 1, 20), customer: "B"),
        purchase("c2", 5_000, at: local(2025, 1, 30), customer: "C"),
        purchase("a5", 9_999, at: local(2025, 2, 2), customer: "A"),
        feedback("f1", "A", at: local(2025, 1, 16), nps: 10),
    ]

    func history(_ activities: [Activity] = fixture, end: CivilDate = end) throws -> PurchaseHistoryAccumulator {
        var history = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: end, calendar: lisbonCalendar)
        try history.add(contentsOf: activities)
        return history
    }

    @Test("RFM values count distinct purchase days and leave the first purchase out of frequency and value")
    func rfmValues() throws {
        let history = try history()
        #expect(history.customerCount == 3)
        #expect(history.ignoredCount == 1)
        let rows = Dictionary(uniqueKeysWithValues: history.result().customers.map { ($0.customerID, $0) })
        let a = try #require(rows["A"]), b = try #require(rows["B"]), c = try #require(rows["C"])
        #expect(a.summary.frequency == 2 && a.summary.recency == 14 && a.summary.age == 30 && a.summary.monetaryValue == 2_500)
        #expect(a.daysSinceLastPurchase == 16)
        #expect(b.summary.frequency == 0 && b.summary.recency == 0 && b.summary.age == 11 && b.summary.monetaryValue == 0)
        #expect(c.summary.frequency == 1 && c.summary.recency == 51 && c.summary.monetaryValue == 5_000)
        #expect(c.daysSinceLastPurchase == 1)
        #expect(history.result().customers.map(\.customerID) == ["C", "A", "B"])
    }

    @Test("quintile scores and segments of the fixture, worked by hand")
    func rfmScores() throws {
        let rows = Dictionary(uniqueKeysWithValues: try history().result().customers.map { ($0.customerID, $0) })
        // Days since last: A 16, B 11, C 1 → R 1, 2, 4. Frequency A 2, B 0, C 1 → F 4, 1, 2.
        // Monetary A 25.00, B 0, C 50.00 → M 2, 1, 4.
        #expect(rows["A"]?.scoreCode == "142")
        #expect(rows["B"]?.scoreCode == "211")
        #expect(rows["C"]?.scoreCode == "424")
        #expect(rows["A"]?.segment == .atRisk)       // R 1, FM ⌈(4+2)/2⌉ = 3
        #expect(rows["B"]?.segment == .hibernating)  // R 2, FM 1
        #expect(rows["C"]?.segment == .loyal)        // R 4, FM 3
    }

    @Test("quintile scores keep ties together and reward the better end", arguments: [
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false, [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]),
        ([0, 0, 0, 1, 2], true, [1, 1, 1, 4, 5]),
        ([7, 7, 7], true, [1, 1, 1]),
        ([4], true, [1]),
    ])
    func quintiles(values: [Int], higherIsBetter: Bool, expected: [Int]) {
        #expect(QuintileScores.scores(values, higherIsBetter: higherIsBetter) == expected)
    }

    @Test("the standard segment map covers all 25 R × FM cells and names all eleven segments")
    func segmentation() throws {
        let map = RFMSegmentation.standard
        #expect(Set(map.grid.joined()) == Set(RFMSegment.allCases))
        #expect(map.segment(recency: 5, frequency: 5, monetary: 5) == .champions)
        #expect(map.segment(recency: 5, frequency: 1, monetary: 1) == .new)
        #expect(map.segment(recency: 1, frequency: 5, monetary: 5) == .cantLose)
        #expect(map.segment(recency: 1, frequency: 1, monetary: 1) == .lost)
        #expect(map.segment(recency: 3, frequency: 3, monetary: 2) == .needsAttention)
        #expect(RFMSegmentation.frequencyMonetaryScore(frequency: 1, monetary: 2) == 2)
        expectError(.invalidInput) { _ = try RFMSegmentation(grid: [[.lost]]) }
        let allLost = try RFMSegmentation(grid: Array(repeating: Array(repeating: .lost, count: 5), count: 5))
        #expect(try history().rfm(segmentation: allLost).customers.allSatisfy { $0.segment == .lost })
    }

    @Test("the RFM tables list every segment and every customer with units")
    func rfmTables() throws {
        let analysis = try history().result()
        #expect(analysis.table.rows.count == 11)
        #expect(analysis.table.columns.last?.unit == "EUR")
        let loyal = try #require(analysis.table.rows.first { $0[0] == .text("Loyal") })
        #expect(loyal[1] == .integer(1) && loyal[5] == .money(eur(5_000)))
        #expect(analysis.customerTable.rows.count == 3)
        #expect(analysis.chart().series[0].values.compactMap { $0 }.reduce(0, +) == 3)
        #expect(analysis.customerSegment(.loyal).contains("C"))
    }

    /// Cohorts: A (Jan) buys again in Jan and Mar; B (Jan) in Feb; C (Feb) never; D (Feb) in Mar twice.
    static let cohortFixture: [Activity] = [
        purchase("a1", 100, at: local(2025, 1, 5), customer: "A"),
        purchase("b1", 100, at: local(2025, 1, 10), customer: "B"),
        purchase("a2", 100, at: local(2025, 1, 20), customer: "A"),
        purchase("b2", 100, at: local(2025, 2, 10), customer: "B"),
        purchase("c1", 100, at: local(2025, 2, 15), customer: "C"),
        purchase("d1", 100, at: local(2025, 2, 20), customer: "D"),
        purchase("a3", 100, at: local(2025, 3, 2), customer: "A"),
        purchase("d2", 100, at: local(2025, 3, 20), customer: "D"),
        purchase("d3", 100, at: local(2025, 3, 25), customer: "D"),
    ]

    @Test("cohort retention counts each customer once per month after their first purchase")
    func cohortMatrix() throws {
        let cohorts = try history(Self.cohortFixture, end: CivilDate(year: 2025, month: 3, day: 31)).cohortRetention()
        #expect(cohorts.cohorts.map(\.month.description) == ["2025-01", "2025-02"])
        #expect(cohorts.cohorts.map(\.active) == [[2, 1, 1], [2, 1]])
        #expect(cohorts.cohorts[0].retention == [1, 0.5, 0.5])
        #expect(cohorts.averageRetention == [1, 0.5, 0.5])
        let heatmap = cohorts.heatmap
        #expect(heatmap.values == [[1, 0.5, 0.5], [1, 0.5, nil]])
        #expect(heatmap.columnLabels == ["+0", "+1", "+2"])
        #expect(cohorts.table.rows[1] == [.text("2025-02"), .integer(2), .percent(1, fractionDigits: 1),
                                          .percent(0.5, fractionDigits: 1), .empty])
        #expect(cohorts.chart().series[0].values == [100, 50, 50])
    }

    @Test("months after the observation end are undefined and purchases after it are ignored")
    func cohortObservationEnd() throws {
        let cohorts = try history(Self.cohortFixture, end: CivilDate(year: 2025, month: 2, day: 28)).cohortRetention()
        #expect(cohorts.cohorts.map(\.active) == [[2, 1], [2]])
        #expect(cohorts.heatmap.values == [[1, 0.5], [1, nil]])
    }

    @Test("time between purchases pools the gaps between each customer's consecutive purchase days")
    func intervals() throws {
        let intervals = try history(Self.cohortFixture, end: CivilDate(year: 2025, month: 3, day: 31)).timeBetweenPurchases()
        // A: 15, 41; B: 31; D: 28, 5.
        #expect(intervals.count == 5)
        #expect(intervals.meanDays == 24)
        #expect(intervals.medianDays == 28)
        #expect(intervals.percentileDays(0.25) == 15)
        #expect(intervals.percentileDays(0.9) == 41)
        #expect(intervals.chart(bucketDays: 30).labels == ["1–30", "31–60"])
        #expect(intervals.chart(bucketDays: 30).series[0].values == [3, 2])
        #expect(intervals.table.rows[0][0] == .integer(5))
    }

    @Test("a purchase dated before the customer's previous one, or in another currency, is an error that changes nothing")
    func invalidInput() throws {
        var history = try history(Self.cohortFixture, end: CivilDate(year: 2025, month: 3, day: 31))
        let before = history.summaries()
        let early = expectError(.invalidData) { try history.add(purchase("a0", 100, at: local(2025, 1, 1), customer: "A")) }
        #expect(early?.activityID == "a0")
        expectError(.currencyMismatch) {
            try history.add(.purchase(id: "usd", customer: "E", date: local(2025, 3, 1), amount: Money(minorUnits: 1, currency: .usd)))
        }
        #expect(history.summaries() == before)
        #expect(history.cohortRetention().cohorts.map(\.active) == [[2, 1, 1], [2, 1]])
        expectError(.invalidInput) {
            _ = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: CivilDate(year: 2025, month: 2, day: 30), calendar: lisbonCalendar)
        }
    }

    @Test("the filter keeps a channel or a segment of customers")
    func filtered() throws {
        var online = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: Self.end, calendar: lisbonCalendar,
                                                    filter: ActivityFilter(channels: [.online]))
        try online.add(purchase("x", 100, at: local(2025, 1, 1), channel: .online, customer: "A"))
        try online.add(purchase("y", 100, at: local(2025, 1, 2), customer: "B"))
        #expect(online.summaries().map(\.customerID) == ["A"])
    }
}
