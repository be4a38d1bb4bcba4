/// Extra points as a multiple of the base: "×2 on spa", "×1.5 at weekends", "×3 off-peak".
///
/// The rule adds `base × (factor − 1)`, rounded down, where *base* is the sum of the
/// base-stage rules. With ``categories`` it applies only to the share of the base earned on
/// those categories (by eligible amount). Multipliers stack additively: ×2 on spa and the
/// Gold tier's ×1.5 together give base + 1·base + 0.5·base.
public struct MultiplierRule: CodableEarningRule, Hashable {
    /// The rule's JSON `"kind"`: `"multiplier"`.
    public static let kind = "multiplier"
    /// The rule's name in the ledger; unique in a programme.
    public var name: String
    /// The multiplier.
    public var factor: Factor
    /// When it applies.
    public var condition: Condition
    /// If set, only the base earned on these categories is multiplied.
    public var categories: Set<String>?

    /// Creates a multiplier.
    public init(name: String, factor: Factor, when condition: Condition = .always, categories: Set<String>? = nil) {
        self.name = name
        self.factor = factor
        self.condition = condition
        self.categories = categories
    }

    /// Runs in the multiplier stage, after the base rules.
    public var stage: EarningStage { .multiplier }

    /// `base × (factor − 1)`, rounded down, on the base (or its share in ``categories``) when ``condition`` holds.
    public func earn(in context: EarningContext) -> Earning? {
        let base = context.basePoints.rawValue
        guard base > 0, condition.isSatisfied(by: context) else { return nil }
        var scoped = base
        if let categories {
            let share = context.eligibleAmount(inCategories: categories)
            guard share > 0, context.eligibleAmount > 0,
                  let value = PointsRounding.down.apply(base, times: share, over: context.eligibleAmount)
            else { return nil }
            scoped = value
        }
        guard let extra = factor.extra(on: scoped), extra != 0 else { return nil }
        return Earning(
            points: Points(extra),
            reason: .multiplier(factor: factor, base: Points(base), scopedBase: Points(scoped), label: name))
    }

    private enum CodingKeys: String, CodingKey { case name, factor, when, categories }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        factor = try container.decode(Factor.self, forKey: .factor)
        condition = try container.decodeIfPresent(Condition.self, forKey: .when) ?? .always
        categories = try container.decodeIfPresent(Set<String>.self, forKey: .categories)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(factor, forKey: .factor)
        if condition != .always { try container.encode(condition, forKey: .when) }
        try container.encodeIfPresent(categories?.sorted(), forKey: .categories)
    }
}
