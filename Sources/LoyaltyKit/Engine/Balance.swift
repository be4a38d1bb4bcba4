import Foundation

/// A member's points at a moment.
public struct Balance: Sendable, Hashable, Codable {
    /// The member.
    public var customerID: Customer.ID
    /// When it was computed.
    public var date: Date
    /// Every point in the member's lots, pending ones included, minus any deficit. Equals the sum of the ledger.
    public var total: Points
    /// Points that can be spent now.
    public var available: Points
    /// Points still inside their returns window.
    public var pending: Points
    /// Points owed after a refund of points already spent.
    public var deficit: Points
    /// The effective tier, if the programme has tiers.
    public var tierID: String?

    /// Creates a balance.
    public init(customerID: Customer.ID, date: Date, total: Points, available: Points, pending: Points, deficit: Points, tierID: String?) {
        self.customerID = customerID
        self.date = date
        self.total = total
        self.available = available
        self.pending = pending
        self.deficit = deficit
        self.tierID = tierID
    }
}
