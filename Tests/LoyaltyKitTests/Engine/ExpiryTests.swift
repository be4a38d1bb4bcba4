import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct ExpiryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var policy: ExpiryPolicy
        var zone: String
        var earned: (Int, Int, Int, Int, Int)
        var expires: (Int, Int, Int, Int, Int)
        var testDescription: String { "\(policy.name) in \(zone)" }
    }

    @Test("each policy dates a lot's expiry in the business's calendar", arguments: [
        Case(policy: .rollingMonths(12), zone: "Europe/Lisbon", earned: (2025, 1, 31, 12, 0), expires: (2026, 1, 31, 12, 0)),
        Case(policy: .rollingMonths(1), zone: "Europe/Lisbon", earned: (2025, 1, 31, 12, 0), expires: (2025, 2, 28, 12, 0)),
        Case(policy: .rollingMonths(3), zone: "America/New_York", earned: (2024, 12, 15, 20, 0), expires: (2025, 3, 15, 20, 0)),
        Case(policy: .endOfPeriod(afterMonths: 0, period: .month), zone: "Europe/Lisbon", earned: (2025, 1, 15, 12, 0), expires: (2025, 2, 1, 0, 0)),
        Case(policy: .endOfPeriod(afterMonths: 0, period: .quarter), zone: "Europe/Lisbon", earned: (2025, 11, 20, 12, 0), expires: (2026, 1, 1, 0, 0)),
        Case(policy: .endOfPeriod(afterMonths: 2, period: .quarter), zone: "Europe/Lisbon", earned: (2025, 1, 31, 12, 0), expires: (2025, 4, 1, 0, 0)),
        Case(policy: .endOfPeriod(afterMonths: 12, period: .year), zone: "Europe/Lisbon", earned: (2025, 3, 10, 12, 0), expires: (2027, 1, 1, 0, 0)),
        // 23:30 on 31 December in Tokyo is still 2025 locally (14:30 UTC).
        Case(policy: .endOfPeriod(afterMonths: 0, period: .month), zone: "Asia/Tokyo", earned: (2025, 12, 31, 23, 30), expires: (2026, 1, 1, 0, 0)),
    ])
    func expiryDates(_ example: Case) throws {
        let zone = TZ.zone(example.zone)
        let program = makeProgram(timeZone: zone, expiry: example.policy)
        let (e, x) = (example.earned, example.expires)
        let earnedAt = local(e.0, e.1, e.2, hour: e.3, minute: e.4, in: zone)
        let (state, _) = try program.run([purchase("p1", 10_000, at: earnedAt)])
        let lot = try #require(state.lots.first)
        #expect(lot.expiresAt == local(x.0, x.1, x.2, hour: x.3, minute: x.4, in: zone))
    }

    @Test("expired points leave through an expire entry dated at the expiry instant")
    func expiryEntries() throws {
        let program = makeProgram(expiry: .rollingMonths(12))
        var scenario = try Scenario(program: program, start: "2025-01-31")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        scenario.clock.advance(days: 10)
        try scenario.purchase("ana", amount: 4_000, id: "p2")
        try scenario.redeem("ana", points: 30)
        scenario.clock.set(local(2026, 1, 31).addingTimeInterval(-1))
        #expect(scenario.advanceAll().isEmpty)
        scenario.clock.set(local(2026, 3, 1))
        let advancements = scenario.advanceAll()
        let entries = advancements.flatMap(\.entries)
        #expect(entries.map(\.points) == [-70, -40])
        #expect(entries.map(\.kind) == [.expire, .expire])
        #expect(entries.map(\.date) == [local(2026, 1, 31), local(2026, 2, 10)])
        #expect(entries[0].explanation == "-70: expired (rolling 12 months), earned 2025-01-31T12:00:00Z")
        #expect(try scenario.state(of: "ana").lifetime.pointsExpired == 110)
        try scenario.expectBalance("ana", 0)
        try scenario.expectLedgersBalance()
        // Advancing again changes nothing.
        #expect(scenario.advanceAll().isEmpty)
    }

    @Test("expiries due before an activity are carried out first, in the same outcome")
    func expiryBeforeActivity() throws {
        let program = makeProgram(expiry: .rollingMonths(6))
        let (state, outcomes) = try program.run([
            purchase("p1", 10_000, at: local(2025, 1, 10)), purchase("p2", 2_000, at: local(2025, 9, 1)),
        ])
        #expect(outcomes[1].entries.map(\.kind) == [.expire, .earn])
        #expect(outcomes[1].entries[0].activityID == "p1")
        #expect(outcomes[1].netChange == -80)
        #expect(state.balance == 20)
    }

    @Test("a redemption cannot spend points that expired but were not yet carried out")
    func expiredButNotProcessed() throws {
        let program = makeProgram(expiry: .rollingMonths(6))
        var state = MemberState(customerID: "ana", memberSince: local(2025, 1, 1))
        try program.apply(purchase("p1", 10_000, at: local(2025, 1, 10)), to: &state)
        #expect(state.available(at: local(2025, 7, 10)) == 0)
        let before = state
        expectError(.insufficientPoints) {
            try program.apply(.redemption(id: "r1", customer: "ana", date: local(2025, 7, 10), points: 10, benefit: "coffee"), to: &state)
        }
        #expect(state == before)
    }

    @Test("inactivity expiry: points-moving activity resets the clock, other activity does not")
    func inactivity() throws {
        let program = makeProgram(expiry: .inactivityMonths(6))
        var scenario = try Scenario(program: program, start: "2025-01-10")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        scenario.clock.set(local(2025, 3, 10))
        try scenario.purchase("ana", amount: 5_000, id: "p2")
        scenario.clock.set(local(2025, 8, 1))
        try scenario.redeem("ana", points: 10)        // resets: deadline 1 February 2026
        scenario.clock.set(local(2026, 1, 20))
        try scenario.record(Activity(id: "f1", customerID: "ana", date: scenario.clock.now, kind: .feedback(Feedback(nps: 10))))
        try scenario.expectBalance("ana", 140, available: 140)
        let expiring = program.expiringPoints(in: try scenario.state(of: "ana"), within: 30, of: scenario.clock.now)
        #expect(expiring == [ExpiringPoints(date: local(2026, 2, 1), points: 140)])
        scenario.clock.set(local(2026, 2, 1))
        let entries = scenario.advanceAll().flatMap(\.entries)
        #expect(entries.map(\.points).reduce(0, +) == -140)
        #expect(Set(entries.map(\.date)) == [local(2026, 2, 1)])
        try scenario.expectBalance("ana", 0)
        try scenario.expectLedgersBalance()
    }

    @Test("under inactivity expiry nothing can be spent once the deadline has passed")
    func inactivityBlocksSpending() throws {
        let program = makeProgram(expiry: .inactivityMonths(3))
        var state = MemberState(customerID: "ana", memberSince: local(2025, 1, 1))
        try program.apply(purchase("p1", 10_000, at: local(2025, 1, 10)), to: &state)
        expectError(.insufficientPoints) {
            try program.apply(.redemption(id: "r1", customer: "ana", date: local(2025, 4, 10), points: 10, benefit: "coffee"), to: &state)
        }
        try program.apply(.redemption(id: "r2", customer: "ana", date: local(2025, 4, 10).addingTimeInterval(-1), points: 10, benefit: "coffee"), to: &state)
        #expect(state.balance == 90)
    }

    @Test("points never expire under the never policy")
    func never() throws {
        let (state, _) = try makeProgram(expiry: .never).run([
            purchase("p1", 10_000, at: local(2015, 1, 10)), purchase("p2", 100, at: local(2035, 1, 10)),
        ])
        #expect(state.balance == 101)
        #expect(state.lots.allSatisfy { $0.expiresAt == nil })
    }

    @Test("expiring points are reported by expiry instant within the horizon")
    func expiringPoints() throws {
        let program = makeProgram(expiry: .rollingMonths(3))
        let (state, _) = try program.run([
            purchase("p1", 10_000, at: local(2025, 2, 1)), purchase("p2", 5_000, at: local(2025, 2, 1)),
            purchase("p3", 2_000, at: local(2025, 3, 1)),
        ])
        #expect(program.expiringPoints(in: state, within: 10, of: local(2025, 4, 25)) == [ExpiringPoints(date: local(2025, 5, 1), points: 150)])
        #expect(program.expiringPoints(in: state, within: 40, of: local(2025, 4, 25)).map(\.points) == [150, 20])
        #expect(program.expiringPoints(in: state, within: 5, of: local(2025, 4, 25)).isEmpty)
        #expect(program.expiringPoints(in: state, within: 400, of: local(2025, 5, 1)).map(\.points) == [20])
    }

    @Test("redemptions spend the soonest-expiring lot first, even when it is not the oldest")
    func soonestExpiringFirst() throws {
        // A lot earned under a generous programme, then a newer lot under a stricter one.
        let generous = makeProgram(expiry: .rollingMonths(24))
        let strict = makeProgram(expiry: .rollingMonths(3))
        var state = MemberState(customerID: "ana", memberSince: local(2025, 1, 1))
        try generous.apply(purchase("old", 10_000, at: local(2025, 1, 10)), to: &state)
        try strict.apply(purchase("new", 5_000, at: local(2025, 2, 10)), to: &state)
        #expect(state.lots.map(\.id) == ["new", "old"])
        let outcome = try strict.apply(.redemption(id: "r1", customer: "ana", date: local(2025, 2, 11), points: 70, benefit: "dinner"), to: &state)
        #expect(outcome.ownEntries.count == 1)
        #expect(outcome.ownEntries[0].lots == [LotMovement(lotID: "new", points: -50), LotMovement(lotID: "old", points: -20)])
        #expect(state.lotRemainders == ["old": 80])
    }

    @Test("with equal expiry the oldest lot is spent first")
    func oldestFirstOnTies() throws {
        let program = makeProgram(expiry: .endOfPeriod(afterMonths: 0, period: .year))
        let (state, outcomes) = try program.run([
            purchase("a", 3_000, at: local(2025, 2, 1)), purchase("b", 3_000, at: local(2025, 5, 1)),
            .redemption(id: "r", customer: "ana", date: local(2025, 6, 1), points: 40, benefit: "spa"),
        ])
        #expect(outcomes[2].ownEntries[0].lots.map(\.lotID) == ["a", "b"])
        #expect(state.lotRemainders == ["b": 20])
    }
}
