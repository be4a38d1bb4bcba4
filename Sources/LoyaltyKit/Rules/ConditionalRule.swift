/// A rule that applies only when a condition holds. Made by ``EarningRule/when(_:)``.
public struct ConditionalRule: CodableEarningRule {
    public static let kind = "when"
    /// The rule being made conditional.
    public var rule: any EarningRule
    /// The condition.
    public var condition: Condition

    /// Wraps a rule.
    public init(_ rule: any EarningRule, when condition: Condition) {
        self.rule = rule
        self.condition = condition
    }

    public var name: String { rule.name }
    public var stage: EarningStage { rule.stage }
    public var trackedPeriods: [RulePeriod] { rule.trackedPeriods }

    public func earn(in context: EarningContext) -> Earning? {
        condition.isSatisfied(by: context) ? rule.earn(in: context) : nil
    }

    private enum CodingKeys: String, CodingKey { case when, rule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        condition = try container.decode(Condition.self, forKey: .when)
        rule = try container.decode(RuleBox.self, forKey: .rule).rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(condition, forKey: .when)
        try container.encode(RuleBox(rule), forKey: .rule)
    }
}
