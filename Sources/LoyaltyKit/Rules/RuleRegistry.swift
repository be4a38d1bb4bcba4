/// The rule kinds a JSON programme may use.
///
/// ``builtIn`` knows every rule LoyaltyKit ships. To read programmes that use your own
/// ``CodableEarningRule`` types, register them and pass the registry to
/// ``Program/decode(from:registry:source:)``:
///
/// ```swift
/// var registry = RuleRegistry.builtIn
/// registry.register(RainyDayDouble.self)
/// let program = try Program.decode(from: data, registry: registry)
/// ```
public struct RuleRegistry: Sendable {
    typealias Decode = @Sendable (any Decoder) throws -> any EarningRule
    private var decoders: [String: Decode] = [:]

    /// An empty registry.
    public init() {}

    /// Every built-in rule kind.
    public static let builtIn: RuleRegistry = {
        var registry = RuleRegistry()
        registry.register(PointsPerAmount.self)
        registry.register(PointsPerNight.self)
        registry.register(PointsPerVisit.self)
        registry.register(MultiplierRule.self)
        registry.register(BonusRule.self)
        registry.register(ConditionalRule.self)
        registry.register(CappedRule.self)
        registry.register(LimitedRule.self)
        registry.register(ScaledRule.self)
        return registry
    }()

    /// Adds a rule type under its ``CodableEarningRule/kind``.
    public mutating func register<Rule: CodableEarningRule>(_ type: Rule.Type) {
        decoders[Rule.kind] = { try Rule(from: $0) }
    }

    /// The kinds known, sorted.
    public var kinds: [String] { decoders.keys.sorted() }

    /// The key under which decoding finds the registry in `userInfo`.
    public static let userInfoKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "LoyaltyKit.RuleRegistry") else {
            preconditionFailure("a constant, non-empty key")
        }
        return key
    }()

    func decodeRule(kind: String, from decoder: any Decoder) throws -> any EarningRule {
        guard let decode = decoders[kind] else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "unknown rule kind '\(kind)'; known kinds: \(kinds.joined(separator: ", "))"))
        }
        return try decode(decoder)
    }
}

/// Codes any earning rule as a JSON object with a `"kind"` key.
struct RuleBox: Codable, Sendable {
    let rule: any EarningRule

    init(_ rule: any EarningRule) { self.rule = rule }

    private enum CodingKeys: String, CodingKey { case kind }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let registry = decoder.userInfo[RuleRegistry.userInfoKey] as? RuleRegistry ?? .builtIn
        rule = try registry.decodeRule(kind: kind, from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        guard let codable = rule as? any CodableEarningRule else {
            throw EncodingError.invalidValue(rule, .init(
                codingPath: encoder.codingPath,
                debugDescription: "rule '\(rule.name)' (\(type(of: rule))) does not conform to CodableEarningRule and cannot be written to JSON"))
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type(of: codable).kind, forKey: .kind)
        try codable.encode(to: encoder)
    }
}
