/// Where an activity happened: in store, online, at the front desk, by phone…
///
/// An open set: use the constants or your own (`Channel("poolside-bar")`). In JSON a
/// channel is its string.
public struct Channel: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The channel's name.
    public var rawValue: String
    /// Creates a channel.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a channel.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a channel from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// At a till or counter on the premises.
    public static let inStore: Channel = "in-store"
    /// On the business's website.
    public static let online: Channel = "online"
    /// In the business's mobile app.
    public static let app: Channel = "app"
    /// By telephone.
    public static let phone: Channel = "phone"
    /// By e-mail.
    public static let email: Channel = "email"
    /// At a hotel's front desk.
    public static let frontDesk: Channel = "front-desk"
    /// Through a partner (travel agent, booking platform).
    public static let partner: Channel = "partner"
    /// On social media.
    public static let social: Channel = "social"
    /// Made by the business's staff or systems (adjustments, overrides).
    public static let backOffice: Channel = "back-office"

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
