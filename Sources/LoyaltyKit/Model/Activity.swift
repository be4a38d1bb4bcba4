import Foundation

/// Something that happened in a customer's relationship with the business.
///
/// Every activity has a unique ``id`` — its idempotency key: recording the same id twice
/// changes nothing the second time. The ``kind`` carries the details. The timeline of a
/// customer's activities is the complete record of the relationship.
///
/// ```swift
/// let stay = Activity(
///     id: "stay-2025-0042", customerID: "guest-42", date: checkOut, channel: .frontDesk,
///     kind: .stay(Stay(nights: 3, category: "sea-view", amount: Money(minorUnits: 36_000, currency: .eur))))
/// ```
///
/// ``tags`` and ``attributes`` carry facts your own rules need (`"rainy-day"`, `"weather": "rain"`).
///
/// In JSON an activity is an object with `id`, `customer`, `date` (ISO 8601), `channel`,
/// optional `tags` and `attributes`, and exactly one key naming its kind (`"purchase"`,
/// `"stay"`, …) whose value holds the details. `Documentation/Concepts.md` lists them all.
public struct Activity: Identifiable, Sendable, Hashable, Codable {
    /// An activity identifier: the idempotency key. Prefer time-ordered ids (UUIDv7-like).
    public typealias ID = Identifier<Activity>

    /// What happened, with its details.
    ///
    /// The details are stored indirectly, so copying an activity stays cheap.
    public indirect enum Kind: Sendable, Hashable {
        /// The customer joined the programme (earns sign-up bonuses).
        case enrollment
        /// A purchase of one or more lines.
        case purchase(Purchase)
        /// A stay or booking.
        case stay(Stay)
        /// A visit without a recorded purchase.
        case visit(Visit)
        /// A refund of an earlier purchase, stay or visit.
        case refund(Refund)
        /// Survey answers or a review.
        case feedback(Feedback)
        /// A call, e-mail, complaint, social mention, posted review or in-person contact.
        case interaction(Interaction)
        /// The customer referred someone.
        case referral(Referral)
        /// A manual points correction.
        case adjustment(PointsAdjustment)
        /// Points spent on a benefit.
        case redemption(Redemption)
        /// A tier granted by hand until a date.
        case tierOverride(TierOverride)
    }

    /// The idempotency key.
    public var id: ID
    /// The customer concerned.
    public var customerID: Customer.ID
    /// When it happened.
    public var date: Date
    /// Where it happened.
    public var channel: Channel
    /// What happened.
    public var kind: Kind
    /// Flags for your own rules: `"rainy-day"`, `"corporate"`.
    public var tags: Set<String>
    /// Named facts for your own rules and reports: `"location": "Lisbon"`.
    public var attributes: [String: String]

    /// Creates an activity.
    public init(
        id: ID,
        customerID: Customer.ID,
        date: Date,
        channel: Channel = .inStore,
        kind: Kind,
        tags: Set<String> = [],
        attributes: [String: String] = [:]
    ) {
        self.id = id
        self.customerID = customerID
        self.date = date
        self.channel = channel
        self.kind = kind
        self.tags = tags
        self.attributes = attributes
    }

    /// The type of the activity, without its details.
    public var type: ActivityType {
        switch kind {
        case .enrollment: .enrollment
        case .purchase: .purchase
        case .stay: .stay
        case .visit: .visit
        case .refund: .refund
        case .feedback: .feedback
        case .interaction: .interaction
        case .referral: .referral
        case .adjustment: .adjustment
        case .redemption: .redemption
        case .tierOverride: .tierOverride
        }
    }

    /// The money the activity moved, if any: a purchase's total, a stay's amount, a refund's amount.
    /// `nil` for kinds without money and for a whole refund (whose amount the engine works out).
    public var amount: Money? {
        switch kind {
        case .purchase(let purchase): try? purchase.total()
        case .stay(let stay): stay.amount
        case .refund(let refund): refund.amount
        default: nil
        }
    }

    /// Whether this activity counts as a visit for visit-based rules, tiers and metrics
    /// (purchases, stays and visits do).
    public var isVisit: Bool {
        switch kind {
        case .purchase, .stay, .visit: true
        default: false
        }
    }

    /// Checks the activity on its own, before any programme looks at it.
    ///
    /// - Parameter currency: the programme's currency; every amount must be in it.
    /// - Throws: ``LoyaltyError`` with code ``LoyaltyError/Code/invalidInput`` (empty ids,
    ///   negative or absurd amounts, quantities or nights, bad scores, empty reasons) or
    ///   ``LoyaltyError/Code/currencyMismatch``, naming the activity.
    public func validate(currency: Currency) throws {
        do {
            try validateContent(currency: currency)
        } catch let error as LoyaltyError {
            throw error.with(customerID: customerID, activityID: id)
        }
    }

