import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Special functions")
struct CustomerValueMathTests {
    // Reference values from mpmath at 30 digits.
    @Test("log-gamma matches high-precision values to 1e-14", arguments: [
        (1e-8, 18.420680738180208884), (0.1, 2.252712651734205902), (0.5, 0.57236494292470008707),
        (1.5, -0.12078223763524522235), (2.5, 0.28468287047291915963), (3.7, 1.4280723266653881292),
        (9.99, 12.77931521435019336), (10.01, 12.824350262448247282), (25.3, 55.746181183584592334),
        (123.456, 469.6055471299294835), (1e6, 12815504.56914761166),
    ])
    func logGammaAccuracy(x: Double, expected: Double) {
        let value = CustomerValueMath.logGamma(x)
        #expect(abs(value - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test("log-gamma is zero at 1 and 2, near them to 1e-14, and rejects non-positive input")
    func logGammaSpecialPoints() {
        #expect(abs(CustomerValueMath.logGamma(1)) < 1e-15)
        #expect(abs(CustomerValueMath.logGamma(2)) < 1e-15)
        // Near the zeros: log Γ(1 + ε) ≈ −γε and log Γ(2 + ε) ≈ (1 − γ)ε.
        #expect(abs(CustomerValueMath.logGamma(1 + 1e-6) - -5.7721484243490012e-7) < 1e-14)
        #expect(abs(CustomerValueMath.logGamma(2 + 1e-6) - 4.2278465756543321e-7) < 1e-14)
        #expect(CustomerValueMath.logGamma(0) == .infinity)
        #expect(CustomerValueMath.logGamma(-1).isNaN)
    }

    @Test("digamma matches high-precision values", arguments: [
        (1e-3, -1000.5755719318102797), (0.25, -4.2274535333762654081), (1, -0.57721566490153286061),
        (2.5, 0.70315664064524318723), (7.3, 1.9178203356379860723), (12.5, 2.4851956512749120482),
        (1000, 6.9072551956488120521),
    ])
    func digammaAccuracy(x: Double, expected: Double) {
        #expect(abs(CustomerValueMath.digamma(x) - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test("log 2F1(a, b; c; z) matches mpmath, including large values", arguments: [
        (0.5, 1.5, 2.5, 0.3, 0.10261304075412550448), (2.3, 40.5, 3.1, 0.45, 22.029957091284016292),
        (20, 30, 45.2, 0.9, 24.365681137542438082), (0.8, 3.2, 1.4, 0.97, 8.3380354546068291462),
    ])
    func hypergeometric(a: Double, b: Double, c: Double, z: Double, expected: Double) {
        #expect(clvRelativeError(GaussHypergeometric.logHyp2F1(a, b, c, z), expected) < 1e-12)
    }

    @Test("log 2F1(1, b; c; z) matches mpmath on both sides of the series/continued-fraction switch", arguments: [
        (0.7, 3.5, 0.2, 0.042443999762855498111), (2.5, 120.0, 0.49, 0.010302442688634239023),
        (2.5, 120.0, 0.51, 0.010727017591203711428), (1.6, 2.1, 0.95, 2.01474416372521221),
        (50.5, 60.2, 0.999, 1.9110687548966535204), (1.2, 300.0, 0.75, 0.0030120365094984923067),
    ])
    func hypergeometricUnitA(b: Double, c: Double, z: Double, expected: Double) {
        #expect(clvRelativeError(GaussHypergeometric.logHyp2F1UnitA(b, c, z), expected) < 1e-12)
    }

    @Test("log 2F1(1, b; c; z) stays accurate and fast as z → 1 (reflection formula)", arguments: [
        (1.306, 1.33, 1e-9, 20.236664149886420326), (1.2, 2.5, 1e-6, 1.5893827378545712954),
        (49.5, 51.0, 1e-4, 4.4829134960006388233), (3000.5, 3001.0, 1e-4, 8.6565754335546782283),
        (2.5, 3.0, 0.3, 0.95129925464324494518), (5.999, 6.0, 1e-3, 6.9031032988121902994),
    ])
    func hypergeometricUnitANearOne(b: Double, c: Double, oneMinusZ: Double, expected: Double) {
        let value = GaussHypergeometric.logHyp2F1UnitA(b, c, 1 - oneMinusZ, oneMinusZ: oneMinusZ)
        #expect(clvRelativeError(value, expected) < 1e-9)
    }

    @Test("2F1 closed forms: 2F1(1,1;2;z) = −log(1−z)/z and 2F1(a,b;b;z) = (1−z)^−a")
    func hypergeometricClosedForms() {
        for z in [0.01, 0.3, 0.6, 0.9] {
            #expect(clvRelativeError(exp(GaussHypergeometric.logHyp2F1(1, 1, 2, z)), -log1p(-z) / z) < 1e-13)
            #expect(clvRelativeError(GaussHypergeometric.logHyp2F1(3.3, 2.2, 2.2, z), -3.3 * log1p(-z)) < 1e-13)
        }
        #expect(GaussHypergeometric.logHyp2F1(1, 1, 2, 1).isNaN)
    }

    @Test("log-sum-exp and log(1 − eˣ) stay finite where the naive forms overflow or cancel")
    func logSpaceHelpers() {
        #expect(abs(CustomerValueMath.logAddExp(1000, 1000) - (1000 + log(2))) < 1e-12)
        #expect(CustomerValueMath.logAddExp(-.infinity, 3) == 3)
        #expect(abs(CustomerValueMath.logSumExp([-1000, -1000, -1000]) - (-1000 + log(3))) < 1e-12)
        #expect(clvRelativeError(CustomerValueMath.log1mExp(-1e-20), log(1e-20)) < 1e-12)
        #expect(abs(CustomerValueMath.log1mExp(-50) - log1p(-exp(-50))) < 1e-30)
    }
}
