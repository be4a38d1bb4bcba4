import Foundation

/// What moving a member's state forward in time did: expiries and tier reviews.
public struct Advancement: Sendable, Hashable, Codable {
    /// The member.
    public var customerID: Customer.ID
    /// Expiry entries, in date order.
    public var entries: [LedgerEntry]
    /// Tier changes from reviews, grace periods and overrides that ended.
    public var tierChanges: [TierChange]

    /// Creates an advancement.
    public init(customerID: Customer.ID, entries: [LedgerEntry] = [], tierChanges: [TierChange] = []) {
        self.customerID = customerID
        self.entries = entries
        self.tierChanges = tierChanges
    }

    /// Whether nothing happened.
    public var isEmpty: Bool { entries.isEmpty && tierChanges.isEmpty }
}

extension Program {
    /// Moves a member's state forward to `date`: expires every lot due by then and carries
    /// out every tier review, grace-period end and override end due by then.
    ///
    /// Applying an activity does this first, so calling it is only needed for members who
    /// have no activity (a nightly `expire(asOf:)`). It is idempotent: advancing twice to the
    /// same date does nothing the second time, and the entries it creates have ids derived
    /// from the lots, so the result does not depend on when it runs.
    /// - Complexity: O(expired lots + reviews due).
    @discardableResult
    public func advance(_ state: inout MemberState, to date: Date) -> Advancement {
        var result = Advancement(customerID: state.customerID)
        advance(&state, to: date, entries: &result.entries, tierChanges: &result.tierChanges)
        return result
    }

    /// Whether ``advance(_:to:)`` would change anything. O(1).
    @inline(__always)
    func needsAdvance(_ state: MemberState, to date: Date) -> Bool {
        if let first = state.lots.first, let expiresAt = first.expiresAt, expiresAt <= date { return true }
        if case .inactivityMonths(let months) = expiry, !state.lots.isEmpty, let last = state.lastPointsActivity,
           calendar.adding(months: months, to: last) <= date
        {
            return true
        }
        if let review = state.tier?.nextReview, review <= date { return true }
        if let effective = state.tier?.pendingDowngrade?.effective, effective <= date { return true }
        if let until = state.tier?.override?.until, until <= date { return true }
        return false
    }

    /// What an advance carries out.
    enum AdvanceScope: Sendable {
        case all, expiry, tiers
    }

    func advance(
        _ state: inout MemberState, to date: Date, scope: AdvanceScope = .all,
        entries: inout [LedgerEntry], tierChanges: inout [TierChange]
    ) {
        if scope == .all, state.processedThrough.map({ date > $0 }) ?? true { state.processedThrough = date }
        guard needsAdvance(state, to: date) else { return }
        if scope != .tiers { expireLots(&state, through: date, entries: &entries) }
        if scope != .expiry, let tiers { advanceTiers(&state, ladder: tiers, through: date, changes: &tierChanges) }
    }

    private func expireLots(_ state: inout MemberState, through date: Date, entries: inout [LedgerEntry]) {
        var expired = 0
        while expired < state.lots.count, let expiresAt = state.lots[expired].expiresAt, expiresAt <= date {
            let lot = state.lots[expired]
            entries.append(expiryEntry(for: lot, customerID: state.customerID, at: expiresAt))
            state.lifetime.pointsExpired += lot.remaining.rawValue
            expired += 1
        }
        if expired > 0 { state.lots.removeFirst(expired) }

        if case .inactivityMonths(let months) = expiry, !state.lots.isEmpty, let last = state.lastPointsActivity {
            let deadline = calendar.adding(months: months, to: last)
            if deadline <= date {
                for lot in state.lots {
                    entries.append(expiryEntry(for: lot, customerID: state.customerID, at: deadline))
                    state.lifetime.pointsExpired += lot.remaining.rawValue
                }
                state.lots.removeAll()
            }
        }
    }

    private func expiryEntry(for lot: PointLot, customerID: Customer.ID, at date: Date) -> LedgerEntry {
        LedgerEntry(
            id: .init(activityID: lot.id, kind: .expire, index: 0), customerID: customerID, date: date,
            points: -lot.remaining, rule: "expiry", reason: .expiry(earnedAt: lot.earnedAt, policy: expiry.name),
            lotID: lot.id)
    }

    /// Lots that will expire within `days` days after `date`, grouped by expiry instant.
    ///
    /// Tells a member "1,200 points expire on 31 March". Pending lots are included (they
    /// expire too); inactivity expiry is reported at its deadline.
    /// - Complexity: O(lots).
    public func expiringPoints(in state: MemberState, within days: Int, of date: Date) -> [ExpiringPoints] {
        let horizon = calendar.adding(days: days, to: date)
        var result: [ExpiringPoints] = []
        if case .inactivityMonths(let months) = expiry, let last = state.lastPointsActivity {
            let deadline = calendar.adding(months: months, to: last)
            let total = state.lots.reduce(0) { $0 + $1.remaining.rawValue }
            if deadline > date, deadline <= horizon, total > 0 { result.append(ExpiringPoints(date: deadline, points: Points(total))) }
            return result
        }
        for lot in state.lots {
            guard let expiresAt = lot.expiresAt, expiresAt > date, expiresAt <= horizon else { continue }
            if let last = result.indices.last, result[last].date == expiresAt {
                result[last].points = result[last].points + lot.remaining
            } else {
                result.append(ExpiringPoints(date: expiresAt, points: lot.remaining))
            }
        }
        return result
    }
}
