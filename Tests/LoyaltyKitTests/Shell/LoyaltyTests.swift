import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct LoyaltyTests {
    static let joined = local(2025, 3, 1, hour: 9)

    static func makeLoyalty(_ program: Program = makeProgram([onePointPerEuro, BonusRule.signup(50)])) async throws -> Loyalty {
        let loyalty = try Loyalty(program: program, store: InMemoryStore())
        try await loyalty.register(Customer(id: "ana", givenName: "Ana", memberSince: joined))
        return loyalty
    }

    @Test("registering enrols the customer, and a second registration is refused")
    func register() async throws {
        let loyalty = try Loyalty(program: makeProgram([onePointPerEuro, BonusRule.signup(50)]))
        let outcome = try await loyalty.register(Customer(id: "ana", birthday: try Birthday(month: 7, day: 4), memberSince: Self.joined))
        #expect(outcome.activityID == "enrollment:ana")
        #expect(outcome.pointsEarned == 50)
        #expect(try await loyalty.memberState(of: "ana")?.birthday == (try Birthday(month: 7, day: 4)))
        await expectError(.customerExists) { try await loyalty.register(Customer(id: "ana", memberSince: Self.joined)) }
        await expectError(.invalidInput) { try await loyalty.register(Customer(id: "", memberSince: Self.joined)) }
        #expect(try await loyalty.balance(of: "ana", at: Self.joined).total == 50)
        expectError(.invalidProgram) { _ = try Loyalty(program: makeProgram([PointsPerVisit(points: 0)])) }
    }

    @Test("updating a profile reaches the member state; unknown customers are refused")
    func update() async throws {
        let loyalty = try await Self.makeLoyalty()
        try await loyalty.update(Customer(id: "ana", givenName: "Ana", birthday: try Birthday(month: 3, day: 9), memberSince: Self.joined))
        #expect(try await loyalty.memberState(of: "ana")?.birthday?.month == 3)
        #expect(try await loyalty.customer("ana")?.birthday?.day == 9)
        await expectError(.customerNotFound) { try await loyalty.update(Customer(id: "bob", memberSince: Self.joined)) }
        await expectError(.customerNotFound) { try await loyalty.record(purchase("p1", 100, at: Self.joined, customer: "bob")) }
        await expectError(.customerNotFound) { _ = try await loyalty.balance(of: "bob", at: Self.joined) }
        await expectError(.customerNotFound) { _ = try await loyalty.statement(for: "bob") }
    }

    @Test("recording an activity twice returns the original outcome and changes nothing")
    func idempotent() async throws {
        let loyalty = try await Self.makeLoyalty()
        let activity = purchase("p1", 12_000, at: local(2025, 3, 2))
        let first = try await loyalty.record(activity)
        let state = try await loyalty.memberState(of: "ana")
        let ledger = try await loyalty.statement(for: "ana").entries
        let second = try await loyalty.record(activity)
        #expect(second == first)
        #expect(try await loyalty.memberState(of: "ana") == state)
        #expect(try await loyalty.statement(for: "ana").entries == ledger)
        let conflict = purchase("p1", 99_000, at: local(2025, 3, 2))
        await expectError(.activityConflict) { try await loyalty.record(conflict) }
        #expect(try await loyalty.memberState(of: "ana") == state)
        #expect(try await loyalty.explain("p1") == "+120: 1 pt per €1.00 on €120.00 [base]\nbalance 170")
        #expect(try await loyalty.explain("nope") == nil)
    }

    @Test("the balance equals the sum of the ledger, and statements carry opening and closing balances")
    func statement() async throws {
        let loyalty = try await Self.makeLoyalty(makeProgram([onePointPerEuro, BonusRule.signup(50)], expiry: .rollingMonths(2)))
        try await loyalty.record(purchase("p1", 10_000, at: local(2025, 3, 10)))
        try await loyalty.redeem(30, for: "ana", benefit: "coffee", id: "r1", at: local(2025, 4, 2))
        try await loyalty.record(purchase("p2", 4_000, at: local(2025, 4, 20)))
        try await loyalty.expire(asOf: local(2025, 6, 1))
        let statement = try await loyalty.statement(for: "ana")
        let balance = try await loyalty.balance(of: "ana", at: local(2025, 6, 1))
        #expect(statement.openingBalance == 0)
        #expect(statement.closingBalance == balance.total)
        #expect(statement.entries.reduce(0) { $0 + $1.points.rawValue } == balance.total.rawValue)
        #expect(balance.total == 40)
        #expect(statement.entries.filter { $0.kind == .expire }.map(\.points) == [-20, -100])   // the redemption spent the sooner-expiring sign-up lot first
        let april = try await loyalty.statement(for: "ana", from: local(2025, 4, 1, hour: 0), to: local(2025, 5, 1, hour: 0))
        #expect(april.openingBalance == 150)
        #expect(april.entries.map(\.points) == [-30, 40])
        #expect(april.closingBalance == 160)
        #expect(april.text.contains("opening balance 150"))
    }

    @Test("expire(asOf:) is idempotent and writes expire entries; evaluateTiers carries out reviews")
    func timePassing() async throws {
        let ladder = TierLadder(metric: .pointsEarned, window: .calendarYear, tiers: [Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 100)])
        let loyalty = try await Self.makeLoyalty(makeProgram(expiry: .rollingMonths(12), tiers: ladder))
        try await loyalty.register(Customer(id: "bob", memberSince: Self.joined))
        try await loyalty.record(purchase("p1", 20_000, at: local(2025, 3, 2)))
        #expect(try await loyalty.expiringPoints(for: "ana", within: 31, of: local(2026, 2, 15)) == [ExpiringPoints(date: local(2026, 3, 2), points: 200)])
        let first = try await loyalty.expire(asOf: local(2026, 3, 5))
        #expect(first.map(\.customerID) == ["ana"])
        #expect(first.flatMap(\.entries).map(\.points) == [-200])
        #expect(try await loyalty.expire(asOf: local(2026, 3, 5)).isEmpty)
        #expect(try await loyalty.balance(of: "ana", at: local(2026, 3, 5)).total == 0)
        // The expiry run leaves tier reviews to evaluateTiers.
        #expect(try await loyalty.memberState(of: "ana")?.tier?.tierID == "silver")
        let reviews = try await loyalty.evaluateTiers(asOf: local(2027, 1, 2))
        #expect(reviews.flatMap(\.tierChanges).map(\.to) == ["member"])
        #expect(try await loyalty.evaluateTiers(asOf: local(2027, 1, 2)).isEmpty)
        #expect(try await loyalty.tierProgress(for: "ana", at: local(2027, 1, 2))?.current.id == "member")
        let balance = try await loyalty.balance(of: "ana", at: local(2027, 1, 2))
        #expect(balance.tierID == "member")
        #expect(balance.available == 0)
    }

    @Test("sixteen concurrent redemptions never overdraw the balance")
    func concurrentRedemptions() async throws {
        let loyalty = try await Self.makeLoyalty(makeProgram())
        try await loyalty.record(purchase("p1", 100_000, at: local(2025, 3, 2)))     // 1,000 points
        let date = local(2025, 3, 3)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    do {
                        try await loyalty.redeem(150, for: "ana", benefit: "dinner", id: Activity.ID("r\(index)"), at: date)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.filter { $0 }.count == 6)
        let balance = try await loyalty.balance(of: "ana", at: date)
        #expect(balance.total == 100)
        #expect(balance.available == 100)
        let statement = try await loyalty.statement(for: "ana")
        #expect(statement.closingBalance == balance.total)
    }

    @Test("record(contentsOf:) stores all activities or none")
    func allOrNothing() async throws {
        let loyalty = try await Self.makeLoyalty()
        let state = try await loyalty.memberState(of: "ana")
        let ledger = try await loyalty.statement(for: "ana").entries
        let batch: [Activity] = [
            purchase("b1", 10_000, at: local(2025, 3, 2)),
            .redemption(id: "b2", customer: "ana", date: local(2025, 3, 3), points: 100, benefit: "spa"),
            .redemption(id: "b3", customer: "ana", date: local(2025, 3, 3), points: 100, benefit: "spa"),     // too many
            purchase("b4", 10_000, at: local(2025, 3, 4)),
        ]
        let error = await expectError(.insufficientPoints) { try await loyalty.record(contentsOf: batch) }
        #expect(error?.activityID == "b3")
        #expect(try await loyalty.memberState(of: "ana") == state)
        #expect(try await loyalty.statement(for: "ana").entries == ledger)
        #expect(try await loyalty.outcome(of: "b1") == nil)
        let outcomes = try await loyalty.record(contentsOf: [batch[0], batch[1], batch[3]])
        #expect(outcomes.map(\.balance) == [150, 50, 150])
        // Already stored activities are skipped with their stored outcome.
        #expect(try await loyalty.record(contentsOf: [batch[0]]) == [outcomes[0]])
    }
}

@Suite struct ScenarioIdempotencyTests {
    @Test("a scenario returns the first outcome for a repeated id and refuses different content under it")
    func repeatedIDs() throws {
        var scenario = try Scenario(program: Fixtures.seasideHotel(), start: "2025-03-01")
        try scenario.member("ana")
        let first = try scenario.purchase("ana", amount: 10_000, id: "p1")
        let again = try scenario.purchase("ana", amount: 10_000, id: "p1")
        #expect(again == first)
        #expect(scenario.outcomes.count == 1)
        #expect(throws: LoyaltyError.self) { try scenario.purchase("ana", amount: 20_000, id: "p1") }
        try scenario.expectBalance("ana", 100)
    }
}
