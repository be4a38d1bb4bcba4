import Foundation
import LoyaltyKit
import Testing

@Suite("Monthly breakdown by dimension")
struct MonthlyBreakdownTests {
    /// A tour operator: dolphin and cave tours in May and June, a mixed shop purchase.
    static let fixture: [Activity] = [
        .stay(id: "t1", customer: "ana", date: local(2025, 5, 3), nights: 0, amount: eur(4_000), category: "dolphins"),
        .stay(id: "t2", customer: "ben", date: local(2025, 5, 4), nights: 2, amount: eur(9_000), category: "caves"),
        .stay(id: "t3", customer: "ana", date: local(2025, 5, 20), nights: 0, amount: eur(4_000), category: "dolphins"),
        Activity(id: "p1", customerID: "cai", date: local(2025, 5, 21), channel: .online,
                 kind: .purchase(Purchase(lines: [PurchaseLine(sku: "cap", category: "shop", amount: eur(1_500)),
                                                  PurchaseLine(sku: "map", category: "shop", amount: eur(500)),
                                                  PurchaseLine(category: "dolphins", amount: eur(3_000))])),
                 attributes: ["location": "Lagos"]),
        .stay(id: "t4", customer: "ben", date: local(2025, 7, 1), nights: 1, amount: eur(4_500), category: "dolphins"),
        feedback("f1", "ana", at: local(2025, 5, 4), nps: 10),
    ]

    func breakdown(_ dimension: BreakdownDimension) throws -> MonthlyBreakdown {
        var accumulator = MonthlyBreakdownAccumulator(dimension: dimension, currency: .eur, calendar: lisbonCalendar)
        try accumulator.add(contentsOf: Self.fixture)
        return accumulator.result()
    }

    @Test("by category: revenue, bookings, nights, distinct customers and spend per customer")
    func byCategory() throws {
        let result = try breakdown(.category)
        let rows = result.rows.map { "\($0.month) \($0.value) \($0.revenue.minorUnits) \($0.bookings) \($0.nights) \($0.customers)" }
        #expect(rows == [
            "2025-05 caves 9000 1 2 1",
            "2025-05 dolphins 11000 3 0 2",
            "2025-05 shop 2000 1 0 1",
            "2025-07 dolphins 4500 1 1 1",
        ])
        #expect(result.rows[1].averageSpend == eur(5_500))
        #expect(result.values == ["caves", "dolphins", "shop"])
        #expect(result.months.map(\.description) == ["2025-05", "2025-06", "2025-07"])
    }

    @Test("by product, location and channel")
    func otherDimensions() throws {
        #expect(try breakdown(.product).rows.map(\.value) == ["cap", "caves", "dolphins", "map", "dolphins"])
        let location = try breakdown(.location)
        #expect(location.rows.map(\.value) == ["(none)", "Lagos", "(none)"])
        #expect(location.rows[1].revenue == eur(5_000))
        #expect(try breakdown(.channel).rows.map(\.value) == ["front-desk", "online", "front-desk"])
    }

    @Test("by tier uses the tier given with each activity")
    func byTier() throws {
        var accumulator = MonthlyBreakdownAccumulator(dimension: .tier, currency: .eur, calendar: lisbonCalendar)
        try accumulator.add(Self.fixture[0], tier: "gold")
        try accumulator.add(Self.fixture[1], tier: "silver")
        try accumulator.add(Self.fixture[2])
        #expect(accumulator.result().rows.map(\.value) == ["(none)", "gold", "silver"])
    }

    @Test("the chart has one series per value with gaps in months without bookings")
    func chartAndTable() throws {
        let result = try breakdown(.category)
        let chart = result.chart()
        #expect(chart.labels == ["2025-05", "2025-06", "2025-07"])
        #expect(chart.series.map(\.name) == ["caves", "dolphins", "shop"])
        #expect(chart.series[1].values == [110, nil, 45])
        #expect(result.chart(.customers).series[1].values == [2, nil, 1])
        #expect(result.table.columns.map(\.unit) == [nil, nil, "EUR", nil, nil, nil, "EUR"])
        #expect(result.table.rows.count == 4)
    }

    @Test("a customer's activity in an earlier month than one already added is an error that changes nothing")
    func monthOrder() throws {
        var accumulator = MonthlyBreakdownAccumulator(dimension: .category, currency: .eur, calendar: lisbonCalendar)
        try accumulator.add(Self.fixture[4])
        let error = expectError(.invalidData) { try accumulator.add(Self.fixture[0].with(customer: "ben")) }
        #expect(error?.activityID == "t1")
        #expect(accumulator.result().rows.count == 1)
        expectError(.currencyMismatch) {
            try accumulator.add(.stay(id: "x", customer: "zed", date: local(2025, 8, 1), nights: 1, amount: Money(minorUnits: 1, currency: .gbp)))
        }
        #expect(accumulator.result().rows.count == 1)
    }
}

extension Activity {
    /// The same activity for another customer.
    func with(customer: Customer.ID) -> Activity {
        var copy = self
        copy.customerID = customer
        return copy
    }
}
