import Foundation
import LoyaltyKit

/// Ready-made programmes and data for tests, demos and benchmarks.
public enum Fixtures {
    /// The business time zone of the seaside hotel.
    public static let lisbon: TimeZone = TimeZone(identifier: "Europe/Lisbon") ?? TimeZone(secondsFromGMT: 0) ?? .current

    /// The seaside hotel programme of the `hotel-loyalty` demo and the benchmarks:
    ///
    /// - 1 point per €1 on stays and purchases (gift cards excluded), rounded down;
    /// - ×2 on spa purchases;
    /// - 500 points in the birthday month, once a year;
    /// - points spendable 14 days after the activity (the returns window);
    /// - points expire 24 months after they are earned;
    /// - Member / Silver (10 nights) / Gold (25 nights) / Platinum (50 nights) on nights in a
    ///   rolling 12 months, with ×1.25 / ×1.5 / ×2 earn multipliers, downgrades one step at a
    ///   time after a 30-day grace period.
    public static func seasideHotel() -> Program {
        Program(
            name: "Seaside Rewards",
            currency: .eur,
            timeZone: lisbon,
            earning: [
                PointsPerAmount(name: "base", points: 1, per: Money(minorUnits: 100, currency: .eur)),
                MultiplierRule(name: "spa", factor: 2, categories: ["spa"]),
                BonusRule(name: "birthday", points: 500, when: .birthdayMonth && .activityType([.stay, .purchase]))
                    .limited(to: 1, per: .year),
            ],
            excludedCategories: ["gift-card"],
            pendingDays: 14,
            expiry: .rollingMonths(24),
            tiers: TierLadder(
                metric: .nights,
                window: .rollingMonths(12),
                tiers: [
                    Tier(id: "member", name: "Member", threshold: 0),
                    Tier(id: "silver", name: "Silver", threshold: 10, earnMultiplier: 1.25, perks: [.lateCheckout]),
                    Tier(id: "gold", name: "Gold", threshold: 25, earnMultiplier: 1.5, perks: [.lateCheckout, .upgrades]),
                    Tier(id: "platinum", name: "Platinum", threshold: 50, earnMultiplier: 2,
                         perks: [.lateCheckout, .upgrades, .lounge, .guaranteedReservation]),
                ],
                maximumDowngradeSteps: 1,
                gracePeriodDays: 30))
    }

    /// A time-ordered activity id: `prefix-000000042`.
    public static func activityID(_ prefix: String, _ number: Int) -> Activity.ID {
        let digits = String(number)
        return Activity.ID(prefix + "-" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits)
    }

    /// `count` synthetic purchases spread over `members` members (`m-0`…), one every
    /// `spacing` seconds from `start`, in time order, from a seeded generator. A third of them
    /// are spa purchases; amounts are €5–€300.
    public static func purchases(count: Int, members: Int, start: Date, spacing: TimeInterval = 30, seed: UInt64 = 42) -> [Activity] {
        var generator = SeededGenerator(seed: seed)
        var result: [Activity] = []
        result.reserveCapacity(count)
        let memberIDs = (0..<members).map { Customer.ID("m-\($0)") }
        for index in 0..<count {
            let member = memberIDs[Int.random(in: 0..<members, using: &generator)]
            let amount = Int64.random(in: 500...30_000, using: &generator)
            let category = generator.chance(1.0 / 3) ? "spa" : "restaurant"
            result.append(.purchase(
                id: activityID("p", index), customer: member, date: start.addingTimeInterval(Double(index) * spacing),
                amount: Money(minorUnits: amount, currency: .eur), category: category))
        }
        return result
    }
}
