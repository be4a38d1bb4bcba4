import Foundation

/// Out-of-sample check of a fitted purchase model: mean actual vs predicted
/// repeat purchases in the holdout period, grouped by calibration frequency
/// (the "calibration purchases vs holdout purchases" plot of Fader, Hardie & Lee 2005a, fig. 4).
public struct HoldoutEvaluation: Sendable {
    /// One calibration-frequency group.
    public struct Group: Hashable, Sendable {
        /// Calibration frequency x of the group (the lower bound for the last, open-ended group).
        public let calibrationFrequency: Int
        /// `true` for the last group, which holds every x ≥ `calibrationFrequency`.
        public let isOpenEnded: Bool
        /// Customers in the group.
        public let customers: Int
        /// Mean actual repeat purchases (distinct purchase days) in the holdout.
        public let actualMean: Double
        /// Mean of the model's E[Y(holdout length) | x, tₓ, T].
        public let predictedMean: Double
    }

    /// Groups x = 0, 1, …, `maxFrequency − 1` and `maxFrequency+`; empty groups are left out.
    public let groups: [Group]
    /// Holdout length in the model's time unit.
    public let holdoutDuration: Double
    /// Unit of `holdoutDuration`.
    public let timeUnit: CustomerValueTimeUnit

    /// Evaluates `model` on calibration/holdout summaries. `O(customers)` predictions.
    /// - Throws: `LoyaltyError.invalidData` if `summaries` is empty, `maxFrequency` is outside 1…10000,
    ///   the holdout lengths differ or are not positive, or the time units differ from the model's.
    public init(model: some RepeatPurchaseModel, summaries: [CalibrationHoldoutSummary], maxFrequency: Int = 7) throws {
        guard let first = summaries.first else {
            throw LoyaltyError(.invalidData, "no customers to evaluate: the summary list is empty")
        }
        guard (1...10_000).contains(maxFrequency) else {
            throw LoyaltyError(.invalidData, "maxFrequency must be in 1…10000, got \(maxFrequency)")
        }
        let duration = first.holdoutDuration
        guard duration > 0, duration.isFinite, summaries.allSatisfy({ $0.holdoutDuration == duration }) else {
            throw LoyaltyError(.invalidData, "holdout duration must be positive and the same for every customer")
        }
        guard summaries.allSatisfy({ $0.calibration.timeUnit == model.timeUnit }) else {
            throw LoyaltyError(.invalidData, "summaries must be in the model's time unit (\(model.timeUnit))")
        }
        var count = [Int](repeating: 0, count: maxFrequency + 1)
        var actual = [Double](repeating: 0, count: maxFrequency + 1)
        var predicted = [Double](repeating: 0, count: maxFrequency + 1)
        for summary in summaries {
            let c = summary.calibration
            let bucket = min(c.frequency, maxFrequency)
            count[bucket] += 1
            actual[bucket] += Double(summary.holdoutFrequency)
            predicted[bucket] += model.conditionalExpectedPurchases(
                during: duration, frequency: c.frequency, recency: c.recency, age: c.age)
        }
        groups = (0...maxFrequency).compactMap { bucket in
            guard count[bucket] > 0 else { return nil }
            return Group(calibrationFrequency: bucket, isOpenEnded: bucket == maxFrequency, customers: count[bucket],
                         actualMean: actual[bucket] / Double(count[bucket]),
                         predictedMean: predicted[bucket] / Double(count[bucket]))
        }
        holdoutDuration = duration
        timeUnit = model.timeUnit
    }

    /// Plain-text table, one line per group plus a header, columns separated by spaces.
    public func table() -> String {
        var lines = [String(format: "holdout length %.2f ", holdoutDuration) + timeUnit.rawValue,
                     "calibration_x  customers  actual_mean  predicted_mean"]
        for group in groups {
            let label = group.isOpenEnded ? "\(group.calibrationFrequency)+" : "\(group.calibrationFrequency)"
            let padded = String(repeating: " ", count: max(0, 13 - label.count)) + label
            lines.append(padded + String(format: "  %9d  %11.4f  %14.4f", group.customers, group.actualMean,
                                         group.predictedMean))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
