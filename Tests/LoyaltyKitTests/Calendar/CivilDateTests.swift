import Foundation
import LoyaltyKit
import Testing

struct CivilDateTests {
    @Test("day numbers count from 1970-01-01 and round-trip", arguments: [
        (CivilDate(year: 1970, month: 1, day: 1), 0),
        (CivilDate(year: 1969, month: 12, day: 31), -1),
        (CivilDate(year: 2000, month: 3, day: 1), 11_017),
        (CivilDate(year: 2024, month: 2, day: 29), 19_782),
        (CivilDate(year: 2025, month: 12, day: 31), 20_453),
        (CivilDate(year: 1900, month: 1, day: 1), -25_567),
    ])
    func dayNumbers(_ date: CivilDate, _ number: Int) {
        #expect(date.dayNumber == number)
        #expect(CivilDate(dayNumber: number) == date)
    }

    @Test("every day from 1899 to 2201 round-trips and follows the previous one")
    func consecutiveDays() {
        var previous = CivilDate(dayNumber: -25_933)
        for number in -25_932...84_000 {
            let date = CivilDate(dayNumber: number)
            #expect(date.isValid)
            #expect(date.dayNumber == number)
            #expect(previous < date)
            if date.day != 1 {
                #expect(date.month == previous.month && date.day == previous.day + 1)
            }
            previous = date
        }
    }

    @Test("weekdays follow the ISO numbering", arguments: [
        (CivilDate(year: 1970, month: 1, day: 1), Weekday.thursday),
        (CivilDate(year: 1969, month: 12, day: 28), .sunday),
        (CivilDate(year: 2025, month: 3, day: 1), .saturday),
        (CivilDate(year: 2025, month: 3, day: 3), .monday),
        (CivilDate(year: 2026, month: 1, day: 1), .thursday),
    ])
    func weekdays(_ date: CivilDate, _ weekday: Weekday) {
        #expect(date.weekday == weekday)
        #expect(date.weekday.isWeekend == (weekday == .saturday || weekday == .sunday))
    }

    @Test("adding months clamps the day to the target month", arguments: [
        (CivilDate(year: 2025, month: 1, day: 31), 1, CivilDate(year: 2025, month: 2, day: 28)),
        (CivilDate(year: 2024, month: 1, day: 31), 1, CivilDate(year: 2024, month: 2, day: 29)),
        (CivilDate(year: 2025, month: 3, day: 31), -1, CivilDate(year: 2025, month: 2, day: 28)),
        (CivilDate(year: 2025, month: 12, day: 15), 1, CivilDate(year: 2026, month: 1, day: 15)),
        (CivilDate(year: 2026, month: 1, day: 15), -1, CivilDate(year: 2025, month: 12, day: 15)),
        (CivilDate(year: 2025, month: 8, day: 31), 24, CivilDate(year: 2027, month: 8, day: 31)),
        (CivilDate(year: 2024, month: 2, day: 29), 12, CivilDate(year: 2025, month: 2, day: 28)),
    ])
    func addingMonths(_ date: CivilDate, _ months: Int, _ expected: CivilDate) {
        #expect(date.addingMonths(months) == expected)
    }

    @Test("month indices step by one across year boundaries")
    func monthIndices() {
        let december = CivilDate(year: 2025, month: 12, day: 31)
        let january = CivilDate(year: 2026, month: 1, day: 1)
        #expect(january.monthIndex == december.monthIndex + 1)
        #expect(CivilDate.firstDay(ofMonthIndex: january.monthIndex) == january)
        #expect(CivilDate.firstDay(ofMonthIndex: december.monthIndex) == CivilDate(year: 2025, month: 12, day: 1))
        #expect(CivilDate(year: 2025, month: 2, day: 30).isValid == false)
        #expect(CivilDate.isLeap(2000) && !CivilDate.isLeap(1900) && CivilDate.isLeap(2024) && !CivilDate.isLeap(2025))
        #expect(january.description == "2026-01-01")
    }
}
