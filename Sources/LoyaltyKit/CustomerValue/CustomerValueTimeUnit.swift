/// The time unit in which recency, age (`T`), horizons and model rate parameters
/// (`alpha`, `beta`) are expressed.
///
/// Fitted parameters are only meaningful together with their unit: the BG/NBD
/// `alpha` for weekly data is 1/7 of the one for daily data.
public enum CustomerValueTimeUnit: String, Hashable, Sendable, CaseIterable {
    /// Calendar days.
    case days
    /// Weeks of exactly 7 days; fractional (a purchase 10 days after the first is at 1.428 571 weeks).
    case weeks

    /// Days per unit: 1 or 7.
    public var daysPerUnit: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        }
    }

    /// Units per month used to turn monthly CLV horizons into model time:
    /// 30 for days and 4.345 for weeks (365.25 / 12 / 7 ≈ 4.348; 4.345 is the
    /// conventional value that `lifetimes` also uses for `freq="W"`).
    ///
    /// `lifetimes`' `customer_lifetime_value` defaults to 30 whatever the data's
    /// unit, which inflates CLV on weekly data (such as CDNOW) several-fold.
    public var periodsPerMonth: Double {
        switch self {
        case .days: 30
        case .weeks: 4.345
        }
    }

    /// Converts a whole number of days to this unit.
    public func duration(days: Int) -> Double {
        Double(days) / daysPerUnit
    }
}
