import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Seeded random generator")
struct CustomerValueRandomGeneratorTests {
    @Test("equal seeds give equal streams and different seeds differ")
    func determinism() {
        var a = CustomerValueRandomGenerator(seed: 123), b = CustomerValueRandomGenerator(seed: 123)
        var c = CustomerValueRandomGenerator(seed: 124)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test("samplers have the right means and variances", arguments: [(0.3, 2.0), (1.0, 1.0), (6.25, 0.5)])
    func gammaMoments(shape: Double, rate: Double) {
        var generator = CustomerValueRandomGenerator(seed: 77)
        let n = 200_000
        let draws = (0..<n).map { _ in generator.nextGamma(shape: shape, rate: rate) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(clvRelativeError(mean, shape / rate) < 0.02)
        #expect(clvRelativeError(variance, shape / (rate * rate)) < 0.05)
    }

    @Test("beta and geometric samplers have the right means")
    func betaAndGeometric() {
        var generator = CustomerValueRandomGenerator(seed: 8)
        let n = 100_000
        let beta = (0..<n).reduce(0.0) { total, _ in total + generator.nextBeta(0.8, 2.4) } / Double(n)
        #expect(abs(beta - 0.25) < 0.005)
        let geometric = (0..<n).reduce(0.0) { total, _ in total + Double(generator.nextGeometric(successProbability: 0.2)) } / Double(n)
        #expect(abs(geometric - 4) < 0.08)
        let uniform = (0..<n).map { _ in generator.nextUniform() }
        #expect(uniform.allSatisfy { $0 > 0 && $0 < 1 })
    }
}
