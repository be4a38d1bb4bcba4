import Foundation

extension Program {
    /// Applies one activity to a member's state: the heart of the engine.
    ///
    /// First, expiries and tier reviews that fell due up to the processing date are
    /// carried out; then the activity earns, spends, refunds or adjusts. The function is
    /// pure: no clock, no I/O, no randomness. On error, `state` is left exactly as it was.
    ///
    /// ```swift
    /// var state = MemberState(customer: guest)
    /// let outcome = try program.apply(stay, to: &state)
    /// print(outcome.explanation)
    /// ```
    ///
    /// - Parameters:
    ///   - activity: the activity; its `customerID` must be the state's.
    ///   - state: the member's state, updated in place.
    ///   - date: the processing date, when it is later than the activity (a till that syncs
    ///     late): expiries and reviews are processed up to it. Defaults to the activity's date.
    /// - Returns: what the activity did.
    /// - Throws: ``LoyaltyError`` — ``LoyaltyError/Code/invalidInput`` or
    ///   ``LoyaltyError/Code/currencyMismatch`` for a malformed activity,
    ///   ``LoyaltyError/Code/insufficientPoints`` for a redemption or debit above the available
    ///   balance, ``LoyaltyError/Code/activityNotFound`` or ``LoyaltyError/Code/invalidRefund``
    ///   for a refund that cannot apply, ``LoyaltyError/Code/unknownTier`` for an override to
    ///   a tier the ladder lacks, ``LoyaltyError/Code/overflow``.
    /// - Complexity: O(lots + month buckets + rules) per activity; O(earning records) for a refund.
    @discardableResult
    public func apply(_ activity: Activity, to state: inout MemberState, at date: Date? = nil) throws -> Outcome {
        guard activity.customerID == state.customerID else {
            throw LoyaltyError(.invalidInput, "the activity is for customer \(activity.customerID) but the state is for \(state.customerID)",
                               customerID: state.customerID, activityID: activity.id)
        }
        try activity.validate(currency: currency)
        let now = max(date ?? activity.date, activity.date)
        do {
            try check(activity, against: state, at: now)
        } catch let error as LoyaltyError {
            throw error.with(customerID: activity.customerID, activityID: activity.id)
        }

        var outcome = Outcome(activityID: activity.id, customerID: activity.customerID, date: activity.date)
        let backup: MemberState? = needsAdvance(state, to: now) ? state : nil
        let processedThrough = state.processedThrough
        advance(&state, to: now, entries: &outcome.entries, tierChanges: &outcome.tierChanges)
        do {
            try perform(activity, on: &state, at: now, outcome: &outcome)
        } catch let error as LoyaltyError {
            if let backup { state = backup } else { state.processedThrough = processedThrough }
            throw error.with(customerID: activity.customerID, activityID: activity.id)
        }
        if state.firstActivity.map({ activity.date < $0 }) ?? true { state.firstActivity = activity.date }
        if state.lastActivity.map({ activity.date > $0 }) ?? true { state.lastActivity = activity.date }
        if state.deficit.rawValue > 0 { outcome.warnings.append(.negativeBalance(state.deficit)) }
        outcome.balance = state.balance
        outcome.tierID = state.tierID(at: now)
        return outcome
    }

    /// Applies an activity to a copy of a state and returns both the new state and the outcome.
    /// - Throws: as ``apply(_:to:at:)``.
    public func applying(_ activity: Activity, to state: MemberState, at date: Date? = nil) throws -> (state: MemberState, outcome: Outcome) {
        var copy = state
        let outcome = try apply(activity, to: &copy, at: date)
        return (copy, outcome)
    }

    // MARK: - Checks that must pass before anything changes

    @inline(__always)
    private func check(_ activity: Activity, against state: MemberState, at now: Date) throws {
        switch activity.kind {
        case .redemption(let redemption):
            let available = spendable(state, at: now)
            guard redemption.points <= available else {
                throw LoyaltyError(.insufficientPoints, "cannot redeem \(redemption.points.rawValue) points for \(redemption.benefit): \(available.rawValue) available")
            }
        case .adjustment(let adjustment) where adjustment.points.rawValue < 0:
            let available = spendable(state, at: now)
            guard -adjustment.points <= available else {
                throw LoyaltyError(.insufficientPoints, "cannot debit \(-adjustment.points.rawValue) points: \(available.rawValue) available")
            }
        case .refund(let refund):
            _ = try refundPlan(refund, state: state)
        case .tierOverride(let override):
            guard let tiers else { throw LoyaltyError(.unknownTier, "the programme has no tiers to override") }
            guard tiers.index(of: override.tierID) != nil else {
                throw LoyaltyError(.unknownTier, "tier '\(override.tierID)' is not in the ladder (\(tiers.tiers.map(\.id).joined(separator: ", ")))")
            }
        default:
            break
        }
    }

