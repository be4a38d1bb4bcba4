/// A fixed number of extra points when a condition holds: a sign-up bonus, a first-purchase
/// bonus, a birthday-month bonus, a review-posted bonus.
///
/// ```swift
/// BonusRule(name: "birthday", points: 500, when: .birthdayMonth && .activityType([.stay]))
///     .limited(to: 1, per: .year)
/// ```
public struct BonusRule: CodableEarningRule, Hashable {
    /// The rule's JSON `"kind"`: `"bonus"`.
    public static let kind = "bonus"
    /// The rule's name in the ledger; unique in a programme.
    public var name: String
    /// The bonus.
    public var points: Int64
    /// When it applies.
    public var condition: Condition

    /// Creates a bonus.
    public init(name: String, points: Int64, when condition: Condition) {
        self.name = name
        self.points = points
        self.condition = condition
    }

    /// A bonus on enrolment.
    public static func signup(_ points: Int64, name: String = "signup-bonus") -> BonusRule {
        BonusRule(name: name, points: points, when: .activityType([.enrollment]))
    }

    /// A bonus on a member's first purchase or stay.
    public static func firstPurchase(_ points: Int64, name: String = "first-purchase-bonus") -> BonusRule {
        BonusRule(name: name, points: points, when: .firstPurchase)
    }

    /// A bonus for posting a review.
    public static func reviewPosted(_ points: Int64, name: String = "review-bonus") -> BonusRule {
        BonusRule(name: name, points: points, when: .interaction([.reviewPosted]))
    }

    /// ``points`` when ``condition`` holds; `nil` otherwise.
    public func earn(in context: EarningContext) -> Earning? {
        guard points > 0, condition.isSatisfied(by: context) else { return nil }
        return Earning(points: Points(points), reason: .bonus(label: name))
    }

    private enum CodingKeys: String, CodingKey { case name, points, when }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        points = try container.decode(Int64.self, forKey: .points)
        condition = try container.decodeIfPresent(Condition.self, forKey: .when) ?? .always
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(points, forKey: .points)
        try container.encode(condition, forKey: .when)
    }
}
