import Foundation

extension Program: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, currency, timeZone, earning, excludedCategories, caps, pendingDays, expiry, tiers, refunds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let identifier = try container.decode(String.self, forKey: .timeZone)
        guard let timeZone = TimeZone(identifier: identifier) else {
            throw DecodingError.dataCorruptedError(
                forKey: .timeZone, in: container, debugDescription: "unknown time zone '\(identifier)'; use an IANA name such as \"Europe/Lisbon\"")
        }
        self.init(
            name: try container.decode(String.self, forKey: .name),
            currency: try container.decode(Currency.self, forKey: .currency),
            timeZone: timeZone,
            earning: try container.decode([RuleBox].self, forKey: .earning).map(\.rule),
            excludedCategories: try container.decodeIfPresent(Set<String>.self, forKey: .excludedCategories) ?? [],
            caps: try container.decodeIfPresent(EarningCaps.self, forKey: .caps) ?? .none,
            pendingDays: try container.decodeIfPresent(Int.self, forKey: .pendingDays) ?? 0,
            expiry: try container.decodeIfPresent(ExpiryPolicy.self, forKey: .expiry) ?? .never,
            tiers: try container.decodeIfPresent(TierLadder.self, forKey: .tiers),
            refunds: try container.decodeIfPresent(RefundPolicy.self, forKey: .refunds) ?? RefundPolicy())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(currency, forKey: .currency)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(earning.map(RuleBox.init), forKey: .earning)
        if !excludedCategories.isEmpty { try container.encode(excludedCategories.sorted(), forKey: .excludedCategories) }
        if !caps.isEmpty { try container.encode(caps, forKey: .caps) }
        try container.encode(pendingDays, forKey: .pendingDays)
        try container.encode(expiry, forKey: .expiry)
        try container.encodeIfPresent(tiers, forKey: .tiers)
        try container.encode(refunds, forKey: .refunds)
    }

    /// Reads a programme from JSON and validates it.
    ///
    /// - Parameters:
    ///   - data: the JSON document.
    ///   - registry: the rule kinds allowed; add your own ``CodableEarningRule`` types to it.
    ///   - source: a name for error messages, usually the file name.
    /// - Throws: ``LoyaltyError/Code/invalidProgram`` naming the source and the JSON path
    ///   (`programme.json: $.earning[1].factor: …`).
    public static func decode(from data: Data, registry: RuleRegistry = .builtIn, source: String? = nil) throws -> Program {
        let program = try LoyaltyJSON.decode(Program.self, from: data, registry: registry, source: source, code: .invalidProgram)
        do {
            try program.validate()
        } catch let error as LoyaltyError {
            var located = error
            located.location = [source, error.location].compactMap { $0 }.joined(separator: ": ")
            throw located
        }
        return program
    }

    /// The programme as pretty-printed JSON with sorted keys.
    /// - Throws: ``LoyaltyError/Code/encoding`` when a rule or condition is not `Codable`
    ///   (a custom rule without ``CodableEarningRule``, a custom ``Condition``).
    public func encoded() throws -> Data {
        do {
            return try LoyaltyJSON.makeEncoder(pretty: true).encode(self)
        } catch let error as EncodingError {
            if case let .invalidValue(_, context) = error {
                throw LoyaltyError(.encoding, context.debugDescription)
            }
            throw LoyaltyError(.encoding, "the programme cannot be encoded", underlying: String(describing: error))
        }
    }
}
