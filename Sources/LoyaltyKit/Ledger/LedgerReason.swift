import Foundation

/// The numbers behind a ledger entry: enough to explain it in words, built lazily.
public enum LedgerReason: Sendable, Hashable, Codable {
    /// `points` per `per` of money on `amount` (the eligible amount).
    case perAmount(points: Int64, per: Money, amount: Money, rounding: PointsRounding)
    /// `points` per night on `nights`.
    case perNight(points: Int64, nights: Int)
    /// `points` for a visit.
    case perVisit(points: Int64)
    /// A multiplier on `base` points (of which `scopedBase` were in its scope), labelled.
    case multiplier(factor: Factor, base: Points, scopedBase: Points, label: String)
    /// A fixed bonus, labelled.
    case bonus(label: String)
    /// Another reason, scaled by a factor.
    indirect case scaled(LedgerReason, factor: Factor)
    /// Another reason whose points a cap reduced from `uncapped` to the entry's points.
    indirect case capped(LedgerReason, uncapped: Points, limit: Points, period: RulePeriod)
    /// A programme-wide cap that removed points earned above `limit` per `period`.
    case programCap(limit: Points, period: RulePeriod)
    /// A custom rule's own words.
    case custom(String)
    /// Points spent on a benefit.
    case redemption(benefit: String)
    /// Unspent points of a lot earned at `earnedAt` that expired under `policy`.
    case expiry(earnedAt: Date, policy: String)
    /// Points clawed back because `refunded` of `originalAmount` was refunded on `originalActivityID`.
    case refund(originalActivityID: Activity.ID, refunded: Money, originalAmount: Money)
    /// A manual adjustment.
    case adjustment(reason: String, actor: String)

    /// The reason in words, without the points.
    public var explanation: String {
        switch self {
        case let .perAmount(points, per, amount, _):
            return "\(points) \(points == 1 ? "pt" : "pts") per \(per) on \(amount)"
        case let .perNight(points, nights):
            return "\(points) pts per night × \(nights) \(nights == 1 ? "night" : "nights")"
        case let .perVisit(points):
            return "\(points) pts per visit"
        case let .multiplier(factor, base, scopedBase, label):
            let on = scopedBase == base ? "\(base.rawValue) base points" : "\(scopedBase.rawValue) of \(base.rawValue) base points"
            return "\(factor) \(label) on \(on)"
        case let .bonus(label):
            return label
        case let .scaled(inner, factor):
            return "\(inner.explanation), \(factor)"
        case let .capped(inner, uncapped, limit, period):
            return "\(inner.explanation) (\(uncapped.rawValue) capped at \(limit.rawValue) \(period.phrase))"
        case let .programCap(limit, period):
            return "programme cap of \(limit.rawValue) pts \(period.phrase)"
        case let .custom(text):
            return text
        case let .redemption(benefit):
            return "redeemed for \(benefit)"
        case let .expiry(earnedAt, policy):
            return "expired (\(policy)), earned \(ISO8601.string(earnedAt))"
        case let .refund(original, refunded, originalAmount):
            return refunded == originalAmount
                ? "refund of \(original) (\(refunded))"
                : "refund of \(refunded) of \(originalAmount) on \(original)"
        case let .adjustment(reason, actor):
            return "adjustment by \(actor): \(reason)"
        }
    }
}
