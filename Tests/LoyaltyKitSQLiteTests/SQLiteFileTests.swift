import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting
import Testing

/// The database file itself: permissions, schema versions, foreign files, locking, and
/// several connections sharing one file.
struct SQLiteFileTests {
    static let start = local(2024, 3, 1)

    @Test("the database and its WAL and shared-memory files are readable by their owner only")
    func permissions() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let store = try SQLiteStore(path: path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            try await loyalty.register(Customer(id: "ana", givenName: "Ana", email: "ana@example.com", memberSince: Self.start))
            for suffix in ["", "-wal", "-shm"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
                let permissions = try #require(attributes[.posixPermissions] as? NSNumber)
                #expect(permissions.intValue == 0o600, "\(path + suffix) has permissions \(String(permissions.intValue, radix: 8))")
            }
            await store.close()
        }
    }

    @Test("a database written by a newer schema version is refused and left byte for byte as it was",
          arguments: ["WAL", "DELETE"])
    func newerSchema(journalMode: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let store = try SQLiteStore(path: path)
            try await Loyalty(program: Fixtures.seasideHotel(), store: store).register(Customer(id: "ana", memberSince: Self.start))
            await store.close()
            try rawSQL(path, "PRAGMA user_version = 99")
            // A newer version might use another journal mode; even that must not be touched.
            try rawSQL(path, "PRAGMA journal_mode = \(journalMode)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

            let error = await expectError(.storage) { _ = try SQLiteStore(path: path) }
            #expect(error?.message.contains("schema version 99") == true)
            #expect(error?.location == path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files)
        }
    }

    @Test("a file that is not a LoyaltyKit database is refused and left as it was", arguments: [
        "another application's database", "a text file",
    ])
    func foreignFile(_ kind: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("other.db").path
            if kind == "a text file" {
                try Data("name,points\nana,120\n".utf8).write(to: URL(fileURLWithPath: path))
            } else {
                try rawSQL(path, "CREATE TABLE notes (body TEXT)")
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = await expectError(.storage) { _ = try SQLiteStore(path: path) }
            #expect(error?.location == path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test("an older database is migrated: opening a new file records the schema version")
    func schemaVersion() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            try await SQLiteStore(path: path).close()
            #expect(try rawSQL(path, "PRAGMA user_version") == ["2"])
            #expect(try rawSQL(path, "PRAGMA journal_mode") == ["wal"])
            try await SQLiteStore(path: path).close()   // reopening an up-to-date file changes nothing
            #expect(try rawSQL(path, "PRAGMA user_version") == ["2"])
        }
    }

    @Test("a version 1 database, whose ledger rows copy their entries, is migrated with every ledger unchanged")
    func migrationFromVersion1() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let store = try SQLiteStore(path: path)
            let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: store)
            let members = fixtureMembers(3, since: Self.start)
            for member in members { try await loyalty.register(member) }
            try await loyalty.record(contentsOf: Fixtures.purchases(
                count: 60, members: 3, start: Self.start.addingTimeInterval(3_600), spacing: 86_400 * 15))
            try await loyalty.expire(asOf: Self.start.addingTimeInterval(86_400 * 3_000))
            let expected = try await store.read { reader in try members.map { try reader.ledger(of: $0.id) } }
            await store.close()
            #expect(try rawSQL(path, "SELECT count(*) FROM ledger_entries WHERE recorded_with IS NULL") != ["0"])

            // Turn the file back into what version 1 wrote: every ledger row holds its entry's body.
            try rawSQL(path, """
                CREATE TABLE v1 (sequence INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, activity_id TEXT NOT NULL,
                kind TEXT NOT NULL, date REAL NOT NULL, points INTEGER NOT NULL,
                recorded_with INTEGER REFERENCES activities (sequence), body BLOB NOT NULL)
                """)
            for (member, entries) in zip(members, expected) {
                let sequences = try rawSQL(path, "SELECT sequence FROM ledger_entries WHERE customer_id = '\(member.id.rawValue)' ORDER BY sequence")
                #expect(sequences.count == entries.count)
                for (sequence, entry) in zip(sequences, entries) {
                    let hex = entry.recordBytes.map { String(format: "%02X", $0) }.joined()
                    try rawSQL(path, """
                        INSERT INTO v1 SELECT sequence, customer_id, activity_id, kind, date, points, recorded_with, X'\(hex)'
                        FROM ledger_entries WHERE sequence = \(sequence)
                        """)
                }
            }
            try rawSQL(path, "DROP TABLE ledger_entries")
            try rawSQL(path, "ALTER TABLE v1 RENAME TO ledger_entries")
            try rawSQL(path, "CREATE INDEX ledger_entries_by_customer ON ledger_entries (customer_id)")
            try rawSQL(path, "PRAGMA user_version = 1")

            let migrated = try SQLiteStore(path: path)
            #expect(try rawSQL(path, "PRAGMA user_version") == ["2"])
            #expect(try rawSQL(path, "SELECT count(*) FROM ledger_entries WHERE recorded_with IS NOT NULL AND body IS NOT NULL") == ["0"])
            let ledgers = try await migrated.read { reader in try members.map { try reader.ledger(of: $0.id) } }
            #expect(ledgers == expected)
            await migrated.close()
        }
    }

    @Test("invalid options and a missing directory are reported; a closed store refuses work")
    func openingErrors() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            await expectError(.invalidInput) { _ = try SQLiteStore(path: path, options: .init(busyTimeout: -1)) }
            await expectError(.invalidInput) { _ = try SQLiteStore(path: path, options: .init(busyTimeout: .infinity)) }
            await expectError(.invalidInput) { _ = try SQLiteStore(url: try #require(URL(string: "https://example.com/db"))) }
            let missing = await expectError(.storage) { _ = try SQLiteStore(path: directory.appendingPathComponent("no/such/dir/db").path) }
            #expect(missing?.location?.hasSuffix("no/such/dir/db") == true)

            let store = try SQLiteStore(url: directory.appendingPathComponent("loyalty.sqlite"), options: .init(synchronous: .full))
            try await store.write { try $0.insert(Customer(id: "ana", memberSince: Self.start)) }
            await store.close()
            await store.close()
            await expectError(.storage) { _ = try await store.read { try $0.customerIDs() } }
            #expect(try await SQLiteStore(path: path).read { try $0.customerIDs() } == ["ana"])
        }
    }

    @Test("two stores on one file recording the same activities at the same time store each once")
    func twoConnections() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let program = Fixtures.seasideHotel()
            let first = try Loyalty(program: program, store: try SQLiteStore(path: path))
            let second = try Loyalty(program: program, store: try SQLiteStore(path: path))
            for customer in fixtureMembers(5, since: Self.start) { try await first.register(customer) }
            let activities = Fixtures.purchases(count: 300, members: 5, start: Self.start.addingTimeInterval(3_600), spacing: 3_600)
            let batches = stride(from: 0, to: activities.count, by: 25).map { Array(activities[$0..<$0 + 25]) }

            async let fromFirst = Self.record(batches, with: first)
            async let fromSecond = Self.record(batches, with: second)
            let (outcomesOfFirst, outcomesOfSecond) = try await (fromFirst, fromSecond)
            #expect(outcomesOfFirst == outcomesOfSecond)

            let reference = try Loyalty(program: program)
            for customer in fixtureMembers(5, since: Self.start) { try await reference.register(customer) }
            try await reference.record(contentsOf: activities)
            let all = try await second.store.read { try $0.activities(from: .distantPast, to: .distantFuture) }
            #expect(all.count == activities.count + 5)
            for id in try await reference.store.read({ try $0.customerIDs() }) {
                #expect(try await first.statement(for: id) == reference.statement(for: id))
                #expect(try await second.memberState(of: id) == reference.memberState(of: id))
            }
        }
    }

    static func record(_ batches: [[Activity]], with loyalty: Loyalty) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for batch in batches { outcomes += try await loyalty.record(contentsOf: batch) }
        return outcomes
    }

    @Test("a writer held up beyond the busy timeout gets a storage error naming the file")
    func busy() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let holder = try SQLiteStore(path: path)
            let waiter = try SQLiteStore(path: path, options: .init(busyTimeout: 0.05))
            let gate = Gate()
            let holding = Task {
                try await holder.write { writer in
                    try writer.insert(Customer(id: "ana", memberSince: Self.start))
                    gate.open()
                    gate.waitUntilReleased(timeout: 10)
                }
            }
            while !gate.isOpen { try await Task.sleep(nanoseconds: 1_000_000) }
            let error = await expectError(.storage) {
                try await waiter.write { try $0.insert(Customer(id: "bob", memberSince: Self.start)) }
            }
            gate.release()
            try await holding.value
            #expect(error?.location == path)
            #expect(error?.message.contains("busy timeout") == true)
            #expect(error?.underlying?.contains("SQLite extended code 5") == true)
            // Readers are never blocked by the writer, and the waiter works once the lock is free.
            try await waiter.write { try $0.insert(Customer(id: "bob", memberSince: Self.start)) }
            #expect(try await waiter.read { try $0.customerIDs() } == ["ana", "bob"])
        }
    }
}

/// A one-shot signal between a blocking store transaction and the test that waits on it.
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var opened = false
    private var released = false

    var isOpen: Bool {
        condition.lock()
        defer { condition.unlock() }
        return opened
    }

    func open() {
        condition.lock()
        opened = true
        condition.unlock()
    }

    func release() {
        condition.lock()
        released = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilReleased(timeout: TimeInterval) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        while !released, condition.wait(until: deadline) {}
        condition.unlock()
    }
}
