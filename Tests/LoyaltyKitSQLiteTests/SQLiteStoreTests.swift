import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting
import Testing

struct SQLiteStoreTests {
    static let start = local(2023, 1, 2)
    static let memberCount = 8

    /// 400 purchases over about 1,000 days: long enough for the 24-month expiry to bite.
    static let purchases = Fixtures.purchases(count: 400, members: memberCount, start: start, spacing: 2.5 * 86_400)

    /// Registers the members, records the purchases in batches and one at a time, a
    /// redemption, and two expiry runs between them, so that the ledger interleaves outcome
    /// entries, expiries inside outcomes and standalone expiry entries.
    static func feed(_ loyalty: Loyalty) async throws {
        for customer in fixtureMembers(memberCount, since: start.addingTimeInterval(-86_400)) {
            try await loyalty.register(customer)
        }
        for offset in stride(from: 0, to: 300, by: 50) {
            try await loyalty.record(contentsOf: Array(purchases[offset..<offset + 50]))
        }
        let afterBatches = purchases[299].date.addingTimeInterval(86_400)
        try await loyalty.redeem(200, for: "m-0", benefit: "Spa voucher", id: "r-1", at: afterBatches)
        try await loyalty.expire(asOf: afterBatches)
        for activity in purchases[300...] { try await loyalty.record(activity) }
        try await loyalty.expire(asOf: purchases[399].date.addingTimeInterval(40 * 86_400))
    }

    @Test("a history recorded through Loyalty survives close and reopen, and matches the in-memory store")
    func roundTrip() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let program = Fixtures.seasideHotel()
            let reference = try Loyalty(program: program, store: InMemoryStore())
            try await Self.feed(reference)
            let store = try SQLiteStore(path: path)
            try await Self.feed(try Loyalty(program: program, store: store))
            await store.close()

