import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Customer lifetime value")
struct LifetimeValueProjectionTests {
    // lifetimes: GammaGammaFitter.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01, freq="W")
    @Test("12-month CLV on weekly data equals lifetimes' with freq=\"W\"", arguments: [
        (2, 30.43, 22.35, 36.27849576), (1, 1.71, 11.77, 4.63746633), (0, 0.0, 0.0, 8.34409312),
    ])
    func matchesLifetimesWeekly(x: Int, recency: Double, zbar: Double, expected: Double) throws {
        let model = try BGNBDModelTests.lifetimesFit()
        let spend = try GammaGammaModel(p: 6.24880249607099, q: 3.7445884609237634, gamma: 15.447748064943575)
        let projection = try LifetimeValueProjection(months: 12, monthlyDiscountRate: 0.01)
        let clv = projection.value(model: model, spendModel: spend, frequency: x, recency: recency, age: 38.86,
                                   monetaryValue: zbar)
        #expect(clvRelativeError(clv, expected) < 1e-7)
    }

    @Test("treating weekly data as daily (f = 30) inflates CLV several-fold")
    func dailyFactorPitfall() throws {
        let model = try BGNBDModelTests.lifetimesFit()
        let correct = try LifetimeValueProjection().value(model: model, frequency: 2, recency: 30.43, age: 38.86,
                                                          expectedValuePerPurchase: 25)
        let inflated = try LifetimeValueProjection(periodsPerMonth: 30).value(
            model: model, frequency: 2, recency: 30.43, age: 38.86, expectedValuePerPurchase: 25)
        #expect(inflated / correct > 3 && inflated / correct < 6)
    }

    @Test("no discount and a one-month horizon reduce to value × expected purchases")
    func degenerateCase() throws {
        let model = try BGNBDModelTests.lifetimesFit()
        let clv = try LifetimeValueProjection(months: 1, monthlyDiscountRate: 0, margin: 0.5).value(
            model: model, frequency: 3, recency: 20, age: 30, expectedValuePerPurchase: 10)
        let purchases = model.conditionalExpectedPurchases(during: 4.345, frequency: 3, recency: 20, age: 30)
        #expect(clvRelativeError(clv, 5 * purchases) < 1e-12)
    }

    @Test("invalid projection settings are rejected")
    func invalidSettings() {
        #expect(throws: LoyaltyError.self) { _ = try LifetimeValueProjection(months: 0) }
        #expect(throws: LoyaltyError.self) { _ = try LifetimeValueProjection(monthlyDiscountRate: -0.1) }
        #expect(throws: LoyaltyError.self) { _ = try LifetimeValueProjection(periodsPerMonth: 0) }
    }
}
