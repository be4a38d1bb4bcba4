import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct TierTests {
    static func pointsLadder(steps: Int? = 1, grace: Int = 0, window: QualifyingWindow = .calendarYear) -> TierLadder {
        TierLadder(metric: .pointsEarned, window: window, tiers: [
            Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 1_000), Tier(id: "gold", threshold: 5_000),
        ], maximumDowngradeSteps: steps, gracePeriodDays: grace)
    }

    @Test("members move up at once, straight to the highest tier reached")
    func upgradeAtOnce() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder()), start: "2025-03-01")
        let first = try scenario.purchase("ana", amount: 90_000)
        #expect(first.tierChanges.isEmpty)
        #expect(first.tierID == "member")
        let second = try scenario.purchase("ana", amount: 500_000)
        #expect(second.tierChanges == [TierChange(from: "member", to: "gold", date: scenario.clock.now, reason: .qualified, qualifyingValue: 5_900)])
        try scenario.expectTier("ana", "gold")
        #expect(try scenario.state(of: "ana").tier?.nextReview == local(2026, 1, 1, hour: 0))
    }

    @Test("redeeming points does not cost status: tiers count points earned, not the balance")
    func redeemingKeepsStatus() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder()), start: "2025-03-01")
        try scenario.purchase("ana", amount: 120_000)
        try scenario.redeem("ana", points: 1_150)
        try scenario.expectTier("ana", "silver")
        scenario.clock.set(local(2026, 1, 2))
        try scenario.expectTier("ana", "silver")
        try scenario.expectBalance("ana", 50)
    }

    @Test("downgrades happen only at the review, one step at a time")
    func downgradeOneStepAtReview() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder()), start: "2025-03-01")
        try scenario.purchase("ana", amount: 600_000)
        scenario.clock.set(local(2025, 12, 31, hour: 23, minute: 59))
        try scenario.expectTier("ana", "gold")
        scenario.clock.set(local(2026, 12, 31, hour: 23, minute: 59))
        try scenario.expectTier("ana", "gold")           // 2025 confirmed gold for 2026
        scenario.clock.set(local(2027, 1, 1, hour: 0))
        let changes = scenario.advanceAll().flatMap(\.tierChanges)
        #expect(changes == [TierChange(from: "gold", to: "silver", date: local(2027, 1, 1, hour: 0), reason: .review, qualifyingValue: 0)])
        scenario.clock.set(local(2028, 1, 1, hour: 0))
        try scenario.expectTier("ana", "member")
    }

    @Test("without a step limit a review drops straight to the qualified tier")
    func unlimitedDowngrade() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder(steps: nil)), start: "2025-03-01")
        try scenario.purchase("ana", amount: 600_000)
        scenario.clock.set(local(2026, 6, 1))
        try scenario.purchase("ana", amount: 150_000)      // 2026: 1,500 — silver level only
        scenario.clock.set(local(2027, 1, 1))
        try scenario.expectTier("ana", "silver")
        scenario.clock.set(local(2028, 1, 1))
        try scenario.expectTier("ana", "member")
        var zero = try Scenario(program: makeProgram(tiers: Self.pointsLadder(steps: nil)), start: "2025-03-01")
        try zero.purchase("ana", amount: 600_000)
        zero.clock.set(local(2027, 1, 1))
        try zero.expectTier("ana", "member")
    }

    @Test("a grace period delays the downgrade, and requalifying during it cancels the downgrade")
    func gracePeriod() throws {
        let program = makeProgram(tiers: Self.pointsLadder(grace: 30))
        var lapsed = try Scenario(program: program, start: "2025-03-01")
        try lapsed.purchase("ana", amount: 600_000)
        lapsed.clock.set(local(2027, 1, 15))
        try lapsed.expectTier("ana", "gold")
        let pending = try #require(try lapsed.currentState(of: "ana").tier?.pendingDowngrade)
        #expect(pending.tierID == "silver")
        #expect(pending.effective == local(2027, 1, 31, hour: 0))
        lapsed.clock.set(local(2027, 1, 31, hour: 0))
        let changes = lapsed.advanceAll().flatMap(\.tierChanges)
        #expect(changes.map(\.reason) == [.gracePeriodEnded])
        try lapsed.expectTier("ana", "silver")

        var requalified = try Scenario(program: program, start: "2025-03-01")
        try requalified.purchase("ana", amount: 600_000)
        requalified.clock.set(local(2027, 1, 20))
        try requalified.purchase("ana", amount: 500_000)
        let status = try #require(try requalified.state(of: "ana").tier)
        #expect(status.pendingDowngrade == nil)
        #expect(status.tierID == "gold")
        #expect(status.nextReview == local(2028, 1, 1, hour: 0))
        requalified.clock.set(local(2027, 12, 1))
        try requalified.expectTier("ana", "gold")
    }

    @Test("a manual override applies until its end date, then the qualified tier returns")
    func override() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder()), start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000)
        let until = local(2025, 6, 1, hour: 0)
        let started = try scenario.record(Activity(id: "o1", customerID: "ana", date: scenario.clock.now, channel: .backOffice,
                                                   kind: .tierOverride(TierOverride(tierID: "gold", until: until, reason: "press trip"))))
        #expect(started.tierChanges.map(\.reason) == [.overrideStarted])
        #expect(started.tierID == "gold")
        scenario.clock.set(until.addingTimeInterval(-1))
        try scenario.expectTier("ana", "gold")
        scenario.clock.set(until)
        let changes = scenario.advanceAll().flatMap(\.tierChanges)
        #expect(changes == [TierChange(from: "gold", to: "member", date: until, reason: .overrideEnded, qualifyingValue: nil)])
        try scenario.expectTier("ana", "member")
        try scenario.expectRejection(.unknownTier, Activity(id: "o2", customerID: "ana", date: scenario.clock.now,
                                                            kind: .tierOverride(TierOverride(tierID: "diamond", until: local(2026, 1, 1), reason: "x"))))
        try scenario.expectRejection(.invalidInput, Activity(id: "o3", customerID: "ana", date: scenario.clock.now,
                                                             kind: .tierOverride(TierOverride(tierID: "gold", until: scenario.clock.now, reason: "x"))))
        expectError(.unknownTier) {
            _ = try makeProgram().run([Activity(id: "o4", customerID: "ana", date: until,
                                                kind: .tierOverride(TierOverride(tierID: "gold", until: local(2026, 1, 1), reason: "x")))])
        }
    }

    @Test("a refund takes back the upgrade it paid for, but never below the tier confirmed at the last review")
    func refundRevokesUpgrade() throws {
        var scenario = try Scenario(program: makeProgram(tiers: Self.pointsLadder()), start: "2025-03-01")
        try scenario.purchase("ana", amount: 80_000, id: "p1")
        try scenario.purchase("ana", amount: 30_000, id: "p2")
        try scenario.expectTier("ana", "silver")
        let refund = try scenario.refund("ana", of: "p2")
        #expect(refund.tierChanges.map(\.to) == ["member"])
        #expect(refund.tierChanges.map(\.reason) == [.refund])
        try scenario.purchase("ana", amount: 30_000, id: "p3")
        try scenario.expectTier("ana", "silver")
        // 2026: silver is confirmed at the review, then gold is reached and refunded away.
        scenario.clock.set(local(2026, 2, 1))
        try scenario.purchase("ana", amount: 400_000, id: "p4")
        try scenario.purchase("ana", amount: 150_000, id: "p5")
        try scenario.expectTier("ana", "gold")
        try scenario.refund("ana", of: "p5")
        try scenario.expectTier("ana", "silver")
        try scenario.refund("ana", of: "p4")
        try scenario.refund("ana", of: "p3")
        try scenario.expectTier("ana", "silver")
        try scenario.expectLedgersBalance()
    }

    @Test("tier progress says what reaches the next tier and what keeps the current one")
    func progress() throws {
        let program = makeProgram(tiers: Self.pointsLadder())
        var scenario = try Scenario(program: program, start: "2025-03-01")
        try scenario.purchase("ana", amount: 60_000)
        var progress = try #require(program.tierProgress(for: try scenario.state(of: "ana"), at: scenario.clock.now))
        #expect(progress.current.id == "member")
        #expect(progress.value == 600)
        #expect(progress.next?.id == "silver")
        #expect(progress.neededForNext == 400)
        #expect(progress.reviewDate == nil)
        #expect(progress.neededToKeep == 0)
        try scenario.purchase("ana", amount: 500_000)
        scenario.clock.set(local(2026, 6, 1))
        try scenario.purchase("ana", amount: 200_000)
        progress = try #require(program.tierProgress(for: try scenario.state(of: "ana"), at: scenario.clock.now))
        #expect(progress.current.id == "gold")
        #expect(progress.next == nil)
        #expect(progress.neededForNext == 0)
        #expect(progress.value == 2_000)
        #expect(progress.reviewDate == local(2027, 1, 1, hour: 0))
        #expect(progress.neededToKeep == 3_000)
        #expect(makeProgram().tierProgress(for: try scenario.state(of: "ana"), at: scenario.clock.now) == nil)
    }

    @Test("spend, nights and visits are counted too", arguments: [
        (QualifyingMetric.spend, 3),
        (.nights, 2),
        (.visits, 4),
    ])
    func metrics(_ metric: QualifyingMetric, _ activitiesToSilver: Int) throws {
        let thresholds: [QualifyingMetric: Int64] = [.spend: 250_000, .nights: 10, .visits: 4]
        let ladder = TierLadder(metric: metric, window: .calendarYear, tiers: [
            Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: thresholds[metric] ?? 0),
        ])
        var scenario = try Scenario(program: makeProgram(tiers: ladder), start: "2025-03-01")
        var tiers: [String] = []
        for index in 0..<4 {
            try scenario.stay("ana", nights: 5, amount: 100_000, id: Activity.ID("s\(index)"))
            tiers.append(try scenario.state(of: "ana").tierID(at: scenario.clock.now) ?? "none")
            scenario.clock.advance(days: 1)
        }
        let expected = (0..<4).map { $0 + 1 >= activitiesToSilver ? "silver" : "member" }
        #expect(tiers == expected)
    }

    @Test("a rolling window reviews n months after the tier was reached")
    func rollingWindow() throws {
        let ladder = TierLadder(metric: .nights, window: .rollingMonths(12), tiers: [Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 10)])
        var scenario = try Scenario(program: makeProgram([PointsPerNight(points: 10)], tiers: ladder), start: "2025-03-15")
        try scenario.stay("ana", nights: 10, amount: 100_000)
        #expect(try scenario.state(of: "ana").tier?.nextReview == local(2026, 3, 1, hour: 0))
        scenario.clock.set(local(2026, 3, 2))
        try scenario.expectTier("ana", "silver")          // March 2025 is inside March 2025–February 2026
        #expect(try scenario.currentState(of: "ana").tier?.nextReview == local(2027, 3, 1, hour: 0))
        scenario.clock.set(local(2027, 3, 1, hour: 0))
        try scenario.expectTier("ana", "member")
    }

    @Test("a membership-year window runs from the month of joining")
    func membershipYear() throws {
        let ladder = TierLadder(metric: .spend, window: .membershipYear, tiers: [Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 100_000)])
        var scenario = try Scenario(program: makeProgram(tiers: ladder), start: "2025-06-15")
        try scenario.member("ana")
        scenario.clock.set(local(2026, 5, 20))
        try scenario.purchase("ana", amount: 100_000)
        try scenario.expectTier("ana", "silver")
        #expect(try scenario.state(of: "ana").tier?.nextReview == local(2026, 6, 1, hour: 0))
        scenario.clock.set(local(2026, 6, 1, hour: 0))
        try scenario.expectTier("ana", "silver")          // June 2025–May 2026 qualified
        scenario.clock.set(local(2027, 6, 1, hour: 0))
        try scenario.expectTier("ana", "member")
    }

    @Test("a lifetime ladder never goes down")
    func lifetime() throws {
        let ladder = TierLadder(metric: .visits, window: .lifetime, tiers: [Tier(id: "regular", threshold: 0), Tier(id: "friend", threshold: 3)])
        var scenario = try Scenario(program: makeProgram(tiers: ladder), start: "2025-03-01")
        for _ in 0..<3 {
            try scenario.visit("ana")
            scenario.clock.advance(months: 7)
        }
        try scenario.expectTier("ana", "friend")
        #expect(try scenario.state(of: "ana").tier?.nextReview == nil)
        scenario.clock.advance(months: 60)
        try scenario.expectTier("ana", "friend")
    }
}
