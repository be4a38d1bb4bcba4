import Foundation

/// What ``Loyalty/erase(customer:at:)`` changed.
public struct ErasureReport: Sendable, Hashable, Codable {
    /// The customer whose personal data was erased. The id itself is kept, as the pseudonym
    /// that holds the ledger together, so it must not be personal data (an email address).
    public var customerID: Customer.ID
    /// When the erasure was made.
    public var erasedAt: Date
    /// The profile fields that were cleared or replaced.
    public var clearedFields: [String]
    /// The activities whose free text (feedback comments, interaction notes) was removed.
    public var redactedActivities: [Activity.ID]

    /// Creates a report.
    public init(customerID: Customer.ID, erasedAt: Date, clearedFields: [String], redactedActivities: [Activity.ID]) {
        self.customerID = customerID
        self.erasedAt = erasedAt
        self.clearedFields = clearedFields
        self.redactedActivities = redactedActivities
    }
}
