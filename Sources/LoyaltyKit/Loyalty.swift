import Foundation

/// The loyalty programme at work: loads a member's state from a store, applies the pure
/// programme, and writes the outcome back in one transaction.
///
/// ```swift
/// let loyalty = try Loyalty(program: program, store: InMemoryStore())
/// try await loyalty.register(guest)
/// let outcome = try await loyalty.record(stay)
/// let balance = try await loyalty.balance(of: guest.id, at: now)
/// ```
///
/// Every method that changes data is atomic and idempotent where the promise says so:
/// recording an activity id a second time returns the original outcome and changes nothing.
/// Time is never read from the system clock: pass the date you mean.
public actor Loyalty {
    /// The programme.
    public let program: Program
    /// The store.
    public let store: any LoyaltyStore

    /// Creates the shell around a programme and a store.
    /// - Throws: ``LoyaltyError/Code/invalidProgram`` when the programme does not validate.
    public init(program: Program, store: any LoyaltyStore = InMemoryStore()) throws {
        try program.validate()
        self.program = program
        self.store = store
    }

    // MARK: Customers

    /// Registers a customer and enrols them: stores the profile, creates their member state
    /// and records an enrolment activity (id `enrollment:<customer id>`, dated `memberSince`)
    /// so that sign-up bonuses apply.
    /// - Returns: the enrolment's outcome.
    /// - Throws: ``LoyaltyError/Code/customerExists``, ``LoyaltyError/Code/invalidInput``.
    @discardableResult
    public func register(_ customer: Customer) async throws -> Outcome {
        try customer.validate()
        let program = self.program
        return try await store.write { store in try Loyalty.register(customer, program: program, in: store) }
    }

    /// Registers a validated customer inside a store transaction (see ``register(_:)``).
    static func register(_ customer: Customer, program: Program, in store: any StoreWriter) throws -> Outcome {
        try store.insert(customer)
        var state = MemberState(customer: customer)
        let enrollment = Activity(
            id: Activity.ID("enrollment:\(customer.id.rawValue)"), customerID: customer.id, date: customer.memberSince,
            channel: .backOffice, kind: .enrollment)
        let outcome = try program.apply(enrollment, to: &state)
        guard try store.append(enrollment, outcome: outcome) else {
            throw LoyaltyError(.activityConflict, "an activity with the enrolment id \(enrollment.id) already exists", customerID: customer.id)
        }
        try store.save(state)
        return outcome
    }

    /// Replaces a customer's profile. Birthday and membership date changes reach the member state.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``, ``LoyaltyError/Code/invalidInput``.
    public func update(_ customer: Customer) async throws {
        try customer.validate()
        try await store.write { store in
            try store.update(customer)
            if var state = try store.memberState(customer.id) {
                state.birthday = customer.birthday
                state.memberSince = customer.memberSince
                try store.save(state)
            }
        }
    }

    /// A customer's profile, or `nil`.
    public func customer(_ id: Customer.ID) async throws -> Customer? {
        try await store.read { try $0.customer(id) }
    }

    /// A member's state, or `nil` when the customer is not registered.
    public func memberState(of id: Customer.ID) async throws -> MemberState? {
        try await store.read { try $0.memberState(id) }
    }

    // MARK: Recording

    /// Records an activity: applies the programme and stores activity, outcome, ledger
    /// entries and new state in one transaction.
    ///
    /// Idempotent: recording an activity whose id is already stored returns the stored
    /// outcome and changes nothing.
    /// - Throws: ``LoyaltyError/Code/customerNotFound`` for an unregistered customer,
    ///   ``LoyaltyError/Code/activityConflict`` when the id was stored with different content,
    ///   and everything ``Program/apply(_:to:at:)`` throws. Nothing is stored on error.
    @discardableResult
    public func record(_ activity: Activity) async throws -> Outcome {
        let program = self.program
        return try await store.write { store in try Loyalty.record(activity, program: program, in: store) }
    }

    /// Records many activities in one transaction, in order: all of them or, if any fails,
    /// none. Activities already stored are skipped (their stored outcome is returned).
    /// - Throws: the first error, with the failing activity's id; nothing is stored.
    /// - Complexity: O(n) applies, one store transaction.
    @discardableResult
    public func record(contentsOf activities: [Activity]) async throws -> [Outcome] {
        let program = self.program
        return try await store.write { store in
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(activities.count)
            for activity in activities { outcomes.append(try Loyalty.record(activity, program: program, in: store)) }
            return outcomes
        }
    }

    /// Records one activity inside a store transaction (see ``record(_:)``).
    static func record(_ activity: Activity, program: Program, in store: any StoreWriter) throws -> Outcome {
        if let existing = try store.activity(activity.id) {
            guard existing == activity else {
                throw LoyaltyError(.activityConflict, "activity id \(activity.id) was already recorded with different content",
                                   customerID: activity.customerID, activityID: activity.id)
            }
            guard let outcome = try store.outcome(of: activity.id) else {
                throw LoyaltyError(.storage, "the store holds activity \(activity.id) without its outcome", activityID: activity.id)
            }
            return outcome
        }
        let applied = try store.updateMemberState(of: activity.customerID) { state in
            try program.apply(activity, to: &state)
        }
        guard let outcome = applied else {
            throw LoyaltyError(.customerNotFound, "customer \(activity.customerID) is not registered",
                               customerID: activity.customerID, activityID: activity.id)
        }
        guard try store.append(activity, outcome: outcome) else {
            throw LoyaltyError(.storage, "the store refused activity \(activity.id)", activityID: activity.id)
        }
        return outcome
    }

    /// Spends points on a benefit (records a redemption activity).
    ///
    /// The available balance can never go below zero, however many redemptions race: they
    /// are serialised by the actor and checked inside the store transaction.
    /// - Parameters:
    ///   - points: how many points.
    ///   - customerID: the member.
    ///   - benefit: what they get, for the ledger.
    ///   - id: the redemption's idempotency key.
    ///   - date: when.
    ///   - channel: where (in store by default).
    /// - Throws: ``LoyaltyError/Code/insufficientPoints`` and what ``record(_:)`` throws.
    @discardableResult
    public func redeem(_ points: Points, for customerID: Customer.ID, benefit: String, id: Activity.ID, at date: Date, channel: Channel = .inStore) async throws -> Outcome {
        try await record(Activity(id: id, customerID: customerID, date: date, channel: channel,
                                  kind: .redemption(Redemption(points: points, benefit: benefit))))
    }

    // MARK: Time passing

    /// Expires every lot due by `date` for every member, writing `expire` ledger entries.
    /// Idempotent; run it nightly. Tier reviews are left to ``evaluateTiers(asOf:)``.
    /// - Returns: what changed, per member that changed.
    /// - Complexity: O(members) in one transaction.
    @discardableResult
    public func expire(asOf date: Date) async throws -> [Advancement] {
        try await advanceAll(to: date, scope: .expiry)
    }

    /// Carries out every tier review, grace-period end and override end due by `date`.
    /// Idempotent.
    /// - Returns: what changed, per member that changed.
    @discardableResult
    public func evaluateTiers(asOf date: Date) async throws -> [Advancement] {
        try await advanceAll(to: date, scope: .tiers)
    }

    private func advanceAll(to date: Date, scope: Program.AdvanceScope) async throws -> [Advancement] {
        let program = self.program
        return try await store.write { store in
            var changes: [Advancement] = []
            for id in try store.customerIDs() {
                guard var state = try store.memberState(id) else { continue }
                var advancement = Advancement(customerID: id)
                program.advance(&state, to: date, scope: scope, entries: &advancement.entries, tierChanges: &advancement.tierChanges)
                guard !advancement.isEmpty else { continue }
                try store.append(advancement.entries)
                try store.save(state)
                changes.append(advancement)
            }
            return changes
        }
    }

    // MARK: Questions

    /// A member's balance at `date`: total, available, pending, deficit and tier.
    /// Expiries due by `date` are counted even if ``expire(asOf:)`` has not run yet.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    public func balance(of customerID: Customer.ID, at date: Date) async throws -> Balance {
        var state = try await requireState(customerID)
        program.advance(&state, to: date)
        return Balance(
            customerID: customerID, date: date, total: state.balance, available: state.available(at: date),
            pending: state.pending(at: date), deficit: state.deficit, tierID: state.tierID(at: date))
    }

    /// A member's ledger between two dates, with opening and closing balances.
    /// - Parameters:
    ///   - customerID: the member.
    ///   - from: the first instant included, or `nil` for the beginning.
    ///   - to: the first instant excluded, or `nil` for no end.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    /// - Complexity: O(ledger).
    public func statement(for customerID: Customer.ID, from: Date? = nil, to: Date? = nil) async throws -> Statement {
        _ = try await requireState(customerID)
        let ledger = try await store.read { try $0.ledger(of: customerID) }
        var opening: Int64 = 0
        var entries: [LedgerEntry] = []
        for entry in ledger {
            if let from, entry.date < from { opening += entry.points.rawValue; continue }
            if let to, entry.date >= to { continue }
            entries.append(entry)
        }
        let closing = entries.reduce(opening) { $0 + $1.points.rawValue }
        return Statement(customerID: customerID, from: from, to: to, openingBalance: Points(opening), entries: entries, closingBalance: Points(closing))
    }

    /// The stored outcome of an activity, or `nil` when it was never recorded.
    public func outcome(of activityID: Activity.ID) async throws -> Outcome? {
        try await store.read { try $0.outcome(of: activityID) }
    }

    /// An activity's outcome in words ("+120: 1 pt per €1.00 on €120.00 [base]" …), or `nil`.
    public func explain(_ activityID: Activity.ID) async throws -> String? {
        try await outcome(of: activityID)?.explanation
    }

    /// Where a member stands on the ladder at `date`; `nil` when the programme has no tiers.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    public func tierProgress(for customerID: Customer.ID, at date: Date) async throws -> TierProgress? {
        program.tierProgress(for: try await requireState(customerID), at: date)
    }

    /// Points that expire within `days` days after `date`, by expiry date.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    public func expiringPoints(for customerID: Customer.ID, within days: Int, of date: Date) async throws -> [ExpiringPoints] {
        let state = try await requireState(customerID)
        return program.expiringPoints(in: state, within: days, of: date)
    }

    private func requireState(_ customerID: Customer.ID) async throws -> MemberState {
        guard let state = try await store.read({ try $0.memberState(customerID) }) else {
            throw LoyaltyError(.customerNotFound, "customer \(customerID) is not registered", customerID: customerID)
        }
        return state
    }
}

/// Points that expire together at one instant.
public struct ExpiringPoints: Sendable, Hashable, Codable {
    /// When they expire.
    public var date: Date
    /// How many.
    public var points: Points

    /// Creates a record.
    public init(date: Date, points: Points) {
        self.date = date
        self.points = points
    }
}
