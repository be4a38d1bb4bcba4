import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("Metrics read from a Loyalty store")
struct LoyaltyMetricsTests {
    /// The seaside hotel: Ana stays 12 nights in January (Silver), Ben 2; both answer an NPS
    /// survey; Ana redeems 500 points in February.
    func hotel() async throws -> Loyalty {
        let loyalty = try Loyalty(program: Fixtures.seasideHotel())
        for id in ["ana", "ben"] as [Customer.ID] {
            try await loyalty.register(Customer(id: id, memberSince: local(2025, 1, 1, hour: 9)))
        }
        try await loyalty.record(contentsOf: [
            .stay(id: "s1", customer: "ana", date: local(2025, 1, 12), nights: 12, amount: eur(120_000), category: "sea-view"),
            .stay(id: "s2", customer: "ben", date: local(2025, 1, 20), nights: 2, amount: eur(30_000), category: "garden"),
            feedback("f1", "ana", at: local(2025, 1, 13), nps: 10, touchpoint: "check-out"),
            feedback("f2", "ben", at: local(2025, 1, 21), nps: 6, touchpoint: "check-out"),
        ])
        try await loyalty.redeem(500, for: "ana", benefit: "Spa voucher", id: "r1", at: local(2025, 2, 10))
        return loyalty
    }

    @Test("measure feeds the stored activities of a period to one, two or three metrics in one pass")
    func measure() async throws {
        let loyalty = try await hotel()
        let calendar = await loyalty.program.calendar
        let end = local(2025, 3, 1, hour: 0)
        let nps = try await loyalty.measure(NPSAccumulator(calendar: calendar), to: end)
        #expect(nps.result().score == 0)
        let history = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: CivilDate(year: 2025, month: 2, day: 28),
                                                     calendar: calendar)
        let (h, n) = try await loyalty.measure(history, nps, to: end)
        #expect(h.customerCount == 2 && n.result().responses == 4)
        let (_, _, late) = try await loyalty.measure(history, nps, NPSAccumulator(calendar: calendar),
                                                     from: local(2025, 1, 15), to: end)
        #expect(late.result().responses == 1)
    }

    @Test("programme economics reads every member's ledger")
    func economics() async throws {
        let loyalty = try await hotel()
        let economics = try await loyalty.programmeEconomics(pointValue: try PointValue(eur(1), per: 1))
        let earned = try await [loyalty.statement(for: "ana"), loyalty.statement(for: "ben")]
            .flatMap(\.entries).filter { $0.kind == .earn }.reduce(Int64(0)) { $0 + $1.points.rawValue }
        #expect(economics.flows.issued == earned)
        #expect(economics.flows.redeemed == 500)
        #expect(economics.outstandingPoints == earned - 500)
        #expect(economics.rewardCost == eur(500))
        #expect(economics.redeemedByBenefit == ["Spa voucher": 500])
    }

    @Test("tier distribution and moves come from member states and stored outcomes")
    func tiers() async throws {
        let loyalty = try await hotel()
        let distribution = try await loyalty.tierDistribution(at: local(2025, 2, 15))
        #expect(distribution.tiers.map(\.tierID) == ["member", "silver", "gold", "platinum"])
        #expect(distribution.tiers.map(\.members) == [1, 1, 0, 0])
        #expect(distribution.table.rows[1][2] == .percent(0.5, fractionDigits: 1))
        let moves = try await loyalty.tierMovements(period: local(2025, 1, 1, hour: 0)..<local(2025, 3, 1, hour: 0))
        #expect(moves?.monthly.values.map(\.upgrades) == [1])
    }

    @Test("a monthly breakdown by tier takes each activity's tier from its outcome")
    func breakdownByTier() async throws {
        let loyalty = try await hotel()
        let breakdown = try await loyalty.monthlyBreakdown(by: .tier, from: local(2025, 1, 1, hour: 0), to: local(2025, 3, 1, hour: 0))
        #expect(breakdown.rows.map(\.value) == ["member", "silver"])
        #expect(breakdown.rows.map(\.nights) == [2, 12])
        let byCategory = try await loyalty.monthlyBreakdown(by: .category, from: .distantPast, to: .distantFuture)
        #expect(byCategory.rows.map(\.value) == ["garden", "sea-view"])
    }
}
