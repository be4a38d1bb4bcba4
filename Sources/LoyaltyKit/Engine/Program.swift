import Foundation

/// A loyalty programme: how members earn, when points become spendable and expire, how
/// tiers work and how refunds claw back. A `Program` is a value; its decisions are pure.
///
/// ```swift
/// let program = Program(
///     name: "Seaside Rewards",
///     currency: .eur,
///     timeZone: TimeZone(identifier: "Europe/Lisbon")!,
///     earning: [
///         PointsPerAmount(points: 1, per: Money(minorUnits: 100, currency: .eur)),
///         MultiplierRule(name: "spa", factor: 2, categories: ["spa"]),
///         BonusRule(name: "birthday", points: 500, when: .birthdayMonth).limited(to: 1, per: .year),
///     ],
///     pendingDays: 14,
///     expiry: .rollingMonths(24),
///     tiers: TierLadder(metric: .nights, window: .rollingMonths(12), tiers: [...]))
/// ```
///
/// Built-in rules and policies are `Codable`: a programme can live in a JSON file
/// (``decode(from:registry:source:)``, ``encoded()``).
public struct Program: Sendable {
    /// The programme's name.
    public var name: String
    /// The currency every amount must be in.
    public var currency: Currency
    /// The business's calendar: months, days, birthdays and expiry dates are local to it.
    public var calendar: BusinessCalendar
    /// The earning rules, in any order (they run by ``EarningStage``, then in array order).
    public var earning: [any EarningRule] {
        didSet { orderedRules = Program.order(earning) }
    }
    /// Categories that earn nothing and do not count as qualifying spend (gift cards).
    public var excludedCategories: Set<String>
    /// Programme-wide caps on earned points.
    public var caps: EarningCaps
    /// Days after an activity before its points become spendable (a returns window). 0 = at once.
    public var pendingDays: Int
    /// When points expire.
    public var expiry: ExpiryPolicy
    /// The tier ladder, if the programme has tiers.
    public var tiers: TierLadder?
    /// How refunds claw back points.
    public var refunds: RefundPolicy

    /// The business's time zone.
    public var timeZone: TimeZone { calendar.timeZone }

    /// Creates a programme.
    public init(
        name: String,
        currency: Currency,
        timeZone: TimeZone,
        earning: [any EarningRule],
        excludedCategories: Set<String> = [],
        caps: EarningCaps = .none,
        pendingDays: Int = 0,
        expiry: ExpiryPolicy = .never,
        tiers: TierLadder? = nil,
        refunds: RefundPolicy = RefundPolicy()
    ) {
        self.name = name
        self.currency = currency
        self.calendar = BusinessCalendar(timeZone: timeZone)
        self.earning = earning
        self.excludedCategories = excludedCategories
        self.caps = caps
        self.pendingDays = pendingDays
        self.expiry = expiry
        self.tiers = tiers
        self.refunds = refunds
        self.orderedRules = Program.order(earning)
    }

    /// The rules grouped by stage, computed once.
    var orderedRules: OrderedRules

    /// The rules by stage, with the facts the engine asks of them on every activity read once
    /// (parallel arrays, so the hot loop copies nothing).
    struct OrderedRules: Sendable {
        var base: [any EarningRule] = []
        var baseNames: [String] = []
        var baseTracked: [[RulePeriod]] = []
        var multipliers: [any EarningRule] = []
        var multiplierNames: [String] = []
        var multiplierTracked: [[RulePeriod]] = []
        var bonuses: [any EarningRule] = []
        var bonusNames: [String] = []
        var bonusTracked: [[RulePeriod]] = []
    }

    static func order(_ rules: [any EarningRule]) -> OrderedRules {
        var ordered = OrderedRules()
        for rule in rules {
            switch rule.stage {
            case .base:
                ordered.base.append(rule)
                ordered.baseNames.append(rule.name)
                ordered.baseTracked.append(rule.trackedPeriods)
            case .multiplier:
                ordered.multipliers.append(rule)
                ordered.multiplierNames.append(rule.name)
                ordered.multiplierTracked.append(rule.trackedPeriods)
            case .bonus:
                ordered.bonuses.append(rule)
                ordered.bonusNames.append(rule.name)
                ordered.bonusTracked.append(rule.trackedPeriods)
            }
        }
        return ordered
    }

