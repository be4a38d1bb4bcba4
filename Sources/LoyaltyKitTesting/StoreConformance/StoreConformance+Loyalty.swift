import Foundation
import LoyaltyKit

private typealias Kit = ConformanceKit

extension StoreConformance {
    // MARK: Through the Loyalty actor

    /// Registers three members and records purchases, a refund, a redemption and an expiry run.
    private func recordHistory(_ loyalty: Loyalty) async throws -> [Customer.ID] {
        let members = (0..<3).map { Kit.customer("m-\($0)") }
        for member in members { try await loyalty.register(member) }
        let purchases = Fixtures.purchases(count: 60, members: 3, start: Kit.day(1), spacing: 43_200)
        var outcomes: [Outcome] = []
        for purchase in purchases.prefix(30) { outcomes.append(try await loyalty.record(purchase)) }
        // The batch repeats five recorded activities: they return their first outcomes.
        let batch = try await loyalty.record(contentsOf: Array(purchases[25...]))
        try Kit.expectEqual(Array(batch.prefix(5)), Array(outcomes[25..<30]), "outcomes of activities recorded again in a batch")
        let refunded = purchases[0]
        try await loyalty.record(.refund(id: "refund-1", customer: refunded.customerID, date: Kit.day(40), of: refunded.id))
        try await loyalty.redeem(50, for: purchases[1].customerID, benefit: "Late checkout", id: "redeem-1", at: Kit.day(45))
        try await loyalty.expire(asOf: Kit.day(900))
        return members.map(\.id)
    }

    /// Expects every member's balance to equal the sum of their ledger.
    private func expectBooksBalance(_ store: any LoyaltyStore, _ members: [Customer.ID]) async throws {
        for id in members {
            let (state, ledger) = try await store.read { (try $0.memberState(id), try $0.ledger(of: id)) }
            let sum = ledger.reduce(Int64(0)) { $0 + $1.points.rawValue }
            try Kit.expectEqual(state?.balance.rawValue, .some(sum), "\(id)'s balance against the sum of the ledger")
        }
    }

    func loyaltyRoundTrip() async throws {
        let store = try await makeStore()
        let loyalty = try Loyalty(program: Kit.program, store: store)
        let members = try await recordHistory(loyalty)
        try await expectBooksBalance(store, members)
        let stored = try await store.read { try $0.activities(from: .distantPast, to: .distantFuture).count }
        // 3 enrolments, 60 purchases, a refund, a redemption.
        try Kit.expectEqual(stored, 65, "activities stored once each")
        let first = Fixtures.purchases(count: 1, members: 3, start: Kit.day(1), spacing: 43_200)[0]
        var changed = first
        changed.tags = ["changed"]
        let conflicting = changed
        try await Kit.expectError(.activityConflict, "an activity id recorded again with different content") {
            try await loyalty.record(conflicting)
        }
    }

