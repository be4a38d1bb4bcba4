/// A rule that gives points for activities.
///
/// A rule is a small value: it looks at an ``EarningContext`` and returns an ``Earning`` or
/// `nil`. It must be pure — no clock, no I/O, no randomness — so that the same history always
/// gives the same points. Combine rules with plain arrays and the modifiers
/// ``when(_:)``, ``capped(at:per:)``, ``limited(to:per:)`` and ``multiplied(by:)``.
///
/// ```swift
/// struct RainyDayDouble: EarningRule {
///     var name: String { "rainy-day" }
///     var stage: EarningStage { .multiplier }
///     func earn(in context: EarningContext) -> Earning? {
///         guard context.activity.tags.contains("rainy-day") else { return nil }
///         return Earning(points: context.basePoints, reason: .custom("×2 on a rainy day"))
///     }
/// }
/// ```
///
/// To keep a custom rule in a JSON programme, also conform to ``CodableEarningRule`` and
/// register it in a ``RuleRegistry``.
public protocol EarningRule: Sendable {
    /// A short stable name, written on every ledger entry the rule produces.
    var name: String { get }
    /// When the rule runs. Defaults to ``EarningStage/bonus``.
    var stage: EarningStage { get }
    /// The points for an activity, or `nil` when the rule does not apply.
    func earn(in context: EarningContext) -> Earning?
    /// The periods whose usage the engine must count for this rule (limits and caps).
    /// Defaults to none.
    var trackedPeriods: [RulePeriod] { get }
}

extension EarningRule {
    /// Rules run in the bonus stage unless they say otherwise.
    public var stage: EarningStage { .bonus }
    /// No tracked periods: only the limit and cap wrappers count usage.
    public var trackedPeriods: [RulePeriod] { [] }

    /// Applies the rule only when `condition` holds.
    public func when(_ condition: Condition) -> ConditionalRule { ConditionalRule(self, when: condition) }

    /// Limits the points the rule gives per period (per activity, day, month, year or member).
    public func capped(at limit: Points, per period: RulePeriod = .activity) -> CappedRule {
        CappedRule(self, limit: limit, per: period)
    }

    /// Lets the rule fire at most `times` times per period: a birthday bonus once a year.
    public func limited(to times: Int, per period: RulePeriod) -> LimitedRule {
        LimitedRule(self, times: times, per: period)
    }

    /// Scales the rule's points by a factor (rounded down).
    public func multiplied(by factor: Factor) -> ScaledRule { ScaledRule(self, factor: factor) }
}

/// An earning rule that can be written to and read from JSON.
///
/// Its JSON object carries a `"kind"` key with ``kind`` next to the rule's own keys.
public protocol CodableEarningRule: EarningRule, Codable {
    /// The JSON `"kind"` of the rule: `"pointsPerAmount"`.
    static var kind: String { get }
}
