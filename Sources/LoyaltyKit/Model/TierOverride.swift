import Foundation

/// A tier granted by hand (a status match, a VIP gesture) until an end date.
///
/// While it lasts, the override is the member's tier for benefits and multipliers; the
/// qualified tier is kept underneath and takes over again when the override ends.
public struct TierOverride: Sendable, Hashable, Codable {
    /// The tier granted; must exist in the programme's ladder.
    public var tierID: String
    /// When the override ends (exclusive).
    public var until: Date
    /// Why, for the audit trail.
    public var reason: String
    /// Creates an override.
    public init(tierID: String, until: Date, reason: String) {
        self.tierID = tierID
        self.until = until
        self.reason = reason
    }
}
