/// A purchase: one or more lines paid together.
public struct Purchase: Sendable, Hashable, Codable {
    /// The lines bought. At least one.
    public var lines: [PurchaseLine]

    /// Creates a purchase from its lines.
    public init(lines: [PurchaseLine]) { self.lines = lines }

    /// A one-line purchase.
    public init(amount: Money, category: String? = nil, sku: String? = nil, quantity: Int = 1) {
        self.lines = [PurchaseLine(sku: sku, category: category, quantity: quantity, amount: amount)]
    }

    /// The sum of the lines.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` or ``LoyaltyError/Code/overflow``.
    public func total() throws -> Money {
        guard let first = lines.first else { throw LoyaltyError(.invalidInput, "a purchase has no lines") }
        var total = Money.zero(first.amount.currency)
        for line in lines { total = try total + line.amount }
        return total
    }
}
