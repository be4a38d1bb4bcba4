import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct BusinessCalendarTests {
    @Test("an instant late on 31 January UTC is already February in Tokyo but not in New York")
    func monthNearMidnight() {
        let instant = utc("2025-01-31T23:30:00Z")
        let tokyo = BusinessCalendar(timeZone: TZ.tokyo)
        let newYork = BusinessCalendar(timeZone: TZ.newYork)
        #expect(tokyo.civilDate(of: instant) == CivilDate(year: 2025, month: 2, day: 1))
        #expect(tokyo.monthIndex(of: instant) == CivilDate(year: 2025, month: 2, day: 1).monthIndex)
        #expect(newYork.civilDate(of: instant) == CivilDate(year: 2025, month: 1, day: 31))
        #expect(BusinessCalendar.utc.civilDate(of: instant) == CivilDate(year: 2025, month: 1, day: 31))
        // Lisbon in summer time is UTC+1: 23:30 UTC on 30 June is 1 July.
        let lisbon = BusinessCalendar(timeZone: TZ.lisbon)
        #expect(lisbon.civilDate(of: utc("2025-06-30T23:30:00Z")) == CivilDate(year: 2025, month: 7, day: 1))
        #expect(lisbon.civilDate(of: utc("2025-12-31T23:30:00Z")) == CivilDate(year: 2025, month: 12, day: 31))
    }

    @Test("adding days across a DST change keeps the wall-clock time", arguments: [
        ("Europe/Lisbon", "2025-03-29", 23.0), ("Europe/Lisbon", "2025-10-25", 25.0),
        ("America/New_York", "2025-03-08", 23.0), ("America/New_York", "2025-11-01", 25.0),
    ])
    func addingDaysAcrossDST(_ zone: String, _ day: String, _ hours: Double) throws {
        let clock = try TestClock(start: day, timeZone: TZ.zone(zone))
        let calendar = clock.calendar
        let next = calendar.adding(days: 1, to: clock.now)
        #expect(next.timeIntervalSince(clock.now) == hours * 3600)
        let start = calendar.civilDate(of: clock.now)
        #expect(calendar.civilDate(of: next).dayNumber == start.dayNumber + 1)
        #expect(next == calendar.date(CivilDate(dayNumber: start.dayNumber + 1), hour: 12))
        #expect(calendar.adding(days: -1, to: next) == clock.now)
    }

    @Test("adding months keeps the local time and clamps the day")
    func addingMonths() throws {
        let calendar = BusinessCalendar(timeZone: TZ.newYork)
        let lastOfJanuary = calendar.date(CivilDate(year: 2025, month: 1, day: 31), hour: 9, minute: 30)
        let february = calendar.adding(months: 1, to: lastOfJanuary)
        #expect(february == calendar.date(CivilDate(year: 2025, month: 2, day: 28), hour: 9, minute: 30))
        // Across the March DST change the wall clock stays at 09:30.
        let march = calendar.adding(months: 2, to: lastOfJanuary)
        #expect(march == calendar.date(CivilDate(year: 2025, month: 3, day: 31), hour: 9, minute: 30))
        #expect(utc("2025-03-31T13:30:00Z") == march)
        #expect(calendar.adding(months: 11, to: lastOfJanuary) == calendar.date(CivilDate(year: 2025, month: 12, day: 31), hour: 9, minute: 30))
    }

    @Test("a wall-clock time inside a spring-forward gap moves forward by the gap", arguments: [
        ("America/New_York", CivilDate(year: 2025, month: 3, day: 9), "2025-03-09T07:30:00Z"),
        ("Europe/Lisbon", CivilDate(year: 2025, month: 3, day: 30), "2025-03-30T01:30:00Z"),
        ("Europe/Berlin", CivilDate(year: 2025, month: 3, day: 30), "2025-03-30T01:30:00Z"),
    ])
    func gap(_ zone: String, _ day: CivilDate, _ expected: String) {
        let calendar = BusinessCalendar(timeZone: TZ.zone(zone))
        // New York skips 02:00–03:00; Lisbon 01:00–02:00; Berlin 02:00–03:00.
        let hour = zone == "Europe/Lisbon" ? 1 : 2
        let instant = calendar.date(day, hour: hour, minute: 30)
        #expect(instant == utc(expected))
        #expect(calendar.civilDate(of: instant) == day)
    }

    @Test("an ambiguous fall-back time means its first occurrence")
    func overlap() {
        let calendar = BusinessCalendar(timeZone: TZ.newYork)
        let instant = calendar.date(CivilDate(year: 2025, month: 11, day: 2), hour: 1, minute: 30)
        #expect(instant == utc("2025-11-02T05:30:00Z"))
    }

    @Test("local days and day starts agree with Foundation's calendar", arguments: [
        "Europe/Lisbon", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata",
        "America/Santiago", "Asia/Beirut", "Africa/Cairo", "Pacific/Chatham", "America/St_Johns",
    ])
    func agreesWithFoundation(_ identifier: String) throws {
        let zone = TZ.zone(identifier)
        let calendar = BusinessCalendar(timeZone: zone)
        var foundation = Calendar(identifier: .gregorian)
        foundation.timeZone = zone
        var generator = SeededGenerator(seed: 7)
        let from = utc("2019-01-01T00:00:00Z").timeIntervalSince1970
        let to = utc("2031-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<2_000 {
            let instant = Date(timeIntervalSince1970: Double.random(in: from..<to, using: &generator).rounded(.down))
            let parts = foundation.dateComponents([.year, .month, .day], from: instant)
            let civil = calendar.civilDate(of: instant)
            #expect(civil == CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0), "\(instant)")
        }
        // Every day starts at Foundation's start of day, even when midnight is skipped.
        let first = CivilDate(year: 2020, month: 1, day: 1).dayNumber
        for number in first..<(first + 365 * 8) {
            let day = CivilDate(dayNumber: number)
            let start = calendar.startOfDay(day)
            #expect(calendar.civilDate(of: start) == day, "start of \(day) in \(identifier)")
            #expect(calendar.civilDate(of: start.addingTimeInterval(-1)).dayNumber == number - 1, "start of \(day) in \(identifier)")
            #expect(start == foundation.startOfDay(for: start), "start of \(day) in \(identifier)")
        }
    }

    @Test("calendars compare by time zone")
    func equality() {
        #expect(BusinessCalendar(timeZone: TZ.lisbon) == BusinessCalendar(timeZone: TZ.zone("Europe/Lisbon")))
        #expect(BusinessCalendar(timeZone: TZ.lisbon) != BusinessCalendar(timeZone: TZ.tokyo))
    }
}