            let reopened = try SQLiteStore(path: path)
            let loyalty = try Loyalty(program: program, store: reopened)
            let end = Self.purchases[399].date.addingTimeInterval(60 * 86_400)
            var standaloneExpiries = 0
            for id in try await reference.store.read({ try $0.customerIDs() }) {
                #expect(try await loyalty.customer(id) == reference.customer(id))
                #expect(try await loyalty.memberState(of: id) == reference.memberState(of: id))
                #expect(try await loyalty.balance(of: id, at: end) == reference.balance(of: id, at: end))
                let statement = try await loyalty.statement(for: id)
                #expect(statement == (try await reference.statement(for: id)))
                let year = (from: local(2024, 1, 1, hour: 0), to: local(2025, 1, 1, hour: 0))
                #expect(try await loyalty.statement(for: id, from: year.from, to: year.to)
                        == reference.statement(for: id, from: year.from, to: year.to))
                let state = try #require(try await loyalty.memberState(of: id))
                #expect(statement.entries.reduce(0) { $0 + $1.points.rawValue } == state.balance.rawValue)
                #expect(statement.closingBalance == state.balance)
                #expect(try await reopened.read { try $0.activities(of: id) } == reference.store.read { try $0.activities(of: id) })
                let inOutcomes = try await reopened.read { reader in
                    Set(try reader.activities(of: id).flatMap { try reader.outcome(of: $0.id)?.entries.map(\.id) ?? [] })
                }
                standaloneExpiries += statement.entries.filter { $0.kind == .expire && !inOutcomes.contains($0.id) }.count
            }
            #expect(standaloneExpiries > 0, "the history should include standalone expiry entries")
            #expect(try await loyalty.outcome(of: "r-1") == reference.outcome(of: "r-1"))
            #expect(try await loyalty.outcome(of: Self.purchases[123].id) == reference.outcome(of: Self.purchases[123].id))
            let range = (from: local(2023, 6, 1), to: local(2024, 6, 1))
            #expect(try await reopened.read { try $0.activities(from: range.from, to: range.to) }
                    == reference.store.read { try $0.activities(from: range.from, to: range.to) })
            for date in [local(2024, 1, 1), local(2025, 3, 1), local(2026, 1, 1), end.addingTimeInterval(800 * 86_400)] {
                #expect(try await reopened.read { try $0.customersWithLotsExpiring(by: date) }
                        == reference.store.read { try $0.customersWithLotsExpiring(by: date) })
            }
        }
    }

    @Test("a write that throws rolls back everything it did, and the store keeps working")
    func rollback() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let program = Fixtures.seasideHotel()
            let loyalty = try Loyalty(program: program, store: store)
            try await loyalty.register(Customer(id: "ana", memberSince: Self.start))
            try await loyalty.record(.purchase(id: "p-1", customer: "ana", date: Self.start, amount: Money(minorUnits: 12_000, currency: .eur)))
            let before = try await store.read { reader in
                (try reader.customerIDs(), try reader.memberState("ana"), try reader.ledger(of: "ana"), try reader.activities(of: "ana"),
                 try reader.customersWithLotsExpiring(by: local(2030, 1, 1)))
            }

            let later = Self.start.addingTimeInterval(86_400)
            await #expect(throws: Boom.self) {
                try await store.write { writer in
                    try writer.insert(Customer(id: "bob", memberSince: later))
                    let purchase = Activity.purchase(id: "p-2", customer: "ana", date: later, amount: Money(minorUnits: 5_000, currency: .eur))
                    let outcome = try writer.updateMemberState(of: "ana") { try program.apply(purchase, to: &$0) }
                    guard let outcome else { throw LoyaltyError(.customerNotFound, "ana should be registered") }
                    _ = try writer.append(purchase, outcome: outcome)
                    try writer.append([LedgerEntry(id: LedgerEntry.ID(activityID: "p-1", kind: .adjust, index: 0), customerID: "ana",
                                                   date: later, points: -3, rule: "test", reason: .custom("test"))])
                    try writer.save(MemberState(customerID: "carla", memberSince: later))
                    throw Boom()
                }
            }
            let after = try await store.read { reader in
                (try reader.customerIDs(), try reader.memberState("ana"), try reader.ledger(of: "ana"), try reader.activities(of: "ana"),
                 try reader.customersWithLotsExpiring(by: local(2030, 1, 1)))
            }
            #expect(after == before)
            #expect(try await store.read { try $0.memberState("carla") } == nil)

            // A batch with an unregistered customer in the middle stores none of it.
            let batch: [Activity] = [
                .purchase(id: "p-3", customer: "ana", date: later, amount: Money(minorUnits: 1_000, currency: .eur)),
                .purchase(id: "p-4", customer: "nobody", date: later, amount: Money(minorUnits: 1_000, currency: .eur)),
            ]
            await expectError(.customerNotFound) { try await loyalty.record(contentsOf: batch) }
            #expect(try await store.read { try $0.activity("p-3") } == nil)
            #expect(try await loyalty.memberState(of: "ana") == before.1)

            try await loyalty.record(batch[0])
            #expect(try await store.read { try $0.activities(of: "ana") }.map(\.id) == ["enrollment:ana", "p-1", "p-3"])
        }
    }

    @Test("recording an activity twice stores it once; append reports the duplicate")
    func idempotent() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            try await loyalty.register(Customer(id: "ana", memberSince: Self.start))
            let purchase = Activity.purchase(id: "p-1", customer: "ana", date: Self.start, amount: Money(minorUnits: 12_000, currency: .eur))
            let first = try await loyalty.record(purchase)
            let ledger = try await store.read { try $0.ledger(of: "ana") }
            #expect(try await loyalty.record(purchase) == first)
            #expect(try await loyalty.record(contentsOf: [purchase, purchase]) == [first, first])
            #expect(try await store.read { try $0.ledger(of: "ana") } == ledger)
            #expect(try await store.write { try $0.append(purchase, outcome: first) } == false)
            #expect(try await store.read { try $0.activities(of: "ana") }.map(\.id) == ["enrollment:ana", "p-1"])
        }
    }

    @Test("ids that Swift considers equal (canonically equivalent Unicode) are one key")
    func canonicallyEquivalentIDs() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            try await loyalty.register(Customer(id: "jos\u{E9}", memberSince: Self.start))
            await expectError(.customerExists) { try await loyalty.register(Customer(id: "jose\u{301}", memberSince: Self.start)) }
            let composed = Activity.purchase(id: "caf\u{E9}-1", customer: "jos\u{E9}", date: Self.start, amount: Money(minorUnits: 900, currency: .eur))
            var decomposed = composed
            decomposed.id = "cafe\u{301}-1"
            decomposed.customerID = "jose\u{301}"
            let outcome = try await loyalty.record(composed)
            #expect(try await loyalty.record(decomposed) == outcome)
            #expect(try await store.read { try $0.activities(of: "jose\u{301}") }.count == 2)   // enrolment and the purchase
            #expect(try await store.read { try $0.customerIDs() } == ["jos\u{E9}"])
        }
    }

    /// Ids and names that would break SQL built by string interpolation.
    static let hostileTexts = [
        "'); DROP TABLE customers; --",
        "Robert'); DROP TABLE activities;--",
        "\" OR 1=1 --",
        "x' OR 'x'='x",
        "semi;colon\nnew line\ttab",
        "percent % underscore _ backslash \\",
        "emoji 🏖️ and ümlaut",
        "nul\u{0}inside",
    ]

    @Test("ids and names that look like SQL are stored verbatim", arguments: hostileTexts)
    func hostileText(_ text: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let store = try SQLiteStore(path: path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            let customer = Customer(id: Customer.ID(text), givenName: text, familyName: text, email: text, memberSince: Self.start)
            try await loyalty.register(customer)
            let purchase = Activity.purchase(id: Activity.ID(text), customer: customer.id, date: Self.start,
                                             amount: Money(minorUnits: 4_200, currency: .eur), category: text, tags: [text])
            let outcome = try await loyalty.record(purchase)
            await store.close()

            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.read { try $0.customer(customer.id) } == customer)
            #expect(try await reopened.read { try $0.customerIDs() } == [customer.id])
            #expect(try await reopened.read { try $0.activity(purchase.id) } == purchase)
            #expect(try await reopened.read { try $0.outcome(of: purchase.id) } == outcome)
            #expect(try await reopened.read { try $0.ledger(of: customer.id) }.map(\.activityID) == [purchase.id])
            #expect(try await reopened.read { try $0.activities(of: customer.id) }.map(\.id) == [Activity.ID("enrollment:\(text)"), purchase.id])
        }
    }

    @Test("activities stream by date then recording order, and nested reads inside the stream work")
    func streaming() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            for customer in fixtureMembers(3, since: Self.start) { try await loyalty.register(customer) }
            let day = 86_400.0
            // Recorded out of date order, two on the same instant.
            let euros = Money(minorUnits: 1_000, currency: .eur)
            let activities: [Activity] = [
                .purchase(id: "c", customer: "m-0", date: Self.start.addingTimeInterval(3 * day), amount: euros),
                .purchase(id: "a", customer: "m-1", date: Self.start.addingTimeInterval(1 * day), amount: euros),
                .purchase(id: "b2", customer: "m-2", date: Self.start.addingTimeInterval(2 * day), amount: euros),
                .purchase(id: "b1", customer: "m-0", date: Self.start.addingTimeInterval(2 * day), amount: euros),
                .purchase(id: "d", customer: "m-1", date: Self.start.addingTimeInterval(9 * day), amount: euros),
            ]
            for activity in activities { try await loyalty.record(activity) }
            let window = (from: Self.start.addingTimeInterval(1 * day), to: Self.start.addingTimeInterval(9 * day))
            let streamed = try await store.read { reader in
                var seen: [String] = []
                try reader.forEachActivity(from: window.from, to: window.to) { activity in
                    // A nested cursor on the same query and point reads while the outer one is open.
                    let inner = try reader.activities(from: window.from, to: window.to).count
                    let again = try reader.activity(activity.id)
                    seen.append("\(activity.id.rawValue):\(inner):\(again == activity)")
                }
                return seen
            }
            #expect(streamed == ["a:4:true", "b2:4:true", "b1:4:true", "c:4:true"])

            // A body that throws stops the stream; the next read starts afresh.
            await #expect(throws: Boom.self) {
                try await store.read { reader in try reader.forEachActivity(from: window.from, to: window.to) { _ in throw Boom() } }
            }
            #expect(try await store.read { try $0.activities(from: window.from, to: window.to) }.map(\.id) == ["a", "b2", "b1", "c"])
        }
    }

    @Test("replacing an activity changes its content only; a changed date or an unknown id is refused")
    func replace() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            try await loyalty.register(Customer(id: "ana", memberSince: Self.start))
            let feedback = Activity(id: "f-1", customerID: "ana", date: Self.start, channel: .email,
                                    kind: .feedback(Feedback(nps: 9, comment: "Room 12 smelled of smoke — Ana, +351 912 345 678")))
            let outcome = try await loyalty.record(feedback)
            let erased = Activity(id: "f-1", customerID: "ana", date: Self.start, channel: .email, kind: .feedback(Feedback(nps: 9)))
            try await store.write { try $0.replace(erased) }
            #expect(try await store.read { try $0.activity("f-1") } == erased)
            #expect(try await store.read { try $0.outcome(of: "f-1") } == outcome)

            let moved = Activity(id: "f-1", customerID: "ana", date: Self.start.addingTimeInterval(60), channel: .email,
                                 kind: .feedback(Feedback(nps: 9)))
            await expectError(.invalidInput) { try await store.write { try $0.replace(moved) } }
            let unknown = Activity(id: "f-2", customerID: "ana", date: Self.start, channel: .email, kind: .feedback(Feedback(nps: 9)))
            await expectError(.activityNotFound) { try await store.write { try $0.replace(unknown) } }
            #expect(try await store.read { try $0.activity("f-1") } == erased)
        }
    }

    @Test("the lot index follows redemptions and expiries, so lot-expiry queries agree with the member states")
    func lotIndex() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("loyalty.sqlite").path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            for customer in fixtureMembers(Self.memberCount, since: Self.start) { try await loyalty.register(customer) }
            let checks = [local(2023, 6, 1), local(2025, 1, 10), local(2025, 6, 1), local(2026, 1, 1), local(2030, 1, 1)]
            func expectIndexAgrees(_ comment: Comment) async throws {
                for date in checks {
                    let (indexed, scanned) = try await store.read { reader in
                        let scanned = try reader.customerIDs().filter { id in
                            try reader.memberState(id)?.lots.contains { $0.remaining.rawValue > 0 && ($0.expiresAt.map { $0 <= date } ?? false) } ?? false
                        }
                        return (try reader.customersWithLotsExpiring(by: date), scanned)
                    }
                    #expect(indexed == scanned, comment)
                }
            }
            try await loyalty.record(contentsOf: Array(Self.purchases[..<150]))
            try await expectIndexAgrees("after purchases")
            let balance = try await loyalty.balance(of: "m-3", at: Self.purchases[149].date.addingTimeInterval(30 * 86_400))
            try await loyalty.redeem(balance.available, for: "m-3", benefit: "everything", id: "r-all",
                                     at: Self.purchases[149].date.addingTimeInterval(30 * 86_400))
            try await expectIndexAgrees("after draining a member's lots")
            try await loyalty.expire(asOf: local(2025, 6, 1))
            try await expectIndexAgrees("after an expiry run")
            try await loyalty.record(contentsOf: Array(Self.purchases[150...]))
            try await expectIndexAgrees("after more purchases")
        }
    }
}
