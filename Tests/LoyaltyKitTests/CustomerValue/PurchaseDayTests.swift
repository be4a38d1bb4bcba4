import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Calendar days")
struct PurchaseDayTests {
    @Test("known dates convert to and from days since 1970-01-01", arguments: [
        (1970, 1, 1, 0), (1997, 1, 1, 9862), (1997, 9, 30, 10134), (2000, 2, 29, 11016), (1969, 12, 31, -1),
    ])
    func roundTrip(year: Int, month: Int, day: Int, epochDays: Int) throws {
        let value = try PurchaseDay(year: year, month: month, day: day)
        #expect(value.daysSinceEpoch == epochDays)
        #expect(value.components == (year, month, day))
    }

    @Test("CDNOW calibration spans 272 days from 1997-01-01 to 1997-09-30")
    func cdnowCalibrationLength() throws {
        let start = try PurchaseDay(parsing: "19970101"), end = try PurchaseDay(parsing: "1997-09-30")
        #expect(end.days(since: start) == 272)
        #expect(end.description == "1997-09-30")
    }

    @Test("invalid dates and malformed text are rejected", arguments: ["1997-02-29", "19971301", "1997/01/01", "abc", "2024-00-10"])
    func rejectsInvalid(text: String) {
        #expect(throws: LoyaltyError.self) { _ = try PurchaseDay(parsing: text) }
    }

    @Test("a Date maps to the calendar day of the given time zone")
    func dateInTimeZone() throws {
        let instant = Date(timeIntervalSince1970: 86_400 * 10 + 3600 * 23)  // 1970-01-11 23:00 UTC
        #expect(try PurchaseDay(instant, timeZone: try #require(TimeZone(secondsFromGMT: 0))).daysSinceEpoch == 10)
        #expect(try PurchaseDay(instant, timeZone: try #require(TimeZone(secondsFromGMT: 3600 * 2))).daysSinceEpoch == 11)
        #expect(try PurchaseDay(instant, timeZone: try #require(TimeZone(secondsFromGMT: -3600 * 5))).daysSinceEpoch == 10)
    }

    @Test("dates and days outside years 1…9999 are rejected instead of trapping")
    func outOfRange() throws {
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        #expect(throws: LoyaltyError.self) { _ = try PurchaseDay(Date(timeIntervalSince1970: 1e300), timeZone: utc) }
        #expect(throws: LoyaltyError.self) { _ = try PurchaseDay(Date(timeIntervalSince1970: .nan), timeZone: utc) }
        let far = PurchaseDay(daysSinceEpoch: Int.max)
        #expect(!far.isSupported)
        _ = far.description  // wrapping arithmetic: no trap
        var summarizer = PurchaseHistorySummarizer(observationEnd: far, timeUnit: .days)
        let transaction = CustomerValueTransaction(customerID: "A", day: PurchaseDay(daysSinceEpoch: 0), amountMinorUnits: 1)
        #expect(throws: LoyaltyError.self) { try summarizer.add(transaction) }
        #expect(try PurchaseDay(year: 1, month: 1, day: 1).daysSinceEpoch == PurchaseDay.supportedDaysSinceEpoch.lowerBound)
        #expect(try PurchaseDay(year: 9999, month: 12, day: 31).daysSinceEpoch == PurchaseDay.supportedDaysSinceEpoch.upperBound)
    }
}
