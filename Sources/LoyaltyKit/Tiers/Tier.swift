import Foundation

/// One rung of a tier ladder.
public struct Tier: Identifiable, Sendable, Hashable, Codable {
    /// A stable id used in member states and ledgers: `"gold"`.
    public var id: String
    /// The name shown to members: `"Gold"`.
    public var name: String
    /// The metric value (in the ladder's window) needed to reach the tier. The first tier's is 0.
    public var threshold: Int64
    /// The tier's earn multiplier on base points, if any: ×1.5 for Gold.
    public var earnMultiplier: Factor?
    /// The tier's other benefits.
    public var perks: [Perk]

    /// Creates a tier.
    public init(id: String, name: String? = nil, threshold: Int64, earnMultiplier: Factor? = nil, perks: [Perk] = []) {
        self.id = id
        self.name = name ?? id.capitalized
        self.threshold = threshold
        self.earnMultiplier = earnMultiplier
        self.perks = perks
    }

    private enum CodingKeys: String, CodingKey { case id, name, threshold, earnMultiplier, perks }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id.capitalized
        threshold = try container.decode(Int64.self, forKey: .threshold)
        earnMultiplier = try container.decodeIfPresent(Factor.self, forKey: .earnMultiplier)
        perks = try container.decodeIfPresent([Perk].self, forKey: .perks) ?? []
    }
}
