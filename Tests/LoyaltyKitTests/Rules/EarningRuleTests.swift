import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct EarningRuleTests {
    struct RoundingCase: Sendable, CustomTestStringConvertible {
        var points: Int64
        var per: Int64
        var amount: Int64
        var rounding: PointsRounding
        var expected: Int64
        var testDescription: String { "\(points) per \(per) on \(amount), \(rounding) = \(expected)" }
    }

    @Test("points per amount round as configured", arguments: [
        RoundingCase(points: 1, per: 100, amount: 12_099, rounding: .down, expected: 120),
        RoundingCase(points: 1, per: 100, amount: 12_099, rounding: .up, expected: 121),
        RoundingCase(points: 1, per: 100, amount: 12_099, rounding: .nearest, expected: 121),
        RoundingCase(points: 1, per: 100, amount: 12_049, rounding: .nearest, expected: 120),
        RoundingCase(points: 1, per: 100, amount: 12_050, rounding: .nearest, expected: 121),
        RoundingCase(points: 1, per: 100, amount: 12_000, rounding: .up, expected: 120),
        RoundingCase(points: 5, per: 1_000, amount: 12_500, rounding: .down, expected: 62),
        RoundingCase(points: 5, per: 1_000, amount: 12_500, rounding: .up, expected: 63),
        RoundingCase(points: 5, per: 1_000, amount: 12_500, rounding: .nearest, expected: 63),
        RoundingCase(points: 10_000, per: 1, amount: Activity.maximumMinorUnits, rounding: .down, expected: 100_000_000_000_000_000),
    ])
    func pointsPerAmount(_ example: RoundingCase) throws {
        let program = makeProgram([PointsPerAmount(points: example.points, per: eur(example.per), rounding: example.rounding)])
        let (_, outcomes) = try program.run([purchase("p1", example.amount, at: local(2025, 3, 1))])
        #expect(outcomes[0].pointsEarned.rawValue == example.expected)
    }

    @Test("an amount below the unit earns nothing with rounding down")
    func belowUnit() throws {
        let (state, outcomes) = try makeProgram().run([purchase("p1", 99, at: local(2025, 3, 1))])
        #expect(outcomes[0].ownEntries.isEmpty)
        #expect(state.balance == 0)
        #expect(state.lifetime.spend == 99)
    }

    @Test("stays earn per night and visits earn per visit")
    func perNightAndPerVisit() throws {
        let program = makeProgram([PointsPerNight(points: 100), PointsPerVisit(points: 10)])
        let date = local(2025, 3, 1)
        let (state, outcomes) = try program.run([
            .stay(id: "s1", customer: "ana", date: date, nights: 3, amount: eur(36_000)),
            .visit(id: "v1", customer: "ana", date: date),
            purchase("p1", 5_000, at: date),
            .stay(id: "s2", customer: "ana", date: date, nights: 0, amount: eur(2_000)),
            Activity(id: "f1", customerID: "ana", date: date, kind: .feedback(Feedback(nps: 9))),
        ])
        #expect(outcomes.map(\.pointsEarned) == [310, 10, 10, 10, 0])
        #expect(outcomes[0].points(from: "per-night") == 300)
        #expect(state.balance == 340)
        #expect(state.lifetime.visits == 4)
        #expect(state.lifetime.nights == 3)
    }

    @Test("a category multiplier applies only to that category's share of the base")
    func categoryMultiplier() throws {
        let program = makeProgram([onePointPerEuro, MultiplierRule(name: "spa", factor: 2, categories: ["spa"])])
        let activity = Activity(id: "p1", customerID: "ana", date: local(2025, 3, 1), kind: .purchase(Purchase(lines: [
            PurchaseLine(category: "spa", amount: eur(8_000)), PurchaseLine(category: "food", amount: eur(4_000)),
        ])))
        let (_, outcomes) = try program.run([activity])
        let outcome = outcomes[0]
        #expect(outcome.pointsEarned == 200)
        #expect(outcome.points(from: "spa") == 80)
        let entry = try #require(outcome.ownEntries.first { $0.rule == "spa" })
        #expect(entry.explanation == "+80: ×2 spa on 80 of 120 base points")
        // No spa line: no multiplier.
        let (_, plain) = try program.run([purchase("p2", 12_000, at: local(2025, 3, 1), category: "food")])
        #expect(plain[0].pointsEarned == 120)
    }

    @Test("multipliers by channel, date range, weekday and off-peak", arguments: [
        ("online channel", Condition.channel([.online])),
        ("March 2025", Condition.dateRange(from: local(2025, 3, 1, hour: 0), until: local(2025, 4, 1, hour: 0))),
        ("weekend", Condition.weekday([.saturday, .sunday])),
        ("off-peak", Condition.offPeak),
    ])
    func conditionalMultipliers(_ label: String, _ condition: Condition) throws {
        let program = makeProgram([onePointPerEuro, MultiplierRule(name: "promo", factor: 1.5, when: condition)])
        // Saturday 1 March 2025, online, tagged off-peak: every condition holds.
        let hit = purchase("p1", 10_000, at: local(2025, 3, 1), channel: .online, tags: ["off-peak"])
        // Monday 7 April 2025 in store without tags: none holds.
        let miss = purchase("p2", 10_000, at: local(2025, 4, 7))
        let (_, outcomes) = try program.run([hit, miss])
        #expect(outcomes.map(\.pointsEarned) == [150, 100], "\(label)")
    }

    @Test("a date range includes its start and excludes its end")
    func dateRangeBounds() throws {
        let start = local(2025, 3, 1, hour: 0)
        let end = local(2025, 4, 1, hour: 0)
        let program = makeProgram([onePointPerEuro, MultiplierRule(name: "march", factor: 2, when: .dateRange(from: start, until: end))])
        let (_, outcomes) = try program.run([
            purchase("a", 10_000, at: start.addingTimeInterval(-1)), purchase("b", 10_000, at: start),
            purchase("c", 10_000, at: end.addingTimeInterval(-1)), purchase("d", 10_000, at: end),
        ])
        #expect(outcomes.map(\.pointsEarned) == [100, 200, 200, 100])
    }

    @Test("the weekday is the business's local weekday, not UTC's")
    func localWeekday() throws {
        let program = makeProgram([onePointPerEuro, MultiplierRule(name: "weekend", factor: 2, when: .weekday([.saturday, .sunday]))],
                                  timeZone: TZ.newYork)
        // Friday 28 February 2025 at 21:00 in New York is already Saturday in UTC.
        let friday = local(2025, 2, 28, hour: 21, in: TZ.newYork)
        // Saturday 1 March 2025 at 21:00 in New York.
        let saturday = local(2025, 3, 1, hour: 21, in: TZ.newYork)
        let (_, outcomes) = try program.run([purchase("p1", 10_000, at: friday), purchase("p2", 10_000, at: saturday)])
        #expect(outcomes.map(\.pointsEarned) == [100, 200])
    }

    @Test("an off-peak stay earns its multiplier")
    func offPeakStay() throws {
        let program = makeProgram([PointsPerNight(points: 100), MultiplierRule(name: "off-peak", factor: 3, when: .offPeak)])
        let date = local(2025, 11, 12)
        let (_, outcomes) = try program.run([
            .stay(id: "s1", customer: "ana", date: date, nights: 2, amount: eur(20_000), offPeak: true),
            .stay(id: "s2", customer: "ana", date: date, nights: 2, amount: eur(20_000)),
        ])
        #expect(outcomes.map(\.pointsEarned) == [600, 200])
    }

    @Test("a tier's earn multiplier applies to the base at the member's effective tier")
    func tierMultiplier() throws {
        let ladder = TierLadder(metric: .spend, window: .calendarYear, tiers: [
            Tier(id: "member", threshold: 0), Tier(id: "gold", threshold: 1_000_000, earnMultiplier: 1.5),
        ])
        let program = makeProgram([onePointPerEuro, MultiplierRule(name: "gold-bonus", factor: 2, when: .tier(["gold"]))], tiers: ladder)
        let (state, outcomes) = try program.run([
            purchase("p1", 10_000, at: local(2025, 3, 1)),
            Activity(id: "o1", customerID: "ana", date: local(2025, 3, 2), kind: .tierOverride(
                TierOverride(tierID: "gold", until: local(2025, 6, 1), reason: "VIP guest"))),
            purchase("p2", 10_000, at: local(2025, 3, 3)),
        ])
        #expect(outcomes[0].pointsEarned == 100)
        #expect(outcomes[2].pointsEarned == 250, "base 100 + gold-bonus 100 + tier ×1.5 50")
        let entry = try #require(outcomes[2].ownEntries.first { $0.rule == "tier-multiplier" })
        #expect(entry.explanation == "+50: ×1.5 Gold tier on 100 base points")
        #expect(state.tierID(at: local(2025, 3, 3)) == "gold")
    }

    @Test("a first-purchase bonus fires once, on a purchase or stay only")
    func firstPurchaseBonus() throws {
        let program = makeProgram([onePointPerEuro, BonusRule.firstPurchase(250)])
        let date = local(2025, 3, 1)
        let (_, outcomes) = try program.run([
            .visit(id: "v1", customer: "ana", date: date),
            purchase("p1", 1_000, at: date), purchase("p2", 1_000, at: date),
        ])
        #expect(outcomes.map(\.pointsEarned) == [0, 260, 10])
        #expect(outcomes[1].points(from: "first-purchase-bonus") == 250)
    }

    @Test("a birthday-month bonus is limited to once a calendar year, across the year boundary")
    func birthdayBonus() throws {
        let program = makeProgram([
            onePointPerEuro,
            BonusRule(name: "birthday", points: 500, when: .birthdayMonth && .activityType([.purchase])).limited(to: 1, per: .year),
        ], timeZone: TZ.tokyo)
        let member = MemberState(customerID: "ana", memberSince: local(2025, 1, 1, in: TZ.tokyo), birthday: try Birthday(month: 12, day: 24))
        let (state, outcomes) = try program.run([
            purchase("p1", 1_000, at: local(2025, 11, 30, hour: 23, in: TZ.tokyo)),
            // 1 December 00:30 in Tokyo is still 30 November in UTC.
            purchase("p2", 1_000, at: local(2025, 12, 1, hour: 0, minute: 30, in: TZ.tokyo)),
            purchase("p3", 1_000, at: local(2025, 12, 31, hour: 23, in: TZ.tokyo)),
            purchase("p4", 1_000, at: local(2026, 1, 2, in: TZ.tokyo)),
            purchase("p5", 1_000, at: local(2026, 12, 3, in: TZ.tokyo)),
        ], member: member)
        #expect(outcomes.map(\.pointsEarned) == [10, 510, 10, 10, 510])
        #expect(state.balance == 1_050)
    }

    @Test("a sign-up bonus fires on enrolment and a review bonus on a posted review")
    func signupAndReviewBonuses() throws {
        let program = makeProgram([onePointPerEuro, BonusRule.signup(100), BonusRule.reviewPosted(50)])
        let date = local(2025, 3, 1)
        let (state, outcomes) = try program.run([
            Activity(id: "e1", customerID: "ana", date: date, kind: .enrollment),
            Activity(id: "i1", customerID: "ana", date: date, kind: .interaction(Interaction(kind: .reviewPosted, note: "5 stars"))),
            Activity(id: "i2", customerID: "ana", date: date, kind: .interaction(Interaction(kind: .call))),
        ])
        #expect(outcomes.map(\.pointsEarned) == [100, 50, 0])
        #expect(outcomes[0].ownEntries.first?.explanation == "+100: signup-bonus")
        #expect(state.balance == 150)
        #expect(state.lifetime.visits == 0)
    }

    @Test("gift cards and other excluded categories earn nothing and are not qualifying spend")
    func excludedCategories() throws {
        let program = makeProgram([onePointPerEuro, PointsPerVisit(points: 5)], excluded: ["gift-card"])
        let date = local(2025, 3, 1)
        let giftCard = purchase("g1", 5_000, at: date, category: "gift-card")
        let mixed = Activity(id: "p1", customerID: "ana", date: date, kind: .purchase(Purchase(lines: [
            PurchaseLine(category: "gift-card", amount: eur(5_000)), PurchaseLine(category: "food", amount: eur(2_000)),
        ])))
        let (state, outcomes) = try program.run([giftCard, mixed])
        #expect(outcomes[0].points(from: "base") == 0)
        #expect(outcomes[1].points(from: "base") == 20)
        #expect(state.lifetime.spend == 2_000)
    }

    @Test("a scaled rule multiplies its points, rounded down")
    func scaled() throws {
        let program = makeProgram([PointsPerAmount(name: "base", points: 1, per: eur(100)).multiplied(by: 1.5)])
        let (_, outcomes) = try program.run([purchase("p1", 1_500, at: local(2025, 3, 1))])
        #expect(outcomes[0].pointsEarned == 22)
        #expect(outcomes[0].ownEntries.first?.explanation == "+22: 1 pt per €1.00 on €15.00, ×1.5")
    }

    @Test("a custom rule and a custom condition take part like built-in ones")
    func custom() throws {
        struct RainyDayDouble: EarningRule {
            var name: String { "rainy-day" }
            var stage: EarningStage { .multiplier }
            func earn(in context: EarningContext) -> Earning? {
                guard context.activity.tags.contains("rainy-day") else { return nil }
                return Earning(points: context.basePoints, reason: .custom("×2 on a rainy day"))
            }
        }
        let bigSpender = Condition.custom("big spender") { $0.eligibleAmount >= 100_00 }
        let program = makeProgram([onePointPerEuro, RainyDayDouble(), BonusRule(name: "big", points: 25, when: bigSpender)])
        let date = local(2025, 3, 1)
        let (_, outcomes) = try program.run([
            purchase("p1", 5_000, at: date, tags: ["rainy-day"]), purchase("p2", 10_000, at: date), purchase("p3", 9_999, at: date),
        ])
        #expect(outcomes.map(\.pointsEarned) == [100, 125, 99])
        #expect(outcomes[0].ownEntries.map(\.explanation) == ["+50: 1 pt per €1.00 on €50.00", "+50: ×2 on a rainy day"])
        #expect(bigSpender.summary == "big spender")
    }

    @Test("earnings can be previewed without changing the member")
    func preview() throws {
        let program = makeProgram([onePointPerEuro, BonusRule.firstPurchase(100)])
        let member = MemberState(customerID: "ana", memberSince: local(2025, 1, 1))
        let components = try program.earnings(for: purchase("p1", 4_200, at: local(2025, 3, 1)), member: member)
        #expect(components.map(\.rule) == ["base", "first-purchase-bonus"])
        #expect(components.map(\.earning.points) == [42, 100])
    }
}
