import Foundation

/// Whether a customer agreed to be contacted on a channel, and when they said so.
///
/// Consent is recorded with the date it was given or withdrawn, so that an audit can show
/// what was true on any day. No consent recorded means no consent.
public struct Consent: Sendable, Hashable, Codable {
    /// `true` when the customer gave consent, `false` when they withdrew or refused it.
    public var isGranted: Bool
    /// When consent was given or withdrawn.
    public var date: Date

    /// Records consent given or withdrawn on a date.
    public init(granted: Bool, on date: Date) {
        self.isGranted = granted
        self.date = date
    }

    /// Consent given on a date.
    public static func granted(on date: Date) -> Consent { Consent(granted: true, on: date) }
    /// Consent withdrawn (or refused) on a date.
    public static func withdrawn(on date: Date) -> Consent { Consent(granted: false, on: date) }
}
