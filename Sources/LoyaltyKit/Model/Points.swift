/// A whole number of loyalty points.
///
/// Points are exact integers. Arithmetic operators trap on overflow like `Int64`'s do, so
/// the engine uses the checked ``adding(_:)`` and ``subtracting(_:)`` on anything derived
/// from caller data. In JSON, points are a plain integer.
public struct Points: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    ExpressibleByIntegerLiteral, CustomStringConvertible, AdditiveArithmetic
{
    /// The number of points.
    public var rawValue: Int64

    /// Creates points from a raw count.
    public init(rawValue: Int64) { self.rawValue = rawValue }
    /// Creates points from a raw count.
    public init(_ value: Int64) { self.rawValue = value }
    /// Creates points from an integer literal: `let bonus: Points = 500`.
    public init(integerLiteral value: Int64) { self.rawValue = value }

    /// No points.
    public static let zero = Points(0)

    /// Adds, throwing on overflow.
    /// - Throws: ``LoyaltyError/Code/overflow``.
    public func adding(_ other: Points) throws -> Points {
        let (value, overflow) = rawValue.addingReportingOverflow(other.rawValue)
        guard !overflow else { throw LoyaltyError(.overflow, "\(self) + \(other) overflows 64 bits") }
        return Points(value)
    }

    /// Subtracts, throwing on overflow.
    /// - Throws: ``LoyaltyError/Code/overflow``.
    public func subtracting(_ other: Points) throws -> Points {
        let (value, overflow) = rawValue.subtractingReportingOverflow(other.rawValue)
        guard !overflow else { throw LoyaltyError(.overflow, "\(self) - \(other) overflows 64 bits") }
        return Points(value)
    }

    /// Adds points; traps on overflow like `Int64` (use ``adding(_:)`` on untrusted values).
    public static func + (lhs: Points, rhs: Points) -> Points { Points(lhs.rawValue + rhs.rawValue) }
    /// Subtracts points; traps on overflow like `Int64` (use ``subtracting(_:)`` on untrusted values).
    public static func - (lhs: Points, rhs: Points) -> Points { Points(lhs.rawValue - rhs.rawValue) }
    /// The points with the opposite sign.
    public static prefix func - (value: Points) -> Points { Points(-value.rawValue) }
    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(rawValue) pts" }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
