import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct SmokeTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!
    static let program = Program(
        name: "Seaside", currency: .eur, timeZone: lisbon,
        earning: [
            PointsPerAmount(points: 1, per: Money(minorUnits: 100, currency: .eur)),
            MultiplierRule(name: "spa", factor: 2, categories: ["spa"]),
            BonusRule(name: "birthday", points: 500, when: .birthdayMonth).limited(to: 1, per: .year),
        ],
        excludedCategories: ["gift-card"],
        pendingDays: 14,
        expiry: .rollingMonths(24),
        tiers: TierLadder(metric: .nights, window: .rollingMonths(12), tiers: [
            Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 10, earnMultiplier: 1.25),
            Tier(id: "gold", threshold: 25, earnMultiplier: 1.5),
        ]))

    @Test("a purchase earns, pends, refunds and expires")
    func basics() throws {
        var s = try Scenario(program: Self.program, start: "2025-03-01")
        try s.member("ana", birthday: try Birthday(month: 3, day: 14))
        let o = try s.purchase("ana", lines: [("spa", 80_00), ("food", 40_00), ("gift-card", 50_00)], id: "p1")
        print(o.explanation)
        try s.expectEarned(o, 120 + 80 + 500)
        try s.expectBalance("ana", 700, available: 0)
        s.clock.advance(days: 14)
        try s.expectBalance("ana", 700, available: 700)
        try s.redeem("ana", points: 650)
        let r = try s.refund("ana", of: "p1", amount: 85_00)
        print(r.explanation)
        try s.expectLedgersBalance()
        let stay = try s.stay("ana", nights: 12, amount: 1200_00)
        print(stay.explanation)
        try s.expectTier("ana", "silver")
        let stay2 = try s.stay("ana", nights: 2, amount: 200_00)
        print(stay2.explanation)
        s.clock.advance(months: 25)
        s.advanceAll()
        try s.expectLedgersBalance()
        try s.expectBalance("ana", 0)
        try s.expectTier("ana", "member")
        let program = try Program.decode(from: try Self.program.encoded())
        print(String(decoding: try program.encoded(), as: UTF8.self))
    }
}
