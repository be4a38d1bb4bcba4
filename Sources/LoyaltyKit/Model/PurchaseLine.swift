/// One line of a purchase: what was bought, how many, and what it cost in total.
public struct PurchaseLine: Sendable, Hashable, Codable {
    /// The product's stock-keeping unit, if known.
    public var sku: String?
    /// The product category, used by category multipliers and exclusions (`"spa"`, `"gift-card"`).
    public var category: String?
    /// How many units. Must be positive.
    public var quantity: Int
    /// The line total (not the unit price). Must not be negative.
    public var amount: Money

    /// Creates a purchase line.
    public init(sku: String? = nil, category: String? = nil, quantity: Int = 1, amount: Money) {
        self.sku = sku
        self.category = category
        self.quantity = quantity
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey { case sku, category, quantity, amount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decodeIfPresent(String.self, forKey: .sku)
        category = try container.decodeIfPresent(String.self, forKey: .category)
        quantity = try container.decodeIfPresent(Int.self, forKey: .quantity) ?? 1
        amount = try container.decode(Money.self, forKey: .amount)
    }
}
