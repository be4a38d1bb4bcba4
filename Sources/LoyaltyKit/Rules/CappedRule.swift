/// A rule whose points are limited per activity, day, month, year or member.
/// Made by ``EarningRule/capped(at:per:)``.
public struct CappedRule: CodableEarningRule {
    /// The rule's JSON `"kind"`: `"capped"`.
    public static let kind = "capped"
    /// The rule being capped.
    public var rule: any EarningRule
    /// The most points the rule may give in one ``period``.
    public var limit: Points
    /// The period the limit counts over.
    public var period: RulePeriod

    /// Wraps a rule.
    public init(_ rule: any EarningRule, limit: Points, per period: RulePeriod) {
        self.rule = rule
        self.limit = limit
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

    /// The wrapped rule's points, cut to what is left of ``limit`` in the current period.
    public func earn(in context: EarningContext) -> Earning? {
        guard let earning = rule.earn(in: context) else { return nil }
        var allowed = limit.rawValue
        if let key = period.key(for: context.localDate) {
            allowed -= context.member.usage(of: name, period: period, key: key)?.points ?? 0
        }
        allowed = max(0, allowed)
        guard earning.points.rawValue > allowed else { return earning }
        guard allowed > 0 else { return nil }
        return Earning(
            points: Points(allowed),
            reason: .capped(earning.reason, uncapped: earning.points, limit: limit, period: period))
    }

    private enum CodingKeys: String, CodingKey { case limit, per, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decode(Points.self, forKey: .limit)
        period = try container.decodeIfPresent(RulePeriod.self, forKey: .per) ?? .activity
        rule = try container.decode(RuleBox.self, forKey: .rule).rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(period, forKey: .per)
        try container.encode(RuleBox(rule), forKey: .rule)
    }
}
