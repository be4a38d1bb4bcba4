import Foundation
import LoyaltyKit
import Testing

@Suite("Behaviour: frequency, order value, repeat rate, historic value, concentration")
struct BehaviourMetricsTests {
    static let january = local(2025, 1, 1, hour: 0)..<local(2025, 2, 1, hour: 0)

    /// January: Ana two purchases (€10, €30) and a €5 refund; Ben a €200 stay, a visit and a
    /// refund of "the rest"; Cai a visit only; Dee one €60 purchase. Eve buys in February.
    static let fixture: [Activity] = [
        purchase("a1", 1_000, at: local(2025, 1, 2), customer: "ana"),
        .visit(id: "c1", customer: "cai", date: local(2025, 1, 3)),
        purchase("a2", 3_000, at: local(2025, 1, 5), customer: "ana"),
        .refund(id: "a3", customer: "ana", date: local(2025, 1, 6), of: "a2", amount: eur(500)),
        .stay(id: "b1", customer: "ben", date: local(2025, 1, 10), nights: 2, amount: eur(20_000)),
        .visit(id: "b2", customer: "ben", date: local(2025, 1, 11)),
        .refund(id: "b3", customer: "ben", date: local(2025, 1, 15), of: "b1"),
        purchase("d1", 6_000, at: local(2025, 1, 20), customer: "dee"),
        purchase("e1", 9_000, at: local(2025, 2, 3), customer: "eve"),
        feedback("f1", "eve", at: local(2025, 1, 4), nps: 3),
    ]

    func behaviour() throws -> PurchaseBehaviour {
        var accumulator = PurchaseBehaviourAccumulator(currency: .eur, filter: ActivityFilter(period: Self.january))
        try accumulator.add(contentsOf: Self.fixture)
        return accumulator.result()
    }

    @Test("counts of January: active customers, buyers, orders, revenue and refunds")
    func counts() throws {
        let result = try behaviour()
        #expect(result.activeCustomers == 4)
        #expect(result.buyers == 3)
        #expect(result.orders == 4)
        #expect(result.revenue == eur(30_000))
        #expect(result.refunds == eur(500))
        #expect(result.unvaluedRefunds == 1)
        #expect(result.customers.map(\.customerID) == ["ana", "ben", "dee"])
    }

    @Test("purchase frequency is orders per buyer, AOV revenue per order, repeat rate buyers with two orders or more")
    func rates() throws {
        let result = try behaviour()
        #expect(result.purchaseFrequency == 4.0 / 3)
        #expect(result.averageOrderValue == eur(7_500))
        #expect(result.repeatBuyers == 1)
        #expect(result.repeatPurchaseRate == 1.0 / 3)
    }

    @Test("historic value is net revenue by default; margin and acquisition cost are explicit")
    func historicValue() throws {
        let result = try behaviour()
        #expect(result.historicValues().map(\.value) == [eur(3_500), eur(20_000), eur(6_000)])
        #expect(result.averageHistoricValue() == eur(9_833))  // 29 500 / 3 = 9 833.3
        let gross = try HistoricValueDefinition(netOfRefunds: false)
        #expect(result.historicValues(gross).map(\.value) == [eur(4_000), eur(20_000), eur(6_000)])
        let margin = try HistoricValueDefinition(basis: .grossMargin(basisPoints: 2_500), acquisitionCost: eur(1_000))
        #expect(result.historicValues(margin).map(\.value) == [eur(-125), eur(4_000), eur(500)])
        expectError(.invalidInput) { _ = try HistoricValueDefinition(basis: .grossMargin(basisPoints: 10_001)) }
        expectError(.invalidInput) { _ = try HistoricValueDefinition(acquisitionCost: eur(-1)) }
    }

    @Test("a margin rounds half away from zero to the minor unit", arguments: [
        (1_001, 250), (1_002, 251), (-1_002, -251), (0, 0), (Int64.max, 2_305_843_009_213_693_952),
    ] as [(Int64, Int64)])
    func marginRounding(revenue: Int64, expected: Int64) throws {
        let margin = try HistoricValueDefinition(basis: .grossMargin(basisPoints: 2_500), netOfRefunds: false)
        let behaviour = PurchaseBehaviour(
            currency: .eur, period: nil, activeCustomers: 1,
            customers: [CustomerPurchases(customerID: "x", orders: 1, revenue: revenue, refunds: 0)], unvaluedRefunds: 0)
        #expect(behaviour.historicValues(margin).first?.value.minorUnits == expected)
    }

    @Test("the revenue share of the top x % takes the ⌈x · n⌉ customers with the most revenue")
    func concentration() throws {
        let result = try behaviour()
        #expect(result.revenueShare(ofTop: 0.01) == 20_000.0 / 30_000)
        #expect(result.revenueShare(ofTop: 0.5) == 26_000.0 / 30_000)
        #expect(result.revenueShare(ofTop: 1) == 1)
        #expect(result.revenueShare(ofTop: 0) == nil)
    }

    @Test("without a period every month counts; the table shows each metric")
    func allTimeAndTable() throws {
        var accumulator = PurchaseBehaviourAccumulator(currency: .eur)
        try accumulator.add(contentsOf: Self.fixture)
        let result = accumulator.result()
        #expect(result.buyers == 4 && result.revenue == eur(39_000))
        let table = try behaviour().table
        #expect(table.rows.first { $0[0] == .text("Average order value") }?[1] == .money(eur(7_500)))
        #expect(table.rows.count == 12)
    }

    @Test("an amount in another currency is an error that changes nothing")
    func currencyMismatch() throws {
        var accumulator = PurchaseBehaviourAccumulator(currency: .eur)
        try accumulator.add(purchase("a1", 100, at: local(2025, 1, 1)))
        expectError(.currencyMismatch) {
            try accumulator.add(.purchase(id: "u", customer: "ana", date: local(2025, 1, 2), amount: Money(minorUnits: 5, currency: .usd)))
        }
        #expect(accumulator.result().orders == 1)
    }
}
