import Foundation

extension Program {
    /// The amount that earns — purchase lines outside excluded categories, or the stay's amount
    /// unless its category is excluded — and the whole amount paid. In minor units.
    func amounts(of activity: Activity) -> (eligible: Int64, total: Int64) {
        switch activity.kind {
        case .purchase(let purchase):
            var eligible: Int64 = 0
            var total: Int64 = 0
            let excludes = !excludedCategories.isEmpty
            for line in purchase.lines {
                total += line.amount.minorUnits
                if excludes, let category = line.category, excludedCategories.quicklyContains(category) { continue }
                eligible += line.amount.minorUnits
            }
            return (eligible, total)
        case .stay(let stay):
            if let category = stay.category, excludedCategories.quicklyContains(category) { return (0, stay.amount.minorUnits) }
            return (stay.amount.minorUnits, stay.amount.minorUnits)
        default:
            return (0, 0)
        }
    }

    /// Runs the earning rules for an activity without changing anything.
    ///
    /// Use it to preview what an activity would earn ("you'll earn 360 points for this stay").
    /// - Returns: one component per rule that gave points, caps included, in ledger order.
    /// - Throws: ``LoyaltyError/Code/overflow`` when the points do not fit in 64 bits.
    public func earnings(for activity: Activity, member state: MemberState) throws -> [(rule: String, earning: Earning)] {
        var entries: [LedgerEntry] = []
        _ = try computeEarnings(for: activity, member: state, into: &entries)
        return entries.map { ($0.rule, Earning(points: $0.points, reason: $0.reason)) }
    }

    struct TrackedUsage {
        let name: String
        let periods: [RulePeriod]
        let points: Int64
    }

    struct EarningResult {
        /// Rules with limits or period caps that fired, for usage counting.
        var tracked: [TrackedUsage] = []
        var total: Int64 = 0
        var warnings: [OutcomeWarning] = []
        var localDate: CivilDate
        var eligible: Int64
        var amount: Int64
        var nights: Int
    }

    /// Runs the rules and appends one earn entry per rule that gave points to `entries`.
    func computeEarnings(for activity: Activity, member state: MemberState, into entries: inout [LedgerEntry]) throws -> EarningResult {
        let localDate = calendar.civilDate(of: activity.date)
        let (eligible, amount) = amounts(of: activity)
        var nights = 0
        if case .stay(let stay) = activity.kind { nights = stay.nights }
        var tier: Tier?
        if let ladder = tiers, let id = state.tierID(at: activity.date), let index = ladder.index(of: id) { tier = ladder.tiers[index] }
        var context = EarningContext(
            activity: activity, member: state, localDate: localDate, tier: tier, currency: currency,
            eligibleAmount: eligible, nights: nights, basePoints: .zero, excludedCategories: excludedCategories)
        var result = EarningResult(localDate: localDate, eligible: eligible, amount: amount, nights: nights)
        let first = entries.count

        func add(_ name: String, _ tracked: [RulePeriod], _ earning: Earning, allowNegative: Bool) throws {
            let points = earning.points.rawValue
            guard points != 0 else { return }
            if points < 0, !allowNegative {
                result.warnings.append(.negativeRuleIgnored(rule: name, points: earning.points))
                return
            }
            let (sum, overflow) = result.total.addingReportingOverflow(points)
            guard !overflow else { throw LoyaltyError(.overflow, "the points earned overflow 64 bits at rule \(name)") }
            result.total = sum
            entries.append(LedgerEntry(
                id: .init(activityID: activity.id, kind: .earn, index: entries.count - first), customerID: activity.customerID,
                date: activity.date, points: earning.points, rule: name, reason: earning.reason, lotID: activity.id))
            if !tracked.isEmpty { result.tracked.append(TrackedUsage(name: name, periods: tracked, points: points)) }
        }

        let rules = orderedRules
        for index in rules.base.indices {
            if let earning = rules.base[index].earn(in: context) {
                try add(rules.baseNames[index], rules.baseTracked[index], earning, allowNegative: false)
            }
        }
        context.basePoints = Points(result.total)
        for index in rules.multipliers.indices {
            if let earning = rules.multipliers[index].earn(in: context) {
                try add(rules.multiplierNames[index], rules.multiplierTracked[index], earning, allowNegative: true)
            }
        }
        if let tier, let factor = tier.earnMultiplier, context.basePoints.rawValue > 0 {
            let base = context.basePoints.rawValue
            if let extra = factor.extra(on: base), extra != 0 {
                let reason = LedgerReason.multiplier(factor: factor, base: Points(base), scopedBase: Points(base), label: "\(tier.name) tier")
                try add(Program.tierMultiplierRuleName, [], Earning(points: Points(extra), reason: reason), allowNegative: true)
            }
        }
        for index in rules.bonuses.indices {
            if let earning = rules.bonuses[index].earn(in: context) {
                try add(rules.bonusNames[index], rules.bonusTracked[index], earning, allowNegative: false)
            }
        }

        func cap(to limit: Int64, _ cap: Points, _ period: RulePeriod) throws {
            guard result.total > limit else { return }
            let removed = result.total - max(0, limit)
            try add("cap", [], Earning(points: Points(-removed), reason: .programCap(limit: cap, period: period)), allowNegative: true)
        }
        if result.total < 0 {
            // Multipliers below ×1 took more than the rules gave: an activity never costs points.
            try add("cap", [], Earning(points: Points(-result.total), reason: .programCap(limit: .zero, period: .activity)), allowNegative: true)
        }
        if let limit = caps.perActivity { try cap(to: limit.rawValue, limit, .activity) }
        if let limit = caps.perDay {
            let used = state.usage(of: "*", period: .day, key: localDate.dayNumber)?.points ?? 0
            try cap(to: limit.rawValue - used, limit, .day)
        }
        if let limit = caps.perMonth {
            let used = state.usage(of: "*", period: .month, key: localDate.monthIndex)?.points ?? 0
            try cap(to: limit.rawValue - used, limit, .month)
        }
        return result
    }

