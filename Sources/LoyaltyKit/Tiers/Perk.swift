/// A benefit a tier grants, beyond its earn multiplier. An open set: add your own.
public struct Perk: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The perk's name.
    public var rawValue: String
    /// Creates a perk.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a perk from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// Room or seat upgrades when available.
    public static let upgrades: Perk = "upgrades"
    /// Priority seating or boarding.
    public static let prioritySeating: Perk = "priority-seating"
    /// Lounge access.
    public static let lounge: Perk = "lounge"
    /// Reservations guaranteed even when fully booked.
    public static let guaranteedReservation: Perk = "guaranteed-reservation"
    /// Invitations to members-only events.
    public static let membersOnlyEvents: Perk = "members-only-events"
    /// Late check-out.
    public static let lateCheckout: Perk = "late-checkout"

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
