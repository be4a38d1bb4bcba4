/// Programme-wide limits on the points earned through rules (adjustments are not capped).
public struct EarningCaps: Sendable, Hashable, Codable {
    /// The most points one activity can earn.
    public var perActivity: Points?
    /// The most points a member can earn in one local day.
    public var perDay: Points?
    /// The most points a member can earn in one calendar month.
    public var perMonth: Points?

    /// Creates caps; `nil` means unlimited.
    public init(perActivity: Points? = nil, perDay: Points? = nil, perMonth: Points? = nil) {
        self.perActivity = perActivity
        self.perDay = perDay
        self.perMonth = perMonth
    }

    /// No caps.
    public static let none = EarningCaps()

    /// Whether any cap is set.
    public var isEmpty: Bool { perActivity == nil && perDay == nil && perMonth == nil }
}
