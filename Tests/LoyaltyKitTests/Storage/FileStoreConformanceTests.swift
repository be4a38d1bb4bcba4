import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("FileStore conformance")
struct FileStoreConformanceTests {
    @Test("FileStore keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filestore-conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = StoreConformance(
            makeStore: { try FileStore(directory: folder.appendingPathComponent(UUID().uuidString)) },
            reopen: { store in
                let store = try #require(store as? FileStore)
                await store.close()
                return try FileStore(directory: store.directory, options: store.options)
            })
        try await suite.run(check)
    }

    @Test("FileStore keeps the store contract after compaction", arguments: StoreConformance.checks.filter { $0.name.contains("reopening") })
    func conformanceThroughSnapshot(_ check: StoreConformance.Check) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filestore-conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = StoreConformance(
            makeStore: { try FileStore(directory: folder.appendingPathComponent(UUID().uuidString)) },
            reopen: { store in
                let store = try #require(store as? FileStore)
                try await store.compact()
                await store.close()
                return try FileStore(directory: store.directory, options: store.options)
            })
        try await suite.run(check)
    }
}
