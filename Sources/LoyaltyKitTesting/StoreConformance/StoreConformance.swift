import Foundation
import LoyaltyKit

/// The checks every ``LoyaltyStore`` adapter must pass: the conformance suite.
///
/// Run it from Swift Testing, one test case per check:
///
/// ```swift
/// @Test("MyStore keeps the store contract", arguments: StoreConformance.checks)
/// func conformance(_ check: StoreConformance.Check) async throws {
///     let suite = StoreConformance(makeStore: { try MyStore(path: temporaryPath()) })
///     try await suite.run(check)
/// }
/// ```
///
/// or from XCTest with `try await StoreConformance(makeStore: …).runAll()`. A failing check
/// throws an ``ExpectationFailure`` that names the check and what differed.
///
/// The suite covers customers (create, read, update), activity append with idempotency,
/// atomic multi-writes that roll back completely when they throw, ledger order, member-state
/// round trips, queries by member and by date range (including streaming), the lot-expiry
/// query, activity replacement, export and erasure through ``Loyalty``, balance = Σ ledger,
/// concurrent redemptions, and, when you pass `reopen`, that everything survives a reopen.
public struct StoreConformance: Sendable {
    /// One named check.
    public struct Check: Sendable, CustomStringConvertible {
        /// What the check pins, as a sentence.
        public let name: String
        let body: @Sendable (StoreConformance) async throws -> Void

        public var description: String { name }
    }

    /// Makes a new, empty store for each check.
    public let makeStore: @Sendable () async throws -> any LoyaltyStore
    /// Closes a store and opens it again on the same data; `nil` for stores that keep
    /// nothing across instances (the persistence checks are then skipped).
    public let reopen: (@Sendable (any LoyaltyStore) async throws -> any LoyaltyStore)?

    /// Creates the suite for an adapter.
    /// - Parameters:
    ///   - makeStore: Makes a new, empty store; called once per check.
    ///   - reopen: Closes the given store and returns a new instance on the same data.
    public init(
        makeStore: @escaping @Sendable () async throws -> any LoyaltyStore,
        reopen: (@Sendable (any LoyaltyStore) async throws -> any LoyaltyStore)? = nil
    ) {
        self.makeStore = makeStore
        self.reopen = reopen
    }

    /// Runs one check.
    /// - Throws: ``ExpectationFailure`` when the adapter breaks the contract, or what the store throws.
    public func run(_ check: Check) async throws {
        do {
            try await check.body(self)
        } catch let failure as ExpectationFailure {
            throw ExpectationFailure("\(check.name): \(failure.message)", file: failure.file, line: failure.line)
        }
    }

    /// Runs every check in ``checks``, stopping at the first failure.
    /// - Returns: how many checks ran.
    @discardableResult
    public func runAll() async throws -> Int {
        for check in Self.checks { try await run(check) }
        return Self.checks.count
    }

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "customers are created, read back, updated, and listed sorted", body: { try await $0.customers() }),
        Check(name: "a duplicate or unknown customer is refused with a typed error", body: { try await $0.customerErrors() }),
        Check(name: "appending an activity twice stores it once", body: { try await $0.idempotentAppend() }),
        Check(name: "a write that throws leaves no trace", body: { try await $0.rollback() }),
        Check(name: "a write that throws restores what it changed", body: { try await $0.rollbackOfChanges() }),
        Check(name: "ledger entries come back in append order", body: { try await $0.ledgerOrder() }),
        Check(name: "member states round-trip and change in place", body: { try await $0.memberStates() }),
        Check(name: "activities are queried by member and by date range", body: { try await $0.queries() }),
        Check(name: "members with lots due are found", body: { try await $0.expiringLots() }),
        Check(name: "an activity's content can be replaced but not its identity", body: { try await $0.replacement() }),
        Check(name: "through Loyalty: recording is idempotent and balance = Σ ledger", body: { try await $0.loyaltyRoundTrip() }),
        Check(name: "through Loyalty: export holds everything and erasure keeps the books", body: { try await $0.exportAndErasure() }),
        Check(name: "through Loyalty: 16 concurrent redemptions never overdraw", body: { try await $0.concurrentRedemptions() }),
        Check(name: "everything survives closing and reopening the store", body: { try await $0.persistence() }),
    ]
}
