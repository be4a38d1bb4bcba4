/// One customer's orders, revenue and refunds in a period.
public struct CustomerPurchases: Sendable, Hashable {
    /// The customer.
    public var customerID: Customer.ID
    /// Purchases and stays.
    public var orders: Int
    /// Their amounts, in minor units.
    public var revenue: Int64
    /// Refunds with a stated amount, in minor units.
    public var refunds: Int64

    /// Creates a row.
    public init(customerID: Customer.ID, orders: Int, revenue: Int64, refunds: Int64) {
        self.customerID = customerID
        self.orders = orders
        self.revenue = revenue
        self.refunds = refunds
    }
}