    /// Checks the programme for contradictions and out-of-range values.
    ///
    /// `Loyalty` and ``decode(from:registry:source:)`` call this; call it yourself when
    /// you apply a programme built in code directly.
    /// - Throws: ``LoyaltyError/Code/invalidProgram`` with the JSON path of the problem.
    public func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LoyaltyError(.invalidProgram, "a programme needs a name", location: "$.name")
        }
        guard (0...365).contains(pendingDays) else {
            throw LoyaltyError(.invalidProgram, "pendingDays must be 0...365, got \(pendingDays)", location: "$.pendingDays")
        }
        var names: Set<String> = []
        for (index, rule) in earning.enumerated() {
            let path = "$.earning[\(index)]"
            guard !rule.name.isEmpty, rule.name != "*" else {
                throw LoyaltyError(.invalidProgram, "a rule needs a name other than '' or '*'", location: path)
            }
            guard names.insert(rule.name).inserted else {
                throw LoyaltyError(.invalidProgram, "rule name '\(rule.name)' is used twice; names key limits and caps, so they must be unique", location: path)
            }
            try validate(rule, path: path)
        }
        for (name, cap) in [("perActivity", caps.perActivity), ("perDay", caps.perDay), ("perMonth", caps.perMonth)] {
            if let cap, cap.rawValue < 0 {
                throw LoyaltyError(.invalidProgram, "a cap must not be negative, got \(cap.rawValue)", location: "$.caps.\(name)")
            }
        }
        switch expiry {
        case .rollingMonths(let months), .inactivityMonths(let months):
            guard (1...1200).contains(months) else {
                throw LoyaltyError(.invalidProgram, "expiry months must be 1...1200, got \(months)", location: "$.expiry")
            }
        case .endOfPeriod(let months, _):
            guard (0...1200).contains(months) else {
                throw LoyaltyError(.invalidProgram, "expiry months must be 0...1200, got \(months)", location: "$.expiry")
            }
        case .never: break
        }
        try tiers?.validate()
        if let tiers { try validateTierReferences(tiers) }
    }

    private func validate(_ rule: any EarningRule, path: String) throws {
        func require(_ condition: Bool, _ message: String, _ key: String) throws {
            if !condition { throw LoyaltyError(.invalidProgram, message, location: "\(path).\(key)") }
        }
        switch rule {
        case let rule as PointsPerAmount:
            try require((1...10_000).contains(rule.points), "points must be 1...10000, got \(rule.points)", "points")
            try require(rule.per.currency == currency, "'per' is in \(rule.per.currency.code) but the programme runs in \(currency.code)", "per")
            try require(rule.per.minorUnits > 0, "'per' must be a positive amount, got \(rule.per)", "per")
        case let rule as PointsPerNight:
            try require((1...1_000_000).contains(rule.points), "points must be 1...1000000, got \(rule.points)", "points")
        case let rule as PointsPerVisit:
            try require((1...1_000_000).contains(rule.points), "points must be 1...1000000, got \(rule.points)", "points")
        case let rule as BonusRule:
            try require((1...1_000_000_000).contains(rule.points), "points must be 1...1000000000, got \(rule.points)", "points")
        case let rule as MultiplierRule:
            try require(rule.factor.thousandths <= 100_000, "factor must be at most ×100, got \(rule.factor)", "factor")
        case let rule as ConditionalRule:
            try validate(rule.rule, path: "\(path).rule")
        case let rule as CappedRule:
            try require(rule.limit.rawValue >= 0, "a cap must not be negative", "limit")
            try validate(rule.rule, path: "\(path).rule")
        case let rule as LimitedRule:
            try require(rule.times >= 1, "times must be at least 1, got \(rule.times)", "times")
            try require(rule.period != .activity, "a limit counts over a day, month, year or lifetime, not one activity", "per")
            try validate(rule.rule, path: "\(path).rule")
        case let rule as ScaledRule:
            try require(rule.factor.thousandths <= 100_000, "factor must be at most ×100, got \(rule.factor)", "factor")
            try validate(rule.rule, path: "\(path).rule")
        default:
            break
        }
    }

    private func validateTierReferences(_ ladder: TierLadder) throws {
        for (index, tier) in ladder.tiers.enumerated() {
            if let factor = tier.earnMultiplier, factor.thousandths > 100_000 {
                throw LoyaltyError(.invalidProgram, "earnMultiplier must be at most ×100, got \(factor)", location: "$.tiers.tiers[\(index)].earnMultiplier")
            }
        }
    }
}
