import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct RefundTests {
    @Test("a whole refund claws back exactly the points it earned")
    func whole() throws {
        var scenario = try Scenario(program: makeProgram([onePointPerEuro, BonusRule.firstPurchase(50)]), start: "2025-03-01")
        try scenario.purchase("ana", amount: 12_000, id: "p1")
        try scenario.purchase("ana", amount: 3_000, id: "p2")
        let refund = try scenario.refund("ana", of: "p1")
        #expect(refund.ownEntries.map(\.points) == [-170])
        #expect(refund.ownEntries.map(\.kind) == [.reverse])
        #expect(refund.ownEntries[0].explanation == "-170: refund of p1 (€120.00)")
        try scenario.expectBalance("ana", 30)
        let state = try scenario.state(of: "ana")
        #expect(state.lifetime.pointsReversed == 170)
        #expect(state.lotRemainders == ["p2": 30])
        try scenario.expectLedgersBalance()
    }

    @Test("a partial refund claws back its share, rounded up")
    func partial() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 9_999, id: "p1")
        let refund = try scenario.refund("ana", of: "p1", amount: 1_000)
        // 99 × 10.00 / 99.99 = 9.9 → 10
        #expect(refund.ownEntries.map(\.points) == [-10])
        #expect(refund.ownEntries[0].explanation == "-10: refund of €10.00 of €99.99 on p1")
        try scenario.expectBalance("ana", 89)
    }

    @Test("several partial refunds adding up to the whole take back exactly everything", arguments: [
        [100, 100, 100], [1, 1, 298], [299, 1], [150, 149, 1],
    ])
    func severalPartials(_ parts: [Int64]) throws {
        var scenario = try Scenario(program: makeProgram([PointsPerAmount(points: 10, per: eur(3))]), start: "2025-03-01")
        try scenario.purchase("ana", amount: 300, id: "p1")
        try scenario.purchase("ana", amount: 30, id: "other")
        try scenario.expectBalance("ana", 1_100)
        var clawed: Int64 = 0
        for part in parts { clawed -= try scenario.refund("ana", of: "p1", amount: part).netChange.rawValue }
        #expect(clawed == 1_000)
        try scenario.expectBalance("ana", 100)
        #expect(try scenario.state(of: "ana").lifetime.spend == 30)
        try scenario.expectRejection(.invalidRefund, .refund(id: "again", customer: "ana", date: scenario.clock.now, of: "p1", amount: eur(1)))
        try scenario.expectLedgersBalance()
    }

    @Test("a partial refund after a partial redemption takes the rest from the lot, then goes negative")
    func afterPartialRedemption() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        try scenario.redeem("ana", points: 70)
        let refund = try scenario.refund("ana", of: "p1", amount: 5_000)
        #expect(refund.ownEntries.map(\.points) == [-50])
        #expect(refund.ownEntries[0].lots == [LotMovement(lotID: "p1", points: -30)])
        #expect(refund.warnings == [.negativeBalance(20)])
        try scenario.expectBalance("ana", -20, available: 0)
        #expect(try scenario.state(of: "ana").deficit == 20)
        // The deficit is repaid first by later earnings.
        let later = try scenario.purchase("ana", amount: 5_000, id: "p2")
        #expect(later.warnings == [.deficitRepaid(20)])
        try scenario.expectBalance("ana", 30, available: 30)
        // The rest of the refund takes what is left of the original earning.
        let rest = try scenario.refund("ana", of: "p1")
        #expect(rest.netChange == -50)
        try scenario.expectBalance("ana", -20, available: 0)
        try scenario.expectLedgersBalance()
    }

    @Test("with stopAtZero, spent points are not clawed back and the shortfall is reported")
    func stopAtZero() throws {
        var scenario = try Scenario(program: makeProgram(refunds: RefundPolicy(whenSpent: .stopAtZero)), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        try scenario.redeem("ana", points: 70)
        let refund = try scenario.refund("ana", of: "p1")
        #expect(refund.netChange == -30)
        #expect(refund.warnings == [.refundShortfall(70)])
        try scenario.expectBalance("ana", 0)
        #expect(try scenario.state(of: "ana").deficit == 0)
        try scenario.expectLedgersBalance()
    }

    @Test("a refund takes points from other lots when its own lot was spent")
    func fromOtherLots() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        try scenario.redeem("ana", points: 100)
        try scenario.purchase("ana", amount: 20_000, id: "p2")
        let refund = try scenario.refund("ana", of: "p1")
        #expect(refund.ownEntries[0].lots == [LotMovement(lotID: "p2", points: -100)])
        #expect(refund.warnings.isEmpty)
        try scenario.expectBalance("ana", 100)
    }

    @Test("refunding an unknown activity, too much, or a redemption is refused and changes nothing")
    func refused() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        let redemption = try scenario.redeem("ana", points: 10, id: "r1")
        let now = scenario.clock.now
        try scenario.expectRejection(.activityNotFound, .refund(id: "x1", customer: "ana", date: now, of: "nope"))
        try scenario.expectRejection(.activityNotFound, .refund(id: "x2", customer: "ana", date: now, of: redemption.activityID))
        try scenario.expectRejection(.invalidRefund, .refund(id: "x3", customer: "ana", date: now, of: "p1", amount: eur(10_001)))
        try scenario.expectRejection(.invalidRefund, .refund(id: "x4", customer: "ana", date: now, of: "x4"))
        try scenario.expectRejection(.invalidInput, .refund(id: "x5", customer: "ana", date: now, of: "p1", amount: eur(0)))
        var error: LoyaltyError?
        do { try scenario.refund("ana", of: "nope", id: "x6") } catch let thrown as LoyaltyError { error = thrown }
        #expect(error?.activityID == "x6")
        #expect(error?.customerID == "ana")
        try scenario.refund("ana", of: "p1")
        try scenario.expectRejection(.invalidRefund, .refund(id: "x7", customer: "ana", date: now, of: "p1"))
    }

    @Test("a refund reverses the qualifying counters in the original activity's month")
    func reversesCounters() throws {
        let ladder = TierLadder(metric: .nights, window: .calendarYear, tiers: [Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 10)])
        var scenario = try Scenario(program: makeProgram([PointsPerNight(points: 100)], tiers: ladder), start: "2025-01-31")
        try scenario.stay("ana", nights: 4, amount: 40_000, id: "s1")
        scenario.clock.advance(days: 5)
        try scenario.stay("ana", nights: 6, amount: 60_000, id: "s2")
        var state = try scenario.state(of: "ana")
        #expect(state.qualifying.map(\.month) == [CivilDate(year: 2025, month: 1, day: 1).monthIndex, CivilDate(year: 2025, month: 2, day: 1).monthIndex])
        #expect(state.qualifying.map(\.nights) == [4, 6])
        try scenario.refund("ana", of: "s1", amount: 20_000)
        state = try scenario.state(of: "ana")
        #expect(state.qualifying.map(\.nights) == [2, 6])
        #expect(state.qualifying.map(\.spend) == [20_000, 60_000])
        #expect(state.qualifying.map(\.visits) == [1, 1])
        try scenario.refund("ana", of: "s1")
        state = try scenario.state(of: "ana")
        #expect(state.qualifying.map(\.nights) == [0, 6])
        #expect(state.qualifying.map(\.visits) == [0, 1])
        #expect(state.lifetime.nights == 6)
        #expect(state.lifetime.visits == 1)
        #expect(state.lifetime.purchases == 2)
        #expect(state.lifetime.qualifyingPoints == 600)
    }

    @Test("refunding a visit takes back its visit points")
    func visitRefund() throws {
        var scenario = try Scenario(program: makeProgram([PointsPerVisit(points: 10)]), start: "2025-03-01")
        try scenario.visit("ana", id: "v1")
        let refund = try scenario.refund("ana", of: "v1")
        #expect(refund.netChange == -10)
        try scenario.expectRejection(.invalidRefund, .refund(id: "x", customer: "ana", date: scenario.clock.now, of: "v1"))
        try scenario.expectBalance("ana", 0)
    }
}

