import Foundation
import LoyaltyKit

/// One row of the `lots` table: what the lot-expiry index needs to know of a member's lot.
///
/// The table is derived from the member states (which stay the source of truth): one row per
/// lot id with points left. Lots that share an id — the engine never makes them, but a state
/// decoded from elsewhere might hold them — are one row with the earliest expiry and the total
/// remaining, which answers "does this member hold points expiring by a date" exactly.
struct LotRow: Equatable {
    /// The expiry date as `timeIntervalSinceReferenceDate`, or `nil` for points that never expire.
    var expiresAt: Double?
    /// The points left.
    var remaining: Int64

    /// The row for lot `id` in `lots`, or `nil` when no lot with this id has points left.
    /// - Complexity: O(lots).
    static func row(for id: Activity.ID, in lots: [PointLot]) -> LotRow? {
        var row: LotRow?
        for lot in lots where lot.id == id { row.merge(lot) }
        return row
    }

    /// The rows for `lots`, by lot id.
    /// - Complexity: O(lots).
    static func rows(for lots: [PointLot]) -> [Activity.ID: LotRow] {
        var rows: [Activity.ID: LotRow] = [:]
        for lot in lots { rows[lot.id].merge(lot) }
        return rows
    }

    /// The ids whose rows may differ between two lot lists: those in the stretch between their
    /// common prefix and common suffix. Lots keep their relative order in a member state, so
    /// an ordinary earn (one lot inserted) or redemption (the first lots drained) changes a
    /// short stretch, and a save costs a few row writes whatever the number of lots.
    /// - Complexity: O(lots).
    static func changedIDs(from old: [PointLot], to new: [PointLot]) -> Set<Activity.ID> {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var oldEnd = old.count
        var newEnd = new.count
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        return Set(old[start..<oldEnd].map(\.id) + new[start..<newEnd].map(\.id))
    }
}

extension LotRow? {
    /// Adds a lot to the row (creating it), unless the lot has no points left.
    fileprivate mutating func merge(_ lot: PointLot) {
        guard lot.remaining.rawValue > 0 else { return }
        let expiresAt = lot.expiresAt?.timeIntervalSinceReferenceDate
        guard let row = self else {
            self = LotRow(expiresAt: expiresAt, remaining: lot.remaining.rawValue)
            return
        }
        let earliest: Double? = switch (row.expiresAt, expiresAt) {
        case let (a?, b?): min(a, b)
        case let (a, b): a ?? b
        }
        self = LotRow(expiresAt: earliest, remaining: row.remaining &+ lot.remaining.rawValue)
    }
}
