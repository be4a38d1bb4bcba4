/// What a customer likes, as far as the business knows: used by offers and reports.
public struct Preferences: Sendable, Hashable, Codable {
    /// Product or service categories the customer favours, most preferred first.
    public var categories: [String]
    /// The channel the customer prefers to be contacted on, if stated.
    public var preferredChannel: ContactChannel?
    /// Free-form tags: `"vegetarian"`, `"sea-view"`, `"family"`.
    public var tags: Set<String>

    /// Creates preferences.
    public init(categories: [String] = [], preferredChannel: ContactChannel? = nil, tags: Set<String> = []) {
        self.categories = categories
        self.preferredChannel = preferredChannel
        self.tags = tags
    }

    private enum CodingKeys: String, CodingKey { case categories, preferredChannel, tags }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        categories = try container.decodeIfPresent([String].self, forKey: .categories) ?? []
        preferredChannel = try container.decodeIfPresent(ContactChannel.self, forKey: .preferredChannel)
        tags = try container.decodeIfPresent(Set<String>.self, forKey: .tags) ?? []
    }
}
