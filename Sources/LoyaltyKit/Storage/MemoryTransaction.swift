import Foundation

/// A transaction over ``MemoryTables``: changes the tables in place and remembers how to undo
/// each change, so that ``rollback()`` leaves them as they were.
///
/// A store that persists the tables (`FileStore`) asks the transaction to also keep a
/// ``ChangeLog`` of what it did, which it writes to its journal on commit.
final class MemoryTransaction: StoreWriter {
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

    /// A change to the tables, as a journal records it.
    enum Change {
        case insertCustomer(Customer)
        case updateCustomer(Customer)
        /// An activity was logged with its outcome.
        case append(Activity, Outcome)
        /// One member's standalone ledger entries were appended.
        case entries([LedgerEntry])
        case replace(Activity)
    }

    /// What a transaction changed: the changes in order, and the members whose state it may
    /// have changed (each once; their final states are read from the tables on commit).
    struct ChangeLog {
        var changes: [Change] = []
        var members: [Int] = []
        var isEmpty: Bool { changes.isEmpty && members.isEmpty }
    }

    private let tables: MemoryTables
    private var undo: [UndoStep] = []
    /// What the transaction changed, when asked to keep it.
    private(set) var changeLog: ChangeLog?
    /// This transaction's number, to mark the members whose rollback data it has kept.
    private let number: Int
    /// The member last looked up, to spare a hash lookup when one activity touches it twice.
    private var lastMember: (id: Customer.ID, index: Int)?

    /// Starts a transaction on `tables`; with `recordingChanges`, it keeps a ``changeLog``.
    init(tables: MemoryTables, recordingChanges: Bool = false) {
        tables.transactions += 1
        self.tables = tables
        self.number = tables.transactions
        self.changeLog = recordingChanges ? ChangeLog() : nil
    }

    /// Undoes every change, newest first, and forgets the change log.
    func rollback() {
        for step in undo.reversed() {
            switch step {
            case let .customer(id, previous): tables.customers[id] = previous
            case let .newMember(id):
                tables.members.removeLast()
                tables.memberIndex[id] = nil
                lastMember = nil
            case let .memberState(index, previous): tables.members[index].state = previous
            case let .memberLists(index, activities, ledger):
                tables.members[index].activities.removeLast(tables.members[index].activities.count - activities)
                tables.members[index].ledger.removeLast(tables.members[index].ledger.count - ledger)
            case let .logged(id):
                tables.log.removeLast()
                tables.activities[id] = nil
            case let .replaced(index, previous): tables.log[index].activity = previous
            }
        }
        undo.removeAll()
        if changeLog != nil { changeLog = ChangeLog() }
    }

    /// The member's slot, created if needed.
    private func memberSlot(_ id: Customer.ID) -> Int {
        if let existing = memberIndex(id) { return existing }
        let index = tables.members.count
        tables.members.append(MemoryTables.Member(stateSavedBy: number, listsSavedBy: number))
        tables.memberIndex[id] = index
        undo.append(.newMember(id))
        changeLog?.members.append(index)
        return index
    }

    private func memberIndex(_ id: Customer.ID) -> Int? {
        if let lastMember, lastMember.id == id { return lastMember.index }
        guard let index = tables.memberIndex[id] else { return nil }
        lastMember = (id, index)
        return index
    }

    /// Keeps the member's state for rollback, once per transaction.
    private func saveState(of index: Int) throws {
        guard tables.members[index].stateSavedBy != number else { return }
        try tables.decodeState(of: index)
        tables.members[index].stateSavedBy = number
        undo.append(.memberState(index, previous: tables.members[index].state))
        changeLog?.members.append(index)
    }

    /// Keeps the lengths of the member's append-only lists for rollback, once per transaction.
    private func saveLists(of index: Int) {
        guard tables.members[index].listsSavedBy != number else { return }
        tables.members[index].listsSavedBy = number
        undo.append(.memberLists(index, activities: tables.members[index].activities.count, ledger: tables.members[index].ledger.count))
    }

    func customer(_ id: Customer.ID) throws -> Customer? { tables.customers[id] }
    func customerIDs() throws -> [Customer.ID] { tables.customers.keys.sorted() }

    func memberState(_ id: Customer.ID) throws -> MemberState? {
        guard let index = memberIndex(id) else { return nil }
        try tables.decodeState(of: index)
        return tables.members[index].state
    }

    func activity(_ id: Activity.ID) throws -> Activity? { tables.activities[id].map { tables.log[$0].activity } }
    func outcome(of id: Activity.ID) throws -> Outcome? { try tables.activities[id].map { try tables.outcome(at: $0) } }

