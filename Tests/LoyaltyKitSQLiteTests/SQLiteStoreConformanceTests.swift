import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting
import Testing

@Suite("SQLiteStore conformance")
struct SQLiteStoreConformanceTests {
    @Test("SQLiteStore keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await withTemporaryDirectory { directory in
            let suite = StoreConformance(
                makeStore: { try SQLiteStore(path: directory.appendingPathComponent("\(UUID().uuidString).sqlite").path) },
                reopen: { store in
                    let store = try #require(store as? SQLiteStore)
                    await store.close()
                    return try SQLiteStore(path: store.path, options: store.options)
                })
            try await suite.run(check)
        }
    }
}
