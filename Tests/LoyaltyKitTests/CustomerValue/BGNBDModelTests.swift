import Foundation
import Testing
@testable import LoyaltyKit

@Suite("BG/NBD model")
struct BGNBDModelTests {
    /// lifetimes 0.11.3 BetaGeoFitter parameters on cdnow_customers_summary_with_transactions.csv.
    static func lifetimesFit() throws -> BGNBDModel {
        try BGNBDModel(r: 0.24259292827982148, alpha: 4.413532265271809, a: 0.7928859664406578,
                       b: 2.4257523826257374, timeUnit: .weeks)
    }

    @Test("BG/NBD fit on CDNOW reproduces the published parameters and log-likelihood",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowPublished() throws {
        let model = try BGNBDModel.fit(try CustomerValueTestData.cdnowData())
        #expect(clvSignificant(model.r, 3) == 0.243)
        #expect(clvSignificant(model.alpha, 3) == 4.41)
        #expect(clvSignificant(model.a, 3) == 0.793)
        #expect(clvSignificant(model.b, 3) == 2.43)
        let report = try #require(model.fitReport)
        #expect(abs(report.logLikelihood - -9582.4) < 0.05)
        #expect(report.converged && report.gradientNorm <= 1e-7 && report.customers == 2357)
        #expect(abs(model.logLikelihood(try CustomerValueTestData.cdnowData()) - report.logLikelihood) < 1e-8)
    }

    @Test("predictions equal lifetimes' for the first three CDNOW customers", arguments: [
        (2, 30.43, 0.7266091367990596, 1.2259104241744068),
        (1, 1.71, 0.21222738807220765, 0.20325062425618798),
        (0, 0.0, 1.0, 0.19478085793947836),
    ])
    func matchesLifetimes(x: Int, recency: Double, alive: Double, expected39: Double) throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.probabilityAlive(frequency: x, recency: recency, age: 38.86), alive) < 1e-10)
        #expect(clvRelativeError(model.conditionalExpectedPurchases(during: 39, frequency: x, recency: recency, age: 38.86),
                              expected39) < 1e-10)
    }

    @Test("unconditional E[X(t)] and P(X(t) = n) equal lifetimes' and the distribution sums to 1")
    func unconditionalPredictions() throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.expectedPurchases(during: 39), 1.195016228446194) < 1e-10)
        #expect(clvRelativeError(model.expectedPurchases(during: 10), 0.43176098952266456) < 1e-10)
        let expected = [0.5743072834054233, 0.1991930612821033, 0.08532240876046435, 0.04579719172420932]
        for (n, probability) in expected.enumerated() {
            #expect(clvRelativeError(model.probabilityOfPurchases(n, during: 39), probability) < 1e-10)
        }
        let probabilities = (0...400).map { model.probabilityOfPurchases($0, during: 39) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-6)
        let mean = probabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        #expect(clvRelativeError(mean, model.expectedPurchases(during: 39)) < 1e-4)
    }

    @Test("analytic gradient agrees with central differences")
    func gradientMatchesFiniteDifferences() throws {
        let data = try RecencyFrequencyData(frequency: [0, 1, 2, 5, 0, 12], recency: [0, 3.5, 10, 20.1, 0, 30],
                                            age: [30, 31, 32, 33, 34, 35], timeUnit: .weeks)
        for modified in [false, true] {
            let theta = [log(0.4), log(5.0), log(0.8), log(2.2)]
            var gradient = [Double](repeating: 0, count: 4)
            _ = BetaGeometricLikelihood.meanNegativeLogLikelihood(
                logParameters: theta, data: data, modified: modified, threads: 1, gradient: &gradient)
            var scratch = gradient
            for k in 0..<4 {
                var up = theta, down = theta
                up[k] += 1e-6
                down[k] -= 1e-6
                let numeric = (BetaGeometricLikelihood.meanNegativeLogLikelihood(
                    logParameters: up, data: data, modified: modified, threads: 1, gradient: &scratch)
                    - BetaGeometricLikelihood.meanNegativeLogLikelihood(
                        logParameters: down, data: data, modified: modified, threads: 1, gradient: &scratch)) / 2e-6
                #expect(abs(numeric - gradient[k]) < 1e-7)
            }
        }
    }

    @Test("fit recovers known parameters from a seeded synthetic population")
    func parameterRecovery() throws {
        var generator = CustomerValueRandomGenerator(seed: 42)
        let ages = (0..<40_000).map { _ in 27 + 12 * generator.nextUniform() }
        let data = try CustomerValueSimulator.bgnbdPopulation(
            r: 0.5, alpha: 5, a: 0.8, b: 2.5, ages: ages, timeUnit: .weeks, using: &generator)
        let model = try BGNBDModel.fit(data)
        #expect(clvRelativeError(model.r, 0.5) < 0.06)
        #expect(clvRelativeError(model.alpha, 5) < 0.08)
        #expect(clvRelativeError(model.a, 0.8) < 0.15)
        #expect(clvRelativeError(model.b, 2.5) < 0.2)
    }

    @Test("grouping identical rows changes neither the fit nor the log-likelihood")
    func groupingIsExact() throws {
        var generator = CustomerValueRandomGenerator(seed: 7)
        let ages = (0..<5000).map { _ in Double(189 + Int(generator.nextUniform() * 84)) / 7 }
        let data = try CustomerValueSimulator.bgnbdPopulation(
            r: 0.3, alpha: 4, a: 0.8, b: 2.4, ages: ages, timeUnit: .weeks, resolution: 1.0 / 7, using: &generator)
        let grouped = data.grouped()
        #expect(grouped.count < data.count / 2 && grouped.totalWeight == 5000)
        let plain = try BGNBDModel.fit(data, options: CustomerValueFitOptions(groupIdenticalRows: false))
        let fast = try BGNBDModel.fit(data)
        #expect(clvRelativeError(plain.r, fast.r) < 1e-5 && clvRelativeError(plain.b, fast.b) < 1e-4)
        #expect(abs(fast.logLikelihood(grouped) - fast.logLikelihood(data)) < 1e-7)
    }

    @Test("the L2 penalizer shrinks the parameters")
    func penalizerShrinks() throws {
        let data = try RecencyFrequencyData(frequency: [0, 1, 3, 0, 2, 7, 0, 1], recency: [0, 5, 20, 0, 12, 30, 0, 2],
                                            age: [35, 36, 37, 38, 30, 33, 31, 32], timeUnit: .weeks)
        let plain = try BGNBDModel.fit(data)
        let penalized = try BGNBDModel.fit(data, options: CustomerValueFitOptions(penalizer: 0.1))
        #expect(penalized.alpha < plain.alpha)
    }

    @Test("fitting reports typed errors for data without repeat purchases and for non-convergence")
    func fitErrors() throws {
        let zeros = try RecencyFrequencyData(frequency: [0, 0], recency: [0, 0], age: [3, 4], timeUnit: .days)
        #expect { try BGNBDModel.fit(zeros) } throws: { ($0 as? LoyaltyError)?.code == .invalidData }
        let data = try RecencyFrequencyData(frequency: [0, 1, 4, 2], recency: [0, 2, 9, 5], age: [10, 10, 10, 10],
                                            timeUnit: .days)
        let options = CustomerValueFitOptions(maxIterations: 1, restarts: 0)
        #expect { try BGNBDModel.fit(data, options: options) } throws: { ($0 as? LoyaltyError)?.code == .notConverged }
        #expect(throws: LoyaltyError.self) { _ = try BGNBDModel(r: -1, alpha: 1, a: 1, b: 1, timeUnit: .days) }
    }

    @Test("batch predictions equal per-customer predictions", arguments: [1, 2])
    func batchPredictions(threads: Int) throws {
        var generator = CustomerValueRandomGenerator(seed: 21)
        let ages = (0..<30_000).map { _ in Double(189 + Int(generator.nextUniform() * 84)) / 7 }
        let data = try CustomerValueSimulator.bgnbdPopulation(
            r: 0.3, alpha: 4, a: 0.8, b: 2.4, ages: ages, timeUnit: .weeks, resolution: 1.0 / 7, using: &generator)
        let model = try Self.lifetimesFit()
        let batch = try RepeatPurchasePredictions(model: model, data: data, horizon: 39, threads: threads)
        var worst = 0.0
        for row in stride(from: 0, to: data.count, by: 7) {
            let x = data.frequency[row], tx = data.recency[row], t = data.age[row]
            #expect(batch.probabilityAlive[row] == model.probabilityAlive(frequency: x, recency: tx, age: t))
            worst = max(worst, clvRelativeError(batch.expectedPurchases[row], model.conditionalExpectedPurchases(
                during: 39, frequency: x, recency: tx, age: t)))
        }
        #expect(worst < 1e-14)
        let daily = try RecencyFrequencyData(frequency: [0], recency: [0], age: [1], timeUnit: .days)
        #expect(throws: LoyaltyError.self) { _ = try RepeatPurchasePredictions(model: model, data: daily, horizon: 1) }
    }

    @Test("invalid histories give NaN instead of trapping")
    func invalidHistories() throws {
        let model = try Self.lifetimesFit()
        #expect(model.probabilityAlive(frequency: 1, recency: 5, age: 4).isNaN)
        #expect(model.conditionalExpectedPurchases(during: 1, frequency: -1, recency: 0, age: 4).isNaN)
        #expect(model.logLikelihood(frequency: 2, recency: .nan, age: 4).isNaN)
    }
}
