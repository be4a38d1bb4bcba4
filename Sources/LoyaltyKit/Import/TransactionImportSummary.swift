/// What `Loyalty.importTransactions(_:)` did.
public struct TransactionImportSummary: Sendable, Hashable {
    /// Customers the store did not know, registered with the date of their first imported purchase.
    public var customersRegistered: Int
    /// Purchases recorded now.
    public var activitiesRecorded: Int
    /// Purchases whose id was already recorded with the same content (an earlier import), left as they were.
    public var activitiesAlreadyRecorded: Int

    /// Creates a summary.
    public init(customersRegistered: Int, activitiesRecorded: Int, activitiesAlreadyRecorded: Int) {
        self.customersRegistered = customersRegistered
        self.activitiesRecorded = activitiesRecorded
        self.activitiesAlreadyRecorded = activitiesAlreadyRecorded
    }
}