    func activities(of customerID: Customer.ID) throws -> [Activity] {
        guard let index = tables.memberIndex[customerID] else { return [] }
        return tables.members[index].activities.map { tables.log[$0].activity }
    }

    func activities(from start: Date, to end: Date) throws -> [Activity] {
        indices(from: start, to: end).map { tables.log[$0].activity }
    }

    func forEachActivity(from start: Date, to end: Date, _ body: (Activity) throws -> Void) throws {
        for index in indices(from: start, to: end) { try body(tables.log[index].activity) }
    }

    /// Log positions of the activities dated in `[start, end)`, by date then position.
    private func indices(from start: Date, to end: Date) -> [Int] {
        tables.log.indices
            .filter { tables.log[$0].activity.date >= start && tables.log[$0].activity.date < end }
            .sorted { (tables.log[$0].activity.date, $0) < (tables.log[$1].activity.date, $1) }
    }

    func customersWithLotsExpiring(by date: Date) throws -> [Customer.ID] {
        var due: [Customer.ID] = []
        for (id, index) in tables.memberIndex {
            try tables.decodeState(of: index)
            let hasLotDue = tables.members[index].state?.lots.contains { lot in
                lot.remaining.rawValue > 0 && (lot.expiresAt.map { $0 <= date } ?? false)
            }
            if hasLotDue == true { due.append(id) }
        }
        return due.sorted()
    }

    func ledger(of customerID: Customer.ID) throws -> [LedgerEntry] {
        guard let index = tables.memberIndex[customerID] else { return [] }
        var entries: [LedgerEntry] = []
        for segment in tables.members[index].ledger {
            switch segment {
            case .outcome(let logIndex): entries += try tables.outcome(at: logIndex).entries
            case .entries(let standalone): entries += standalone
            }
        }
        return entries
    }

    func insert(_ customer: Customer) throws {
        try customer.validate()
        guard tables.customers[customer.id] == nil else {
            throw LoyaltyError(.customerExists, "a customer with this id is already registered", customerID: customer.id)
        }
        tables.customers[customer.id] = customer
        undo.append(.customer(customer.id, previous: nil))
        changeLog?.changes.append(.insertCustomer(customer))
    }

    func update(_ customer: Customer) throws {
        try customer.validate()
        guard let previous = tables.customers[customer.id] else {
            throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: customer.id)
        }
        tables.customers[customer.id] = customer
        undo.append(.customer(customer.id, previous: previous))
        changeLog?.changes.append(.updateCustomer(customer))
    }

    func save(_ state: MemberState) throws {
        let index = memberSlot(state.customerID)
        try saveState(of: index)
        tables.members[index].state = state
    }

    func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T? {
        guard let index = memberIndex(id) else { return nil }
        try tables.decodeState(of: index)
        guard tables.members[index].state != nil else { return nil }
        try saveState(of: index)
        // Take the state out so that the engine mutates the only copy (no copy-on-write
        // beyond what the rollback snapshot requires), then put it back.
        guard var state = tables.members[index].state.take() else { return nil }
        defer { tables.members[index].state = state }
        return try body(&state)
    }

    func append(_ activity: Activity, outcome: Outcome) throws -> Bool {
        guard tables.activities[activity.id] == nil else { return false }
        let logIndex = tables.log.count
        tables.log.append(MemoryTables.LogEntry(activity: activity, outcome: .value(outcome)))
        tables.activities[activity.id] = logIndex
        undo.append(.logged(activity.id))
        let member = memberSlot(activity.customerID)
        saveLists(of: member)
        tables.members[member].activities.append(logIndex)
        if !outcome.entries.isEmpty { tables.members[member].ledger.append(.outcome(logIndex)) }
        changeLog?.changes.append(.append(activity, outcome))
        return true
    }

    func replace(_ activity: Activity) throws {
        guard let index = tables.activities[activity.id] else {
            throw LoyaltyError(.activityNotFound, "no activity with this id is stored", customerID: activity.customerID, activityID: activity.id)
        }
        let previous = tables.log[index].activity
        try checkReplacement(activity, of: previous)
        tables.log[index].activity = activity
        undo.append(.replaced(index, previous: previous))
        changeLog?.changes.append(.replace(activity))
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
            let segment = byCustomer[id] ?? []
            tables.members[member].ledger.append(.entries(segment))
            changeLog?.changes.append(.entries(segment))
        }
    }
}
