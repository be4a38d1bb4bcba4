import Foundation

extension Program {
    struct RefundPlan {
        var recordIndex: Int
        var refundedAfter: Int64
        /// Points to take back; they also leave the qualifying counters.
        var clawback: Int64
        var spend: Int64
        var nights: Int64
        var visits: Int64
        var refundAmount: Int64
    }

    /// Works out what a refund takes back, without changing anything.
    func refundPlan(_ refund: Refund, state: MemberState) throws -> RefundPlan {
        guard let recordIndex = state.earnings.lastIndex(where: { $0.activityID == refund.originalActivityID }) else {
            throw LoyaltyError(.activityNotFound, "activity \(refund.originalActivityID) is not a purchase, stay or visit of this member, so it cannot be refunded")
        }
        let record = state.earnings[recordIndex]
        let refundable = record.amount - record.refunded
        guard !record.isFullyRefunded else {
            throw LoyaltyError(.invalidRefund, "activity \(refund.originalActivityID) has already been refunded in full")
        }
        let amount = refund.amount?.minorUnits ?? refundable
        guard amount <= refundable else {
            let money = { Money(minorUnits: $0, currency: self.currency) }
            throw LoyaltyError(.invalidRefund, "refund of \(money(amount)) exceeds the \(money(refundable)) still refundable on \(refund.originalActivityID)")
        }
        let after = record.refunded + amount
        let rounding = refunds.rounding
        func share(_ total: Int64, rounding: PointsRounding) -> Int64 {
            guard record.amount > 0 else { return total }
            return rounding.apply(total, times: after, over: record.amount) ?? total
        }
        func before(_ total: Int64, rounding: PointsRounding) -> Int64 {
            guard record.amount > 0 else { return 0 }
            return rounding.apply(total, times: record.refunded, over: record.amount) ?? 0
        }
        let fully = after >= record.amount
        return RefundPlan(
            recordIndex: recordIndex,
            refundedAfter: after,
            clawback: fully ? record.points - record.clawedBack : share(record.points, rounding: rounding) - record.clawedBack,
            spend: share(record.qualifyingSpend, rounding: .nearest) - before(record.qualifyingSpend, rounding: .nearest),
            nights: share(record.nights, rounding: .down) - before(record.nights, rounding: .down),
            visits: fully ? 1 : 0,
            refundAmount: amount)
    }

    func applyRefund(_ refund: Refund, activity: Activity, state: inout MemberState, outcome: inout Outcome) throws {
        let plan = try refundPlan(refund, state: state)
        let record = state.earnings[plan.recordIndex]
        let reason = LedgerReason.refund(
            originalActivityID: refund.originalActivityID,
            refunded: Money(minorUnits: plan.refundAmount, currency: currency),
            originalAmount: Money(minorUnits: record.amount, currency: currency))

        var needed = max(0, plan.clawback)
        var movements: [LotMovement] = []
        func take(fromLotAt index: Int) {
            let taken = min(needed, state.lots[index].remaining.rawValue)
            guard taken > 0 else { return }
            state.lots[index].remaining.rawValue -= taken
            needed -= taken
            movements.append(LotMovement(lotID: state.lots[index].id, points: Points(-taken)))
        }
        if let own = state.lots.firstIndex(where: { $0.id == refund.originalActivityID }) { take(fromLotAt: own) }
        var index = 0
        while needed > 0, index < state.lots.count {
            take(fromLotAt: index)
            index += 1
        }
        state.lots.removeAll { $0.remaining.rawValue == 0 }
        var reversed = max(0, plan.clawback) - needed
        if needed > 0 {
            switch refunds.whenSpent {
            case .allowNegativeBalance:
                state.deficit = Points(state.deficit.rawValue + needed)
                reversed += needed
            case .stopAtZero:
                outcome.warnings.append(.refundShortfall(Points(needed)))
            }
        }
        if reversed > 0 {
            outcome.entries.append(LedgerEntry(
                id: .init(activityID: activity.id, kind: .reverse, index: 0), customerID: activity.customerID,
                date: activity.date, points: Points(-reversed), rule: "refund", reason: reason, allocations: movements))
        }
        state.lifetime.pointsReversed += reversed

        state.earnings[plan.recordIndex].refunded = plan.refundedAfter
        state.earnings[plan.recordIndex].clawedBack += max(0, plan.clawback)
        state.earnings[plan.recordIndex].refundCount += 1
        if let bucket = state.qualifying.firstIndex(where: { $0.month == record.month }) {
            state.qualifying[bucket].points -= plan.clawback
            state.qualifying[bucket].spend -= plan.spend
            state.qualifying[bucket].nights -= plan.nights
            state.qualifying[bucket].visits -= plan.visits
        }
        state.lifetime.qualifyingPoints -= plan.clawback
        state.lifetime.spend -= plan.spend
        state.lifetime.nights -= plan.nights
        state.lifetime.visits -= plan.visits
        if let tiers { revokeAfterRefund(&state, ladder: tiers, at: activity.date, changes: &outcome.tierChanges) }
    }
}