    /// The largest amount the engine accepts on one activity: 10^13 minor units
    /// (a hundred billion in major units), so that no sum of a member's history can overflow.
    public static let maximumMinorUnits: Int64 = 10_000_000_000_000
    /// The largest number of points one adjustment or redemption may move.
    public static let maximumPoints: Int64 = 1_000_000_000_000

    private func validateContent(currency: Currency) throws {
        guard !id.rawValue.isEmpty else { throw LoyaltyError(.invalidInput, "an activity id must not be empty") }
        guard !customerID.rawValue.isEmpty else { throw LoyaltyError(.invalidInput, "an activity's customer id must not be empty") }
        guard date.timeIntervalSince1970.isFinite else { throw LoyaltyError(.invalidInput, "the activity date is not a valid date") }
        func checkMoney(_ money: Money, _ what: @autoclosure () -> String) throws {
            guard money.currency == currency else {
                throw LoyaltyError(.currencyMismatch, "\(what()) is in \(money.currency.code) but the programme runs in \(currency.code)")
            }
            guard money.minorUnits >= 0 else { throw LoyaltyError(.invalidInput, "\(what()) must not be negative, got \(money)") }
            guard money.minorUnits <= Activity.maximumMinorUnits else {
                throw LoyaltyError(.invalidInput, "\(what()) of \(money) exceeds the maximum of \(Activity.maximumMinorUnits) minor units")
            }
        }
        func checkPoints(_ points: Points, _ what: @autoclosure () -> String, allowNegative: Bool) throws {
            guard points.rawValue != 0, allowNegative || points.rawValue > 0 else {
                throw LoyaltyError(.invalidInput, "\(what()) must be \(allowNegative ? "non-zero" : "positive"), got \(points.rawValue)")
            }
            guard points.rawValue.magnitude <= UInt64(Activity.maximumPoints) else {
                throw LoyaltyError(.invalidInput, "\(what()) of \(points.rawValue) exceeds the maximum of \(Activity.maximumPoints)")
            }
        }
        switch kind {
        case .enrollment, .visit, .interaction:
            break
        case .purchase(let purchase):
            guard !purchase.lines.isEmpty else { throw LoyaltyError(.invalidInput, "a purchase needs at least one line") }
            for (index, line) in purchase.lines.enumerated() {
                try checkMoney(line.amount, "line \(index + 1) amount")
                guard line.quantity > 0, line.quantity <= 1_000_000 else {
                    throw LoyaltyError(.invalidInput, "line \(index + 1) quantity must be 1...1000000, got \(line.quantity)")
                }
            }
            let total = try purchase.total()
            try checkMoney(total, "purchase total")
        case .stay(let stay):
            try checkMoney(stay.amount, "stay amount")
            guard (0...10_000).contains(stay.nights) else {
                throw LoyaltyError(.invalidInput, "nights must be 0...10000, got \(stay.nights)")
            }
        case .refund(let refund):
            guard !refund.originalActivityID.rawValue.isEmpty else {
                throw LoyaltyError(.invalidInput, "a refund must name the activity it refunds")
            }
            guard refund.originalActivityID != id else { throw LoyaltyError(.invalidRefund, "an activity cannot refund itself") }
            if let amount = refund.amount {
                try checkMoney(amount, "refund amount")
                guard amount.minorUnits > 0 else { throw LoyaltyError(.invalidInput, "a refund amount must be positive") }
            }
        case .feedback(let feedback):
            try feedback.validate()
        case .referral(let referral):
            guard !referral.referredCustomerID.rawValue.isEmpty, referral.referredCustomerID != customerID else {
                throw LoyaltyError(.invalidInput, "a referral must name another customer")
            }
        case .adjustment(let adjustment):
            try checkPoints(adjustment.points, "adjustment points", allowNegative: true)
            guard !adjustment.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LoyaltyError(.invalidInput, "an adjustment needs a reason")
            }
            guard !adjustment.actor.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LoyaltyError(.invalidInput, "an adjustment needs the actor who made it")
            }
        case .redemption(let redemption):
            try checkPoints(redemption.points, "redemption points", allowNegative: false)
            guard !redemption.benefit.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LoyaltyError(.invalidInput, "a redemption must name its benefit")
            }
        case .tierOverride(let override):
            guard override.until > date else {
                throw LoyaltyError(.invalidInput, "a tier override must end after it starts")
            }
        }
    }
}