    /// Points a member can spend at `date`, counting expiries that are due but not yet processed.
    @inline(__always)
    func spendable(_ state: MemberState, at date: Date) -> Points {
        if case .inactivityMonths(let months) = expiry, let last = state.lastPointsActivity,
           calendar.adding(months: months, to: last) <= date
        {
            return .zero
        }
        return state.available(at: date)
    }

    // MARK: - Performing an activity

    private func perform(_ activity: Activity, on state: inout MemberState, at now: Date, outcome: inout Outcome) throws {
        switch activity.kind {
        case .enrollment, .purchase, .stay, .visit, .feedback, .interaction, .referral:
            try earn(activity, on: &state, outcome: &outcome)
        case .redemption(let redemption):
            consume(redemption.points, kind: .redeem, rule: "redemption", reason: .redemption(benefit: redemption.benefit),
                    activity: activity, at: now, state: &state, outcome: &outcome)
            state.lifetime.pointsRedeemed += redemption.points.rawValue
            state.lastPointsActivity = activity.date
        case .adjustment(let adjustment):
            let reason = LedgerReason.adjustment(reason: adjustment.reason, actor: adjustment.actor)
            if adjustment.points.rawValue > 0 {
                outcome.entries.append(LedgerEntry(
                    id: .init(activityID: activity.id, kind: .adjust, index: 0), customerID: activity.customerID, date: activity.date,
                    points: adjustment.points, rule: "adjustment", reason: reason, lotID: activity.id))
                addLot(adjustment.points, activity: activity, pending: false, state: &state, outcome: &outcome)
            } else {
                consume(-adjustment.points, kind: .adjust, rule: "adjustment", reason: reason,
                        activity: activity, at: now, state: &state, outcome: &outcome)
            }
            state.lifetime.pointsAdjusted += adjustment.points.rawValue
            state.lastPointsActivity = activity.date
        case .refund(let refund):
            try applyRefund(refund, activity: activity, state: &state, outcome: &outcome)
        case .tierOverride(let override):
            guard let tiers else { return }
            ensureTierStatus(&state, ladder: tiers, at: activity.date)
            let before = state.tierID(at: activity.date) ?? override.tierID
            state.tier?.override = override
            outcome.tierChanges.append(TierChange(from: before, to: override.tierID, date: activity.date, reason: .overrideStarted, qualifyingValue: nil))
        }
    }

    /// Adds a lot for `points` earned or credited by an activity, repaying any deficit first.
    /// Earned points wait out the returns window (``pendingDays``); credits (`pending: false`) don't.
    func addLot(_ points: Points, activity: Activity, pending: Bool = true, state: inout MemberState, outcome: inout Outcome) {
        guard points.rawValue > 0 else { return }
        var remaining = points.rawValue
        if state.deficit.rawValue > 0 {
            let repaid = min(state.deficit.rawValue, remaining)
            state.deficit = Points(state.deficit.rawValue - repaid)
            remaining -= repaid
            outcome.warnings.append(.deficitRepaid(Points(repaid)))
        }
        guard remaining > 0 else { return }
        let availableAt = pending && pendingDays > 0 ? calendar.adding(days: pendingDays, to: activity.date) : activity.date
        let lot = PointLot(
            id: activity.id, earnedAt: activity.date, availableAt: availableAt,
            expiresAt: expiry.expiry(ofLotEarnedAt: activity.date, calendar: calendar),
            points: points, remaining: Points(remaining))
        insert(lot, into: &state.lots)
    }

    func insert(_ lot: PointLot, into lots: inout [PointLot]) {
        var index = lots.count
        while index > 0, PointLot.consumedBefore(lot, lots[index - 1]) { index -= 1 }
        if index == lots.count { lots.append(lot) } else { lots.insert(lot, at: index) }
    }

    /// Spends `points` from available lots, soonest-expiring first, as one ledger entry.
    /// The caller has checked availability.
    private func consume(
        _ points: Points, kind: LedgerEntry.Kind, rule: String, reason: LedgerReason,
        activity: Activity, at now: Date, state: inout MemberState, outcome: inout Outcome
    ) {
        var needed = points.rawValue
        var movements: [LotMovement] = []
        var index = 0
        while needed > 0, index < state.lots.count {
            guard state.lots[index].isAvailable(at: now) else { index += 1; continue }
            let taken = min(needed, state.lots[index].remaining.rawValue)
            state.lots[index].remaining.rawValue -= taken
            needed -= taken
            movements.append(LotMovement(lotID: state.lots[index].id, points: Points(-taken)))
            if state.lots[index].remaining.rawValue == 0 { state.lots.remove(at: index) } else { index += 1 }
        }
        outcome.entries.append(LedgerEntry(
            id: .init(activityID: activity.id, kind: kind, index: 0), customerID: activity.customerID,
            date: activity.date, points: -points, rule: rule, reason: reason, allocations: movements))
    }
}
