import Foundation

extension Program {
    /// Gives a member the entry tier if they have no status yet.
    func ensureTierStatus(_ state: inout MemberState, ladder: TierLadder, at date: Date) {
        guard state.tier == nil, let entry = ladder.entryTier else { return }
        state.tier = TierStatus(tierID: entry.id, since: min(state.memberSince, date), floorTierID: entry.id, nextReview: nil)
    }

    /// The months of the window that contains `date` (for upgrades and progress).
    func currentWindow(_ ladder: TierLadder, state: MemberState, at date: Date) -> ClosedRange<Int>? {
        let month = calendar.monthIndex(of: date)
        switch ladder.window {
        case .calendarYear:
            let start = month - month % 12
            return start...(start + 11)
        case .rollingMonths(let months):
            return (month - months + 1)...month
        case .membershipYear:
            let anniversary = calendar.monthIndex(of: state.memberSince) % 12
            let start = month - ((month % 12 - anniversary + 12) % 12)
            return start...(start + 11)
        case .lifetime:
            return nil
        }
    }

    /// The months a review at `date` looks at: the window that has just ended.
    func reviewWindow(_ ladder: TierLadder, at date: Date) -> ClosedRange<Int>? {
        let month = calendar.monthIndex(of: date)
        switch ladder.window {
        case .calendarYear:
            let start = month - month % 12 - 12
            return start...(start + 11)
        case .rollingMonths(let months):
            return (month - months)...(month - 1)
        case .membershipYear:
            return (month - 12)...(month - 1)
        case .lifetime:
            return nil
        }
    }

    /// The metric's value over a window (`nil` = lifetime).
    func value(_ ladder: TierLadder, state: MemberState, months: ClosedRange<Int>?) -> Int64 {
        guard let months else {
            switch ladder.metric {
            case .pointsEarned: return state.lifetime.qualifyingPoints
            case .spend: return state.lifetime.spend
            case .nights: return state.lifetime.nights
            case .visits: return state.lifetime.visits
            }
        }
        return state.qualifyingValue(ladder.metric, months: months)
    }

    /// When a tier reached or confirmed at `date` is next reviewed; `nil` for the entry tier and lifetime ladders.
    func nextReview(_ ladder: TierLadder, state: MemberState, tierIndex: Int, after date: Date) -> Date? {
        guard tierIndex > 0 else { return nil }
        let month = calendar.monthIndex(of: date)
        switch ladder.window {
        case .calendarYear:
            return calendar.startOfMonth(index: month - month % 12 + 12)
        case .rollingMonths(let months):
            return calendar.startOfMonth(index: month + months)
        case .membershipYear:
            guard let window = currentWindow(ladder, state: state, at: date) else { return nil }
            return calendar.startOfMonth(index: window.upperBound + 1)
        case .lifetime:
            return nil
        }
    }

    /// Moves a member up at once when the current window reaches a higher threshold, and
    /// cancels a pending downgrade when they qualify again during the grace period.
    func checkUpgrade(_ state: inout MemberState, ladder: TierLadder, at date: Date, changes: inout [TierChange]) {
        ensureTierStatus(&state, ladder: ladder, at: date)
        guard let currentID = state.tier?.tierID else { return }
        let current = ladder.index(of: currentID) ?? 0
        let value = value(ladder, state: state, months: currentWindow(ladder, state: state, at: date))
        let qualified = ladder.qualifiedIndex(for: value)
        if qualified > current {
            changes.append(TierChange(from: currentID, to: ladder.tiers[qualified].id, date: date, reason: .qualified, qualifyingValue: value))
            let review = nextReview(ladder, state: state, tierIndex: qualified, after: date)
            state.tier?.tierID = ladder.tiers[qualified].id
            state.tier?.since = date
            state.tier?.pendingDowngrade = nil
            state.tier?.nextReview = review
        } else if let pending = state.tier?.pendingDowngrade, qualified >= current {
            let review = nextReview(ladder, state: state, tierIndex: current, after: pending.effective)
            state.tier?.pendingDowngrade = nil
            state.tier?.floorTierID = currentID
            state.tier?.nextReview = review
        }
    }

    /// After a refund, takes back an upgrade the refunded activity paid for — never below
    /// the tier confirmed at the last review.
    func revokeAfterRefund(_ state: inout MemberState, ladder: TierLadder, at date: Date, changes: inout [TierChange]) {
        guard var status = state.tier else { return }
        let current = ladder.index(of: status.tierID) ?? 0
        let floor = ladder.index(of: status.floorTierID) ?? 0
        let value = value(ladder, state: state, months: currentWindow(ladder, state: state, at: date))
        let target = max(floor, ladder.qualifiedIndex(for: value))
        guard target < current else { return }
        changes.append(TierChange(from: status.tierID, to: ladder.tiers[target].id, date: date, reason: .refund, qualifyingValue: value))
        status.tierID = ladder.tiers[target].id
        status.nextReview = target == floor && target > 0 && status.nextReview == nil
            ? nextReview(ladder, state: state, tierIndex: target, after: date) : (target == 0 ? nil : status.nextReview)
        state.tier = status
    }

