import Foundation
import LoyaltyKit
import Testing

struct CapTests {
    @Test("a rule capped per activity gives at most its limit, and says so")
    func perActivity() throws {
        let program = makeProgram([onePointPerEuro.capped(at: 50)])
        let (state, outcomes) = try program.run([purchase("p1", 15_000, at: local(2025, 3, 1)), purchase("p2", 3_000, at: local(2025, 3, 1))])
        #expect(outcomes.map(\.pointsEarned) == [50, 30])
        #expect(outcomes[0].ownEntries.first?.explanation == "+50: 1 pt per €1.00 on €150.00 (150 capped at 50 per activity)")
        #expect(state.balance == 80)
    }

    @Test("a rule capped per day starts afresh the next local day")
    func perDay() throws {
        let program = makeProgram([onePointPerEuro.capped(at: 150, per: .day)], timeZone: TZ.tokyo)
        let (_, outcomes) = try program.run([
            purchase("p1", 10_000, at: local(2025, 3, 1, hour: 9, in: TZ.tokyo)),
            purchase("p2", 10_000, at: local(2025, 3, 1, hour: 23, in: TZ.tokyo)),
            purchase("p3", 10_000, at: local(2025, 3, 1, hour: 23, minute: 30, in: TZ.tokyo)),
            // 00:30 in Tokyo: the same UTC day, a new local day.
            purchase("p4", 10_000, at: local(2025, 3, 2, hour: 0, minute: 30, in: TZ.tokyo)),
        ])
        #expect(outcomes.map(\.pointsEarned) == [100, 50, 0, 100])
    }

    @Test("a rule capped per calendar month counts local months across the year boundary")
    func perMonth() throws {
        let program = makeProgram([onePointPerEuro.capped(at: 150, per: .month)], timeZone: TZ.tokyo)
        let (_, outcomes) = try program.run([
            purchase("p1", 10_000, at: local(2025, 12, 30, in: TZ.tokyo)),
            purchase("p2", 10_000, at: local(2025, 12, 31, hour: 23, minute: 30, in: TZ.tokyo)),
            purchase("p3", 10_000, at: local(2026, 1, 1, hour: 0, minute: 30, in: TZ.tokyo)),
            purchase("p4", 10_000, at: local(2026, 1, 31, in: TZ.tokyo)),
            purchase("p5", 10_000, at: local(2026, 2, 1, in: TZ.tokyo)),
        ])
        #expect(outcomes.map(\.pointsEarned) == [100, 50, 100, 50, 100])
    }

    @Test("programme caps per activity, day and month reduce the total with a cap entry")
    func programCaps() throws {
        let program = makeProgram([onePointPerEuro, BonusRule(name: "bonus", points: 40, when: .always)],
                                  caps: EarningCaps(perActivity: 120, perDay: 200, perMonth: 300))
        let (state, outcomes) = try program.run([
            purchase("p1", 20_000, at: local(2025, 1, 30)),   // 240 → 120 (activity)
            purchase("p2", 5_000, at: local(2025, 1, 30)),    // 90 → 80 (day: 200 − 120)
            purchase("p3", 5_000, at: local(2025, 1, 31)),    // 90 → 90
            purchase("p4", 5_000, at: local(2025, 1, 31)),    // 90 → 10 (month: 300 − 290)
            purchase("p5", 5_000, at: local(2025, 2, 1)),     // 90 → 90, new month
        ])
        #expect(outcomes.map(\.pointsEarned) == [120, 80, 90, 10, 90])
        let cap = try #require(outcomes[0].ownEntries.first { $0.rule == "cap" })
        #expect(cap.explanation == "-120: programme cap of 120 pts per activity")
        #expect(outcomes[1].ownEntries.first { $0.rule == "cap" }?.explanation == "-10: programme cap of 200 pts per day")
        #expect(outcomes[3].ownEntries.first { $0.rule == "cap" }?.explanation == "-80: programme cap of 300 pts per calendar month")
        #expect(state.balance == 390)
        #expect(state.lifetime.pointsEarned == 390)
    }

    @Test("programme caps do not limit manual adjustments")
    func capsIgnoreAdjustments() throws {
        let program = makeProgram(caps: EarningCaps(perActivity: 10, perDay: 10, perMonth: 10))
        let (state, _) = try program.run([
            .adjustment(id: "a1", customer: "ana", date: local(2025, 3, 1), points: 1_000, reason: "goodwill", actor: "manager"),
        ])
        #expect(state.balance == 1_000)
    }

