import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Pareto/NBD model")
struct ParetoNBDModelTests {
    static func lifetimesFit() throws -> ParetoNBDModel {
        try ParetoNBDModel(r: 0.5532542490092374, alpha: 10.577311350746143, s: 0.6062145045291998,
                           beta: 11.668594164088585, timeUnit: .weeks)
    }

    /// log L by direct numerical integration of
    /// L = Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+x)(β+T)^−s + s ∫ₜₓᵀ (α+τ)^−(r+x)(β+τ)^−(s+1) dτ],
    /// independent of the hypergeometric function (Simpson's rule, τ = tₓ + (T−tₓ)u³).
    static func integratedLogLikelihood(r: Double, alpha: Double, s: Double, beta: Double, x: Double,
                                        recency: Double, age: Double) -> Double {
        func g(_ tau: Double) -> Double { -(r + x) * log(alpha + tau) - (s + 1) * log(beta + tau) }
        let peak = g(recency)
        let n = 200_000
        var sum = 0.0
        for i in 0...n {
            let u = Double(i) / Double(n)
            let tau = recency + (age - recency) * u * u * u
            let jacobian = 3 * (age - recency) * u * u
            let weight = i == 0 || i == n ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
            sum += weight * exp(g(tau) - peak) * jacobian
        }
        let logIntegral = log(sum / Double(n) / 3) + peak
        let constant = CustomerValueMath.logGamma(r + x) - CustomerValueMath.logGamma(r) + r * log(alpha) + s * log(beta)
        let survived = -(r + x) * log(alpha + age) - s * log(beta + age)
        return constant + CustomerValueMath.logAddExp(survived, log(s) + logIntegral)
    }

    @Test("Pareto/NBD fit on CDNOW reproduces the published parameters and log-likelihood",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowPublished() throws {
        let model = try ParetoNBDModel.fit(try CustomerValueTestData.cdnowData())
        #expect(clvSignificant(model.r, 3) == 0.553)
        #expect(clvSignificant(model.alpha, 3) == 10.6)
        #expect(clvSignificant(model.s, 3) == 0.606)
        #expect(clvSignificant(model.beta, 3) == 11.7)
        #expect(abs((model.fitReport?.logLikelihood ?? 0) - -9595.0) < 0.05)
    }

    @Test("predictions equal lifetimes' for the first three CDNOW customers", arguments: [
        (2, 30.43, 0.8691203874709704, 1.4551150256287328),
        (1, 1.71, 0.1678792509895368, 0.1709869232481239),
        (0, 0.0, 0.2951103121622532, 0.1070612890071828),
    ])
    func matchesLifetimes(x: Int, recency: Double, alive: Double, expected39: Double) throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.probabilityAlive(frequency: x, recency: recency, age: 38.86), alive) < 1e-9)
        #expect(clvRelativeError(model.conditionalExpectedPurchases(during: 39, frequency: x, recency: recency, age: 38.86),
                              expected39) < 1e-9)
        #expect(clvRelativeError(model.expectedPurchases(during: 10), 0.42779365970829103) < 1e-12)
    }

    @Test("log-likelihood equals lifetimes' including a large-frequency history", arguments: [
        (200, 150.0, 156.0, -164.08603157579762), (5, 30.0, 38.0, -17.38999738764404), (0, 0.0, 38.0, -0.5183099875070205),
    ])
    func logLikelihoodMatchesLifetimes(x: Int, recency: Double, age: Double, expected: Double) throws {
        let model = try Self.lifetimesFit()
        #expect(clvRelativeError(model.logLikelihood(frequency: x, recency: recency, age: age), expected) < 1e-11)
    }

    @Test("log-likelihood agrees with direct numerical integration on both α ≷ β branches and long histories", arguments: [
        (0.55, 10.6, 0.61, 11.7, 2.0, 30.43, 38.86),
        (0.8, 2.0, 1.5, 50.0, 40.0, 100.0, 150.0),
        (1.2, 50.0, 0.7, 0.5, 5.0, 3.0, 200.0),
        (2.0, 3.0, 0.5, 20.0, 500.0, 900.0, 1000.0),
        (0.3, 0.05, 2.0, 400.0, 3000.0, 4990.0, 5000.0),
        (0.9, 80.0, 1.1, 0.2, 0.0, 0.0, 700.0),
    ])
    func likelihoodMatchesIntegral(r: Double, alpha: Double, s: Double, beta: Double, x: Double, recency: Double,
                                   age: Double) throws {
        let model = try ParetoNBDModel(r: r, alpha: alpha, s: s, beta: beta, timeUnit: .days)
        let value = model.logLikelihood(frequency: Int(x), recency: recency, age: age)
        let reference = Self.integratedLogLikelihood(r: r, alpha: alpha, s: s, beta: beta, x: x, recency: recency, age: age)
        #expect(value.isFinite)
        #expect(abs(value - reference) < 1e-8 * max(1, abs(reference)))
        let alive = model.probabilityAlive(frequency: Int(x), recency: recency, age: age)
        #expect(alive >= 0 && alive <= 1)
    }

    @Test("the pair-tabulated likelihood kernel equals the sum of per-customer log-likelihoods", arguments: [1, 2])
    func kernelMatchesPerRow(threads: Int) throws {
        var generator = CustomerValueRandomGenerator(seed: 17)
        let ages = (0..<25_000).map { _ in Double(189 + Int(generator.nextUniform() * 84)) / 7 }
        let data = try CustomerValueSimulator.paretoNBDPopulation(
            r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, ages: ages, timeUnit: .weeks, resolution: 1.0 / 7,
            using: &generator)
        let kernel = ParetoNBDLikelihood(data.grouped())
        #expect(kernel.pairCount < data.count / 5)
        for parameters in [[0.55, 10.6, 0.6, 11.7], [0.8, 3.0, 1.4, 40.0]] {
            let model = try ParetoNBDModel(r: parameters[0], alpha: parameters[1], s: parameters[2],
                                           beta: parameters[3], timeUnit: .weeks)
            let mean = kernel.meanNegativeLogLikelihood(logParameters: parameters.map { log($0) }, threads: threads)
            #expect(clvRelativeError(-mean * Double(data.count), model.logLikelihood(data)) < 1e-12)
        }
    }

    @Test("a purchase on the last day gives P(alive) = 1 and a finite likelihood")
    func purchaseOnLastDay() throws {
        let model = try Self.lifetimesFit()
        #expect(model.probabilityAlive(frequency: 3, recency: 20, age: 20) == 1)
        #expect(model.logLikelihood(frequency: 3, recency: 20, age: 20).isFinite)
    }

    @Test("fit recovers known parameters from a seeded synthetic population")
    func parameterRecovery() throws {
        var generator = CustomerValueRandomGenerator(seed: 5)
        let ages = (0..<30_000).map { _ in 27 + 12 * generator.nextUniform() }
        let data = try CustomerValueSimulator.paretoNBDPopulation(
            r: 0.6, alpha: 8, s: 0.8, beta: 10, ages: ages, timeUnit: .weeks, using: &generator)
        let model = try ParetoNBDModel.fit(data)
        #expect(clvRelativeError(model.r, 0.6) < 0.08)
        #expect(clvRelativeError(model.alpha, 8) < 0.1)
        // s and β are weakly identified over a 39-week window; their ratio (mean dropout rate) is not.
        #expect(clvRelativeError(model.s / model.beta, 0.08) < 0.15)
    }
}
