import Foundation

/// A customer's profile: who they are, how to reach them, what they agreed to.
///
/// This is personal data. It can be exported and erased (pseudonymised) through the store;
/// the points ledger never holds more than the customer's ``id``.
public struct Customer: Identifiable, Sendable, Hashable, Codable {
    /// A customer identifier: any non-empty string your systems already use.
    public typealias ID = Identifier<Customer>

    /// The customer's identifier, unique in a store.
    public var id: ID
    /// Given (first) name.
    public var givenName: String
    /// Family (last) name.
    public var familyName: String
    /// E-mail address, if known.
    public var email: String?
    /// Phone number, if known, in any format the business uses.
    public var phone: String?
    /// Postal address, free text, if known.
    public var postalAddress: String?
    /// Birthday, if the customer gave it.
    public var birthday: Birthday?
    /// When the customer joined the programme. Anniversary tier windows start from its month.
    public var memberSince: Date
    /// Stated preferences.
    public var preferences: Preferences
    /// Consent per contact channel, with the date it was given or withdrawn.
    public var consents: [ContactChannel: Consent]
    /// The customer who referred this one, if any.
    public var referrerID: ID?

    /// Creates a profile.
    public init(
        id: ID,
        givenName: String = "",
        familyName: String = "",
        email: String? = nil,
        phone: String? = nil,
        postalAddress: String? = nil,
        birthday: Birthday? = nil,
        memberSince: Date,
        preferences: Preferences = Preferences(),
        consents: [ContactChannel: Consent] = [:],
        referrerID: ID? = nil
    ) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.birthday = birthday
        self.memberSince = memberSince
        self.preferences = preferences
        self.consents = consents
        self.referrerID = referrerID
    }

    /// The name to address the customer by: given and family name, or the id when both are empty.
    public var displayName: String {
        let name = [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? id.rawValue : name
    }

    /// Whether the customer currently consents to be contacted on `channel`.
    public func consents(to channel: ContactChannel) -> Bool {
        consents[channel]?.isGranted ?? false
    }

    /// Checks what a store must not accept.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for an empty id or a referrer equal to the customer.
    public func validate() throws {
        guard !id.rawValue.isEmpty else {
            throw LoyaltyError(.invalidInput, "a customer id must not be empty")
        }
        if referrerID == id {
            throw LoyaltyError(.invalidInput, "a customer cannot refer themselves", customerID: id)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, givenName, familyName, email, phone, postalAddress, birthday, memberSince, preferences, consents, referrerID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        givenName = try container.decodeIfPresent(String.self, forKey: .givenName) ?? ""
        familyName = try container.decodeIfPresent(String.self, forKey: .familyName) ?? ""
        email = try container.decodeIfPresent(String.self, forKey: .email)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        postalAddress = try container.decodeIfPresent(String.self, forKey: .postalAddress)
        birthday = try container.decodeIfPresent(Birthday.self, forKey: .birthday)
        memberSince = try container.decode(Date.self, forKey: .memberSince)
        preferences = try container.decodeIfPresent(Preferences.self, forKey: .preferences) ?? Preferences()
        consents = try container.decodeIfPresent([ContactChannel: Consent].self, forKey: .consents) ?? [:]
        referrerID = try container.decodeIfPresent(ID.self, forKey: .referrerID)
    }
}
