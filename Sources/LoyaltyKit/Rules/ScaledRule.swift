/// A rule whose points are multiplied by a factor (rounded down). Made by ``EarningRule/multiplied(by:)``.
public struct ScaledRule: CodableEarningRule {
    /// The rule's JSON `"kind"`: `"scaled"`.
    public static let kind = "scaled"
    /// The rule being scaled.
    public var rule: any EarningRule
    /// The factor.
    public var factor: Factor

    /// Wraps a rule.
    public init(_ rule: any EarningRule, factor: Factor) {
        self.rule = rule
        self.factor = factor
    }

    /// The wrapped rule's name.
    public var name: String { rule.name }
    /// The wrapped rule's stage.
    public var stage: EarningStage { rule.stage }
    /// The wrapped rule's tracked periods.
    public var trackedPeriods: [RulePeriod] { rule.trackedPeriods }

    /// The wrapped rule's points × ``factor``, rounded down.
    public func earn(in context: EarningContext) -> Earning? {
        guard let earning = rule.earn(in: context), earning.points.rawValue > 0,
              let value = factor.scaled(earning.points.rawValue), value > 0
        else { return nil }
        return Earning(points: Points(value), reason: .scaled(earning.reason, factor: factor))
    }

    private enum CodingKeys: String, CodingKey { case factor, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        factor = try container.decode(Factor.self, forKey: .factor)
        rule = try container.decode(RuleBox.self, forKey: .rule).rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(factor, forKey: .factor)
        try container.encode(RuleBox(rule), forKey: .rule)
    }
}
