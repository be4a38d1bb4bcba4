import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Optimisers")
struct CustomerValueMinimizerTests {
    static let rosenbrock: CustomerValueMinimizer.ValueAndGradient = { p, g in
        let (x, y) = (p[0], p[1])
        g[0] = -2 * (1 - x) - 400 * x * (y - x * x)
        g[1] = 200 * (y - x * x)
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }

    @Test("BFGS minimises the Rosenbrock function and reports convergence")
    func bfgsRosenbrock() {
        let result = CustomerValueMinimizer.bfgs(start: [-1.2, 1], maxIterations: 500, gradientTolerance: 1e-9,
                                                 function: Self.rosenbrock)
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6)
        #expect(result.gradientNorm <= 1e-6 && result.iterations > 0)
    }

    @Test("central differences drive BFGS to the same minimum")
    func bfgsNumericGradient() {
        let value: @Sendable ([Double]) -> Double = { p in
            var g = [0.0, 0.0]
            return Self.rosenbrock(p, &g)
        }
        let result = CustomerValueMinimizer.bfgs(start: [-1.2, 1], maxIterations: 500, gradientTolerance: 1e-7,
                                                 function: CustomerValueMinimizer.centralDifference(value))
        #expect(result.converged && abs(result.point[0] - 1) < 1e-4)
    }

    @Test("Nelder–Mead minimises the Rosenbrock function")
    func nelderMeadRosenbrock() {
        let result = CustomerValueMinimizer.nelderMead(start: [-1.2, 1], maxEvaluations: 5000, valueTolerance: 1e-14,
                                                       pointTolerance: 1e-9) { p in
            var g = [0.0, 0.0]
            return Self.rosenbrock(p, &g)
        }
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-4 && abs(result.point[1] - 1) < 1e-4)
    }

    @Test("an iteration limit that is too small is reported as not converged")
    func iterationLimit() {
        let result = CustomerValueMinimizer.bfgs(start: [-1.2, 1], maxIterations: 2, gradientTolerance: 1e-9,
                                                 function: Self.rosenbrock)
        #expect(!result.converged)
        #expect(result.message.contains("iteration limit"))
    }
}
