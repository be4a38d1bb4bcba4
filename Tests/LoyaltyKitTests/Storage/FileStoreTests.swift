import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct FileStoreTests {
    static let start = local(2023, 1, 5)
    static let members = 8

    /// Opens the store in `directory` with the seaside hotel programme.
    static func open(_ directory: URL, _ options: FileStore.Options = .init()) throws -> (FileStore, Loyalty) {
        let store = try FileStore(directory: directory, options: options)
        return (store, try Loyalty(program: Fixtures.seasideHotel(), store: store))
    }

    /// Three years of a small hotel's life: registrations, batches of purchases with nightly
    /// expiry runs between them (so that expiries interleave with outcomes in the ledger), stays
    /// that reach a tier, a redemption, a profile update and an erased feedback comment.
    static func populate(_ loyalty: Loyalty, _ store: some LoyaltyStore) async throws {
        for number in 0..<members {
            try await loyalty.register(Customer(
                id: Customer.ID("m-\(number)"), givenName: "Guest \(number)", email: "guest\(number)@example.com",
                birthday: try Birthday(month: number + 1, day: 10), memberSince: start))
        }
        for night in 0..<4 {
            try await loyalty.record(.stay(id: Fixtures.activityID("s", night), customer: "m-0",
                                           date: start.addingTimeInterval(Double(night) * 86_400 + 1_800), nights: 4, amount: eur(48_000)))
        }
        let purchases = Fixtures.purchases(count: 240, members: members, start: start.addingTimeInterval(3_600), spacing: 5 * 86_400)
        for batch in stride(from: 0, to: purchases.count, by: 30) {
            let slice = Array(purchases[batch..<min(batch + 30, purchases.count)])
            try await loyalty.record(contentsOf: slice)
            try await loyalty.expire(asOf: slice[slice.count - 1].date)
        }
        try await loyalty.evaluateTiers(asOf: start.addingTimeInterval(1_210 * 86_400))
        try await loyalty.redeem(100, for: "m-1", benefit: "spa voucher", id: "r-1", at: start.addingTimeInterval(1_220 * 86_400))
        try await loyalty.update(Customer(id: "m-2", givenName: "Guest 2", familyName: "Moved", memberSince: start))
        let feedback = Activity(id: "f-1", customerID: "m-3", date: start.addingTimeInterval(1_230 * 86_400), channel: .email,
                                kind: .feedback(Feedback(nps: 9, comment: "Ask for Rui at the bar")))
        try await loyalty.record(feedback)
        let erased = Activity(id: feedback.id, customerID: feedback.customerID, date: feedback.date, channel: .email,
                              kind: .feedback(Feedback(nps: 9)))
        try await store.write { try $0.replace(erased) }
    }

    /// A small history, one transaction each: the store's content after each of them
    /// (index 0: empty). The last transaction is a batch, so its record is long.
    static func transactions(_ loyalty: Loyalty, _ store: FileStore) async throws -> [StoreContent] {
        var contents = [try await StoreContent.read(store)]
        for number in 0..<3 {
            try await loyalty.register(Customer(id: Customer.ID("m-\(number)"), memberSince: start))
            contents.append(try await StoreContent.read(store))
        }
        let purchases = Fixtures.purchases(count: 30, members: 3, start: start.addingTimeInterval(60), spacing: 86_400)
        for purchase in purchases[0..<10] {
            try await loyalty.record(purchase)
            contents.append(try await StoreContent.read(store))
        }
        try await loyalty.record(contentsOf: Array(purchases[10...]))
        contents.append(try await StoreContent.read(store))
        return contents
    }

    @Test("everything survives closing and reopening: customers, states, activities, outcomes, ledgers")
    func roundTrip() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            #expect(store.recovery == FileStore.Recovery(loadedSnapshot: false, replayedRecords: 0))
            try await Self.populate(loyalty, store)
            let before = try await StoreContent.read(store)
            let balances = try await (0..<Self.members).asyncMap { try await loyalty.balance(of: Customer.ID("m-\($0)"), at: Self.start) }
            let statements = try await (0..<Self.members).asyncMap { try await loyalty.statement(for: Customer.ID("m-\($0)")) }
            #expect(before.ledgers.values.contains { $0.contains { $0.kind == .expire } })
            #expect(before.states.contains { $0.tier != nil })
            await store.close()

            let (reopened, again) = try Self.open(directory)
            let after = try await StoreContent.read(reopened)
            #expect(after == before)
            #expect(after.balancesMatchLedgers)
            #expect(reopened.recovery.isClean && !reopened.recovery.loadedSnapshot && reopened.recovery.replayedRecords > 0)
            #expect(try await (0..<Self.members).asyncMap { try await again.balance(of: Customer.ID("m-\($0)"), at: Self.start) } == balances)
            #expect(try await (0..<Self.members).asyncMap { try await again.statement(for: Customer.ID("m-\($0)")) } == statements)
            #expect(try await again.activity("f-1").flatMap(\.feedback?.comment) == nil)

            // The reopened store keeps working, idempotency included.
            let next = Activity.purchase(id: "late", customer: "m-4", date: Self.start.addingTimeInterval(900 * 86_400), amount: eur(2_000))
            let outcome = try await again.record(next)
            #expect(try await again.record(next) == outcome)
            await reopened.close()
            let (third, _) = try Self.open(directory)
            #expect(try await StoreContent.read(third).outcomes["late"] == outcome)
        }
    }

    @Test("a file store holds exactly what an in-memory store holds after the same calls")
    func sameAsInMemory() async throws {
        try await withTemporaryDirectory { directory in
            let memory = InMemoryStore()
            try await Self.populate(try Loyalty(program: Fixtures.seasideHotel(), store: memory), memory)
            let (store, loyalty) = try Self.open(directory)
            try await Self.populate(loyalty, store)
            #expect(try await StoreContent.read(store) == (try await StoreContent.read(memory)))
        }
    }

    @Test("compaction keeps everything, ledger order included, and survives reopening")
    func compaction() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            try await Self.populate(loyalty, store)
            let before = try await StoreContent.read(store)
            try await store.compact()
            #expect(try await StoreContent.read(store) == before)
            #expect(try directory.appendingPathComponent("journal.bin").fileSize == 40)
            await store.close()

            let (reopened, again) = try Self.open(directory)
            #expect(reopened.recovery == FileStore.Recovery(loadedSnapshot: true, replayedRecords: 0))
            #expect(try await StoreContent.read(reopened) == before)
            try await again.record(.purchase(id: "after", customer: "m-5", date: Self.start.addingTimeInterval(800 * 86_400), amount: eur(9_900)))
            try await again.expire(asOf: Self.start.addingTimeInterval(1_200 * 86_400))
            try await reopened.compact()
            try await again.record(.purchase(id: "after-2", customer: "m-5", date: Self.start.addingTimeInterval(1_201 * 86_400), amount: eur(500)))
            let later = try await StoreContent.read(reopened)
            #expect(later.balancesMatchLedgers)
            await reopened.close()

            let (third, _) = try Self.open(directory)
            #expect(third.recovery.loadedSnapshot && third.recovery.replayedRecords == 1)
            #expect(try await StoreContent.read(third) == later)
        }
    }

    @Test("a store compacts itself when its journal passes the threshold")
    func automaticCompaction() async throws {
        try await withTemporaryDirectory { directory in
            let options = FileStore.Options(durability: .none, automaticCompactionThreshold: 16 << 10)
            let (store, loyalty) = try Self.open(directory, options)
            try await Self.populate(loyalty, store)
            let before = try await StoreContent.read(store)
            // It compacts once the journal passes both the threshold and the snapshot's size.
            let snapshotSize = try directory.appendingPathComponent("snapshot.bin").fileSize
            #expect(try directory.appendingPathComponent("journal.bin").fileSize <= max(16 << 10, snapshotSize) + (64 << 10))
            await store.close()
            let (reopened, _) = try Self.open(directory, options)
            #expect(reopened.recovery.loadedSnapshot)
            #expect(try await StoreContent.read(reopened) == before)
        }
    }

    @Test("a crash between writing the snapshot and starting the new journal replays nothing twice")
    func crashDuringCompaction() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            try await Self.populate(loyalty, store)
            let before = try await StoreContent.read(store)
            let journal = directory.appendingPathComponent("journal.bin")
            let oldJournal = try journal.bytes
            try await store.compact()
            await store.close()
            try journal.write(oldJournal)   // as if the new journal had never replaced the old one

            let (reopened, again) = try Self.open(directory)
            #expect(reopened.recovery == FileStore.Recovery(loadedSnapshot: true, replayedRecords: 0))
            #expect(try await StoreContent.read(reopened) == before)
            try await again.record(.purchase(id: "after", customer: "m-5", date: Self.start.addingTimeInterval(800 * 86_400), amount: eur(9_900)))
            let after = try await StoreContent.read(reopened)
            await reopened.close()
            let (third, _) = try Self.open(directory)
            #expect(third.recovery.replayedRecords == 1)
            #expect(try await StoreContent.read(third) == after)
        }
    }

    @Test("a write whose body throws leaves no trace in memory or in the journal")
    func throwingWrite() async throws {
        struct Refused: Error {}
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            _ = try await Self.transactions(loyalty, store)
            let before = try await StoreContent.read(store)
            let journal = directory.appendingPathComponent("journal.bin")
            let size = try journal.fileSize
            await #expect(throws: Refused.self) {
                try await store.write { writer in
                    try writer.insert(Customer(id: "ghost", memberSince: Self.start))
                    try writer.update(Customer(id: "m-0", givenName: "Changed", memberSince: Self.start))
                    _ = try writer.updateMemberState(of: "m-0") { $0.birthday = try Birthday(month: 2, day: 2) }
                    let purchase = Activity.purchase(id: "ghost-1", customer: "m-1", date: Self.start, amount: eur(100))
                    _ = try writer.append(purchase, outcome: Outcome(activityID: "ghost-1", customerID: "m-1", date: Self.start))
                    throw Refused()
                }
            }
            #expect(try await StoreContent.read(store) == before)
            #expect(try journal.fileSize == size)
            await store.close()
            let (reopened, _) = try Self.open(directory)
            #expect(try await StoreContent.read(reopened) == before)
        }
    }

    @Test("a write that fails on disk is undone in memory and cut off the journal", arguments: [0, 5, 9, 60])
    func failingDisk(writtenBytes: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            _ = try await Self.transactions(loyalty, store)
            let before = try await StoreContent.read(store)
            let journal = directory.appendingPathComponent("journal.bin")
            let size = try journal.fileSize
            await store.failNextJournalWrite(afterWriting: writtenBytes)
            let purchase = Activity.purchase(id: "lost", customer: "m-1", date: Self.start.addingTimeInterval(99 * 86_400), amount: eur(5_000))
            await expectError(.storage) { try await loyalty.record(purchase) }
            #expect(try await StoreContent.read(store) == before)
            #expect(try journal.fileSize == size)

            let outcome = try await loyalty.record(purchase)   // the next write goes through
            let after = try await StoreContent.read(store)
            await store.close()
            let (reopened, _) = try Self.open(directory)
            #expect(reopened.recovery.isClean)
            #expect(try await StoreContent.read(reopened) == after)
            #expect(after.outcomes["lost"] == outcome)
        }
    }

    @Test("a torn last record is cut off and reported, wherever the write stopped")
    func tornTail() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            let contents = try await Self.transactions(loyalty, store)
            await store.close()
            let journal = directory.appendingPathComponent("journal.bin")
            let complete = try journal.bytes
            let records = journalRecords(complete)
            #expect(records.count == contents.count - 1)
            let last = try #require(records.last)
            #expect(last.offset + last.size == complete.count)

            var generator = SeededGenerator(seed: 7)
            var cuts = [last.offset + 1, last.offset + 4, last.offset + 8, last.offset + 9, complete.count - 1]
            cuts += (0..<20).map { _ in Int.random(in: last.offset + 1 ..< complete.count, using: &generator) }
            for cut in cuts {
                try journal.write(Array(complete[..<cut]))
                let (reopened, _) = try Self.open(directory)
                #expect(reopened.recovery.droppedBytes == cut - last.offset, "cut at \(cut)")
                #expect(reopened.recovery.droppedRecord?.number == records.count)
                #expect(reopened.recovery.droppedRecord?.offset == last.offset)
                #expect(reopened.recovery.replayedRecords == records.count - 1)
                #expect(try await StoreContent.read(reopened) == contents[contents.count - 2])
                #expect(try journal.fileSize == last.offset)
                await reopened.close()
            }

            // A complete last record whose bytes are damaged, and zeros a crash left after the
            // end, are torn writes too.
            var flipped = complete
            flipped[last.offset + 20] ^= 0x40
            try journal.write(flipped)
            let (damaged, _) = try Self.open(directory)
            #expect(damaged.recovery.droppedRecord?.reason.contains("checksum") == true)
            #expect(try await StoreContent.read(damaged) == contents[contents.count - 2])
            await damaged.close()

            try journal.write(complete + [UInt8](repeating: 0, count: 4_096))
            let (zeroed, _) = try Self.open(directory)
            #expect(zeroed.recovery.droppedBytes == 4_096)
            #expect(try await StoreContent.read(zeroed) == contents[contents.count - 1])
        }
    }

    @Test("damage in the middle of the journal makes opening fail, naming the file, record and offset")
    func middleDamage() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            _ = try await Self.transactions(loyalty, store)
            await store.close()
            let journal = directory.appendingPathComponent("journal.bin")
            let records = journalRecords(try journal.bytes)
            var bytes = try journal.bytes
            let damaged = records[5]
            bytes[damaged.offset + 12] ^= 0x01
            try journal.write(bytes)

            let error = expectError(.storage) { _ = try FileStore(directory: directory) }
            let message = error?.message ?? ""
            #expect(message.contains("journal.bin"))
            #expect(message.contains("record 6"))
            #expect(message.contains("byte \(damaged.offset)"))
            #expect(error?.location?.hasSuffix("journal.bin:6") == true)
            #expect(try journal.bytes == bytes, "nothing was dropped")
        }
    }

    @Test("repair keeps a backup of the journal and cuts it at the damaged record")
    func repair() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            let contents = try await Self.transactions(loyalty, store)
            await store.close()
            let journal = directory.appendingPathComponent("journal.bin")
            var bytes = try journal.bytes
            let records = journalRecords(bytes)
            bytes[records[7].offset + 3] ^= 0x80   // the length of record 8
            try journal.write(bytes)
            expectError(.storage) { _ = try FileStore(directory: directory) }

            let report = try FileStore.repair(at: directory)
            #expect(report.damagedRecord?.number == 8)
            #expect(report.damagedRecord?.offset == records[7].offset)
            #expect(report.keptRecords == 7)
            #expect(report.droppedBytes == bytes.count - records[7].offset)
            let backup = try #require(report.backup)
            #expect(try backup.bytes == bytes)
            #expect(try journal.fileSize == records[7].offset)

            let (repaired, _) = try Self.open(directory)
            #expect(repaired.recovery.isClean)
            #expect(try await StoreContent.read(repaired) == contents[7])
            await repaired.close()
            let again = try FileStore.repair(at: directory)
            #expect(again.wasIntact && again.backup == nil && again.keptRecords == 7)
        }
    }

    @Test("repair after a compaction cuts only the journal written since")
    func repairAfterCompaction() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            _ = try await Self.transactions(loyalty, store)
            try await store.compact()
            var contents = [try await StoreContent.read(store)]
            for day in 0..<3 {
                try await loyalty.record(.purchase(id: Fixtures.activityID("late", day), customer: "m-2",
                                                   date: Self.start.addingTimeInterval(Double(100 + day) * 86_400), amount: eur(1_500)))
                contents.append(try await StoreContent.read(store))
            }
            await store.close()
            let journal = directory.appendingPathComponent("journal.bin")
            var bytes = try journal.bytes
            let records = journalRecords(bytes)
            #expect(records.count == 3)
            bytes[records[1].offset + 30] ^= 0x04
            try journal.write(bytes)

            let report = try FileStore.repair(at: directory)
            #expect(report.damagedRecord?.number == 2 && report.keptRecords == 1)
            let (repaired, _) = try Self.open(directory)
            #expect(repaired.recovery.loadedSnapshot && repaired.recovery.replayedRecords == 1)
            #expect(try await StoreContent.read(repaired) == contents[1])
        }
    }

    @Test("a state that passes its checksum but does not decode is reported when read, and repair cuts its record")
    func undecodableState() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            let contents = try await Self.transactions(loyalty, store)
            await store.close()
            // A well-framed record saving a state of three garbage bytes for m-0.
            var payload = RecordEncoder()
            payload.write(UInt8(3))
            payload.write("m-0")
            payload.write(UInt64(3))
            payload.write(raw: [0xFF, 0xFF, 0xFF] as [UInt8])
            var frame = RecordEncoder()
            frame.writeFixed(UInt32(payload.bytes.count))
            frame.writeFixed(CRC32.checksum(payload.bytes, 0..<payload.bytes.count))
            frame.write(raw: payload.bytes + [0x0A])
            let journal = directory.appendingPathComponent("journal.bin")
            try journal.write(try journal.bytes + frame.bytes)

            let (reopened, again) = try Self.open(directory)   // states are decoded when first used
            #expect(reopened.recovery.isClean)
            let error = await expectError(.storage) { _ = try await again.balance(of: "m-0", at: Self.start) }
            #expect(error?.customerID == "m-0")
            await reopened.close()

            let report = try FileStore.repair(at: directory)
            #expect(report.damagedRecord?.number == contents.count)
            let (repaired, _) = try Self.open(directory)
            #expect(try await StoreContent.read(repaired) == contents[contents.count - 1])
        }
    }

    @Test("a damaged snapshot makes opening and repair fail, naming the snapshot")
    func damagedSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let (store, loyalty) = try Self.open(directory)
            try await Self.populate(loyalty, store)
            try await store.compact()
            await store.close()
            let snapshot = directory.appendingPathComponent("snapshot.bin")
            var bytes = try snapshot.bytes
            bytes[bytes.count / 2] ^= 0x10
            try snapshot.write(bytes)
            let error = expectError(.storage) { _ = try FileStore(directory: directory) }
            #expect(error?.message.contains("snapshot.bin") == true)
            expectError(.storage) { _ = try FileStore.repair(at: directory) }
        }
    }

    @Test("a second store on the same directory is refused while the first is open")
    func exclusive() async throws {
        try await withTemporaryDirectory { directory in
            let (store, _) = try Self.open(directory)
            let error = expectError(.storage) { _ = try FileStore(directory: directory) }
            #expect(error?.message.hasPrefix("store at ") == true)
            #expect(error?.message.hasSuffix("is in use by another process") == true)
            #expect(error?.message.contains(directory.lastPathComponent) == true)
            expectError(.storage) { _ = try FileStore.repair(at: directory) }

            await store.close()
            await expectError(.storage) { _ = try await store.read { try $0.customerIDs() } }
            await expectError(.storage) { try await store.write { try $0.insert(Customer(id: "late", memberSince: Self.start)) } }
            let second = try FileStore(directory: directory)
            #expect(try await second.read { try $0.customerIDs() } == [])
        }
    }

    @Test("releasing a store releases its directory")
    func releaseOnDeinit() async throws {
        try await withTemporaryDirectory { directory in
            do {
                let store = try FileStore(directory: directory)
                try await store.write { try $0.insert(Customer(id: "ana", memberSince: Self.start)) }
            }
            let reopened = try FileStore(directory: directory)
            #expect(try await reopened.read { try $0.customerIDs() } == ["ana"])
        }
    }

    @Test("the directory and the files are private to their owner")
    func permissions() async throws {
        try await withTemporaryDirectory { directory in
            let store = try FileStore(directory: directory.appendingPathComponent("nested/store"))
            try await store.compact()
            for name in ["store.lock", "journal.bin", "snapshot.bin"] {
                let path = directory.appendingPathComponent("nested/store/\(name)").path
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(name)")
            }
        }
    }

    @Test("files that are not a store are refused with a clear error")
    func foreignFiles() async throws {
        try await withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try directory.appendingPathComponent("journal.bin").write(Array("hello, world\n".utf8))
            let error = expectError(.storage) { _ = try FileStore(directory: directory) }
            #expect(error?.message.contains("LoyaltyKit journal") == true)
        }
    }

    @Test("CRC-32 gives the IEEE check value", arguments: [
        ("123456789", 0xCBF4_3926 as UInt32), ("", 0), ("a", 0xE8B7_BE43),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
    func crc(text: String, expected: UInt32) {
        let bytes = Array(text.utf8)
        #expect(CRC32.checksum(bytes, 0..<bytes.count) == expected)
    }
}

extension Loyalty {
    /// An activity by id.
    func activity(_ id: Activity.ID) async throws -> Activity? {
        try await store.read { try $0.activity(id) }
    }
}

extension Activity {
    /// The feedback details, if this is feedback.
    var feedback: Feedback? {
        if case .feedback(let feedback) = kind { return feedback }
        return nil
    }
}

extension Range where Bound == Int {
    /// Maps each element through an async function, in order.
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
