import Foundation
import LoyaltyKit

/// The reader and writer handed to a store transaction's body: each call runs one or a few
/// cached statements on the connection, inside the transaction ``SQLiteStore`` opened.
///
/// It keeps one thing between calls, and only for the transaction's lifetime: the member
/// states it read or saved, exactly as the database holds them, so that reading a member again
/// decodes nothing and saving them again writes only the lot rows that changed. No other
/// connection can change them meanwhile: a write transaction holds the write lock from its
/// start (`BEGIN IMMEDIATE`), and a read transaction sees one snapshot.
final class SQLiteTransaction: StoreWriter {
    private let connection: Connection
    /// The member states as the database holds them now, for those read or saved so far.
    private var states: [Customer.ID: MemberState] = [:]

    init(connection: Connection) {
        self.connection = connection
    }

    // MARK: Customers

    func customer(_ id: Customer.ID) throws -> Customer? {
        try connection.withStatement(.customer) { statement in
            try statement.bind(id.key, at: 1)
            return try statement.step() ? try statement.record(Customer.self, at: 0) : nil
        }
    }

    func customerIDs() throws -> [Customer.ID] {
        try connection.withStatement(.customerIDs) { statement in
            var ids: [Customer.ID] = []
            while try statement.step() { ids.append(Customer.ID(statement.text(at: 0))) }
            return ids
        }
    }

    func insert(_ customer: Customer) throws {
        try customer.validate()
        let inserted = try connection.withStatement(.insertCustomer) { statement in
            try statement.bind(customer.id.key, at: 1)
            try statement.bind(blob: customer.recordBytes, at: 2)
            try statement.run()
            return connection.changes > 0
        }
        guard inserted else {
            throw LoyaltyError(.customerExists, "a customer with this id is already registered", customerID: customer.id)
        }
    }

