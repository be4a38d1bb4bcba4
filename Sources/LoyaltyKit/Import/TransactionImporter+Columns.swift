extension TransactionImporter {
    /// Where a value is in a line: a header name, or a 1-based position.
    public enum Column: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
        /// The column whose heading is this name (compared without case and surrounding spaces).
        /// Needs a header.
        case named(String)
        /// The n-th field of the line, counting from 1 (as in error locations).
        case position(Int)

        /// A named column: `"amount"`.
        public init(stringLiteral value: String) { self = .named(value) }
        /// A column by position: `3`.
        public init(integerLiteral value: Int) { self = .position(value) }

        public var description: String {
            switch self {
            case .named(let name): "'\(name)'"
            case .position(let position): "\(position)"
            }
        }
    }

    /// Which columns hold what.
    public struct Columns: Sendable, Hashable {
        /// The customer id.
        public var customer: Column
        /// The date (see ``TransactionImporter/DateFormat``).
        public var date: Column
        /// The amount paid, in major units (`12.50`); `nil` when the log has no amounts (every
        /// purchase is then of zero).
        public var amount: Column?
        /// The product category, if the log has one; an empty field means none.
        public var category: Column?

        /// Creates a mapping; by default the columns headed `customer`, `date` and `amount`.
        public init(customer: Column = "customer", date: Column = "date", amount: Column? = "amount", category: Column? = nil) {
            self.customer = customer
            self.date = date
            self.amount = amount
            self.category = category
        }
    }

    /// How activity ids are derived.
    public enum ActivityIDs: Sendable, Hashable {
        /// The prefix followed by the line number: `csv:12`. Importing the same file again is
        /// idempotent, and so is importing it after lines were appended at its end.
        case lineNumber(prefix: String)
        /// The prefix followed by the value of a column (an order or receipt number). Lines with
        /// the same value are the lines of one purchase and must agree on customer and date.
        case column(Column, prefix: String)
    }
}
