import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Purchase-history summaries")
struct PurchaseHistorySummarizerTests {
    func day(_ offset: Int) throws -> PurchaseDay {
        try PurchaseDay(year: 2024, month: 1, day: 1).advanced(by: offset)
    }

    @Test("same-day orders are one purchase and the first purchase day is excluded from frequency and value")
    func handComputedSummary() throws {
        var summarizer = PurchaseHistorySummarizer(observationEnd: try day(21), timeUnit: .weeks)
        try summarizer.add(contentsOf: [
            CustomerValueTransaction(customerID: "A", day: try day(0), amountMinorUnits: 1000),
            CustomerValueTransaction(customerID: "A", day: try day(0), amountMinorUnits: 500),
            CustomerValueTransaction(customerID: "B", day: try day(9), amountMinorUnits: 700),
            CustomerValueTransaction(customerID: "A", day: try day(7), amountMinorUnits: 2000),
            CustomerValueTransaction(customerID: "A", day: try day(7), amountMinorUnits: 400),
            CustomerValueTransaction(customerID: "A", day: try day(14), amountMinorUnits: 3000),
            CustomerValueTransaction(customerID: "A", day: try day(30), amountMinorUnits: 9999),
        ])
        let summaries = summarizer.summaries()
        #expect(summaries.map(\.customerID) == ["A", "B"])
        let a = summaries[0], b = summaries[1]
        #expect(a.frequency == 2)
        #expect(a.recency == 2)
        #expect(a.age == 3)
        #expect(a.monetaryValue == 2700)
        #expect(b.frequency == 0 && b.recency == 0 && b.monetaryValue == 0)
        #expect(b.age == 12.0 / 7.0)
        #expect(summarizer.ignoredTransactionCount == 1)
    }

    @Test("days as the time unit give whole-day recency and age")
    func dailyUnit() throws {
        var summarizer = PurchaseHistorySummarizer(observationEnd: try day(10), timeUnit: .days)
        try summarizer.add(CustomerValueTransaction(customerID: "A", day: try day(1), amountMinorUnits: 1))
        try summarizer.add(CustomerValueTransaction(customerID: "A", day: try day(4), amountMinorUnits: 3))
        let summary = try #require(summarizer.summaries().first)
        #expect(summary.recency == 3 && summary.age == 9 && summary.monetaryValue == 3)
    }

    @Test("holdout split counts distinct holdout purchase days and drops customers first seen in the holdout")
    func calibrationHoldoutSplit() throws {
        var summarizer = try PurchaseHistorySummarizer(calibrationEnd: try day(13), holdoutEnd: try day(27), timeUnit: .weeks)
        try summarizer.add(contentsOf: [
            CustomerValueTransaction(customerID: "A", day: try day(0), amountMinorUnits: 100),
            CustomerValueTransaction(customerID: "A", day: try day(13), amountMinorUnits: 100),
            CustomerValueTransaction(customerID: "A", day: try day(14), amountMinorUnits: 300),
            CustomerValueTransaction(customerID: "A", day: try day(14), amountMinorUnits: 100),
            CustomerValueTransaction(customerID: "C", day: try day(15), amountMinorUnits: 100),
            CustomerValueTransaction(customerID: "A", day: try day(27), amountMinorUnits: 200),
        ])
        let split = summarizer.calibrationHoldoutSummaries()
        #expect(split.count == 1)
        let a = try #require(split.first)
        #expect(a.calibration.frequency == 1 && a.calibration.age == 13.0 / 7.0)
        #expect(a.holdoutFrequency == 2)
        #expect(a.holdoutMonetaryValue == 300)
        #expect(a.holdoutDuration == 2)
    }

