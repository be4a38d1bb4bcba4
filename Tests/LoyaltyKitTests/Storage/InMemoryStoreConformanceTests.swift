import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("InMemoryStore conformance")
struct InMemoryStoreConformanceTests {
    @Test("InMemoryStore keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await StoreConformance(makeStore: { InMemoryStore() }).run(check)
    }
}

/// A store that keeps what a failed write did: the conformance suite must notice.
private actor LeakyStore: LoyaltyStore {
    private let inner = InMemoryStore()

    func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T {
        try await inner.read(body)
    }

    func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T {
        try await inner.write { writer in Result { try body(writer) } }.get()
    }
}

@Suite("StoreConformance itself")
struct StoreConformanceSelfTests {
    @Test("the suite fails a store that keeps the changes of a write that threw")
    func catchesLeakyRollback() async throws {
        let suite = StoreConformance(makeStore: { LeakyStore() })
        let rollbackChecks = StoreConformance.checks.filter { $0.name.contains("throws") }
        #expect(rollbackChecks.count == 2)
        for check in rollbackChecks {
            await #expect(throws: ExpectationFailure.self) { try await suite.run(check) }
        }
    }
}
