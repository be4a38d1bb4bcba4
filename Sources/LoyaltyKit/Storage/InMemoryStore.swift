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
        /// The last transaction that kept this member's state for rollback.
        var stateSavedBy = 0
        /// The last transaction that kept this member's list lengths for rollback.
        var listsSavedBy = 0
    }

    /// One recorded activity and what it did.
    struct LogEntry {
        var activity: Activity
        var outcome: Outcome
    }

    /// The activity log, in chunks so that growing it never copies what is already there.
    struct Log {
        private static let chunkShift = 12
        private var chunks: [[LogEntry]] = []
        /// How many entries the log holds.
        private(set) var count = 0

        subscript(index: Int) -> LogEntry {
            get { chunks[index >> Log.chunkShift][index & ((1 << Log.chunkShift) - 1)] }
            set { chunks[index >> Log.chunkShift][index & ((1 << Log.chunkShift) - 1)] = newValue }
        }

        var indices: Range<Int> { 0..<count }

        mutating func append(_ entry: LogEntry) {
            if count & ((1 << Log.chunkShift) - 1) == 0 {
                chunks.append([])
                chunks[chunks.count - 1].reserveCapacity(1 << Log.chunkShift)
            }
            chunks[chunks.count - 1].append(entry)
            count += 1
        }

        mutating func removeLast() {
            guard count > 0 else { return }
            chunks[chunks.count - 1].removeLast()
            count -= 1
            if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        }
    }

    /// The store's data. A class so that a transaction can change it in place.
    final class Storage {
        var customers: [Customer.ID: Customer] = [:]
        var memberIndex: [Customer.ID: Int] = [:]
        var members: [Member] = []
        var activities: [Activity.ID: Int] = [:]
        var log = Log()
        var transactions = 0
    }

    /// One change a transaction can undo. Plain values, not closures, so that recording an
    /// undo step allocates nothing.
    enum UndoStep {
        /// A customer was inserted or replaced; restore `previous` (`nil`: remove).
        case customer(Customer.ID, previous: Customer?)
        /// A member slot was created; remove it.
        case newMember(Customer.ID)
        /// A member's state was changed for the first time in the transaction.
        case memberState(Int, previous: MemberState?)
        /// Entries were appended to a member's activity and ledger lists.
        case memberLists(Int, activities: Int, ledger: Int)
        /// An activity was logged.
        case logged(Activity.ID)
        /// A logged activity's content was replaced; restore `previous`.
        case replaced(Int, previous: Activity)
    }

    /// A transaction: changes the storage in place and remembers how to undo each change.
    final class Transaction: StoreWriter {
        private let storage: Storage
        private var undo: [UndoStep] = []
        /// This transaction's number, to mark the members whose rollback data it has kept.
        private let number: Int
        /// The member last looked up, to spare a hash lookup when one activity touches it twice.
        private var lastMember: (id: Customer.ID, index: Int)?

        init(storage: Storage) {
            storage.transactions += 1
            self.storage = storage
            self.number = storage.transactions
        }

        func rollback() {
            for step in undo.reversed() {
                switch step {
                case let .customer(id, previous): storage.customers[id] = previous
                case let .newMember(id):
                    storage.members.removeLast()
                    storage.memberIndex[id] = nil
                    lastMember = nil
                case let .memberState(index, previous): storage.members[index].state = previous
                case let .memberLists(index, activities, ledger):
                    storage.members[index].activities.removeLast(storage.members[index].activities.count - activities)
                    storage.members[index].ledger.removeLast(storage.members[index].ledger.count - ledger)
                case let .logged(id):
                    storage.log.removeLast()
                    storage.activities[id] = nil
                case let .replaced(index, previous): storage.log[index].activity = previous
                }
            }
            undo.removeAll()
        }

        /// The member's slot, created if needed.
        private func memberSlot(_ id: Customer.ID) -> Int {
            if let existing = memberIndex(id) { return existing }
            let index = storage.members.count
            storage.members.append(Member(stateSavedBy: number, listsSavedBy: number))
            storage.memberIndex[id] = index
            undo.append(.newMember(id))
            return index
        }

        private func memberIndex(_ id: Customer.ID) -> Int? {
            if let lastMember, lastMember.id == id { return lastMember.index }
            guard let index = storage.memberIndex[id] else { return nil }
            lastMember = (id, index)
            return index
        }

        /// Keeps the member's state for rollback, once per transaction.
        private func saveState(of index: Int) {
            guard storage.members[index].stateSavedBy != number else { return }
            storage.members[index].stateSavedBy = number
            undo.append(.memberState(index, previous: storage.members[index].state))
        }

        /// Keeps the lengths of the member's append-only lists for rollback, once per transaction.
        private func saveLists(of index: Int) {
            guard storage.members[index].listsSavedBy != number else { return }
            storage.members[index].listsSavedBy = number
            undo.append(.memberLists(index, activities: storage.members[index].activities.count, ledger: storage.members[index].ledger.count))
        }

        func customer(_ id: Customer.ID) throws -> Customer? { storage.customers[id] }
        func customerIDs() throws -> [Customer.ID] { storage.customers.keys.sorted() }

        func memberState(_ id: Customer.ID) throws -> MemberState? {
            memberIndex(id).flatMap { storage.members[$0].state }
        }

        func activity(_ id: Activity.ID) throws -> Activity? { storage.activities[id].map { storage.log[$0].activity } }
        func outcome(of id: Activity.ID) throws -> Outcome? { storage.activities[id].map { storage.log[$0].outcome } }

        func activities(of customerID: Customer.ID) throws -> [Activity] {
            guard let index = storage.memberIndex[customerID] else { return [] }
            return storage.members[index].activities.map { storage.log[$0].activity }
        }

        func activities(from start: Date, to end: Date) throws -> [Activity] {
            indices(from: start, to: end).map { storage.log[$0].activity }
        }

        func forEachActivity(from start: Date, to end: Date, _ body: (Activity) throws -> Void) throws {
            for index in indices(from: start, to: end) { try body(storage.log[index].activity) }
        }

        /// Log positions of the activities dated in `[start, end)`, by date then position.
        private func indices(from start: Date, to end: Date) -> [Int] {
            storage.log.indices
                .filter { storage.log[$0].activity.date >= start && storage.log[$0].activity.date < end }
                .sorted { (storage.log[$0].activity.date, $0) < (storage.log[$1].activity.date, $1) }
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
            undo.append(.customer(customer.id, previous: nil))
        }

        func update(_ customer: Customer) throws {
            try customer.validate()
            guard let previous = storage.customers[customer.id] else {
                throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: customer.id)
            }
            storage.customers[customer.id] = customer
            undo.append(.customer(customer.id, previous: previous))
        }

        func save(_ state: MemberState) throws {
            let index = memberSlot(state.customerID)
            saveState(of: index)
            storage.members[index].state = state
        }

        func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T? {
            guard let index = memberIndex(id), storage.members[index].state != nil else { return nil }
            saveState(of: index)
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
            undo.append(.logged(activity.id))
            let member = memberSlot(activity.customerID)
            saveLists(of: member)
            storage.members[member].activities.append(logIndex)
            if !outcome.entries.isEmpty { storage.members[member].ledger.append(.outcome(logIndex)) }
            return true
        }

        func replace(_ activity: Activity) throws {
            guard let index = storage.activities[activity.id] else {
                throw LoyaltyError(.activityNotFound, "no activity with this id is stored", customerID: activity.customerID, activityID: activity.id)
            }
            let previous = storage.log[index].activity
            try checkReplacement(activity, of: previous)
            storage.log[index].activity = activity
            undo.append(.replaced(index, previous: previous))
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
                saveLists(of: member)
                storage.members[member].ledger.append(.entries(byCustomer[id] ?? []))
            }
        }
    }
}
