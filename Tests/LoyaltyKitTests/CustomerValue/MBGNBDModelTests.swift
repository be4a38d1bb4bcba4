import Foundation
import Testing
@testable import LoyaltyKit

@Suite("MBG/NBD model")
struct MBGNBDModelTests {
    static func lifetimesFit() throws -> MBGNBDModel {
        try MBGNBDModel(r: 0.5248377255676623, alpha: 6.182988479133949, a: 0.8913562809311403,
                        b: 1.6140000256721425, timeUnit: .weeks)
    }

    @Test("MBG/NBD fit on CDNOW matches lifetimes' ModifiedBetaGeoFitter",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowMatchesLifetimes() throws {
        let model = try MBGNBDModel.fit(try CustomerValueTestData.cdnowData())
        let reference = try Self.lifetimesFit()
        #expect(clvRelativeError(model.r, reference.r) < 1e-3)
        #expect(clvRelativeError(model.alpha, reference.alpha) < 1e-3)
        #expect(clvRelativeError(model.a, reference.a) < 1e-3)
        #expect(clvRelativeError(model.b, reference.b) < 1e-3)
        #expect(abs((model.fitReport?.logLikelihood ?? 0) - -9582.13268489992) < 1e-3)
    }

    @Test("predictions equal lifetimes' for the first three CDNOW customers", arguments: [
        (2, 30.43, 0.7061262587154015, 1.2626707787139375),
        (1, 1.71, 0.17081963009209875, 0.18878924037050474),
        (0, 0.0, 0.38971644205016864, 0.15395364436667586),
    ])
    func matchesLifetimes(x: Int, recency: Double, alive: Double, expected39: Double) throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.probabilityAlive(frequency: x, recency: recency, age: 38.86), alive) < 1e-10)
        #expect(clvRelativeError(model.conditionalExpectedPurchases(during: 39, frequency: x, recency: recency, age: 38.86),
                              expected39) < 1e-10)
    }

    @Test("unconditional predictions equal lifetimes' and P(X(t) = n) sums to 1")
    func unconditional() throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.expectedPurchases(during: 39), 1.1822837952882788) < 1e-10)
        let expected = [0.5826055674071032, 0.18276337398066528, 0.08687059147523463, 0.04855072243545028]
        for (n, probability) in expected.enumerated() {
            #expect(clvRelativeError(model.probabilityOfPurchases(n, during: 39), probability) < 1e-10)
        }
        #expect(abs((0...400).reduce(0) { $0 + model.probabilityOfPurchases($1, during: 39) } - 1) < 1e-6)
    }

    @Test("fit recovers known parameters from a seeded synthetic population")
    func parameterRecovery() throws {
        var generator = CustomerValueRandomGenerator(seed: 11)
        let ages = (0..<40_000).map { _ in 27 + 12 * generator.nextUniform() }
        let data = try CustomerValueSimulator.bgnbdPopulation(
            r: 0.5, alpha: 6, a: 0.9, b: 1.6, modified: true, ages: ages, timeUnit: .weeks, using: &generator)
        let model = try MBGNBDModel.fit(data)
        #expect(clvRelativeError(model.r, 0.5) < 0.08)
        #expect(clvRelativeError(model.alpha, 6) < 0.1)
        #expect(clvRelativeError(model.a, 0.9) < 0.15)
        #expect(clvRelativeError(model.b, 1.6) < 0.2)
    }
}
