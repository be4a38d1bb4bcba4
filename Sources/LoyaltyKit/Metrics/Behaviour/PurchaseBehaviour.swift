import Foundation

/// The behaviour metrics of a period, with the per-customer figures behind them.
///
/// Definitions (sources in `Documentation/Metrics.md`):
/// - **purchase frequency** = orders ÷ buying customers (kpitree, Tresl) — not the RFM
///   frequency, which counts repeat purchase *days*;
/// - **average order value** = revenue ÷ orders (Omniconvert, Canaree), revenue gross of refunds;
/// - **repeat-purchase rate** = buying customers with ≥ 2 orders ÷ buying customers
///   (Future Proof); newer customers have had less time to buy again;
/// - **historic value** per ``HistoricValueDefinition``;
/// - **top-x % revenue share** = revenue of the ⌈x · n⌉ customers with the most revenue ÷
///   all revenue, n the buying customers.
public struct PurchaseBehaviour: Sendable, Hashable {
    /// The currency of every amount.
    public var currency: Currency
    /// The period measured, if the filter had one.
    public var period: Range<Date>?
    /// Customers with at least one purchase, stay or visit.
    public var activeCustomers: Int
    /// Customers with an order or a refund, in order of first appearance.
    public var customers: [CustomerPurchases]
    /// Refunds without a stated amount (not in any total).
    public var unvaluedRefunds: Int

    /// Creates a result.
    public init(currency: Currency, period: Range<Date>?, activeCustomers: Int, customers: [CustomerPurchases],
                unvaluedRefunds: Int) {
        self.currency = currency
        self.period = period
        self.activeCustomers = activeCustomers
        self.customers = customers
        self.unvaluedRefunds = unvaluedRefunds
    }

    /// Customers with at least one order.
    public var buyers: Int { customers.reduce(0) { $0 + ($1.orders > 0 ? 1 : 0) } }
    /// Purchases and stays.
    public var orders: Int { customers.reduce(0) { $0 + $1.orders } }
    /// The orders' amounts, gross of refunds.
    public var revenue: Money { Money(minorUnits: customers.reduce(0) { $0 &+ $1.revenue }, currency: currency) }
    /// Refunds with a stated amount.
    public var refunds: Money { Money(minorUnits: customers.reduce(0) { $0 &+ $1.refunds }, currency: currency) }

    /// Orders ÷ buying customers; `nil` without buyers.
    public var purchaseFrequency: Double? {
        let buyers = self.buyers
        return buyers > 0 ? Double(orders) / Double(buyers) : nil
    }

    /// Revenue ÷ orders, rounded half away from zero to the minor unit; `nil` without orders.
    public var averageOrderValue: Money? {
        let orders = self.orders
        guard orders > 0 else { return nil }
        return Money(minorUnits: Self.divideRounded(revenue.minorUnits, by: Int64(orders)), currency: currency)
    }

    /// Buying customers with two or more orders.
    public var repeatBuyers: Int { customers.reduce(0) { $0 + ($1.orders >= 2 ? 1 : 0) } }

    /// Repeat buyers ÷ buying customers; `nil` without buyers.
    public var repeatPurchaseRate: Double? {
        let buyers = self.buyers
        return buyers > 0 ? Double(repeatBuyers) / Double(buyers) : nil
    }

    /// Each customer's historic value (minor units as money), in order of first appearance.
    /// - Parameter definition: revenue or margin, refunds, acquisition cost.
    public func historicValues(_ definition: HistoricValueDefinition = .netRevenue) -> [(customerID: Customer.ID, value: Money)] {
        customers.map { ($0.customerID, Money(minorUnits: definition.value(revenue: $0.revenue, refunds: $0.refunds), currency: currency)) }
    }

    /// The mean historic value over the customers with an order or refund, rounded half away
    /// from zero; `nil` without customers.
    /// - Parameter definition: revenue or margin, refunds, acquisition cost.
    public func averageHistoricValue(_ definition: HistoricValueDefinition = .netRevenue) -> Money? {
        guard !customers.isEmpty else { return nil }
        let total = customers.reduce(Int64(0)) { $0 &+ definition.value(revenue: $1.revenue, refunds: $1.refunds) }
        return Money(minorUnits: Self.divideRounded(total, by: Int64(customers.count)), currency: currency)
    }

    /// The share of revenue brought by the top `fraction` of buying customers by revenue:
    /// the ⌈fraction · buyers⌉ customers with the most revenue. `nil` without revenue.
    /// - Parameter fraction: in (0, 1]; 0.2 for "the top 20 %".
    /// - Complexity: O(n log n).
    public func revenueShare(ofTop fraction: Double) -> Double? {
        let revenues = customers.filter { $0.orders > 0 }.map(\.revenue).sorted(by: >)
        let total = revenues.reduce(Int64(0), &+)
        guard total > 0, fraction > 0 else { return nil }
        let top = min(revenues.count, Int((min(fraction, 1) * Double(revenues.count)).rounded(.up)))
        return Double(revenues.prefix(top).reduce(Int64(0), &+)) / Double(total)
    }

    static func divideRounded(_ value: Int64, by divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        guard remainder.magnitude * 2 >= divisor.magnitude else { return quotient }
        return (value < 0) != (divisor < 0) ? quotient - 1 : quotient + 1
    }

    /// The metrics as a two-column table (metric, value), including the revenue share of the
    /// top 1 %, 10 % and 20 % of customers.
    public var table: ReportTable {
        func optional<T>(_ value: T?, _ cell: (T) -> ReportTable.Cell) -> ReportTable.Cell { value.map(cell) ?? .empty }
        let rows: [[ReportTable.Cell]] = [
            [.text("Active customers"), .integer(Int64(activeCustomers))],
            [.text("Buying customers"), .integer(Int64(buyers))],
            [.text("Orders"), .integer(Int64(orders))],
            [.text("Revenue (gross)"), .money(revenue)],
            [.text("Refunds (stated)"), .money(refunds)],
            [.text("Purchase frequency (orders per buyer)"), optional(purchaseFrequency) { .decimal($0, fractionDigits: 2) }],
            [.text("Average order value"), optional(averageOrderValue) { .money($0) }],
            [.text("Repeat-purchase rate"), optional(repeatPurchaseRate) { .percent($0, fractionDigits: 1) }],
            [.text("Average historic value (net revenue)"), optional(averageHistoricValue()) { .money($0) }],
            [.text("Revenue share of top 1% customers"), optional(revenueShare(ofTop: 0.01)) { .percent($0, fractionDigits: 1) }],
            [.text("Revenue share of top 10% customers"), optional(revenueShare(ofTop: 0.1)) { .percent($0, fractionDigits: 1) }],
            [.text("Revenue share of top 20% customers"), optional(revenueShare(ofTop: 0.2)) { .percent($0, fractionDigits: 1) }],
        ]
        return ReportTable(title: "Purchase behaviour", columns: [.init("Metric"), .init("Value")], rows: rows)
    }
}
