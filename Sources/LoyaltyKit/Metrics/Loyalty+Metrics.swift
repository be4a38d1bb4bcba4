import Foundation

extension Loyalty {
    /// Feeds every stored activity dated in `[start, end)` to a metric, in one read
    /// transaction, and returns the metric.
    ///
    /// ```swift
    /// let history = try await loyalty.measure(
    ///     PurchaseHistoryAccumulator(currency: .eur, observationEnd: lastDay, calendar: loyalty.program.calendar),
    ///     to: end)
    /// let segments = history.result()
    /// ```
    /// - Parameters:
    ///   - metric: the metric, usually empty.
    ///   - start: the first instant included (default: the beginning of time).
    ///   - end: the first instant excluded.
    /// - Throws: the metric's errors and the store's ``LoyaltyError/Code/storage`` errors.
    public func measure<Metric: ActivityMetric>(_ metric: Metric, from start: Date = .distantPast, to end: Date) async throws -> Metric {
        try await store.read { reader in
            var metric = metric
            try reader.measure(&metric, from: start, to: end)
            return metric
        }
    }

    /// Feeds every stored activity dated in `[start, end)` to two metrics in one pass.
    /// - Parameters:
    ///   - first: the first metric.
    ///   - second: the second metric.
    ///   - start: the first instant included (default: the beginning of time).
    ///   - end: the first instant excluded.
    /// - Throws: the metrics' errors and the store's errors.
    public func measure<First: ActivityMetric, Second: ActivityMetric>(
        _ first: First, _ second: Second, from start: Date = .distantPast, to end: Date
    ) async throws -> (First, Second) {
        try await store.read { reader in
            var first = first, second = second
            try reader.forEachActivity(from: start, to: end) { activity in
                try first.add(activity)
                try second.add(activity)
            }
            return (first, second)
        }
    }

    /// Feeds every stored activity dated in `[start, end)` to three metrics in one pass.
    /// - Parameters:
    ///   - first: the first metric.
    ///   - second: the second metric.
    ///   - third: the third metric.
    ///   - start: the first instant included (default: the beginning of time).
    ///   - end: the first instant excluded.
    /// - Throws: the metrics' errors and the store's errors.
    public func measure<First: ActivityMetric, Second: ActivityMetric, Third: ActivityMetric>(
        _ first: First, _ second: Second, _ third: Third, from start: Date = .distantPast, to end: Date
    ) async throws -> (First, Second, Third) {
        try await store.read { reader in
            var first = first, second = second, third = third
            try reader.forEachActivity(from: start, to: end) { activity in
                try first.add(activity)
                try second.add(activity)
                try third.add(activity)
            }
            return (first, second, third)
        }
    }

    /// The programme's economics from every member's ledger: flows in `period`, the
    /// outstanding balance at its end, liability and reward cost at `pointValue`.
    /// - Parameters:
    ///   - period: the period `[start, end)`, or `nil` for all time.
    ///   - pointValue: what a point costs the business.
    /// - Throws: the store's errors.
    /// - Complexity: reads every member's ledger, one member at a time.
    public func programmeEconomics(period: Range<Date>? = nil, pointValue: PointValue) async throws -> ProgrammeEconomics {
        let calendar = program.calendar
        return try await store.read { reader in
            var economics = ProgrammeEconomicsAccumulator(period: period, pointValue: pointValue, calendar: calendar)
            for id in try reader.customerIDs() { economics.add(contentsOf: try reader.ledger(of: id)) }
            return economics.result()
        }
    }

    /// How many members are in each tier at `date`, with reviews and expiries due by then
    /// applied (to copies: nothing is stored).
    /// - Parameter date: the date.
    /// - Throws: the store's errors.
    public func tierDistribution(at date: Date) async throws -> TierDistribution {
        let program = self.program
        return try await store.read { reader in
            var distribution = TierDistribution(at: date, ladder: program.tiers)
            for id in try reader.customerIDs() {
                guard var state = try reader.memberState(id) else { continue }
                _ = program.advance(&state, to: date)
                distribution.add(state)
            }
            return distribution
        }
    }

    /// Tier upgrades and downgrades per month from the outcomes of the activities dated in
    /// `period`; `nil` when the programme has no ladder.
    ///
    /// Changes from reviews run by ``evaluateTiers(asOf:)`` without a later activity are not
    /// stored with any outcome: add the advancements it returns to the result with
    /// ``TierMovements/add(_:)``.
    /// - Parameter period: the period `[start, end)`.
    /// - Throws: the store's errors.
    public func tierMovements(period: Range<Date>) async throws -> TierMovements? {
        guard let ladder = program.tiers else { return nil }
        let calendar = program.calendar
        return try await store.read { reader in
            var movements = TierMovements(ladder: ladder, calendar: calendar, period: period)
            try reader.forEachActivity(from: period.lowerBound, to: period.upperBound) { activity in
                for change in try reader.outcome(of: activity.id)?.tierChanges ?? [] { movements.add(change) }
            }
            return movements
        }
    }

    /// A monthly breakdown of the stored purchases and stays dated in `[start, end)`, by a
    /// dimension, in the programme's currency and calendar. For ``BreakdownDimension/tier``
    /// the member's tier after each activity comes from its outcome.
    /// - Parameters:
    ///   - dimension: what to group by.
    ///   - start: the first instant included.
    ///   - end: the first instant excluded.
    ///   - filter: which activities count.
    /// - Throws: the accumulator's errors and the store's errors.
    public func monthlyBreakdown(by dimension: BreakdownDimension, from start: Date, to end: Date,
                                 filter: ActivityFilter = .all) async throws -> MonthlyBreakdown {
        let (currency, calendar) = (program.currency, program.calendar)
        return try await store.read { reader in
            var breakdown = MonthlyBreakdownAccumulator(dimension: dimension, currency: currency, calendar: calendar, filter: filter)
            try reader.forEachActivity(from: start, to: end) { activity in
                let tier = dimension == .tier ? try reader.outcome(of: activity.id)?.tierID : nil
                try breakdown.add(activity, tier: tier)
            }
            return breakdown.result()
        }
    }
}
