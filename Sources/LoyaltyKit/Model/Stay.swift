/// A stay or booking: hotel nights, a tour, a table.
public struct Stay: Sendable, Hashable, Codable {
    /// Nights stayed (or days booked). Zero for a booking without nights, such as a day tour.
    public var nights: Int
    /// The room or tour category: `"sea-view-double"`, `"dolphin-tour"`.
    public var category: String?
    /// Whether the stay falls in the business's off-peak period.
    public var isOffPeak: Bool
    /// What the guest paid for it.
    public var amount: Money

    /// Creates a stay.
    public init(nights: Int, category: String? = nil, isOffPeak: Bool = false, amount: Money) {
        self.nights = nights
        self.category = category
        self.isOffPeak = isOffPeak
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey { case nights, category, isOffPeak, amount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nights = try container.decode(Int.self, forKey: .nights)
        category = try container.decodeIfPresent(String.self, forKey: .category)
        isOffPeak = try container.decodeIfPresent(Bool.self, forKey: .isOffPeak) ?? false
        amount = try container.decode(Money.self, forKey: .amount)
    }
}
