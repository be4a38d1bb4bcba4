import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistence workloads: record-sqlite, record-file, open-file, durable-single.
enum StorageBenchmarks {
    static let batchSize = 1_000

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loyalty-bench-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func batches(_ data: Dataset) -> [[Activity]] {
        stride(from: 0, to: data.activities.count, by: batchSize).map {
            Array(data.activities[$0..<min($0 + batchSize, data.activities.count)])
        }
    }

    /// Registers the dataset's members (not timed).
    static func seed(_ store: any LoyaltyStore, _ data: Dataset) async throws {
        try await store.write { writer in
            for state in data.members {
                try writer.insert(Customer(id: state.customerID, birthday: state.birthday, memberSince: state.memberSince))
                try writer.save(state)
            }
        }
    }

    /// Seeds the members, then times recording the batches through `Loyalty`.
    static func record(_ batches: [[Activity]], into store: any LoyaltyStore, _ data: Dataset) async throws -> Double {
        try await seed(store, data)
        let loyalty = try Loyalty(program: data.program, store: store)
        return try await Harness.time {
            for batch in batches { try await loyalty.record(contentsOf: batch) }
        }
    }

    /// `record-sqlite`: the purchases through `Loyalty` into an `SQLiteStore` (synchronous
    /// NORMAL), 1,000 per transaction; baseline: raw prepared inserts of one row per activity.
    static func recordSQLite(_ data: Dataset) async throws {
        let folder = try temporaryFolder("sqlite")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("loyalty.sqlite").path)
        let batches = batches(data)
        let seconds = try await record(batches, into: store, data)
        await store.close()

        let raw = try RawSQLite(path: folder.appendingPathComponent("raw.sqlite").path, synchronous: "NORMAL")
        let baseline = try Harness.time {
            for batch in batches {
                try raw.execute("BEGIN")
                for activity in batch {
                    guard case .purchase(let purchase) = activity.kind else { continue }
                    try raw.insert(id: activity.id.rawValue, customer: activity.customerID.rawValue,
                                   date: activity.date.timeIntervalSinceReferenceDate, amount: try purchase.total().minorUnits)
                }
                try raw.execute("COMMIT")
            }
        }
        raw.close()
        Harness.report("record-sqlite", n: data.activities.count, seconds: seconds, baselineSeconds: baseline)
    }

    /// `record-file` and `open-file`: the purchases through `Loyalty` into a `FileStore`
    /// (full durability: one write and one fsync per batch of 1,000); baseline: the same
    /// number of bytes, one write and one fsync per batch. Then the store is reopened, from
    /// its journal and after compaction from its snapshot; baseline: reading the files.
    static func recordFile(_ data: Dataset, open: Bool) async throws {
        let folder = try temporaryFolder("file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("store")
        let options = FileStore.Options(durability: .full, automaticCompactionThreshold: nil)
        let store = try FileStore(directory: directory, options: options)
        let batches = batches(data)
        let seconds = try await record(batches, into: store, data)
        await store.close()
        let journal = directory.appendingPathComponent("journal.bin")
        let bytes = (try FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int) ?? 0
        let baseline = try Harness.time { try writeAndSync(bytes: bytes, batches: batches.count, to: folder.appendingPathComponent("raw.bin")) }
        Harness.report("record-file", n: data.activities.count, seconds: seconds, baselineSeconds: baseline)
        print("note: record-file wrote \(bytes / max(data.activities.count, 1)) journal bytes per activity")
        guard open else { return }

        let fromJournal = try reopen(directory, options: options, count: data.activities.count)
        let journalRead = Harness.time { _ = try? Data(contentsOf: journal) }
        Harness.report("open-file-journal", n: data.activities.count, seconds: fromJournal, baselineSeconds: journalRead)
        let compacting = try FileStore(directory: directory, options: options)
        try await compacting.compact()
        await compacting.close()
        let fromSnapshot = try reopen(directory, options: options, count: data.activities.count)
        let snapshotRead = Harness.time { _ = try? Data(contentsOf: directory.appendingPathComponent("snapshot.bin")) }
        Harness.report("open-file", n: data.activities.count, seconds: fromSnapshot, baselineSeconds: snapshotRead)
    }

    /// Seconds to open the store (the median of three opens).
    static func reopen(_ directory: URL, options: FileStore.Options, count: Int) throws -> Double {
        var times: [Double] = []
        for _ in 0..<3 {
            var store: FileStore?
            times.append(try Harness.time { store = try FileStore(directory: directory, options: options) })
            if store?.recovery.replayedRecords == nil { throw LoyaltyError(.storage, "the store did not open") }
            store = nil
        }
        return Harness.median(times)
    }

    /// Writes `bytes` in `batches` equal writes, each followed by an fsync.
    static func writeAndSync(bytes: Int, batches: Int, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw LoyaltyError(.storage, "cannot create \(url.path)") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0x2A, count: max(1, bytes / max(batches, 1)))
        for _ in 0..<batches {
            let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == chunk.count, fsync(descriptor) == 0 else { throw LoyaltyError(.storage, "write failed") }
        }
    }

    /// `durable-single`: one activity per transaction, synced (SQLite FULL, FileStore full):
    /// the latency of each `record`, p50 and p99.
    static func durableSingle(_ data: Dataset, count: Int) async throws {
        let folder = try temporaryFolder("durable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try SQLiteStore(path: folder.appendingPathComponent("loyalty.sqlite").path, options: .init(synchronous: .full))
        let file = try FileStore(directory: folder.appendingPathComponent("store"), options: .init(durability: .full))
        for (name, store) in [("sqlite", sqlite as any LoyaltyStore), ("file", file)] {
            try await seed(store, data)
            let loyalty = try Loyalty(program: data.program, store: store)
            var latencies: [Double] = []
            for activity in data.activities.prefix(count) {
                latencies.append(try await Harness.time { try await loyalty.record(activity) })
            }
            latencies.sort()
            let p50 = latencies[latencies.count / 2], p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
            let total = latencies.reduce(0, +)
            print("workload=durable-single-\(name) n=\(latencies.count) seconds=\(Harness.format(total)) per_second=\(Harness.format(Double(latencies.count) / total, digits: 0)) p50_ms=\(Harness.format(p50 * 1_000, digits: 3)) p99_ms=\(Harness.format(p99 * 1_000, digits: 3))")
        }
        await sqlite.close()
        await file.close()
    }
}