    func exportAndErasure() async throws {
        let store = try await makeStore()
        let loyalty = try Loyalty(program: Kit.program, store: store)
        let guest = Customer(
            id: "guest-1", givenName: "Ana", familyName: "Silva", email: "ana.silva@example.com", phone: "+351 912 345 678",
            postalAddress: "Rua das Flores 12, Lisboa", birthday: try Birthday(month: 3, day: 14, year: 1990), memberSince: Kit.start,
            preferences: Preferences(categories: ["spa"], tags: ["sea-view"]), consents: [.email: .granted(on: Kit.start)])
        try await loyalty.register(guest)
        try await loyalty.record(.stay(id: "stay-1", customer: guest.id, date: Kit.day(10), nights: 3, amount: Kit.euros(420)))
        try await loyalty.record(Activity(id: "feedback-1", customerID: guest.id, date: Kit.day(13), channel: .email,
                                          kind: .feedback(Feedback(nps: 10, comment: "Ana loved room 12"))))
        try await loyalty.record(Activity(id: "call-1", customerID: guest.id, date: Kit.day(14), channel: .phone,
                                          kind: .interaction(Interaction(kind: .complaint, note: "Called about noisy neighbours"))))
        let export = try await loyalty.export(customer: guest.id, at: Kit.day(20))
        try Kit.expectEqual(export.customer, guest, "the exported profile")
        try Kit.expectEqual(export.activities.map(\.id.rawValue), ["enrollment:guest-1", "stay-1", "feedback-1", "call-1"], "exported activities")
        try Kit.expectEqual(export.ledger, try await store.read { try $0.ledger(of: guest.id) }, "the exported ledger")
        try Kit.expect(String(decoding: try export.json(), as: UTF8.self).contains("ana.silva@example.com"), "the JSON export holds the email")

        let before = try await store.read { (try $0.memberState(guest.id)?.balance, try $0.ledger(of: guest.id)) }
        let report = try await loyalty.erase(customer: guest.id, at: Kit.day(30))
        try Kit.expect(["givenName", "familyName", "email", "phone", "postalAddress", "birthday", "preferences", "consents"]
            .allSatisfy(report.clearedFields.contains), "cleared fields: \(report.clearedFields)")
        try Kit.expectEqual(report.redactedActivities, ["feedback-1", "call-1"], "redacted activities")
        let after = try await store.read { (try $0.memberState(guest.id)?.balance, try $0.ledger(of: guest.id)) }
        try Kit.expect(after == before, "the balance and ledger after erasure")
        let json = String(decoding: try await loyalty.export(customer: guest.id, at: Kit.day(31)).json(), as: UTF8.self)
        for secret in ["ana.silva@example.com", "Silva", "912 345", "Flores", "loved room", "noisy", "sea-view", "1990"] {
            try Kit.expect(!json.contains(secret), "the export after erasure still contains \"\(secret)\"")
        }
        try Kit.expectEqual(try await loyalty.customer(guest.id)?.consents(to: .email), .some(false), "email consent after erasure")
        let again = try await loyalty.erase(customer: guest.id, at: Kit.day(32))
        try Kit.expect(again.clearedFields.isEmpty && again.redactedActivities.isEmpty, "erasing twice changes nothing: \(again)")
        try await Kit.expectError(.customerNotFound, "erasing an unknown customer") {
            try await loyalty.erase(customer: "nobody", at: Kit.day(32))
        }
        try await expectBooksBalance(store, [guest.id])
    }

    func concurrentRedemptions() async throws {
        let store = try await makeStore()
        let loyalty = try Loyalty(program: Kit.program, store: store)
        let member = Kit.customer("m-1")
        try await loyalty.register(member)
        try await loyalty.record(.adjustment(id: "goodwill", customer: member.id, date: Kit.day(1), points: 1_000, reason: "welcome", actor: "conformance"))
        let available = try await loyalty.balance(of: member.id, at: Kit.day(30)).available.rawValue
        try Kit.expect(available >= 100, "the member has points to redeem (\(available))")
        let succeeded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    do {
                        try await loyalty.redeem(100, for: member.id, benefit: "Drink", id: Activity.ID("redeem-\(index)"), at: Kit.day(30))
                        return true
                    } catch LoyaltyError.insufficientPoints {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        try Kit.expectEqual(Int64(succeeded), min(16, available / 100), "redemptions that succeeded")
        let balance = try await loyalty.balance(of: member.id, at: Kit.day(30))
        try Kit.expect(balance.available.rawValue >= 0, "the available balance is never negative (\(balance.available))")
        try await expectBooksBalance(store, [member.id])
    }

    func persistence() async throws {
        guard let reopen else { return }
        let store = try await makeStore()
        let members = try await recordHistory(try Loyalty(program: Kit.program, store: store))
        try await Loyalty(program: Kit.program, store: store).erase(customer: members[0], at: Kit.day(901))
        let before = try await StoreContents.read(store)
        let reopened = try await reopen(store)
        try Kit.expectEqual(try await StoreContents.read(reopened), before, "the store's contents after reopening")
        let loyalty = try Loyalty(program: Kit.program, store: reopened)
        let old = Fixtures.purchases(count: 1, members: 3, start: Kit.day(1), spacing: 43_200)[0]
        try Kit.expectEqual(try await loyalty.record(old), before.outcomes[old.id] ?? nil, "an activity recorded before the reopen, recorded again")
        try await loyalty.record(Kit.purchase("after-reopen", members[1].rawValue, day: 950))
        try await expectBooksBalance(reopened, members)
    }
}