struct RedemptionTests {
    @Test("a redemption above the available balance is refused and leaves the state unchanged")
    func insufficient() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        var error: LoyaltyError?
        do { try scenario.redeem("ana", points: 101, benefit: "spa day", id: "r1") } catch let thrown as LoyaltyError { error = thrown }
        #expect(error?.code == .insufficientPoints)
        #expect(error?.message == "cannot redeem 101 points for spa day: 100 available")
        #expect(error?.activityID == "r1")
        try scenario.expectBalance("ana", 100, available: 100)
        try scenario.expectRejection(.insufficientPoints, .redemption(id: "r2", customer: "ana", date: scenario.clock.now, points: 101, benefit: "x"))
        let outcome = try scenario.redeem("ana", points: 100, benefit: "spa day")
        #expect(outcome.ownEntries.map(\.explanation) == ["-100: redeemed for spa day"])
        #expect(try scenario.state(of: "ana").lifetime.pointsRedeemed == 100)
    }

    @Test("a negative adjustment debits available points and cannot overdraw")
    func negativeAdjustment() throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000)
        let debit = try scenario.adjust("ana", points: -40, reason: "duplicate receipt", actor: "maria")
        #expect(debit.ownEntries.map(\.explanation) == ["-40: adjustment by maria: duplicate receipt"])
        #expect(debit.ownEntries.map(\.kind) == [.adjust])
        try scenario.expectBalance("ana", 60)
        try scenario.expectRejection(.insufficientPoints, .adjustment(id: "a2", customer: "ana", date: scenario.clock.now, points: -61, reason: "x", actor: "y"))
        #expect(try scenario.state(of: "ana").lifetime.pointsAdjusted == -40)
    }

    @Test("a positive adjustment adds spendable points that do not count toward tiers")
    func positiveAdjustment() throws {
        let ladder = TierLadder(metric: .pointsEarned, window: .calendarYear, tiers: [Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 1_000)])
        var scenario = try Scenario(program: makeProgram(tiers: ladder), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000)
        let credit = try scenario.adjust("ana", points: 5_000)
        #expect(credit.pointsEarned == 0)
        #expect(credit.ownEntries.map(\.points) == [5_000])
        try scenario.expectBalance("ana", 5_100, available: 5_100)
        try scenario.expectTier("ana", "member")
        #expect(try scenario.state(of: "ana").lifetime.qualifyingPoints == 100)
    }

    @Test("invalid points in redemptions and adjustments are invalid input", arguments: [Int64(0), -5, Activity.maximumPoints + 1])
    func invalidPoints(_ points: Int64) throws {
        var scenario = try Scenario(program: makeProgram(), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000)
        let now = scenario.clock.now
        try scenario.expectRejection(.invalidInput, .redemption(id: "r", customer: "ana", date: now, points: Points(points), benefit: "x"))
        if points != -5 {
            try scenario.expectRejection(.invalidInput, .adjustment(id: "a", customer: "ana", date: now, points: Points(points), reason: "x", actor: "y"))
        }
    }
}