    @Test("out-of-order transactions, negative amounts and bad windows are rejected with typed errors")
    func invalidInput() throws {
        var summarizer = PurchaseHistorySummarizer(observationEnd: try day(30), timeUnit: .days)
        try summarizer.add(CustomerValueTransaction(customerID: "A", day: try day(5), amountMinorUnits: 1))
        let early = CustomerValueTransaction(customerID: "A", day: try day(2), amountMinorUnits: 1)
        #expect(throws: LoyaltyError.self) { try summarizer.add(early) }
        let negative = CustomerValueTransaction(customerID: "B", day: try day(6), amountMinorUnits: -1)
        do {
            try summarizer.add(negative)
            Issue.record("negative amount accepted")
        } catch let error as LoyaltyError {
            #expect(error.code == .invalidData)
            #expect(error.location == "transaction 3")
        }
        #expect(throws: LoyaltyError.self) {
            _ = try PurchaseHistorySummarizer(calibrationEnd: try day(5), holdoutEnd: try day(5), timeUnit: .days)
        }
    }

    @Test("unordered logs are summarised after sorting, matching the ordered result")
    func unorderedLog() throws {
        let log = [
            CustomerValueTransaction(customerID: "A", day: try day(9), amountMinorUnits: 5),
            CustomerValueTransaction(customerID: "A", day: try day(1), amountMinorUnits: 1),
            CustomerValueTransaction(customerID: "A", day: try day(4), amountMinorUnits: 3),
        ]
        let summary = try #require(try PurchaseHistorySummarizer.summarizeUnordered(
            log, calibrationEnd: try day(10), timeUnit: .days).summaries().first)
        #expect(summary.frequency == 2 && summary.recency == 8 && summary.monetaryValue == 4)
    }

    @Test("CDNOW transaction log reproduces the published calibration summary",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowSummaryMatchesReference() throws {
        let transactions = try CustomerValueTransactionLogReader.cdnowSample.transactions(
            inFile: try CustomerValueTestData.path("CDNOW_sample.txt"))
        #expect(transactions.count == 6919)
        #expect(transactions.reduce(0) { $0 + $1.amountMinorUnits } == 24_409_194)
        var summarizer = try PurchaseHistorySummarizer(
            calibrationEnd: try PurchaseDay(year: 1997, month: 9, day: 30),
            holdoutEnd: try PurchaseDay(year: 1998, month: 6, day: 30), timeUnit: .weeks)
        try summarizer.add(contentsOf: transactions)
        let split = summarizer.calibrationHoldoutSummaries()
        let reference = Dictionary(uniqueKeysWithValues: try CustomerValueTestData.cdnowSummaryRows().map { ($0.id, $0) })
        #expect(split.count == 2357 && reference.count == 2357)
        #expect(split.allSatisfy { $0.holdoutDuration == 39 })
        var mismatches = 0
        for row in split {
            let summary = row.calibration
            guard let expected = reference[String(Int(summary.customerID) ?? -1)] else {
                mismatches += 1
                continue
            }
            if summary.frequency != expected.x || abs(summary.recency - expected.tx) > 0.005 + 1e-9
                || abs(summary.age - expected.t) > 0.005 + 1e-9
                || abs(summary.monetaryValue / 100 - expected.zbar) > 0.005 + 1e-9 {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(split.reduce(0) { $0 + $1.calibration.frequency } == 2457)
    }
}

@Suite struct CustomerValueActivityTests {
    @Test("purchases and stays become transactions on their local day; other activities do not")
    func activitiesBecomeTransactions() throws {
        let tokyo = BusinessCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current)
        // 2025-01-31T20:00:00Z is already 1 February in Tokyo.
        let date = Date(timeIntervalSince1970: 1_738_353_600)
        let yen = Currency.jpy
        let purchase = Activity.purchase(id: "p1", customer: "c1", date: date, amount: Money(minorUnits: 4_500, currency: yen))
        let stay = Activity.stay(id: "s1", customer: "c1", date: date, nights: 2, amount: Money(minorUnits: 30_000, currency: yen))
        let visit = Activity.visit(id: "v1", customer: "c1", date: date)

        let fromPurchase = try #require(try CustomerValueTransaction(purchase, calendar: tokyo))
        #expect(fromPurchase.customerID == "c1")
        #expect(fromPurchase.day == (try PurchaseDay(year: 2025, month: 2, day: 1)))
        #expect(fromPurchase.amountMinorUnits == 4_500)
        #expect(try CustomerValueTransaction(stay, calendar: tokyo)?.amountMinorUnits == 30_000)
        #expect(try CustomerValueTransaction(visit, calendar: tokyo) == nil)
    }
}
