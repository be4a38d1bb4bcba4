/// A rule that applies only when a condition holds. Made by ``EarningRule/when(_:)``.
public struct ConditionalRule: CodableEarningRule {
    /// The rule's JSON `"kind"`: `"when"`.
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

    /// The wrapped rule's name.
    public var name: String { rule.name }
    /// The wrapped rule's stage.
    public var stage: EarningStage { rule.stage }
    /// The wrapped rule's tracked periods.
    public var trackedPeriods: [RulePeriod] { rule.trackedPeriods }

    /// The wrapped rule's points when ``condition`` holds; `nil` otherwise.
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
