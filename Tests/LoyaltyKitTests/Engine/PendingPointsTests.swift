import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct PendingPointsTests {
    let program = makeProgram(pendingDays: 14)

    @Test("points are in the balance but not spendable inside the returns window")
    func notSpendableInsideWindow() throws {
        var scenario = try Scenario(program: program, start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        try scenario.expectBalance("ana", 100, available: 0)
        #expect(try scenario.state(of: "ana").pending(at: scenario.clock.now) == 100)
        scenario.clock.advance(days: 13)
        let before = try scenario.state(of: "ana")
        try scenario.expectRejection(.insufficientPoints, .redemption(id: "r1", customer: "ana", date: scenario.clock.now, points: 50, benefit: "coffee"))
        #expect(try scenario.state(of: "ana") == before)
    }

    @Test("points become spendable exactly when the window ends, at the same local time across DST")
    func spendableAfterWindow() throws {
        var scenario = try Scenario(program: program, start: "2025-03-20")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        let lot = try #require(try scenario.state(of: "ana").lots.first)
        // Lisbon moves to summer time on 30 March: still noon on 3 April.
        #expect(lot.availableAt == local(2025, 4, 3))
        #expect(lot.availableAt.timeIntervalSince(lot.earnedAt) == 14 * 86_400 - 3_600)
        #expect(try scenario.state(of: "ana").available(at: lot.availableAt.addingTimeInterval(-1)) == 0)
        scenario.clock.set(lot.availableAt)
        try scenario.expectBalance("ana", 100, available: 100)
        try scenario.redeem("ana", points: 100)
        try scenario.expectBalance("ana", 0, available: 0)
        try scenario.expectLedgersBalance()
    }

    @Test("a refund inside the window cancels the pending points")
    func refundInsideWindow() throws {
        var scenario = try Scenario(program: program, start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "p1")
        try scenario.purchase("ana", amount: 5_000, id: "p2")
        scenario.clock.advance(days: 3)
        let refund = try scenario.refund("ana", of: "p1")
        #expect(refund.ownEntries.map(\.points) == [-100])
        #expect(refund.warnings.isEmpty)
        let state = try scenario.state(of: "ana")
        #expect(state.deficit == 0)
        #expect(state.lotRemainders == ["p2": 50])
        try scenario.expectBalance("ana", 50, available: 0)
        try scenario.expectLedgersBalance()
    }

    @Test("a redemption skips pending lots and spends only released ones")
    func redemptionSkipsPending() throws {
        var scenario = try Scenario(program: program, start: "2025-03-01")
        try scenario.purchase("ana", amount: 10_000, id: "old")
        scenario.clock.advance(days: 20)
        try scenario.purchase("ana", amount: 5_000, id: "new")
        try scenario.expectBalance("ana", 150, available: 100)
        let outcome = try scenario.redeem("ana", points: 80)
        #expect(outcome.ownEntries.flatMap(\.lots).map(\.lotID) == ["old"])
        #expect(try scenario.state(of: "ana").lotRemainders == ["old": 20, "new": 50])
    }
}
