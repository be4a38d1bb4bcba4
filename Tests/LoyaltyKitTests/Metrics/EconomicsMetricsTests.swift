import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("Programme economics, tiers and referrals")
struct EconomicsMetricsTests {
    static func entry(_ activity: Activity.ID, _ kind: LedgerEntry.Kind, _ points: Int64, _ month: Int, _ day: Int,
                      customer: Customer.ID = "ana", year: Int = 2025, reason: LedgerReason = .custom("test")) -> LedgerEntry {
        LedgerEntry(id: .init(activityID: activity, kind: kind, index: 0), customerID: customer, date: local(year, month, day),
                    points: Points(points), rule: "test", reason: reason)
    }

    /// Before the period 1 000 earned; January: 500 earned, a cap of −50, 300 redeemed on a spa
    /// voucher, 20 adjusted, 200 earned by Ben; February: 150 expired, 40 reversed, 100
    /// redeemed on coffee; March (after the period): 999 earned.
    static let ledger: [LedgerEntry] = [
        entry("e0", .earn, 1_000, 12, 15, year: 2024),
        entry("e1", .earn, 500, 1, 5), entry("e2", .earn, -50, 1, 5),
        entry("r1", .redeem, -300, 1, 20, reason: .redemption(benefit: "Spa voucher")),
        entry("j1", .adjust, 20, 1, 21, customer: "ben"), entry("e3", .earn, 200, 1, 22, customer: "ben"),
        entry("e0", .expire, -150, 2, 1), entry("f1", .reverse, -40, 2, 3, customer: "ben"),
        entry("r2", .redeem, -100, 2, 9, customer: "ben", reason: .redemption(benefit: "Coffee")),
        entry("e4", .earn, 999, 3, 2),
    ]

    static let period = local(2025, 1, 1, hour: 0)..<local(2025, 3, 1, hour: 0)

    func economics() throws -> ProgrammeEconomics {
        var accumulator = ProgrammeEconomicsAccumulator(period: Self.period, pointValue: try PointValue(eur(100), per: 200),
                                                        calendar: lisbonCalendar)
        accumulator.add(contentsOf: Self.ledger.reversed())
        return accumulator.result()
    }

    @Test("flows of the period by kind of ledger entry")
    func flows() throws {
        let flows = try economics().flows
        #expect(flows.issued == 650)
        #expect(flows.redeemed == 400)
        #expect(flows.expired == 150)
        #expect(flows.reversed == 40)
        #expect(flows.adjusted == 20)
        #expect(flows.netChange == 80)
    }

    @Test("breakage, settled breakage and redemption rates state their formulas")
    func rates() throws {
        let result = try economics()
        #expect(result.breakageRate == 150.0 / 650)
        #expect(result.settledBreakageRate == 150.0 / 550)
        #expect(result.redemptionRate == 400.0 / 650)
    }

    @Test("liability values every point outstanding at the period's end; reward cost the points redeemed")
    func money() throws {
        let result = try economics()
        #expect(result.outstandingPoints == 1_080)
        #expect(result.liability == eur(540))
        #expect(result.rewardCost == eur(200))
        #expect(result.redeemedByBenefit == ["Spa voucher": 300, "Coffee": 100])
        #expect(result.benefitTable.rows.first == [.text("Spa voucher"), .integer(300), .money(eur(150))])
    }

    @Test("flows per month, as a table and a bar chart")
    func monthly() throws {
        let result = try economics()
        #expect(result.monthly.labels == ["2025-01", "2025-02"])
        #expect(result.monthly.values.map(\.issued) == [650, 0])
        #expect(result.monthly.values.map(\.redeemed) == [300, 100])
        #expect(result.monthly.values.map(\.expired) == [0, 150])
        #expect(result.chart().series.map(\.name) == ["Issued", "Redeemed", "Expired"])
        #expect(result.monthlyTable.rows[1] == [.text("2025-02"), .integer(0), .integer(100), .integer(150), .integer(40),
                                                .integer(0), .integer(-290)])
        #expect(result.table.rows.count == 11)
    }

    @Test("a point value rounds half away from zero and saturates instead of overflowing", arguments: [
        (1, 0), (2, 1), (3, 1), (-2, -1), (Int64.max, 3_074_457_345_618_258_602),
    ] as [(Int64, Int64)])
    func pointValue(points: Int64, cents: Int64) throws {
        let value = try PointValue(eur(1), per: 3)
        #expect(value.value(of: points).minorUnits == cents)
    }

    @Test("a point value must be positive per points and not negative in money")
    func pointValueValidation() throws {
        expectError(.invalidInput) { _ = try PointValue(eur(-1)) }
        expectError(.invalidInput) { _ = try PointValue(eur(1), per: 0) }
        let huge = try PointValue(Money(minorUnits: 1_000_000_000, currency: .eur))
        #expect(huge.value(of: Int64.max).minorUnits == Int64.max)
        #expect(huge.value(of: -Int64.max).minorUnits == Int64.min)
    }

    @Test("tier moves per month: up and down the ladder, and moves the ladder does not know")
    func tierMoves() throws {
        let ladder = try #require(Fixtures.seasideHotel().tiers)
        var moves = TierMovements(ladder: ladder, calendar: lisbonCalendar)
        moves.add(TierChange(from: "member", to: "gold", date: local(2025, 1, 3), reason: .qualified, qualifyingValue: 30))
        moves.add(TierChange(from: "gold", to: "silver", date: local(2025, 3, 1), reason: .review, qualifyingValue: 12))
        moves.add(TierChange(from: "vip", to: "gold", date: local(2025, 3, 2), reason: .overrideEnded, qualifyingValue: nil))
        moves.add(TierChange(from: "gold", to: "gold", date: local(2025, 3, 3), reason: .review, qualifyingValue: 30))
        #expect(moves.monthly.labels == ["2025-01", "2025-02", "2025-03"])
        #expect(moves.monthly.values.map(\.upgrades) == [1, 0, 0])
        #expect(moves.monthly.values.map(\.downgrades) == [0, 0, 1])
        #expect(moves.monthly.values.map(\.other) == [0, 0, 1])
        #expect(moves.transitions["gold"] == ["silver": 1])
        #expect(moves.table.rows.count == 3)
        #expect(moves.chart().series.count == 2)
    }

    @Test("referral conversion: referred customers with a purchase at or after their first referral")
    func referrals() throws {
        func referral(_ id: Activity.ID, _ from: Customer.ID, _ to: Customer.ID, _ day: Int) -> Activity {
            Activity(id: id, customerID: from, date: local(2025, 1, day), kind: .referral(Referral(referredCustomerID: to)))
        }
        var conversion = ReferralConversionAccumulator()
        try conversion.add(contentsOf: [
            purchase("p0", 100, at: local(2025, 1, 1), customer: "bea"),       // bought before being referred
            referral("r1", "ana", "bea", 5), referral("r2", "ana", "cid", 5), referral("r3", "dan", "cid", 6),
            referral("r4", "ana", "eve", 7),
            .stay(id: "s1", customer: "cid", date: local(2025, 1, 9), nights: 1, amount: eur(9_000)),
            purchase("p1", 100, at: local(2025, 1, 2), customer: "zed"),
        ].reversed())
        let result = conversion.result()
        #expect(result.referrals == 4)
        #expect(result.referredCustomers == 3)
        #expect(result.convertedCustomers == 1)
        #expect(result.conversionRate == 1.0 / 3)
        #expect(result.table.rows[0][3] == .percent(1.0 / 3, fractionDigits: 1))
    }
}
