import Foundation
import LoyaltyKitTesting
import Testing
@testable import LoyaltyKit

/// The RFM summary of the CDNOW sample, computed from LoyaltyKit activities, against the
/// published `lifetimes` summaries (`shared/data`, see its README).
@Suite("RFM of CDNOW reproduces the published summaries")
struct CDNOWRFMTests {
    /// Every CDNOW purchase as an activity: customer = sample id, noon UTC on the purchase day.
    static func cdnowActivities() throws -> [Activity] {
        let text = try String(contentsOfFile: try CustomerValueTestData.path("CDNOW_sample.txt"), encoding: .utf8)
        let calendar = BusinessCalendar.utc
        return try text.split(whereSeparator: \.isNewline).enumerated().map { index, line in
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 5 else { throw LoyaltyError(.invalidData, "bad line", location: "CDNOW_sample.txt:\(index + 1)") }
            let day = try PurchaseDay(parsing: fields[2]).components
            return .purchase(
                id: Activity.ID("cdnow-\(index)"), customer: Customer.ID(String(Int(fields[1]) ?? 0)),
                date: calendar.date(CivilDate(year: day.year, month: day.month, day: day.day), hour: 12),
                amount: try Money(parsing: String(fields[4]), currency: .usd))
        }
    }

    static func summaries() throws -> [String: PurchaseHistorySummary] {
        var history = try PurchaseHistoryAccumulator(
            currency: .usd, observationEnd: CivilDate(year: 1997, month: 9, day: 30), timeUnit: .weeks, calendar: .utc)
        try history.add(contentsOf: try cdnowActivities())
        return Dictionary(uniqueKeysWithValues: history.summaries().map { ($0.customerID, $0) })
    }

    /// Whether `value` rounds to the file's two-decimal `expected`.
    static func matches(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) <= 0.005 + 1e-9 }

    @Test("frequency, recency and T match cdnow_customers_summary.csv row by row",
          .enabled(if: CustomerValueTestData.isAvailable, "shared/data (the lifetimes CDNOW files) is not next to the package"))
    func summaryFile() throws {
        let summaries = try Self.summaries()
        let text = try String(contentsOfFile: try CustomerValueTestData.path("cdnow_customers_summary.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 2_357)
        #expect(summaries.count == 2_357)
        var mismatches = 0
        for row in rows {
            let f = row.split(separator: ",").map(String.init)
            guard f.count == 4, let x = Int(f[1]), let recency = Double(f[2]), let age = Double(f[3]),
                  let summary = summaries[f[0]] else {
                Issue.record("row \(row) has no summary")
                continue
            }
            if summary.frequency != x || !Self.matches(summary.recency, recency) || !Self.matches(summary.age, age) {
                mismatches += 1
                if mismatches <= 5 { Issue.record("customer \(f[0]): \(summary) vs \(row)") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("x, t_x, T and zbar match cdnow_customers_summary_with_transactions.csv row by row",
          .enabled(if: CustomerValueTestData.isAvailable, "shared/data (the lifetimes CDNOW files) is not next to the package"))
    func summaryWithTransactionsFile() throws {
        let summaries = try Self.summaries()
        let rows = try CustomerValueTestData.cdnowSummaryRows()
        #expect(rows.count == 2_357)
        var mismatches = 0
        for row in rows {
            guard let summary = summaries[row.id] else {
                Issue.record("customer \(row.id) has no summary")
                continue
            }
            let ok = summary.frequency == row.x && Self.matches(summary.recency, row.tx) && Self.matches(summary.age, row.t)
                && Self.matches(summary.monetaryValue / 100, row.zbar)
            if !ok {
                mismatches += 1
                if mismatches <= 5 { Issue.record("customer \(row.id): \(summary) vs \(row)") }
            }
        }
        #expect(mismatches == 0)
        #expect(rows.filter { $0.x > 0 }.count == 946)
    }

    @Test("RFM of a synthetic log agrees with a direct computation of the definitions")
    func syntheticLog() throws {
        var generator = SeededGenerator(seed: 2_024)
        let calendar = BusinessCalendar(timeZone: TZ.newYork)
        let start = calendar.date(CivilDate(year: 2024, month: 1, day: 1), hour: 9)
        // 300 purchases of 40 customers over about 200 days, in date order, some on the same day.
        var activities: [Activity] = []
        var date = start
        for index in 0..<300 {
            date = date.addingTimeInterval(Double(Int.random(in: 0...(2 * 86_400), using: &generator)))
            let customer = Customer.ID("s\(Int.random(in: 0..<40, using: &generator))")
            let cents = Int64.random(in: 0...20_000, using: &generator)
            activities.append(.purchase(id: Activity.ID("p\(index)"), customer: customer, date: date,
                                        amount: Money(minorUnits: cents, currency: .usd)))
        }
        let end = calendar.civilDate(of: date).addingMonths(-1)
        var history = try PurchaseHistoryAccumulator(currency: .usd, observationEnd: end, timeUnit: .weeks, calendar: calendar)
        try history.add(contentsOf: activities)

        // Direct: group by customer and local day, up to the end.
        var days: [String: [Int: Int64]] = [:]
        for activity in activities where calendar.civilDate(of: activity.date) <= end {
            days[activity.customerID.rawValue, default: [:]][calendar.dayNumber(of: activity.date), default: 0] += activity.amount?.minorUnits ?? 0
        }
        let summaries = history.summaries()
        #expect(summaries.count == days.count)
        for summary in summaries {
            let byDay = try #require(days[summary.customerID])
            let sorted = byDay.keys.sorted()
            let first = try #require(sorted.first), last = try #require(sorted.last)
            #expect(summary.frequency == sorted.count - 1)
            #expect(abs(summary.recency - Double(last - first) / 7) < 1e-12)
            #expect(abs(summary.age - Double(end.dayNumber - first) / 7) < 1e-12)
            let repeatValue = sorted.dropFirst().reduce(Int64(0)) { $0 + (byDay[$1] ?? 0) }
            let expected = sorted.count > 1 ? Double(repeatValue) / Double(sorted.count - 1) : 0
            #expect(abs(summary.monetaryValue - expected) < 1e-9)
        }
    }
}
