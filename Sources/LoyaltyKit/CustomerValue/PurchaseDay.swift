import Foundation

/// A calendar day in the proleptic Gregorian calendar, with no time of day and no
/// time zone: the unit in which purchase histories are summarised.
///
/// Stored as the number of days since 1970-01-01, so comparison and differences
/// are `O(1)` integer operations. Valid years are 1…9999.
public struct PurchaseDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// Days since 1970-01-01 of 0001-01-01 … 9999-12-31, the range the summaries accept.
    public static let supportedDaysSinceEpoch = -719_162...2_932_896

    /// `true` if the day lies in 0001-01-01 … 9999-12-31.
    public var isSupported: Bool { Self.supportedDaysSinceEpoch.contains(daysSinceEpoch) }

    /// Creates a day from its count of days since 1970-01-01. Any value is stored;
    /// summaries reject days outside ``supportedDaysSinceEpoch``.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a day from year, month (1–12) and day of month.
    /// - Throws: `LoyaltyError.invalidData` if the date does not exist
    ///   (e.g. 1997-02-30) or the year is outside 1…9999.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else {
            throw LoyaltyError(.invalidData, "invalid calendar date \(year)-\(month)-\(day)")
        }
        self.daysSinceEpoch = CivilDate(year: year, month: month, day: day).dayNumber
    }

    /// The calendar day on which `date` falls in `timeZone`.
    /// Midnight belongs to the day it starts. `O(1)`.
    /// - Throws: `LoyaltyError.invalidData` if the date is not finite or falls
    ///   outside 0001-01-01 … 9999-12-31.
    public init(_ date: Date, timeZone: TimeZone) throws {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let days = (seconds / 86_400).rounded(.down)
        guard days.isFinite, days >= Double(Self.supportedDaysSinceEpoch.lowerBound),
              days <= Double(Self.supportedDaysSinceEpoch.upperBound) else {
            throw LoyaltyError(.invalidData, "date \(date.timeIntervalSince1970) s since 1970 is outside years 1…9999")
        }
        self.daysSinceEpoch = Int(days)
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD` (ASCII digits only).
    /// - Throws: `LoyaltyError.invalidData` naming the text if it is malformed or
    ///   not a real date.
    public init(parsing text: some StringProtocol) throws {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = digits[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        let parts: (Int?, Int?, Int?)
        if digits.count == 8 {
            parts = (number(0..<4), number(4..<6), number(6..<8))
        } else if digits.count == 10, digits[4] == 45, digits[7] == 45 {
            parts = (number(0..<4), number(5..<7), number(8..<10))
        } else {
            throw LoyaltyError(.invalidData, "expected a date as YYYY-MM-DD or YYYYMMDD, found '\(text)'")
        }
        guard let year = parts.0, let month = parts.1, let day = parts.2 else {
            throw LoyaltyError(.invalidData, "expected a date as YYYY-MM-DD or YYYYMMDD, found '\(text)'")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// Year, month (1–12) and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let civil = CivilDate(dayNumber: daysSinceEpoch)
        return (civil.year, civil.month, civil.day)
    }

    /// The day `days` days later (earlier if negative; wrapping on `Int` overflow).
    public func advanced(by days: Int) -> PurchaseDay {
        PurchaseDay(daysSinceEpoch: daysSinceEpoch &+ days)
    }

    /// Whole days from `other` to `self` (`self − other`; wrapping for unsupported days).
    public func days(since other: PurchaseDay) -> Int {
        daysSinceEpoch &- other.daysSinceEpoch
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String { CivilDate(dayNumber: daysSinceEpoch).description }

    public static func < (lhs: PurchaseDay, rhs: PurchaseDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}
