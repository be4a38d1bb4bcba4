/// Every statement the store runs more than once, prepared on first use and cached by its
/// connection. Values are always bound as parameters (`?`), never written into the SQL.
///
/// Ordering by `sequence` (the rowid) is free: SQLite keeps the rowid as the last key of every
/// index, so an index on `date` is an index on `(date, sequence)`.
enum Query: Int, CaseIterable {
    case beginDeferred, beginImmediate, commit, rollback

    case customer, customerIDs, insertCustomer, updateCustomer

    case memberState, saveMemberState

    case lots, saveLot, deleteLot, customersWithLotsExpiring

    case activity, activityForReplacement, outcome, activitiesOfCustomer, activitiesByDate, insertActivity, replaceActivity

    case ledger, insertLedgerEntry

    /// The statement's SQL.
    var sql: String {
        switch self {
        case .beginDeferred: "BEGIN DEFERRED"
        case .beginImmediate: "BEGIN IMMEDIATE"
        case .commit: "COMMIT"
        case .rollback: "ROLLBACK"

        case .customer: "SELECT body FROM customers WHERE id = ?"
        case .customerIDs: "SELECT id FROM customers ORDER BY id"
        case .insertCustomer: "INSERT INTO customers (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
        case .updateCustomer: "UPDATE customers SET body = ? WHERE id = ?"

        case .memberState: "SELECT body FROM member_states WHERE customer_id = ?"
        case .saveMemberState:
            "INSERT INTO member_states (customer_id, body) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body"

        case .lots: "SELECT lot_id, expires_at, remaining FROM lots WHERE customer_id = ?"
        case .saveLot:
            """
            INSERT INTO lots (customer_id, lot_id, expires_at, remaining) VALUES (?, ?, ?, ?)
            ON CONFLICT (customer_id, lot_id) DO UPDATE SET expires_at = excluded.expires_at, remaining = excluded.remaining
            """
        case .deleteLot: "DELETE FROM lots WHERE customer_id = ? AND lot_id = ?"
        case .customersWithLotsExpiring:
            "SELECT DISTINCT customer_id FROM lots INDEXED BY lots_by_expiry WHERE expires_at <= ? ORDER BY customer_id"

        case .activity: "SELECT body FROM activities WHERE id = ?"
        case .activityForReplacement: "SELECT sequence, body FROM activities WHERE id = ?"
        case .outcome: "SELECT outcome FROM activities WHERE id = ?"
        case .activitiesOfCustomer: "SELECT body FROM activities WHERE customer_id = ? ORDER BY sequence"
        case .activitiesByDate: "SELECT body FROM activities WHERE date >= ? AND date < ? ORDER BY date, sequence"
        case .insertActivity:
            """
            INSERT INTO activities (id, customer_id, date, type, body, outcome) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """
        case .replaceActivity: "UPDATE activities SET body = ? WHERE sequence = ?"

        case .ledger:
            """
            SELECT l.recorded_with, l.position, l.body, a.outcome FROM ledger_entries AS l
            LEFT JOIN activities AS a ON a.sequence = l.recorded_with
            WHERE l.customer_id = ? ORDER BY l.sequence
            """
        case .insertLedgerEntry:
            """
            INSERT INTO ledger_entries (customer_id, activity_id, kind, date, points, recorded_with, position, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        }
    }
}
