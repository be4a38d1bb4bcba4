import Foundation

/// Everything stored about one customer, as one document: the answer to a data-access request.
///
/// It holds the profile (with its consents), the member state, every activity the customer
/// recorded, with what each earned, and the whole ledger. ``json()`` writes it in LoyaltyKit's
/// JSON conventions (``LoyaltyJSON``: sorted keys, ISO 8601 dates in UTC).
public struct CustomerExport: Sendable, Hashable, Codable {
    /// When the export was made (the date the caller passed).
    public var exportedAt: Date
    /// The profile, including contact details, preferences and dated consents.
    public var customer: Customer
    /// The member state: lots, tier, lifetime totals. `nil` for a profile without one.
    public var memberState: MemberState?
    /// The customer's activities, in the order they were recorded.
    public var activities: [Activity]
    /// The customer's ledger entries, in the order they were appended.
    public var ledger: [LedgerEntry]

    /// Creates an export.
    public init(exportedAt: Date, customer: Customer, memberState: MemberState?, activities: [Activity], ledger: [LedgerEntry]) {
        self.exportedAt = exportedAt
        self.customer = customer
        self.memberState = memberState
        self.activities = activities
        self.ledger = ledger
    }

    /// The export as one pretty-printed JSON document.
    /// - Throws: ``LoyaltyError/Code/encoding`` if a value cannot be encoded.
    public func json() throws -> Data {
        do {
            return try LoyaltyJSON.makeEncoder(pretty: true).encode(self)
        } catch {
            throw LoyaltyError(.encoding, "the export of \(customer.id) could not be encoded: \(error)", customerID: customer.id)
        }
    }
}
