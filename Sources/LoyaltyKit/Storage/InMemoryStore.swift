import Foundation

/// A store that keeps everything in memory: for tests, previews and short-lived use.
///
/// Writes are atomic (an undo log rolls back a transaction that throws) and isolated (the
/// store is an actor). Member states are changed in place; ledger entries are kept once, in
/// the outcomes that produced them. Nothing survives the process.
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

    /// Where a member's ledger entries are: in a logged outcome, or standalone (expiry runs).
    enum LedgerSegment {
        case outcome(Int)
        case entries([LedgerEntry])
    }

    /// Everything kept per member.
    struct Member {
        var state: MemberState?
        var activities: [Int] = []
        var ledger: [LedgerSegment] = []
    }

    /// One recorded activity and what it did.
    struct LogEntry {
        var activity: Activity
        var outcome: Outcome
    }

    /// The store's data. A class so that a transaction can change it in place.
    final class Storage {
        var customers: [Customer.ID: Customer] = [:]
        var memberIndex: [Customer.ID: Int] = [:]
        var members: [Member] = []
        var activities: [Activity.ID: Int] = [:]
        var log: [LogEntry] = []
    }

    /// A transaction: changes the storage in place and remembers how to undo each change.
    final class Transaction: StoreWriter {
        private let storage: Storage
        private var undo: [() -> Void] = []
        private var snapshotted: Set<Int> = []

        init(storage: Storage) { self.storage = storage }

        func rollback() {
            for step in undo.reversed() { step() }
            undo.removeAll()
        }

        /// The member's slot, created if needed; its previous value is kept for rollback once
        /// per transaction.
        private func memberSlot(_ id: Customer.ID) -> Int {
            let index: Int
            if let existing = storage.memberIndex[id] {
                index = existing
            } else {
                index = storage.members.count
                storage.members.append(Member())
                storage.memberIndex[id] = index
                undo.append { [storage] in
                    storage.members.removeLast()
                    storage.memberIndex[id] = nil
                }
                snapshotted.insert(index)
            }
            if snapshotted.insert(index).inserted {
                let previous = storage.members[index]
                undo.append { [storage] in storage.members[index] = previous }
            }
            return index
        }

        func customer(_ id: Customer.ID) throws -> Customer? { storage.customers[id] }
        func customerIDs() throws -> [Customer.ID] { storage.customers.keys.sorted() }

        func memberState(_ id: Customer.ID) throws -> MemberState? {
            storage.memberIndex[id].flatMap { storage.members[$0].state }
        }

        func activity(_ id: Activity.ID) throws -> Activity? { storage.activities[id].map { storage.log[$0].activity } }
        func outcome(of id: Activity.ID) throws -> Outcome? { storage.activities[id].map { storage.log[$0].outcome } }

        func activities(of customerID: Customer.ID) throws -> [Activity] {
            guard let index = storage.memberIndex[customerID] else { return [] }
            return storage.members[index].activities.map { storage.log[$0].activity }
        }

        func activities(from start: Date, to end: Date) throws -> [Activity] {
            storage.log.indices
                .filter { storage.log[$0].activity.date >= start && storage.log[$0].activity.date < end }
                .sorted { (storage.log[$0].activity.date, $0) < (storage.log[$1].activity.date, $1) }
                .map { storage.log[$0].activity }
        }

        func ledger(of customerID: Customer.ID) throws -> [LedgerEntry] {
            guard let index = storage.memberIndex[customerID] else { return [] }
            var entries: [LedgerEntry] = []
            for segment in storage.members[index].ledger {
                switch segment {
                case .outcome(let logIndex): entries += storage.log[logIndex].outcome.entries
                case .entries(let standalone): entries += standalone
                }
            }
            return entries
        }

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
            let index = memberSlot(state.customerID)
            storage.members[index].state = state
        }

        func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T? {
            guard let existing = storage.memberIndex[id], storage.members[existing].state != nil else { return nil }
            let index = memberSlot(id)
            // Take the state out so that the engine mutates the only copy (no copy-on-write
            // beyond what the rollback snapshot requires), then put it back.
            guard var state = storage.members[index].state.take() else { return nil }
            defer { storage.members[index].state = state }
            return try body(&state)
        }

        func append(_ activity: Activity, outcome: Outcome) throws -> Bool {
            guard storage.activities[activity.id] == nil else { return false }
            let logIndex = storage.log.count
            storage.log.append(LogEntry(activity: activity, outcome: outcome))
            storage.activities[activity.id] = logIndex
            let member = memberSlot(activity.customerID)
            storage.members[member].activities.append(logIndex)
            if !outcome.entries.isEmpty { storage.members[member].ledger.append(.outcome(logIndex)) }
            undo.append { [storage] in
                storage.log.removeLast()
                storage.activities[activity.id] = nil
            }
            return true
        }

        func append(_ entries: [LedgerEntry]) throws {
            var byCustomer: [Customer.ID: [LedgerEntry]] = [:]
            var order: [Customer.ID] = []
            for entry in entries {
                if byCustomer[entry.customerID] == nil { order.append(entry.customerID) }
                byCustomer[entry.customerID, default: []].append(entry)
            }
            for id in order {
                let member = memberSlot(id)
                storage.members[member].ledger.append(.entries(byCustomer[id] ?? []))
            }
        }
    }
}
