import Foundation

/// What an earning rule may look at: the activity, the member as they were before it, and
/// the facts the engine has already worked out (local date, tier, eligible amount, base points).
public struct EarningContext: Sendable {
    /// The activity being applied.
    public let activity: Activity
    /// The member before this activity (after expiry and tier reviews up to its date).
    public let member: MemberState
    /// The activity's date in the business's calendar.
    public let localDate: CivilDate
    /// The member's effective tier at the activity's date, if the programme has a ladder.
    public let tier: Tier?
    /// The programme's currency.
    public let currency: Currency
    /// The amount that earns: the activity's amount without excluded categories, in minor units.
    public let eligibleAmount: Int64
    /// Nights of a stay (0 otherwise).
    public let nights: Int
    /// The sum of the base-stage rules' points; 0 while base rules run.
    public internal(set) var basePoints: Points
    /// Categories the programme excludes from earning.
    let excludedCategories: Set<String>

    /// The eligible amount as money.
    public var eligibleMoney: Money { Money(minorUnits: eligibleAmount, currency: currency) }

    /// Whether the activity is a purchase, stay or visit.
    public var isVisit: Bool { activity.isVisit }

    /// The eligible amount of lines in any of `categories` (a stay counts under its category).
    public func eligibleAmount(inCategories categories: Set<String>) -> Int64 {
        switch activity.kind {
        case .purchase(let purchase):
            var total: Int64 = 0
            for line in purchase.lines {
                guard let category = line.category, categories.quicklyContains(category), !excludedCategories.quicklyContains(category) else { continue }
                total &+= line.amount.minorUnits
            }
            return total
        case .stay(let stay):
            guard let category = stay.category, categories.quicklyContains(category) else { return 0 }
            return eligibleAmount
        default:
            return 0
        }
    }

    /// Whether any line (or the stay) is in one of `categories`.
    public func involves(categories: Set<String>) -> Bool {
        switch activity.kind {
        case .purchase(let purchase): purchase.lines.contains { $0.category.map(categories.quicklyContains) ?? false }
        case .stay(let stay): stay.category.map(categories.quicklyContains) ?? false
        default: false
        }
    }
}
