import Foundation

extension Activity {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, customer, date, channel, tags, attributes
        case enrollment, purchase, stay, visit, refund, feedback, interaction, referral, adjustment, redemption
        case tierOverride
    }

    private static let kindKeys: [CodingKeys] = [
        .enrollment, .purchase, .stay, .visit, .refund, .feedback, .interaction, .referral, .adjustment, .redemption,
        .tierOverride,
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        customerID = try container.decode(Customer.ID.self, forKey: .customer)
        date = try container.decode(Date.self, forKey: .date)
        channel = try container.decodeIfPresent(Channel.self, forKey: .channel) ?? .inStore
        tags = try container.decodeIfPresent(Set<String>.self, forKey: .tags) ?? []
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        let present = Self.kindKeys.filter { container.contains($0) }
        guard present.count == 1, let key = present.first else {
            let names = Self.kindKeys.map(\.stringValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath,
                debugDescription: present.isEmpty
                    ? "an activity needs exactly one kind key (\(names))"
                    : "an activity has several kind keys: \(present.map(\.stringValue).joined(separator: ", "))"))
        }
        switch key {
        case .enrollment: kind = .enrollment
        case .purchase: kind = .purchase(try container.decode(Purchase.self, forKey: key))
        case .stay: kind = .stay(try container.decode(Stay.self, forKey: key))
        case .visit: kind = .visit(try container.decode(Visit.self, forKey: key))
        case .refund: kind = .refund(try container.decode(Refund.self, forKey: key))
        case .feedback: kind = .feedback(try container.decode(Feedback.self, forKey: key))
        case .interaction: kind = .interaction(try container.decode(Interaction.self, forKey: key))
        case .referral: kind = .referral(try container.decode(Referral.self, forKey: key))
        case .adjustment: kind = .adjustment(try container.decode(PointsAdjustment.self, forKey: key))
        case .redemption: kind = .redemption(try container.decode(Redemption.self, forKey: key))
        case .tierOverride: kind = .tierOverride(try container.decode(TierOverride.self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an activity kind")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(customerID, forKey: .customer)
        try container.encode(date, forKey: .date)
        try container.encode(channel, forKey: .channel)
        if !tags.isEmpty { try container.encode(tags.sorted(), forKey: .tags) }
        if !attributes.isEmpty { try container.encode(attributes, forKey: .attributes) }
        switch kind {
        case .enrollment: try container.encode([String: String](), forKey: .enrollment)
        case .purchase(let value): try container.encode(value, forKey: .purchase)
        case .stay(let value): try container.encode(value, forKey: .stay)
        case .visit(let value): try container.encode(value, forKey: .visit)
        case .refund(let value): try container.encode(value, forKey: .refund)
        case .feedback(let value): try container.encode(value, forKey: .feedback)
        case .interaction(let value): try container.encode(value, forKey: .interaction)
        case .referral(let value): try container.encode(value, forKey: .referral)
        case .adjustment(let value): try container.encode(value, forKey: .adjustment)
        case .redemption(let value): try container.encode(value, forKey: .redemption)
        case .tierOverride(let value): try container.encode(value, forKey: .tierOverride)
        }
    }
}