    /// Earns for any activity the rules may reward, and counts it toward tiers.
    func earn(_ activity: Activity, on state: inout MemberState, outcome: inout Outcome) throws {
        let first = outcome.entries.count
        let result = try computeEarnings(for: activity, member: state, into: &outcome.entries)
        if !result.warnings.isEmpty { outcome.warnings += result.warnings }
        let total = Points(result.total)
        guard !state.lifetime.pointsEarned.addingReportingOverflow(max(0, total.rawValue)).overflow else {
            throw LoyaltyError(.overflow, "the member's points earned would overflow 64 bits")
        }
        if outcome.entries.count > first { addLot(total, activity: activity, state: &state, outcome: &outcome) }
        recordUsage(result, on: &state)
        if total.rawValue > 0 {
            state.lastPointsActivity = activity.date
            state.lifetime.pointsEarned += total.rawValue
            state.lifetime.qualifyingPoints += total.rawValue
        }

        let isVisit = activity.isVisit
        let month = result.localDate.monthIndex
        addToBucket(&state, month: month, points: total.rawValue, spend: result.eligible, nights: Int64(result.nights), visits: isVisit ? 1 : 0)
        state.lifetime.spend += result.eligible
        state.lifetime.nights += Int64(result.nights)
        if isVisit { state.lifetime.visits += 1 }
        switch activity.kind {
        case .purchase, .stay: state.lifetime.purchases += 1
        default: break
        }
        if isVisit {
            state.earnings.append(EarningRecord(
                activityID: activity.id, month: month, amount: result.amount, points: total.rawValue,
                qualifyingSpend: result.eligible, nights: Int64(result.nights)))
        }
        if let tiers {
            let counted: Int64
            switch tiers.metric {
            case .pointsEarned: counted = total.rawValue
            case .spend: counted = result.eligible
            case .nights: counted = Int64(result.nights)
            case .visits: counted = isVisit ? 1 : 0
            }
            // Only an activity that adds to the metric can move a member up.
            if counted > 0 || state.tier == nil {
                checkUpgrade(&state, ladder: tiers, at: activity.date, changes: &outcome.tierChanges)
            }
        }
    }

    private func recordUsage(_ result: EarningResult, on state: inout MemberState) {
        var touched = false
        for usage in result.tracked {
            for period in usage.periods {
                guard let key = period.key(for: result.localDate) else { continue }
                bumpUsage(&state, rule: usage.name, period: period, key: key, points: usage.points)
                touched = true
            }
        }
        if result.total > 0 {
            if caps.perDay != nil { bumpUsage(&state, rule: "*", period: .day, key: result.localDate.dayNumber, points: result.total); touched = true }
            if caps.perMonth != nil { bumpUsage(&state, rule: "*", period: .month, key: result.localDate.monthIndex, points: result.total); touched = true }
        }
        if touched { pruneUsage(&state, today: result.localDate) }
    }

    private func bumpUsage(_ state: inout MemberState, rule: String, period: RulePeriod, key: Int, points: Int64) {
        if let index = state.usage.firstIndex(where: { $0.key == key && $0.period == period && $0.rule == rule }) {
            state.usage[index].count += 1
            state.usage[index].points += points
        } else {
            state.usage.append(RuleUsage(rule: rule, period: period, key: key, count: 1, points: points))
        }
    }

    /// Drops usage of periods that have ended before `today`'s (late activities for an earlier
    /// day then count against a fresh period; the usual till delay is hours, not days).
    private func pruneUsage(_ state: inout MemberState, today: CivilDate) {
        state.usage.removeAll { usage in
            switch usage.period {
            case .day: usage.key < today.dayNumber - 1
            case .month: usage.key < today.monthIndex - 1
            case .year: usage.key < today.year - 1
            case .activity, .lifetime: false
            }
        }
    }

    func addToBucket(_ state: inout MemberState, month: Int, points: Int64, spend: Int64, nights: Int64, visits: Int64) {
        guard points != 0 || spend != 0 || nights != 0 || visits != 0 else { return }
        if let last = state.qualifying.indices.last, state.qualifying[last].month == month {
            state.qualifying[last].points += points
            state.qualifying[last].spend += spend
            state.qualifying[last].nights += nights
            state.qualifying[last].visits += visits
            return
        }
        if let index = state.qualifying.firstIndex(where: { $0.month == month }) {
            state.qualifying[index].points += points
            state.qualifying[index].spend += spend
            state.qualifying[index].nights += nights
            state.qualifying[index].visits += visits
            return
        }
        let bucket = QualifyingMonth(month: month, points: points, spend: spend, nights: nights, visits: visits)
        if let insertAt = state.qualifying.firstIndex(where: { $0.month > month }) {
            state.qualifying.insert(bucket, at: insertAt)
        } else {
            state.qualifying.append(bucket)
        }
        // Keep only the months a window can still look at (24 without a windowed ladder).
        let lookback = tiers?.window.lookbackMonths ?? 0
        let horizon = lookback > 0 ? lookback : 24
        if let newest = state.qualifying.last?.month, let oldest = state.qualifying.first?.month, oldest < newest - horizon {
            state.qualifying.removeAll { $0.month < newest - horizon }
        }
    }
}

extension Program {
    /// The ledger name of the implicit rule behind a tier's earn multiplier.
    static let tierMultiplierRuleName = "tier-multiplier"
}
