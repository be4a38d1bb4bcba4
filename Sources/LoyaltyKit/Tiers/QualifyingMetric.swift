/// What a tier ladder counts.
public enum QualifyingMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Points *earned* through earning rules in the window — never the spendable balance,
    /// so redeeming does not cost status. Manual adjustments do not count.
    case pointsEarned
    /// Qualifying spend in minor units of the programme currency.
    case spend
    /// Nights stayed.
    case nights
    /// Visits: purchases, stays and visits.
    case visits

    /// `nights`, for explanations.
    var unit: String {
        switch self {
        case .pointsEarned: "points"
        case .spend: "minor units spent"
        case .nights: "nights"
        case .visits: "visits"
        }
    }
}
