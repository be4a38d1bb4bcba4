/// How often, and for how many points, a limited or capped rule fired in one period.
public struct RuleUsage: Sendable, Hashable, Codable {
    /// The rule's name (`"*"` for programme-wide caps).
    public var rule: String
    /// The kind of period.
    public var period: RulePeriod
    /// Which period: a day number, a month index, a year, or 0 for lifetime.
    public var key: Int
    /// How many activities it fired on.
    public var count: Int64
    /// How many points it gave.
    public var points: Int64

    /// Creates a usage record.
    public init(rule: String, period: RulePeriod, key: Int, count: Int64 = 0, points: Int64 = 0) {
        self.rule = rule
        self.period = period
        self.key = key
        self.count = count
        self.points = points
    }
}
