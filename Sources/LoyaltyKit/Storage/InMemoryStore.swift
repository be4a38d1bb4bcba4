import Foundation

/// A store that keeps everything in memory: for tests, previews and short-lived use.
///
/// Writes are atomic (an undo log rolls back a transaction that throws) and isolated (the
/// store is an actor). Member states are changed in place; ledger entries are kept once, in
/// the outcomes that produced them. Nothing survives the process.
public actor InMemoryStore: LoyaltyStore {
    private let tables = MemoryTables()

    /// An empty store.
    public init() {}

    /// Runs `body` against the store's current data.
    public func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T {
        try body(MemoryTransaction(tables: tables))
    }

    /// Runs `body` atomically: if it throws, every change it made is undone.
    public func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T {
        let transaction = MemoryTransaction(tables: tables)
        do {
            return try body(transaction)
        } catch {
            transaction.rollback()
            throw error
        }
    }
}
