import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("FileStore conformance")
struct FileStoreConformanceTests {
    @Test("FileStore keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await Self.run(check, compactingBeforeReopen: false)
    }

    @Test("FileStore keeps the store contract after compaction", arguments: StoreConformance.checks.filter { $0.name.contains("reopening") })
    func conformanceThroughSnapshot(_ check: StoreConformance.Check) async throws {
        try await Self.run(check, compactingBeforeReopen: true)
    }

    /// Runs a check on stores in a temporary folder; a reopen reads the journal, or the
    /// snapshot when `compactingBeforeReopen`.
    private static func run(_ check: StoreConformance.Check, compactingBeforeReopen: Bool) async throws {
        try await withTemporaryDirectory { folder in
            let suite = StoreConformance(
                makeStore: { try FileStore(directory: folder.appendingPathComponent(UUID().uuidString)) },
                reopen: { store in
                    let store = try #require(store as? FileStore)
                    if compactingBeforeReopen { try await store.compact() }
                    await store.close()
                    return try FileStore(directory: store.directory, options: store.options)
                })
            try await suite.run(check)
        }
    }
}
