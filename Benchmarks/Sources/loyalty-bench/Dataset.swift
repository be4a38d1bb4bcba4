import Foundation
import LoyaltyKit
import LoyaltyKitTesting

/// The benchmark's input: purchases in time order over members with birthdays, prepared
/// before any timing starts.
struct Dataset {
    let program: Program
    let members: [MemberState]
    let activities: [Activity]
    /// For each activity, the index of its member (a dense key, as a real app would keep).
    let memberIndex: [Int]
    /// For each member, the month of their birthday.
    let birthdayMonths: [Int]

    init(events: Int, members count: Int) throws {
        program = Fixtures.seasideHotel()
        let start = program.calendar.date(CivilDate(year: 2025, month: 1, day: 1), hour: 8)
        var generator = SeededGenerator(seed: 7)
        var members: [MemberState] = []
        var months: [Int] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            let month = Int.random(in: 1...12, using: &generator)
            months.append(month)
            members.append(MemberState(customerID: Customer.ID("m-\(index)"), memberSince: start,
                                       birthday: try Birthday(month: month, day: 15)))
        }
        self.members = members
        birthdayMonths = months
        // Spread the events over a year: 31.5 s apart for a million.
        let spacing = 365 * 86_400 / Double(max(events, 1))
        activities = Fixtures.purchases(count: events, members: count, start: start, spacing: spacing, seed: 11)
        memberIndex = activities.map { activity in
            Int(activity.customerID.rawValue.dropFirst(2)) ?? 0
        }
    }
}
