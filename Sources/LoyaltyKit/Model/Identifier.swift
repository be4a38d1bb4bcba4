/// A string identifier that cannot be confused with another kind of identifier.
///
/// ``Customer/ID``, ``Activity/ID`` and friends are all `Identifier`s with a different
/// `Tag`, so passing an activity id where a customer id is expected does not compile.
/// Any non-empty string is accepted; in JSON an identifier is a plain string.
public struct Identifier<Tag>: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The identifier's text.
    public var rawValue: String

    /// Wraps a string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Wraps a string literal: `let id: Customer.ID = "guest-42"`.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
