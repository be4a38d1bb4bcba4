import Foundation

/// A member's ledger over a period, with opening and closing balances, like a bank statement.
public struct Statement: Sendable, Hashable, Codable {
    /// The member.
    public var customerID: Customer.ID
    /// The period's start (inclusive), or `nil` for the beginning.
    public var from: Date?
    /// The period's end (exclusive), or `nil` for now.
    public var to: Date?
    /// The balance before the first entry of the period.
    public var openingBalance: Points
    /// The entries in the period, in ledger order.
    public var entries: [LedgerEntry]
    /// The balance after the last entry of the period.
    public var closingBalance: Points

    /// Creates a statement.
    public init(customerID: Customer.ID, from: Date?, to: Date?, openingBalance: Points, entries: [LedgerEntry], closingBalance: Points) {
        self.customerID = customerID
        self.from = from
        self.to = to
        self.openingBalance = openingBalance
        self.entries = entries
        self.closingBalance = closingBalance
    }

    /// The statement as text: one line per entry with date, points, running balance and explanation.
    public var text: String {
        var lines = ["Statement for \(customerID)", "opening balance \(openingBalance.rawValue)"]
        var running = openingBalance.rawValue
        for entry in entries {
            running += entry.points.rawValue
            let points = (entry.points.rawValue >= 0 ? "+" : "") + String(entry.points.rawValue)
            lines.append("\(ISO8601.dayString(entry.date))  \(points.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(running).padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.reason.explanation) [\(entry.rule)]")
        }
        lines.append("closing balance \(closingBalance.rawValue)")
        return lines.joined(separator: "\n")
    }
}
