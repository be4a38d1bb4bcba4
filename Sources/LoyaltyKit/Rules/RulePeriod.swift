/// A period over which a cap or a limit counts, in the business's calendar.
public enum RulePeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// One activity.
    case activity
    /// A local calendar day.
    case day
    /// A calendar month.
    case month
    /// A calendar year.
    case year
    /// The member's whole membership.
    case lifetime

    /// `per day`, for explanations.
    var phrase: String {
        switch self {
        case .activity: "per activity"
        case .day: "per day"
        case .month: "per calendar month"
        case .year: "per calendar year"
        case .lifetime: "per member"
        }
    }

    /// The key of the period containing a local date (activity has none).
    func key(for date: CivilDate) -> Int? {
        switch self {
        case .activity: nil
        case .day: date.dayNumber
        case .month: date.monthIndex
        case .year: date.year
        case .lifetime: 0
        }
    }
}
