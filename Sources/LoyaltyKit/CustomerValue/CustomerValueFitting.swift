import Foundation

/// Shared maximum-likelihood driver: log-parameter BFGS, L2 penalty, restarts
/// and typed non-convergence errors.
enum CustomerValueFitting {
    /// Minimises `meanNegativeLogLikelihood(θ) + penalizer · Σ exp(θₖ)²` over log-parameters θ.
    ///
    /// - Parameters:
    ///   - start: starting parameters (natural scale, all > 0).
    ///   - objective: mean negative log-likelihood per customer and its gradient
    ///     with respect to the log-parameters (non-finite values are rejected by the line search).
    /// - Returns: fitted natural-scale parameters and the report.
    /// - Throws: `LoyaltyError.notConverged` if no start converges.
    static func fit(
        model: String, start: [Double], options: CustomerValueFitOptions, rows: Int, customers: Double,
        objective: @escaping CustomerValueMinimizer.ValueAndGradient
    ) throws -> (parameters: [Double], report: CustomerValueFitReport) {
        let penalizer = options.penalizer
        let penalized: CustomerValueMinimizer.ValueAndGradient = { theta, gradient in
            if theta.contains(where: { !$0.isFinite || abs($0) > 60 }) { return .infinity }
            var value = objective(theta, &gradient)
            if penalizer > 0 {
                for k in theta.indices {
                    let squared = exp(2 * theta[k])
                    value += penalizer * squared
                    gradient[k] += 2 * penalizer * squared
                }
            }
            return value
        }
        let logStart = (options.initialParameters ?? start).map { log($0) }
        var evaluations = 0
        var best: CustomerValueMinimizer.Result?
        var attempts = 0
        for attempt in 0...options.restarts {
            attempts = attempt
            var origin = logStart
            if attempt > 0 {
                // Derivative-free exploration from a perturbed start, then BFGS polish.
                let factors = [-1.0, 1.0, 0.5, -0.5, 2.0, -2.0]
                for k in origin.indices {
                    origin[k] += factors[(attempt + k) % factors.count] * (k % 2 == 0 ? 0.7 : -0.7)
                }
                if let previous = best, previous.value.isFinite, attempt == 1 { origin = previous.point }
                var scratch = [Double](repeating: 0, count: origin.count)
                let simplex = CustomerValueMinimizer.nelderMead(
                    start: origin, maxEvaluations: 600, valueTolerance: 1e-10, pointTolerance: 1e-6
                ) { penalized($0, &scratch) }
                evaluations += simplex.evaluations
                origin = simplex.point
            }
            var result = CustomerValueMinimizer.bfgs(
                start: origin, maxIterations: options.maxIterations,
                gradientTolerance: options.gradientTolerance, function: penalized)
            evaluations += result.evaluations
            result.evaluations = evaluations
            if best == nil || (result.converged && !(best?.converged ?? false))
                || (result.converged == best?.converged && result.value < best?.value ?? .infinity) {
                best = result
            }
            if result.converged { break }
        }
        guard let best, best.converged else {
            let detail = best.map {
                "after \($0.iterations) iterations the largest gradient component is \($0.gradientNorm) (tolerance \(options.gradientTolerance)); \($0.message)"
            } ?? "no finite objective"
            throw LoyaltyError(.notConverged,
                               "\(model) fit did not converge with \(options.restarts + 1) starts: \(detail). Try a penalizer (e.g. 0.001), more iterations, or check the data.")
        }
        let parameters = best.point.map { exp($0) }
        var plainGradient = [Double](repeating: 0, count: parameters.count)
        let meanNegativeLogLikelihood = objective(best.point, &plainGradient)
        let report = CustomerValueFitReport(
            logLikelihood: -meanNegativeLogLikelihood * customers, customers: customers, rows: rows,
            iterations: best.iterations, functionEvaluations: best.evaluations, gradientNorm: best.gradientNorm,
            lastStepNorm: best.lastStepNorm, restarts: attempts, converged: true, message: best.message)
        return (parameters, report)
    }
}
