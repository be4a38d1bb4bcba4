import Foundation

/// Where LoyaltyKit keeps customers, activities, outcomes, member states and the ledger.
///
/// A store has two primitives. ``read(_:)`` gives a consistent view; ``write(_:)`` runs its
/// body atomically: every change persists, or none does if the body throws. Bodies are
/// synchronous, so nothing can interleave with a transaction. Everything else is built on
/// these in extensions.
///
/// Requirements every adapter must meet:
/// - **Atomicity**: a write that throws leaves no trace.
/// - **Idempotency**: ``StoreWriter/append(_:outcome:)`` returns `false` and changes nothing
///   when the activity id is already stored.
/// - **Ledger order**: a member's entries come back in the order they were appended.
public protocol LoyaltyStore: Sendable {
    /// Runs `body` against a consistent view of the store.
    /// - Throws: what `body` throws, or the adapter's ``LoyaltyError/Code/storage`` errors.
    func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T
    /// Runs `body` atomically: every change persists, or none does if it throws.
    /// - Throws: what `body` throws, or the adapter's ``LoyaltyError/Code/storage`` errors.
    func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T
}

/// Read access inside a store transaction.
public protocol StoreReader {
    /// A customer's profile.
    func customer(_ id: Customer.ID) throws -> Customer?
    /// Every customer id, sorted.
    func customerIDs() throws -> [Customer.ID]
    /// A member's state.
    func memberState(_ id: Customer.ID) throws -> MemberState?
    /// An activity by id.
    func activity(_ id: Activity.ID) throws -> Activity?
    /// The outcome recorded with an activity.
    func outcome(of id: Activity.ID) throws -> Outcome?
    /// A customer's activities in the order they were recorded.
    func activities(of customerID: Customer.ID) throws -> [Activity]
    /// Activities dated in `[start, end)`, by date then recording order.
    func activities(from start: Date, to end: Date) throws -> [Activity]
    /// A member's ledger entries in the order they were appended.
    func ledger(of customerID: Customer.ID) throws -> [LedgerEntry]
    /// Calls `body` with each activity dated in `[start, end)`, by date then recording order.
    /// Adapters that can stream (read in pages or through a cursor) should, so that a caller
    /// folding activities into per-customer aggregates needs memory for the aggregates only.
    /// - Note: the default implementation reads ``activities(from:to:)`` into an array.
    func forEachActivity(from start: Date, to end: Date, _ body: (Activity) throws -> Void) throws
    /// The members that hold a lot with points left that expires at or before `date`, sorted.
    /// - Note: the default implementation reads every member's state; adapters with an index
    ///   on lot expiry should use it.
    func customersWithLotsExpiring(by date: Date) throws -> [Customer.ID]
}

/// Write access inside a store transaction.
public protocol StoreWriter: StoreReader {
    /// Adds a customer.
    /// - Throws: ``LoyaltyError/Code/customerExists`` when the id is taken.
    func insert(_ customer: Customer) throws
    /// Replaces a customer's profile.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    func update(_ customer: Customer) throws
    /// Stores a member's state, replacing the previous one.
    func save(_ state: MemberState) throws
    /// Changes a member's state in place: `body` gets the stored state and whatever it leaves
    /// there is saved (unless it throws, when the transaction rolls back as usual).
    /// - Returns: `body`'s result, or `nil` when the member has no state.
    /// - Note: a default implementation reads, changes a copy and saves it; adapters that can
    ///   change the state without copying it should provide their own.
    func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T?
    /// Appends an activity with its outcome, and the outcome's entries to the ledger.
    /// - Returns: `false`, changing nothing, when an activity with this id is already stored.
    func append(_ activity: Activity, outcome: Outcome) throws -> Bool
    /// Appends ledger entries that belong to no recorded activity (expiries carried out by
    /// `Loyalty.expire(asOf:)`), in order. Save the member's new state in the same transaction.
    func append(_ entries: [LedgerEntry]) throws
    /// Replaces a stored activity's content, keeping its id, customer, date, kind and outcome.
    /// Used by erasure to remove personal free text (comments, notes).
    /// - Throws: ``LoyaltyError/Code/activityNotFound`` when no activity has this id;
    ///   ``LoyaltyError/Code/invalidInput`` when the replacement changes the customer, date or kind.
    func replace(_ activity: Activity) throws
}

extension StoreReader {
    /// Reads ``activities(from:to:)`` and calls `body` with each.
    public func forEachActivity(from start: Date, to end: Date, _ body: (Activity) throws -> Void) throws {
        for activity in try activities(from: start, to: end) { try body(activity) }
    }

    /// Reads every member's state and keeps those with a lot due by `date`.
    public func customersWithLotsExpiring(by date: Date) throws -> [Customer.ID] {
        try customerIDs().filter { id in
            try memberState(id)?.lots.contains { lot in lot.remaining.rawValue > 0 && (lot.expiresAt.map { $0 <= date } ?? false) } ?? false
        }
    }
}

extension StoreWriter {
    /// Checks that `replacement` may replace `stored` (see ``replace(_:)``).
    /// - Throws: ``LoyaltyError/Code/invalidInput`` when the customer, date or kind differ.
    public func checkReplacement(_ replacement: Activity, of stored: Activity) throws {
        guard replacement.customerID == stored.customerID, replacement.date == stored.date,
              replacement.type == stored.type else {
            throw LoyaltyError(.invalidInput, "a replacement must keep the activity's customer, date and kind",
                               customerID: stored.customerID, activityID: stored.id)
        }
    }

    /// Reads the state, lets `body` change a copy, and saves it.
    public func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T? {
        guard var state = try memberState(id) else { return nil }
        let result = try body(&state)
        try save(state)
        return result
    }
}