    @Test("a limited rule fires at most n times per period")
    func limited() throws {
        let program = makeProgram([onePointPerEuro, BonusRule(name: "visit-bonus", points: 10, when: .always).limited(to: 2, per: .month)])
        let (_, outcomes) = try program.run([
            purchase("p1", 100, at: local(2025, 3, 1)), purchase("p2", 100, at: local(2025, 3, 2)),
            purchase("p3", 100, at: local(2025, 3, 31)), purchase("p4", 100, at: local(2025, 4, 1)),
        ])
        #expect(outcomes.map(\.pointsEarned) == [11, 11, 1, 11])
    }

    @Test("a lifetime limit never resets")
    func lifetimeLimit() throws {
        let program = makeProgram([BonusRule(name: "welcome", points: 10, when: .always).limited(to: 1, per: .lifetime)])
        let (_, outcomes) = try program.run([
            purchase("p1", 100, at: local(2025, 3, 1)), purchase("p2", 100, at: local(2027, 3, 1)),
        ])
        #expect(outcomes.map(\.pointsEarned) == [10, 0])
    }
}

struct ConditionTests {
    static let saturday = local(2025, 3, 1)
    static let monday = local(2025, 3, 3)

    struct Case: Sendable, CustomTestStringConvertible {
        var condition: Condition
        var activity: Activity
        var holds: Bool
        var testDescription: String { "\(condition.summary) on \(activity.id) → \(holds)" }
    }

    static let spaOnline = purchase("spa-online", 10_000, at: saturday, category: "spa", channel: .online, tags: ["corporate"])
    static let foodMonday = Activity(id: "food-monday", customerID: "ana", date: monday, kind: .purchase(Purchase(amount: eur(2_000), category: "food")),
                                     attributes: ["weather": "rain"])
    static let longStay = Activity.stay(id: "long-stay", customer: "ana", date: monday, nights: 5, amount: eur(50_000), category: "suite")

    @Test("conditions combine with &&, || and !", arguments: [
        Case(condition: .category(["spa"]) && .weekday([.saturday]), activity: spaOnline, holds: true),
        Case(condition: .category(["spa"]) && .weekday([.monday]), activity: spaOnline, holds: false),
        Case(condition: .category(["spa"]) || .weekday([.monday]), activity: foodMonday, holds: true),
        Case(condition: .category(["spa"]) || .channel([.online]), activity: foodMonday, holds: false),
        Case(condition: !.tag("corporate"), activity: spaOnline, holds: false),
        Case(condition: !.tag("corporate"), activity: foodMonday, holds: true),
        Case(condition: .attribute("weather", equals: "rain") && !.category(["spa"]), activity: foodMonday, holds: true),
        Case(condition: .minimumAmount(10_000), activity: spaOnline, holds: true),
        Case(condition: .minimumAmount(10_001), activity: spaOnline, holds: false),
        Case(condition: .minimumNights(5) && .category(["suite"]), activity: longStay, holds: true),
        Case(condition: .minimumNights(6), activity: longStay, holds: false),
        Case(condition: .month([3]) && .activityType([.stay]), activity: longStay, holds: true),
        Case(condition: .all([]), activity: longStay, holds: true),
        Case(condition: .any([]), activity: longStay, holds: false),
        Case(condition: (.tag("a") || .tag("corporate")) && (.channel([.online]) || .channel([.app])), activity: spaOnline, holds: true),
    ])
    func combinations(_ example: Case) throws {
        let program = makeProgram([BonusRule(name: "probe", points: 1, when: example.condition)])
        let (_, outcomes) = try program.run([example.activity])
        #expect((outcomes[0].pointsEarned == 1) == example.holds)
    }

    @Test("chained operators flatten into one list")
    func flattening() {
        let condition: Condition = .tag("a") && .tag("b") && .tag("c")
        #expect(condition == .all([.tag("a"), .tag("b"), .tag("c")]))
        #expect((Condition.tag("a") || .tag("b") || .tag("c")) == .any([.tag("a"), .tag("b"), .tag("c")]))
        #expect(condition.summary == "tagged a and tagged b and tagged c")
    }
}
