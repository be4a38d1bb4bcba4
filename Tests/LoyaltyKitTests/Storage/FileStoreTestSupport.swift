import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

/// A fresh directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("filestore-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try await body(url)
}

/// Everything a store holds, as its reader sees it.
struct StoreContent: Equatable, Sendable {
    var customers: [Customer]
    var states: [MemberState]
    var ledgers: [Customer.ID: [LedgerEntry]]
    var timelines: [Customer.ID: [Activity]]
    var activities: [Activity]
    var streamed: [Activity.ID]
    var outcomes: [Activity.ID: Outcome]
    var expiring: [Customer.ID]

    /// Reads the whole content of `store`.
    static func read(_ store: some LoyaltyStore) async throws -> StoreContent {
        try await store.read { reader in
            let ids = try reader.customerIDs()
            let activities = try reader.activities(from: .distantPast, to: .distantFuture)
            var streamed: [Activity.ID] = []
            try reader.forEachActivity(from: .distantPast, to: .distantFuture) { streamed.append($0.id) }
            var content = StoreContent(
                customers: try ids.compactMap { try reader.customer($0) },
                states: try ids.compactMap { try reader.memberState($0) },
                ledgers: [:], timelines: [:], activities: activities, streamed: streamed, outcomes: [:],
                expiring: try reader.customersWithLotsExpiring(by: FileStoreTests.start.addingTimeInterval(86_400 * 365 * 5)))
            for id in ids {
                content.ledgers[id] = try reader.ledger(of: id)
                content.timelines[id] = try reader.activities(of: id)
            }
            for activity in activities { content.outcomes[activity.id] = try reader.outcome(of: activity.id) }
            return content
        }
    }

    /// Whether every member's balance equals the sum of their ledger entries.
    var balancesMatchLedgers: Bool {
        states.allSatisfy { state in
            state.balance.rawValue == (ledgers[state.customerID] ?? []).reduce(0) { $0 + $1.points.rawValue }
        }
    }
}

/// The journal's records as (offset, length of the whole frame), read from the 40-byte header on.
func journalRecords(_ bytes: [UInt8]) -> [(offset: Int, size: Int)] {
    var records: [(offset: Int, size: Int)] = []
    var offset = 40
    while offset + 8 <= bytes.count {
        let length = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        let size = 8 + length + 1
        guard offset + size <= bytes.count else { break }
        records.append((offset, size))
        offset += size
    }
    return records
}

extension URL {
    /// The file's bytes.
    var bytes: [UInt8] {
        get throws { [UInt8](try Data(contentsOf: self)) }
    }

    /// Replaces the file's content with `bytes`.
    func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: self) }

    /// The file's size in bytes.
    var fileSize: Int {
        get throws { try bytes.count }
    }
}
