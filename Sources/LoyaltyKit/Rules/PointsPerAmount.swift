/// Base points per unit of money spent: "1 point per €1", "5 points per $10".
///
/// Points = eligible amount × ``points`` / ``per``, rounded by ``rounding`` (down by default),
/// computed exactly on minor units. Excluded categories are left out of the eligible amount.
public struct PointsPerAmount: CodableEarningRule, Hashable {
    /// The rule's JSON `"kind"`: `"pointsPerAmount"`.
    public static let kind = "pointsPerAmount"
    /// The rule's name in the ledger; unique in a programme.
    public var name: String
    /// Points per ``per``.
    public var points: Int64
    /// The unit of money that earns ``points``.
    public var per: Money
    /// How fractions of a point are rounded.
    public var rounding: PointsRounding

    /// Creates the rule: `PointsPerAmount(points: 1, per: Money(minorUnits: 100, currency: .eur))`.
    public init(name: String = "base", points: Int64, per: Money, rounding: PointsRounding = .down) {
        self.name = name
        self.points = points
        self.per = per
        self.rounding = rounding
    }

    /// Runs in the base stage.
    public var stage: EarningStage { .base }

    /// The eligible amount × ``points`` / ``per``, rounded by ``rounding``.
    public func earn(in context: EarningContext) -> Earning? {
        guard context.eligibleAmount > 0, points > 0,
              let value = rounding.apply(context.eligibleAmount, times: points, over: per.minorUnits)
        else { return nil }
        return Earning(points: Points(value), reason: .perAmount(points: points, per: per, amount: context.eligibleMoney, rounding: rounding))
    }

    private enum CodingKeys: String, CodingKey { case name, points, per, rounding }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "base"
        points = try container.decode(Int64.self, forKey: .points)
        per = try container.decode(Money.self, forKey: .per)
        rounding = try container.decodeIfPresent(PointsRounding.self, forKey: .rounding) ?? .down
    }
}
