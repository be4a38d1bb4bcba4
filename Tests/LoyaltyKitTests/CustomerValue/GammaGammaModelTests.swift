import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Gamma-Gamma spend model")
struct GammaGammaModelTests {
    @Test("Gamma-Gamma fit on CDNOW reproduces the published parameters",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowPublished() throws {
        let rows = try CustomerValueTestData.cdnowSummaryRows()
        let model = try GammaGammaModel.fit(frequency: rows.map(\.x), monetaryValue: rows.map(\.zbar))
        #expect(clvSignificant(model.p, 3) == 6.25)
        #expect(clvSignificant(model.q, 3) == 3.74)
        #expect(clvSignificant(model.gamma, 3) == 15.4)
        #expect(abs((model.fitReport?.logLikelihood ?? 0) - -4055.9232435028644) < 1e-3)
        #expect(model.fitReport?.customers == 946)
        let correlation = try #require(GammaGammaModel.frequencySpendCorrelation(
            frequency: rows.map(\.x), monetaryValue: rows.map(\.zbar)))
        #expect(abs(correlation - 0.11) < 0.02)
    }

    @Test("conditional expected average value equals lifetimes' and shrinks toward the population mean", arguments: [
        (2, 22.35, 24.65861619), (1, 11.77, 18.91147987), (0, 0.0, 35.17100215),
    ])
    func expectedValue(x: Int, zbar: Double, expected: Double) throws {
        let model = try GammaGammaModel(p: 6.24880249607099, q: 3.7445884609237634, gamma: 15.447748064943575)
        #expect(clvRelativeError(model.conditionalExpectedAverageValue(frequency: x, monetaryValue: zbar), expected) < 1e-8)
        #expect(clvRelativeError(model.populationMeanValue, 35.17100215) < 1e-8)
    }

    @Test("fit recovers known parameters from seeded synthetic spend")
    func parameterRecovery() throws {
        var generator = CustomerValueRandomGenerator(seed: 3)
        var frequency: [Int] = [], value: [Double] = []
        for _ in 0..<20_000 {
            let x = 1 + Int(generator.nextUniform() * 8)
            let nu = generator.nextGamma(shape: 4, rate: 20)
            let total = (0..<x).reduce(0.0) { total, _ in total + generator.nextGamma(shape: 6, rate: nu) }
            frequency.append(x)
            value.append(total / Double(x))
        }
        let model = try GammaGammaModel.fit(frequency: frequency, monetaryValue: value)
        #expect(clvRelativeError(model.p, 6) < 0.08)
        #expect(clvRelativeError(model.q, 4) < 0.1)
        #expect(clvRelativeError(model.gamma, 20) < 0.15)
        let correlation = try #require(GammaGammaModel.frequencySpendCorrelation(frequency: frequency, monetaryValue: value))
        #expect(abs(correlation) < 0.05)
    }

    @Test("invalid spend data are rejected", arguments: [
        ([1, 2], [10.0, 0.0]), ([1, 2], [10.0, -.infinity]), ([0, 0], [0.0, 0.0]), ([1], [1.0, 2.0]), ([-1, 1], [1.0, 1.0]),
    ])
    func invalidData(frequency: [Int], monetary: [Double]) {
        #expect { try GammaGammaModel.fit(frequency: frequency, monetaryValue: monetary) }
            throws: { ($0 as? LoyaltyError)?.code == .invalidData }
    }
}
