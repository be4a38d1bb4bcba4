import Foundation

/// A store that keeps everything in memory: for tests, previews and short-lived use.
///
/// Writes are atomic (an undo log rolls back a transaction that throws) and isolated (the
/// store is an actor). Nothing survives the process.
public actor InMemoryStore: LoyaltyStore {
    private let storage = Storage()

    /// An empty store.
    public init() {}

    /// Runs `body` against the store's current data.
    public func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T {
        try body(Transaction(storage: storage))
    }

    /// Runs `body` atomically: if it throws, every change it made is undone.
    public func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T {
        let transaction = Transaction(storage: storage)
        do {
            return try body(transaction)
        } catch {
            transaction.rollback()
            throw error
        }
    }

    /// The store's data. A class so that a transaction can change it in place.
    final class Storage {
        var customers: [Customer.ID: Customer] = [:]
        var states: [Customer.ID: MemberState] = [:]
        var activities: [Activity.ID: Int] = [:]
        var log: [(activity: Activity, outcome: Outcome)] = []
        var activitiesByCustomer: [Customer.ID: [Int]] = [:]
        var ledger: [Customer.ID: [LedgerEntry]] = [:]
    }

    /// A transaction: changes the storage in place and remembers how to undo each change.
    final class Transaction: StoreWriter {
        private let storage: Storage
        private var undo: [() -> Void] = []

        init(storage: Storage) { self.storage = storage }

        func rollback() {
            for step in undo.reversed() { step() }
            undo.removeAll()
        }

        func customer(_ id: Customer.ID) throws -> Customer? { storage.customers[id] }
        func customerIDs() throws -> [Customer.ID] { storage.customers.keys.sorted() }
        func memberState(_ id: Customer.ID) throws -> MemberState? { storage.states[id] }
        func activity(_ id: Activity.ID) throws -> Activity? { storage.activities[id].map { storage.log[$0].activity } }
        func outcome(of id: Activity.ID) throws -> Outcome? { storage.activities[id].map { storage.log[$0].outcome } }

        func activities(of customerID: Customer.ID) throws -> [Activity] {
            (storage.activitiesByCustomer[customerID] ?? []).map { storage.log[$0].activity }
        }

        func activities(from start: Date, to end: Date) throws -> [Activity] {
            storage.log.indices
                .filter { storage.log[$0].activity.date >= start && storage.log[$0].activity.date < end }
                .sorted { (storage.log[$0].activity.date, $0) < (storage.log[$1].activity.date, $1) }
                .map { storage.log[$0].activity }
        }

        func ledger(of customerID: Customer.ID) throws -> [LedgerEntry] { storage.ledger[customerID] ?? [] }

        func insert(_ customer: Customer) throws {
            try customer.validate()
            guard storage.customers[customer.id] == nil else {
                throw LoyaltyError(.customerExists, "a customer with this id is already registered", customerID: customer.id)
            }
            storage.customers[customer.id] = customer
            undo.append { [storage] in storage.customers[customer.id] = nil }
        }

        func update(_ customer: Customer) throws {
            try customer.validate()
            guard let previous = storage.customers[customer.id] else {
                throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: customer.id)
            }
            storage.customers[customer.id] = customer
            undo.append { [storage] in storage.customers[customer.id] = previous }
        }

        func save(_ state: MemberState) throws {
            let previous = storage.states.updateValue(state, forKey: state.customerID)
            undo.append { [storage] in storage.states[state.customerID] = previous }
        }

        func append(_ activity: Activity, outcome: Outcome) throws -> Bool {
            guard storage.activities[activity.id] == nil else { return false }
            let index = storage.log.count
            storage.log.append((activity, outcome))
            storage.activities[activity.id] = index
            storage.activitiesByCustomer[activity.customerID, default: []].append(index)
            let ledgerCount = storage.ledger[activity.customerID]?.count ?? 0
            if !outcome.entries.isEmpty { storage.ledger[activity.customerID, default: []].append(contentsOf: outcome.entries) }
            undo.append { [storage] in
                storage.log.removeLast()
                storage.activities[activity.id] = nil
                storage.activitiesByCustomer[activity.customerID]?.removeLast()
                let count = storage.ledger[activity.customerID]?.count ?? ledgerCount
                storage.ledger[activity.customerID]?.removeLast(count - ledgerCount)
            }
            return true
        }

        func append(_ entries: [LedgerEntry]) throws {
            for entry in entries {
                storage.ledger[entry.customerID, default: []].append(entry)
                undo.append { [storage] in storage.ledger[entry.customerID]?.removeLast() }
            }
        }
    }
}
