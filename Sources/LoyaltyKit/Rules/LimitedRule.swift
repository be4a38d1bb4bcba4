/// A rule that fires at most a number of times per period: a birthday bonus once a year.
/// Made by ``EarningRule/limited(to:per:)``.
public struct LimitedRule: CodableEarningRule {
    /// The rule's JSON `"kind"`: `"limited"`.
    public static let kind = "limited"
    /// The rule being limited.
    public var rule: any EarningRule
    /// How many times it may fire per ``period``.
    public var times: Int
    /// The period.
    public var period: RulePeriod

    /// Wraps a rule.
    public init(_ rule: any EarningRule, times: Int, per period: RulePeriod) {
        self.rule = rule
        self.times = times
        self.period = period
    }

    /// The wrapped rule's name.
    public var name: String { rule.name }
    /// The wrapped rule's stage.
    public var stage: EarningStage { rule.stage }
    /// The wrapped rule's tracked periods, plus ``period`` unless it is `.activity`.
    public var trackedPeriods: [RulePeriod] {
        var periods = rule.trackedPeriods
        if period != .activity, !periods.contains(period) { periods.append(period) }
        return periods
    }

    /// The wrapped rule's points, unless it already fired ``times`` times in the current period.
    public func earn(in context: EarningContext) -> Earning? {
        guard times > 0 else { return nil }
        if let key = period.key(for: context.localDate),
           let used = context.member.usage(of: name, period: period, key: key), used.count >= Int64(times)
        {
            return nil
        }
        return rule.earn(in: context)
    }

    private enum CodingKeys: String, CodingKey { case times, per, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        times = try container.decode(Int.self, forKey: .times)
        period = try container.decode(RulePeriod.self, forKey: .per)
        rule = try container.decode(RuleBox.self, forKey: .rule).rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(times, forKey: .times)
        try container.encode(period, forKey: .per)
        try container.encode(RuleBox(rule), forKey: .rule)
    }
}
