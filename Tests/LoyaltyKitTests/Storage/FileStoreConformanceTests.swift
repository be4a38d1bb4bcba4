import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("FileStore conformance")
struct FileStoreConformanceTests {
    @Test("FileStore keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await withTemporaryDirectory { directory in
            let suite = StoreConformance(
                makeStore: { try FileStore(directory: directory.appendingPathComponent(UUID().uuidString)) },
                reopen: { store in
                    let store = try #require(store as? FileStore)
                    await store.close()
                    return try FileStore(directory: store.directory, options: store.options)
                })
            try await suite.run(check)
        }
    }
}
