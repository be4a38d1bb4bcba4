import Foundation

/// A test on an activity and its member, used to make rules conditional.
///
/// Conditions combine with `&&`, `||` and `!`:
///
/// ```swift
/// let weekendSpa: Condition = .category(["spa"]) && .weekday([.saturday, .sunday])
/// let notCorporate: Condition = !.tag("corporate")
/// ```
///
/// Every condition except a custom one (``Condition/custom(_:_:)-swift.enum.case``) is data and round-trips through JSON as a
/// one-key object: `{"category": ["spa"]}`, `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`,
/// or the string `"always"`.
public indirect enum Condition: Sendable, Hashable {
    /// Always true.
    case always
    /// The activity is one of these types.
    case activityType(Set<ActivityType>)
    /// A purchase line or the stay is in one of these categories.
    case category(Set<String>)
    /// The activity happened on one of these channels.
    case channel(Set<Channel>)
    /// The member's effective tier is one of these ids.
    case tier(Set<String>)
    /// The activity falls in `[from, until)`; either end may be open.
    case dateRange(from: Date?, until: Date?)
    /// The activity's local weekday is one of these.
    case weekday(Set<Weekday>)
    /// The activity's local month (1...12) is one of these.
    case month(Set<Int>)
    /// The stay is flagged off-peak, or the activity carries the tag `"off-peak"`.
    case offPeak
    /// The member has never had a purchase or stay before this one (and this is one).
    case firstPurchase
    /// The activity is in the member's birthday month.
    case birthdayMonth
    /// The activity is an interaction of one of these kinds.
    case interaction(Set<InteractionKind>)
    /// The activity carries this tag.
    case tag(String)
    /// The activity's attribute `key` equals `value`.
    case attribute(String, equals: String)
    /// The eligible amount is at least this many minor units.
    case minimumAmount(Int64)
    /// A stay of at least this many nights.
    case minimumNights(Int)
    /// Every condition holds (true when empty).
    case all([Condition])
    /// At least one condition holds (false when empty).
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)
    /// Your own test, named for explanations and equality. Not encodable to JSON.
    case custom(String, CustomCondition)

    /// Evaluates the condition.
    public func isSatisfied(by context: EarningContext) -> Bool {
        switch self {
        case .always:
            return true
        case .activityType(let types):
            return types.contains(context.activity.type)
        case .category(let categories):
            return context.involves(categories: categories)
        case .channel(let channels):
            return channels.contains(context.activity.channel)
        case .tier(let tiers):
            return context.tier.map { tiers.contains($0.id) } ?? false
        case let .dateRange(from, until):
            let date = context.activity.date
            return (from.map { date >= $0 } ?? true) && (until.map { date < $0 } ?? true)
        case .weekday(let days):
            return days.contains(context.localDate.weekday)
        case .month(let months):
            return months.contains(context.localDate.month)
        case .offPeak:
            if case .stay(let stay) = context.activity.kind, stay.isOffPeak { return true }
            return context.activity.tags.contains("off-peak")
        case .firstPurchase:
            switch context.activity.kind {
            case .purchase, .stay: return context.member.lifetime.purchases == 0
            default: return false
            }
        case .birthdayMonth:
            return context.member.birthday?.month == context.localDate.month
        case .interaction(let kinds):
            if case .interaction(let interaction) = context.activity.kind { return kinds.contains(interaction.kind) }
            return false
        case .tag(let tag):
            return context.activity.tags.contains(tag)
        case let .attribute(key, value):
            return context.activity.attributes[key] == value
        case .minimumAmount(let minimum):
            return context.eligibleAmount >= minimum
        case .minimumNights(let minimum):
            if case .stay(let stay) = context.activity.kind { return stay.nights >= minimum }
            return false
        case .all(let conditions):
            return conditions.allSatisfy { $0.isSatisfied(by: context) }
        case .any(let conditions):
            return conditions.contains { $0.isSatisfied(by: context) }
        case .not(let condition):
            return !condition.isSatisfied(by: context)
        case let .custom(_, test):
            return test.test(context)
        }
    }

    /// Both conditions hold.
    public static func && (lhs: Condition, rhs: Condition) -> Condition {
        switch (lhs, rhs) {
        case (.all(let l), .all(let r)): .all(l + r)
        case (.all(let l), _): .all(l + [rhs])
        default: .all([lhs, rhs])
        }
    }

    /// Either condition holds.
    public static func || (lhs: Condition, rhs: Condition) -> Condition {
        switch (lhs, rhs) {
        case (.any(let l), .any(let r)): .any(l + r)
        case (.any(let l), _): .any(l + [rhs])
        default: .any([lhs, rhs])
        }
    }

    /// The condition does not hold.
    public static prefix func ! (condition: Condition) -> Condition { .not(condition) }

    /// A custom condition from a closure.
    public static func custom(_ name: String, _ test: @escaping @Sendable (EarningContext) -> Bool) -> Condition {
        .custom(name, CustomCondition(test))
    }

    /// The condition in words, for explanations and documentation.
    public var summary: String {
        func list<T>(_ values: Set<T>, _ text: (T) -> String) -> String { values.map(text).sorted().joined(separator: ", ") }
        switch self {
        case .always: return "always"
        case .activityType(let types): return "activity is \(list(types) { $0.rawValue })"
        case .category(let categories): return "category \(list(categories) { $0 })"
        case .channel(let channels): return "channel \(list(channels) { $0.rawValue })"
        case .tier(let tiers): return "tier \(list(tiers) { $0 })"
        case let .dateRange(from, until):
            return "from \(from.map(ISO8601.dayString) ?? "the start") until \(until.map(ISO8601.dayString) ?? "the end")"
        case .weekday(let days): return "on \(list(days) { "\($0)" })"
        case .month(let months): return "in month \(list(months) { String($0) })"
        case .offPeak: return "off-peak"
        case .firstPurchase: return "first purchase"
        case .birthdayMonth: return "birthday month"
        case .interaction(let kinds): return "interaction \(list(kinds) { $0.rawValue })"
        case .tag(let tag): return "tagged \(tag)"
        case let .attribute(key, value): return "\(key) = \(value)"
        case .minimumAmount(let amount): return "at least \(amount) minor units"
        case .minimumNights(let nights): return "at least \(nights) nights"
        case .all(let conditions): return conditions.map(\.summary).joined(separator: " and ")
        case .any(let conditions): return "(" + conditions.map(\.summary).joined(separator: " or ") + ")"
        case .not(let condition): return "not \(condition.summary)"
        case .custom(let name, _): return name
        }
    }
}

/// The closure behind a custom ``Condition``; compared and hashed by the condition's name.
public struct CustomCondition: Sendable, Hashable {
    let test: @Sendable (EarningContext) -> Bool
    /// Wraps a test.
    public init(_ test: @escaping @Sendable (EarningContext) -> Bool) { self.test = test }
    public static func == (lhs: CustomCondition, rhs: CustomCondition) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
