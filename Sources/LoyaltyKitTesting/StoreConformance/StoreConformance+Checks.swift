import Foundation
import LoyaltyKit

private typealias Kit = ConformanceKit

extension StoreConformance {
    // MARK: Customers

    func customers() async throws {
        let store = try await makeStore()
        let people = ["c-b", "c-a", "c-c"].map { Kit.customer($0) }
        try await store.write { writer in for person in people { try writer.insert(person) } }
        for person in people {
            try Kit.expectEqual(try await store.read { try $0.customer(person.id) }, .some(person), "customer \(person.id) read back")
        }
        var changed = people[1]
        changed.email = "a@example.com"
        changed.familyName = "Changed"
        let update = changed
        try await store.write { try $0.update(update) }
        try Kit.expectEqual(try await store.read { try $0.customer(update.id) }, .some(update), "updated customer")
        try Kit.expectEqual(try await store.read { try $0.customerIDs() }, ["c-a", "c-b", "c-c"], "customer ids")
        try Kit.expectEqual(try await store.read { try $0.customer("c-unknown") }, nil, "unknown customer")
    }

    func customerErrors() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        try await store.write { try $0.insert(person) }
        try await Kit.expectError(.customerExists, "inserting a customer twice") {
            try await store.write { try $0.insert(Kit.customer("c-1", email: "other@example.com")) }
        }
        try await Kit.expectError(.customerNotFound, "updating an unknown customer") {
            try await store.write { try $0.update(Kit.customer("c-2")) }
        }
        try await Kit.expectError(.invalidInput, "inserting a customer with an empty id") {
            try await store.write { try $0.insert(Kit.customer("")) }
        }
        try Kit.expectEqual(try await store.read { try $0.customer(person.id) }, .some(person), "the stored customer after refused writes")
        try Kit.expectEqual(try await store.read { try $0.customerIDs() }, [person.id], "customer ids after refused writes")
    }

    // MARK: Activities

    func idempotentAppend() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let first = Kit.purchase("p-1", "c-1", day: 1)
        let (outcomes, state) = try Kit.apply([first], to: person)
        let outcome = outcomes[0]
        try await store.write { writer in
            try writer.insert(person)
            try writer.save(state)
            try Kit.expect(try writer.append(first, outcome: outcome), "the first append returns true")
        }
        var other = outcome
        other.balance = Points(999)
        let changedOutcome = other
        let again = try await store.write { try $0.append(first, outcome: changedOutcome) }
        try Kit.expect(!again, "appending the same activity id again returns false")
        try Kit.expectEqual(try await store.read { try $0.outcome(of: first.id) }, .some(outcome), "the outcome after a repeated append")
        try Kit.expectEqual(try await store.read { try $0.activities(of: person.id) }, [first], "the member's activities")
        try Kit.expectEqual(try await store.read { try $0.ledger(of: person.id) }, outcome.entries, "the member's ledger")
    }

    func rollback() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let purchase = Kit.purchase("p-1", "c-1", day: 1)
        let (outcomes, initialState) = try Kit.apply([purchase], to: person)
        var state = initialState
        let outcome = outcomes[0]
        let expiry = Kit.program.advance(&state, to: Kit.day(1_000)).entries
        try Kit.expect(!expiry.isEmpty, "the fixture expires the purchase's points after two years")
        let finalState = state
        try await Kit.abortedWrite(store) { writer in
            try writer.insert(person)
            try writer.save(finalState)
            _ = try writer.append(purchase, outcome: outcome)
            try writer.append(expiry)
        }
        let contents = try await StoreContents.read(store, members: [person.id])
        try Kit.expect(contents.isEmpty, "a rolled-back write left \(contents)")
        try Kit.expectEqual(try await store.read { try $0.activity(purchase.id) }, nil, "the rolled-back activity")
        try Kit.expectEqual(try await store.read { try $0.outcome(of: purchase.id) }, nil, "the rolled-back outcome")
        // The same writes succeed afterwards: nothing (no unique key, no lock) was left behind.
        let appended = try await store.write { writer -> Bool in
            try writer.insert(person)
            try writer.save(finalState)
            return try writer.append(purchase, outcome: outcome)
        }
        try Kit.expect(appended, "the activity can be appended after the rollback")
    }

    func rollbackOfChanges() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let first = Kit.purchase("p-1", "c-1", day: 1)
        let second = Kit.purchase("p-2", "c-1", day: 2)
        let (outcomes, state) = try Kit.apply([first], to: person)
        try await store.write { writer in
            try writer.insert(person)
            try writer.save(state)
            _ = try writer.append(first, outcome: outcomes[0])
        }
        let before = try await StoreContents.read(store)
        let program = Kit.program
        try await Kit.abortedWrite(store) { writer in
            var changed = person
            changed.email = "changed@example.com"
            try writer.update(changed)
            guard let outcome = try writer.updateMemberState(of: person.id, { try program.apply(second, to: &$0) }) else {
                throw ExpectationFailure("updateMemberState finds the saved state")
            }
            _ = try writer.append(second, outcome: outcome)
            var replaced = first
            replaced.tags = ["replaced"]
            try writer.replace(replaced)
            var saved = state
            saved.memberSince = Kit.day(5)
            try writer.save(saved)
        }
        try Kit.expectEqual(try await StoreContents.read(store), before, "the store after a rolled-back write")
    }

    func ledgerOrder() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let activities = [Kit.purchase("p-1", "c-1", day: 1), Kit.purchase("p-2", "c-1", day: 800), Kit.purchase("p-3", "c-1", day: 1_600)]
        var state = MemberState(customer: person)
        var expected: [LedgerEntry] = []
        try await store.write { try $0.insert(person) }
        for (index, activity) in activities.enumerated() {
            let outcome = try Kit.program.apply(activity, to: &state)
            let expiry = Kit.program.advance(&state, to: Kit.day(800 * (index + 1) - 1)).entries
            let snapshot = state
            expected += outcome.entries + expiry
            if index == 1 {
                // Outcome and standalone entries in one write.
                try await store.write { writer in
                    _ = try writer.append(activity, outcome: outcome)
                    try writer.append(expiry)
                    try writer.save(snapshot)
                }
            } else {
                try await store.write { writer in
                    _ = try writer.append(activity, outcome: outcome)
                    try writer.save(snapshot)
                }
                try await store.write { writer in try writer.append(expiry) }
            }
        }
        try Kit.expect(expected.contains { $0.kind == .expire }, "the fixture writes expiry entries")
        try Kit.expectEqual(try await store.read { try $0.ledger(of: person.id) }, expected, "the ledger order")
        try Kit.expectEqual(try await store.read { try $0.ledger(of: "c-unknown") }, [], "an unknown member's ledger")
    }

    func memberStates() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let (_, state) = try Kit.apply([Kit.purchase("p-1", "c-1", day: 1), Kit.purchase("p-2", "c-1", day: 40)], to: person)
        try await store.write { try $0.save(state) }
        try Kit.expectEqual(try await store.read { try $0.memberState(person.id) }, .some(state), "a saved state")
        let program = Kit.program
        let third = Kit.purchase("p-3", "c-1", day: 60)
        var expected = state
        _ = try program.apply(third, to: &expected)
        let outcome = try await store.write { try $0.updateMemberState(of: person.id) { try program.apply(third, to: &$0) } }
        try Kit.expect(outcome != nil, "updateMemberState finds the saved state")
        try Kit.expectEqual(try await store.read { try $0.memberState(person.id) }, .some(expected), "a state changed in place")
        let missing = try await store.write { try $0.updateMemberState(of: "c-unknown") { _ in 1 } }
        try Kit.expectEqual(missing, nil, "updateMemberState of an unknown member")
        try await store.write { try $0.save(state) }
        try Kit.expectEqual(try await store.read { try $0.memberState(person.id) }, .some(state), "a state saved over another")
    }

    func queries() async throws {
        let store = try await makeStore()
        let alice = Kit.customer("alice"), bob = Kit.customer("bob")
        // Recorded out of date order; p-3 and p-4 share a date.
        let recorded = [Kit.purchase("p-1", "alice", day: 5), Kit.purchase("p-2", "bob", day: 1),
                        Kit.purchase("p-3", "alice", day: 3), Kit.purchase("p-4", "bob", day: 3),
                        Kit.purchase("p-5", "alice", day: 9)]
        var states = [alice.id: MemberState(customer: alice), bob.id: MemberState(customer: bob)]
        var outcomes: [Outcome] = []
        for activity in recorded {
            guard var state = states[activity.customerID] else { continue }
            outcomes.append(try Kit.program.apply(activity, to: &state))
            states[activity.customerID] = state
        }
        let finalStates = Array(states.values), finalOutcomes = outcomes
        try await store.write { writer in
            try writer.insert(alice)
            try writer.insert(bob)
            for state in finalStates { try writer.save(state) }
            for (activity, outcome) in zip(recorded, finalOutcomes) { _ = try writer.append(activity, outcome: outcome) }
        }
        let ids = { (activities: [Activity]) in activities.map(\.id.rawValue) }
        try Kit.expectEqual(ids(try await store.read { try $0.activities(of: alice.id) }), ["p-1", "p-3", "p-5"], "alice's activities")
        try Kit.expectEqual(ids(try await store.read { try $0.activities(of: bob.id) }), ["p-2", "p-4"], "bob's activities")
        try Kit.expectEqual(ids(try await store.read { try $0.activities(of: "nobody") }), [], "an unknown member's activities")
        let (from, to) = (Kit.day(3), Kit.day(9))
        try Kit.expectEqual(ids(try await store.read { try $0.activities(from: from, to: to) }), ["p-3", "p-4", "p-1"],
                            "activities in [day 3, day 9): by date, then recording order; the end excluded")
        let streamed = try await store.read { reader -> [Activity] in
            var seen: [Activity] = []
            try reader.forEachActivity(from: .distantPast, to: .distantFuture) { seen.append($0) }
            return seen
        }
        try Kit.expectEqual(ids(streamed), ["p-2", "p-3", "p-4", "p-1", "p-5"], "every activity, streamed by date")
        try Kit.expectEqual(try await store.read { try $0.activity("p-4") }, .some(recorded[3]), "an activity by id")
    }

    func expiringLots() async throws {
        let store = try await makeStore()
        // Points expire 24 months after they are earned.
        let early = try Kit.apply([Kit.purchase("p-1", "early", day: 1)], to: Kit.customer("early")).state
        let late = try Kit.apply([Kit.purchase("p-2", "late", day: 100)], to: Kit.customer("late")).state
        let none = MemberState(customer: Kit.customer("none"))
        try await store.write { writer in
            for state in [late, none, early] {
                try writer.insert(Kit.customer(state.customerID.rawValue))
                try writer.save(state)
            }
        }
        guard let earlyDue = early.lots.first?.expiresAt, let lateDue = late.lots.first?.expiresAt else {
            throw ExpectationFailure("the fixture's lots have expiry dates")
        }
        try Kit.expectEqual(try await store.read { try $0.customersWithLotsExpiring(by: earlyDue.addingTimeInterval(-1)) }, [], "lots due before the first expiry")
        try Kit.expectEqual(try await store.read { try $0.customersWithLotsExpiring(by: earlyDue) }, ["early"], "lots due at the first expiry")
        try Kit.expectEqual(try await store.read { try $0.customersWithLotsExpiring(by: lateDue) }, ["early", "late"], "lots due at the second expiry")
    }

    func replacement() async throws {
        let store = try await makeStore()
        let person = Kit.customer("c-1")
        let feedback = Activity(id: "f-1", customerID: person.id, date: Kit.day(2), channel: .email,
                                kind: .feedback(Feedback(nps: 9, comment: "Lovely room, ask for Marta")))
        let (outcomes, state) = try Kit.apply([feedback], to: person)
        try await store.write { writer in
            try writer.insert(person)
            try writer.save(state)
            _ = try writer.append(feedback, outcome: outcomes[0])
        }
        try await Kit.expectError(.activityNotFound, "replacing an unknown activity") {
            try await store.write { try $0.replace(Kit.purchase("p-unknown", "c-1", day: 1)) }
        }
        var moved = feedback
        moved.customerID = "c-2"
        let movedCopy = moved
        try await Kit.expectError(.invalidInput, "a replacement that changes the customer") {
            try await store.write { try $0.replace(movedCopy) }
        }
        guard let redacted = feedback.redacted() else { throw ExpectationFailure("feedback with a comment can be redacted") }
        try await store.write { try $0.replace(redacted) }
        try Kit.expectEqual(try await store.read { try $0.activity(feedback.id) }, .some(redacted), "the replaced activity")
        try Kit.expectEqual(try await store.read { try $0.activities(of: person.id) }, [redacted], "the member's activities after replacement")
        try Kit.expectEqual(try await store.read { try $0.outcome(of: feedback.id) }, .some(outcomes[0]), "the outcome of a replaced activity")
    }
}
