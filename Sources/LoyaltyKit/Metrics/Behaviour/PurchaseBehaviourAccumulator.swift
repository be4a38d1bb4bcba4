/// Streams activities into the behaviour metrics of a period: active customers, purchase
/// frequency, average order value, repeat-purchase rate, historic value and revenue
/// concentration.
///
/// Counts what passes the filter (use its period for "over a period"):
/// - an **order** is a purchase or a stay (each activity is one order, same-day ones too);
///   its **revenue** is the purchase total or the stay amount as recorded (tax or shipping
///   included if the business records them so);
/// - a **refund** with a stated amount is counted in refunds; a refund of "the rest"
///   (`amount: nil`) cannot be valued without the original activity and is only counted in
///   ``PurchaseBehaviour/unvaluedRefunds``;
/// - a customer is **active** with at least one purchase, stay or visit.
///
/// Memory: one small record per customer; `add` is amortised O(1) and takes any order.
public struct PurchaseBehaviourAccumulator: ActivityMetric {
    /// The currency of every amount.
    public let currency: Currency
    /// Which activities count.
    public let filter: ActivityFilter

    private struct Record: Sendable {
        var orders: Int32 = 0
        var visits: Int32 = 0
        var revenue: Int64 = 0
        var refunds: Int64 = 0
    }

    private var customers = CustomerTable<Record>()
    private var unvaluedRefunds = 0

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - currency: the currency of every amount.
    ///   - filter: which activities count; its period is the period measured.
    public init(currency: Currency, filter: ActivityFilter = .all) {
        self.currency = currency
        self.filter = filter
    }

    /// Counts a purchase, stay, visit or refund; ignores every other activity.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` for an amount in another currency,
    ///   ``LoyaltyError/Code/overflow`` when a customer's total overflows, and the errors of
    ///   ``Purchase/total()``. Nothing is changed when it throws.
    public mutating func add(_ activity: Activity) throws {
        var amount: Money?
        var isOrder = false, isRefund = false
        switch activity.kind {
        case .purchase(let purchase):
            guard filter.isEmpty || filter.includes(activity) else { return }
            amount = try purchase.total()
            isOrder = true
        case .stay(let stay):
            guard filter.isEmpty || filter.includes(activity) else { return }
            amount = stay.amount
            isOrder = true
        case .visit:
            guard filter.isEmpty || filter.includes(activity) else { return }
        case .refund(let refund):
            guard filter.isEmpty || filter.includes(activity) else { return }
            guard let stated = refund.amount else {
                unvaluedRefunds += 1
                return
            }
            amount = stated
            isRefund = true
        default:
            return
        }
        if let amount, amount.currency != currency {
            throw LoyaltyError(.currencyMismatch, "an amount in \(amount.currency.code) where \(currency.code) is expected",
                               customerID: activity.customerID, activityID: activity.id)
        }
        let minorUnits = amount?.minorUnits ?? 0
        try customers.update(activity.customerID.rawValue, make: { Record() }) { record, _ in
            if isRefund {
                let (total, overflow) = record.refunds.addingReportingOverflow(minorUnits)
                guard !overflow else { throw Self.overflow(activity) }
                record.refunds = total
            } else {
                if isOrder {
                    let (total, overflow) = record.revenue.addingReportingOverflow(minorUnits)
                    guard !overflow else { throw Self.overflow(activity) }
                    record.revenue = total
                    record.orders += 1
                }
                record.visits += 1
            }
        }
    }

    private static func overflow(_ activity: Activity) -> LoyaltyError {
        LoyaltyError(.overflow, "the customer's total overflows 64-bit minor units",
                     customerID: activity.customerID, activityID: activity.id)
    }

    /// The metrics over every activity added so far. O(customers).
    public func result() -> PurchaseBehaviour {
        var rows: [CustomerPurchases] = []
        var active = 0
        customers.forEachInOrder { id, record in
            if record.visits > 0 { active += 1 }
            if record.orders > 0 || record.refunds != 0 {
                rows.append(CustomerPurchases(customerID: Customer.ID(id), orders: Int(record.orders),
                                              revenue: record.revenue, refunds: record.refunds))
            }
        }
        return PurchaseBehaviour(currency: currency, period: filter.period, activeCustomers: active,
                                 customers: rows, unvaluedRefunds: unvaluedRefunds)
    }
}