    func update(_ customer: Customer) throws {
        try customer.validate()
        let updated = try connection.withStatement(.updateCustomer) { statement in
            try statement.bind(blob: customer.recordBytes, at: 1)
            try statement.bind(customer.id.key, at: 2)
            try statement.run()
            return connection.changes > 0
        }
        guard updated else {
            throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: customer.id)
        }
    }

    // MARK: Member states

    func memberState(_ id: Customer.ID) throws -> MemberState? {
        if let state = states[id] { return state }
        let state = try connection.withStatement(.memberState) { statement in
            try statement.bind(id.key, at: 1)
            return try statement.step() ? try statement.record(MemberState.self, at: 0) : nil
        }
        if let state { states[id] = state }
        return state
    }

    func save(_ state: MemberState) throws {
        let id = state.customerID
        let key = id.key
        // Forgotten until the save succeeds: a failed save leaves rows the cache cannot know.
        let known = states.removeValue(forKey: id)
        try connection.withStatement(.saveMemberState) { statement in
            try statement.bind(key, at: 1)
            try statement.bind(blob: state.recordBytes, at: 2)
            try statement.run()
        }
        try syncLots(of: key, from: known?.lots, to: state.lots)
        states[id] = state
    }

    /// Reads the state, lets `body` change it, and saves it: the lots read are the ones the
    /// save compares against, so an ordinary activity writes one lot row.
    func updateMemberState<T>(of id: Customer.ID, _ body: (inout MemberState) throws -> T) throws -> T? {
        guard var state = try memberState(id) else { return nil }
        let result = try body(&state)
        try save(state)
        return result
    }

    /// Brings the member's rows in the `lots` table from `old` (`nil`: unknown, read them) to `new`.
    private func syncLots(of customerKey: String, from old: [PointLot]?, to new: [PointLot]) throws {
        guard let old else {
            let stored = try storedLotRows(of: customerKey)
            let wanted = LotRow.rows(for: new)
            for (id, row) in wanted where stored[id] != row { try writeLotRow(row, id: id, customerKey: customerKey) }
            for id in stored.keys where wanted[id] == nil { try writeLotRow(nil, id: id, customerKey: customerKey) }
            return
        }
        let changed = LotRow.changedIDs(from: old, to: new)
        // A few changed ids (the usual case) are cheaper to look up one by one than to index.
        let rows = changed.count > 4 ? LotRow.rows(for: new) : nil
        for id in changed {
            let row = rows.map { $0[id] } ?? LotRow.row(for: id, in: new)
            try writeLotRow(row, id: id, customerKey: customerKey)
        }
    }

    private func storedLotRows(of customerKey: String) throws -> [Activity.ID: LotRow] {
        try connection.withStatement(.lots) { statement in
            try statement.bind(customerKey, at: 1)
            var rows: [Activity.ID: LotRow] = [:]
            while try statement.step() {
                let expiresAt = statement.isNull(at: 1) ? nil : statement.double(at: 1)
                rows[Activity.ID(statement.text(at: 0))] = LotRow(expiresAt: expiresAt, remaining: statement.int64(at: 2))
            }
            return rows
        }
    }

    /// Upserts a lot row, or deletes it when `row` is `nil`.
    private func writeLotRow(_ row: LotRow?, id: Activity.ID, customerKey: String) throws {
        guard let row else {
            return try connection.withStatement(.deleteLot) { statement in
                try statement.bind(customerKey, at: 1)
                try statement.bind(id.key, at: 2)
                try statement.run()
            }
        }
        try connection.withStatement(.saveLot) { statement in
            try statement.bind(customerKey, at: 1)
            try statement.bind(id.key, at: 2)
            if let expiresAt = row.expiresAt { try statement.bind(expiresAt, at: 3) } else { try statement.bindNull(at: 3) }
            try statement.bind(row.remaining, at: 4)
            try statement.run()
        }
    }

    func customersWithLotsExpiring(by date: Date) throws -> [Customer.ID] {
        try connection.withStatement(.customersWithLotsExpiring) { statement in
            try statement.bind(date.timeIntervalSinceReferenceDate, at: 1)
            var ids: [Customer.ID] = []
            while try statement.step() { ids.append(Customer.ID(statement.text(at: 0))) }
            return ids
        }
    }

    // MARK: Activities

    func activity(_ id: Activity.ID) throws -> Activity? {
        try connection.withStatement(.activity) { statement in
            try statement.bind(id.key, at: 1)
            return try statement.step() ? try statement.record(Activity.self, at: 0) : nil
        }
    }

    func outcome(of id: Activity.ID) throws -> Outcome? {
        try connection.withStatement(.outcome) { statement in
            try statement.bind(id.key, at: 1)
            return try statement.step() ? try statement.record(Outcome.self, at: 0) : nil
        }
    }

    func activities(of customerID: Customer.ID) throws -> [Activity] {
        try connection.withStatement(.activitiesOfCustomer) { statement in
            try statement.bind(customerID.key, at: 1)
            var activities: [Activity] = []
            while try statement.step() { activities.append(try statement.record(at: 0)) }
            return activities
        }
    }

    func activities(from start: Date, to end: Date) throws -> [Activity] {
        var activities: [Activity] = []
        try forEachActivity(from: start, to: end) { activities.append($0) }
        return activities
    }

    /// Streams the activities through a cursor: one decoded activity in memory at a time.
    func forEachActivity(from start: Date, to end: Date, _ body: (Activity) throws -> Void) throws {
        try connection.withStatement(.activitiesByDate) { statement in
            try statement.bind(start.timeIntervalSinceReferenceDate, at: 1)
            try statement.bind(end.timeIntervalSinceReferenceDate, at: 2)
            while try statement.step() { try body(try statement.record(at: 0)) }
        }
    }

    func append(_ activity: Activity, outcome: Outcome) throws -> Bool {
        let inserted = try connection.withStatement(.insertActivity) { statement in
            try statement.bind(activity.id.key, at: 1)
            try statement.bind(activity.customerID.key, at: 2)
            try statement.bind(activity.date.timeIntervalSinceReferenceDate, at: 3)
            try statement.bind(activity.type.rawValue, at: 4)
            try statement.bind(blob: activity.recordBytes, at: 5)
            try statement.bind(blob: outcome.recordBytes, at: 6)
            try statement.run()
            return connection.changes > 0
        }
        guard inserted else { return false }
        let sequence = connection.lastInsertRowID
        for (position, entry) in outcome.entries.enumerated() {
            try insert(entry, recordedWith: (sequence, Int64(position)))
        }
        return true
    }

    func replace(_ activity: Activity) throws {
        let stored = try connection.withStatement(.activityForReplacement) { statement in
            try statement.bind(activity.id.key, at: 1)
            return try statement.step() ? (sequence: statement.int64(at: 0), activity: try statement.record(Activity.self, at: 1)) : nil
        }
        guard let stored else {
            throw LoyaltyError(.activityNotFound, "no activity with this id is stored", customerID: activity.customerID, activityID: activity.id)
        }
        try checkReplacement(activity, of: stored.activity)
        try connection.withStatement(.replaceActivity) { statement in
            try statement.bind(blob: activity.recordBytes, at: 1)
            try statement.bind(stored.sequence, at: 2)
            try statement.run()
        }
    }

    // MARK: Ledger

    /// Reads the member's rows in append order: a standalone entry from its body, an outcome's
    /// entry from the outcome it was recorded with (decoded once for its consecutive rows).
    func ledger(of customerID: Customer.ID) throws -> [LedgerEntry] {
        try connection.withStatement(.ledger) { statement in
            try statement.bind(customerID.key, at: 1)
            var entries: [LedgerEntry] = []
            var outcome: (sequence: Int64, entries: [LedgerEntry])?
            while try statement.step() {
                if statement.isNull(at: 0) {
                    entries.append(try statement.record(at: 2))
                    continue
                }
                let sequence = statement.int64(at: 0)
                if outcome?.sequence != sequence {
                    guard !statement.isNull(at: 3) else { throw damaged("a ledger entry names a missing activity") }
                    outcome = (sequence, try statement.record(Outcome.self, at: 3).entries)
                }
                let position = statement.int64(at: 1)
                guard let recorded = outcome?.entries, position >= 0, position < recorded.count else {
                    throw damaged("a ledger entry names position \(position) of an outcome that has fewer entries")
                }
                entries.append(recorded[Int(position)])
            }
            return entries
        }
    }

    private func damaged(_ message: String) -> LoyaltyError {
        LoyaltyError(.storage, "the database is damaged: \(message)", location: connection.path)
    }

    func append(_ entries: [LedgerEntry]) throws {
        for entry in entries { try insert(entry, recordedWith: nil) }
    }

    /// Appends one ledger entry. `recorded` names the activity whose outcome holds it and its
    /// position there; the row then keeps no copy of the entry. A standalone entry (`nil`)
    /// keeps its body.
    private func insert(_ entry: LedgerEntry, recordedWith recorded: (sequence: Int64, position: Int64)?) throws {
        try connection.withStatement(.insertLedgerEntry) { statement in
            try statement.bind(entry.customerID.key, at: 1)
            try statement.bind(entry.activityID.key, at: 2)
            try statement.bind(entry.kind.rawValue, at: 3)
            try statement.bind(entry.date.timeIntervalSinceReferenceDate, at: 4)
            try statement.bind(entry.points.rawValue, at: 5)
            if let recorded {
                try statement.bind(recorded.sequence, at: 6)
                try statement.bind(recorded.position, at: 7)
                try statement.bindNull(at: 8)
            } else {
                try statement.bindNull(at: 6)
                try statement.bindNull(at: 7)
                try statement.bind(blob: entry.recordBytes, at: 8)
            }
            try statement.run()
        }
    }
}
