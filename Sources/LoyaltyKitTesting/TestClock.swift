import Foundation
import LoyaltyKit

/// A clock that only moves when told to, in a business's time zone.
///
/// ```swift
/// var clock = try TestClock(start: "2025-03-01", timeZone: lisbon)
/// clock.advance(days: 14)
/// clock.now   // 2025-03-15 at noon in Lisbon
/// ```
public struct TestClock: Sendable {
    /// The calendar the clock counts days and months in.
    public let calendar: BusinessCalendar
    /// The current instant.
    public private(set) var now: Date

    /// A clock at an instant.
    public init(now: Date, timeZone: TimeZone) {
        self.calendar = BusinessCalendar(timeZone: timeZone)
        self.now = now
    }

    /// A clock at local noon of a day written `YYYY-MM-DD`.
    /// - Throws: ``ExpectationFailure`` for a malformed day.
    public init(start day: String, timeZone: TimeZone) throws {
        let calendar = BusinessCalendar(timeZone: timeZone)
        self.calendar = calendar
        self.now = try TestClock.instant(day, hour: 12, calendar: calendar)
    }

    /// Moves forward by whole local days (same wall-clock time, across DST changes).
    public mutating func advance(days: Int) { now = calendar.adding(days: days, to: now) }
    /// Moves forward by calendar months.
    public mutating func advance(months: Int) { now = calendar.adding(months: months, to: now) }
    /// Moves forward by seconds.
    public mutating func advance(seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
    /// Jumps to an instant (forward or back).
    public mutating func set(_ date: Date) { now = date }

    /// The instant of a local wall-clock time on a day written `YYYY-MM-DD`.
    /// - Throws: ``ExpectationFailure`` for a malformed day or hour.
    public func date(_ day: String, hour: Int = 12, minute: Int = 0) throws -> Date {
        try TestClock.instant(day, hour: hour, minute: minute, calendar: calendar)
    }

    static func instant(_ day: String, hour: Int, minute: Int = 0, calendar: BusinessCalendar) throws -> Date {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw ExpectationFailure("'\(day)' is not a YYYY-MM-DD day") }
        let civil = CivilDate(year: parts[0], month: parts[1], day: parts[2])
        guard civil.isValid, (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw ExpectationFailure("'\(day) \(hour):\(minute)' is not a valid local time")
        }
        return calendar.date(civil, hour: hour, minute: minute)
    }
}
