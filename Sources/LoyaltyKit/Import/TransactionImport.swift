import Foundation

/// The result of reading a transaction log with ``TransactionImporter``: purchases ready to
/// record, and the customers they belong to.
///
/// Nothing has been stored yet: record it with `Loyalty.importTransactions(_:)`, which
/// registers the customers it does not know and records every purchase in one transaction.
public struct TransactionImport: Sendable, Hashable {
    /// The name of the source (the file name), used in error locations.
    public var source: String
    /// The currency of every amount.
    public var currency: Currency
    /// One purchase per line (or per order, when ids come from a column), in file order.
    public var activities: [Activity]
    /// `lines[i]` is the line on which `activities[i]` starts, for error messages.
    public var lines: [Int]
    /// The date of each customer's earliest purchase in the file.
    public var firstPurchaseDates: [Customer.ID: Date]

    /// Creates an import result.
    public init(source: String, currency: Currency, activities: [Activity], lines: [Int], firstPurchaseDates: [Customer.ID: Date]) {
        self.source = source
        self.currency = currency
        self.activities = activities
        self.lines = lines
        self.firstPurchaseDates = firstPurchaseDates
    }

    /// Every customer seen, sorted.
    public var customerIDs: [Customer.ID] { firstPurchaseDates.keys.sorted() }

    /// Where activity `index` came from: `"sales.csv:12"`.
    func location(ofActivityAt index: Int) -> String {
        index < lines.count ? "\(source):\(lines[index])" : source
    }
}