    /// Carries out reviews, grace-period ends and override ends due by `date`, in date order.
    func advanceTiers(_ state: inout MemberState, ladder: TierLadder, through date: Date, changes: inout [TierChange]) {
        guard var status = state.tier else { return }
        for _ in 0..<10_000 {
            let review = status.nextReview.flatMap { $0 <= date ? $0 : nil }
            let downgrade = status.pendingDowngrade.flatMap { $0.effective <= date ? $0 : nil }
            let overrideEnd = status.override.flatMap { $0.until <= date ? $0.until : nil }
            let due = [review, downgrade?.effective, overrideEnd].compactMap { $0 }.min()
            guard let due else { break }
            if due == overrideEnd, let override = status.override {
                status.override = nil
                if override.tierID != status.tierID {
                    changes.append(TierChange(from: override.tierID, to: status.tierID, date: due, reason: .overrideEnded, qualifyingValue: nil))
                }
            } else if let downgrade, due == downgrade.effective {
                let index = ladder.index(of: downgrade.tierID) ?? 0
                changes.append(TierChange(from: status.tierID, to: downgrade.tierID, date: due, reason: .gracePeriodEnded, qualifyingValue: nil))
                status.tierID = downgrade.tierID
                status.floorTierID = downgrade.tierID
                status.since = due
                status.pendingDowngrade = nil
                status.nextReview = nextReview(ladder, state: state, tierIndex: index, after: due)
            } else if let review, due == review {
                runReview(&status, ladder: ladder, state: state, at: review, changes: &changes)
            }
        }
        state.tier = status
    }

    private func runReview(_ status: inout TierStatus, ladder: TierLadder, state: MemberState, at review: Date, changes: inout [TierChange]) {
        let current = ladder.index(of: status.tierID) ?? 0
        let value = value(ladder, state: state, months: reviewWindow(ladder, at: review))
        let qualified = ladder.qualifiedIndex(for: value)
        if qualified >= current {
            status.floorTierID = status.tierID
            status.nextReview = nextReview(ladder, state: state, tierIndex: current, after: review)
            return
        }
        let target = max(qualified, current - (ladder.maximumDowngradeSteps ?? current))
        let targetID = ladder.tiers[target].id
        if ladder.gracePeriodDays > 0 {
            status.pendingDowngrade = .init(tierID: targetID, effective: calendar.adding(days: ladder.gracePeriodDays, to: review))
            status.nextReview = nil
        } else {
            changes.append(TierChange(from: status.tierID, to: targetID, date: review, reason: .review, qualifyingValue: value))
            status.tierID = targetID
            status.floorTierID = targetID
            status.since = review
            status.nextReview = nextReview(ladder, state: state, tierIndex: target, after: review)
        }
    }

    /// Where a member stands: current tier, value in the window, what reaches the next tier
    /// and what keeps the current one at the next review.
    ///
    /// - Returns: `nil` when the programme has no tiers.
    /// - Complexity: O(month buckets).
    public func tierProgress(for state: MemberState, at date: Date) -> TierProgress? {
        guard let ladder = tiers, let entry = ladder.entryTier else { return nil }
        var state = state
        advance(&state, to: date)
        let status = state.tier ?? TierStatus(tierID: entry.id, since: state.memberSince, floorTierID: entry.id, nextReview: nil)
        let qualifiedIndex = ladder.index(of: status.tierID) ?? 0
        let current = value(ladder, state: state, months: currentWindow(ladder, state: state, at: date))
        let next = qualifiedIndex + 1 < ladder.tiers.count ? ladder.tiers[qualifiedIndex + 1] : nil
        var neededToKeep: Int64 = 0
        if let review = status.nextReview {
            let kept = value(ladder, state: state, months: reviewWindow(ladder, at: review))
            neededToKeep = max(0, ladder.tiers[qualifiedIndex].threshold - kept)
        }
        let effective = ladder.tier(status.effectiveTierID(at: date)) ?? ladder.tiers[qualifiedIndex]
        return TierProgress(
            current: effective, qualified: ladder.tiers[qualifiedIndex], metric: ladder.metric, value: current, next: next,
            neededForNext: next.map { max(0, $0.threshold - current) } ?? 0,
            reviewDate: status.nextReview, neededToKeep: neededToKeep, pendingDowngrade: status.pendingDowngrade)
    }
}
