import Foundation

/// Unconstrained minimisers used to fit the customer-value models (the models
/// optimise their parameters in log space, so no bounds are needed).
///
/// - BFGS with an inverse-Hessian update and a backtracking Armijo line search,
///   driven by an analytic or finite-difference gradient.
/// - Nelder–Mead (standard coefficients 1, 2, ½, ½) as a derivative-free fallback.
enum CustomerValueMinimizer {
    /// A function value and its gradient at a point.
    typealias ValueAndGradient = @Sendable (_ point: [Double], _ gradient: inout [Double]) -> Double

    /// Outcome of one minimisation.
    struct Result: Sendable {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var evaluations: Int
        /// Euclidean norm of the last accepted step (in the optimised coordinates).
        var lastStepNorm: Double
        var converged: Bool
        var message: String

        var gradientNorm: Double { gradient.reduce(0) { max($0, abs($1)) } }
    }

    /// Central finite-difference gradient wrapper around a value-only function
    /// (2·n evaluations per gradient, step `h` in the optimised coordinates).
    static func centralDifference(
        _ function: @escaping @Sendable ([Double]) -> Double, step h: Double = 1e-5
    ) -> ValueAndGradient {
        { point, gradient in
            let value = function(point)
            var probe = point
            for index in point.indices {
                probe[index] = point[index] + h
                let upper = function(probe)
                probe[index] = point[index] - h
                let lower = function(probe)
                probe[index] = point[index]
                gradient[index] = (upper - lower) / (2 * h)
            }
            return value
        }
    }

    /// BFGS minimisation. `O(iterations · (n² + cost of f))`.
    ///
    /// Converges when the largest gradient component is `≤ gradientTolerance`, or
    /// when the function has stopped changing (relative change `< 1e-15` twice in a
    /// row, or no decrease along the search direction) while the gradient is within
    /// `1000 · gradientTolerance` (the precision floor of the objective).
    static func bfgs(
        start: [Double],
        maxIterations: Int,
        gradientTolerance: Double,
        maxStep: Double = 4,
        function: ValueAndGradient
    ) -> Result {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = function(x, &g)
        var evaluations = 1
        var result = Result(point: x, value: f, gradient: g, iterations: 0, evaluations: 1,
                            lastStepNorm: 0, converged: false, message: "")
        guard f.isFinite, g.allSatisfy({ $0.isFinite }) else {
            result.message = "objective is not finite at the starting point"
            return result
        }
        var inverseHessian = identity(n)
        var scaledInitialHessian = false
        var stalls = 0
        var resets = 0
        var lastStep = 0.0
        var iteration = 0
        while iteration < maxIterations {
            let gradientNorm = g.reduce(0) { max($0, abs($1)) }
            if gradientNorm <= gradientTolerance {
                return Result(point: x, value: f, gradient: g, iterations: iteration, evaluations: evaluations,
                              lastStepNorm: lastStep, converged: true, message: "gradient norm below tolerance")
            }
            iteration += 1
            var direction = multiply(inverseHessian, g).map { -$0 }
            var slope = dot(direction, g)
            if !(slope < 0) {
                inverseHessian = identity(n)
                direction = g.map { -$0 }
                slope = dot(direction, g)
            }
            let directionNorm = dot(direction, direction).squareRoot()
            var stepLength = directionNorm > maxStep ? maxStep / directionNorm : 1.0
            var newX = x
            var newG = g
            var newF = Double.infinity
            var accepted = false
            for _ in 0..<60 {
                for index in 0..<n { newX[index] = x[index] + stepLength * direction[index] }
                newF = function(newX, &newG)
                evaluations += 1
                if newF.isFinite, newG.allSatisfy({ $0.isFinite }), newF <= f + 1e-4 * stepLength * slope {
                    accepted = true
                    break
                }
                // Quadratic interpolation of the backtracking step, safeguarded.
                if newF.isFinite {
                    let denominator = 2 * (newF - f - slope * stepLength)
                    let trial = denominator > 0 ? -slope * stepLength * stepLength / denominator : 0.5 * stepLength
                    stepLength = min(max(trial, 0.1 * stepLength), 0.5 * stepLength)
                } else {
                    stepLength *= 0.25
                }
            }
            if !accepted {
                if gradientNorm <= 1000 * gradientTolerance {
                    return Result(point: x, value: f, gradient: g, iterations: iteration, evaluations: evaluations,
                                  lastStepNorm: lastStep, converged: true,
                                  message: "no further decrease possible at the objective's precision")
                }
                if resets < 3 {
                    resets += 1
                    inverseHessian = identity(n)
                    scaledInitialHessian = false
                    continue
                }
                return Result(point: x, value: f, gradient: g, iterations: iteration, evaluations: evaluations,
                              lastStepNorm: lastStep, converged: false, message: "line search failed")
            }
            let s = (0..<n).map { newX[$0] - x[$0] }
            let y = (0..<n).map { newG[$0] - g[$0] }
            lastStep = dot(s, s).squareRoot()
            let relativeChange = abs(f - newF) / max(abs(f), 1e-300)
            x = newX
            g = newG
            let previousF = f
            f = newF
            let sy = dot(s, y)
            if sy > 1e-12 * lastStep * dot(y, y).squareRoot() {
                if !scaledInitialHessian {
                    let scale = sy / dot(y, y)
                    inverseHessian = identity(n).map { $0.map { $0 * scale } }
                    scaledInitialHessian = true
                }
                updateInverseHessian(&inverseHessian, s: s, y: y, sy: sy)
            }
            stalls = relativeChange < 1e-15 || previousF == f ? stalls + 1 : 0
            if stalls >= 2 {
                let norm = g.reduce(0) { max($0, abs($1)) }
                return Result(point: x, value: f, gradient: g, iterations: iteration, evaluations: evaluations,
                              lastStepNorm: lastStep, converged: norm <= 1000 * gradientTolerance,
                              message: "objective stopped changing")
            }
        }
        let norm = g.reduce(0) { max($0, abs($1)) }
        return Result(point: x, value: f, gradient: g, iterations: iteration, evaluations: evaluations,
                      lastStepNorm: lastStep, converged: norm <= gradientTolerance,
                      message: "iteration limit \(maxIterations) reached")
    }

    /// Nelder–Mead simplex minimisation of a value-only function.
    ///
    /// Stops when the spread of simplex values is below `valueTolerance·(1 + |f|)` and the
    /// simplex diameter is below `pointTolerance`, or after `maxEvaluations`.
    static func nelderMead(
        start: [Double],
        initialStep: Double = 0.5,
        maxEvaluations: Int,
        valueTolerance: Double = 1e-12,
        pointTolerance: Double = 1e-8,
        function: ([Double]) -> Double
    ) -> Result {
        let n = start.count
        func safe(_ point: [Double]) -> Double {
            let value = function(point)
            return value.isNaN ? .infinity : value
        }
        var simplex = [start]
        for index in 0..<n {
            var vertex = start
            vertex[index] += initialStep
            simplex.append(vertex)
        }
        var values = simplex.map(safe)
        var evaluations = n + 1
        var iterations = 0
        var lastStep = 0.0
        while evaluations < maxEvaluations {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var diameter = 0.0
            for vertex in simplex.dropFirst() {
                diameter = max(diameter, zip(vertex, simplex[0]).reduce(0) { max($0, abs($1.0 - $1.1)) })
            }
            if spread.isFinite, spread <= valueTolerance * (1 + abs(values[0])), diameter <= pointTolerance {
                return Result(point: simplex[0], value: values[0], gradient: [Double](repeating: 0, count: n),
                              iterations: iterations, evaluations: evaluations, lastStepNorm: lastStep,
                              converged: true, message: "simplex collapsed")
            }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() { for index in 0..<n { centroid[index] += vertex[index] / Double(n) } }
            func along(_ coefficient: Double) -> [Double] {
                (0..<n).map { centroid[$0] + coefficient * (simplex[n][$0] - centroid[$0]) }
            }
            let reflected = along(-1)
            let reflectedValue = safe(reflected)
            evaluations += 1
            var replacement: ([Double], Double)?
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = safe(expanded)
                evaluations += 1
                replacement = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[n - 1] {
                replacement = (reflected, reflectedValue)
            } else {
                let contracted = reflectedValue < values[n] ? along(-0.5) : along(0.5)
                let contractedValue = safe(contracted)
                evaluations += 1
                if contractedValue < min(reflectedValue, values[n]) { replacement = (contracted, contractedValue) }
            }
            if let (point, value) = replacement {
                lastStep = dot(zip(point, simplex[n]).map { $0 - $1 }, zip(point, simplex[n]).map { $0 - $1 }).squareRoot()
                simplex[n] = point
                values[n] = value
            } else {
                for index in 1...n {
                    simplex[index] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[index][$0] - simplex[0][$0]) }
                    values[index] = safe(simplex[index])
                }
                evaluations += n
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(point: simplex[best], value: values[best], gradient: [Double](repeating: 0, count: n),
                      iterations: iterations, evaluations: evaluations, lastStepNorm: lastStep,
                      converged: false, message: "evaluation limit \(maxEvaluations) reached")
    }

    // MARK: - Small dense linear algebra (n ≤ 4 here)

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { row in (0..<n).map { $0 == row ? 1 : 0 } }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        var sum = 0.0
        for index in u.indices { sum += u[index] * v[index] }
        return sum
    }

    private static func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        matrix.map { dot($0, vector) }
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (sᵀy).
    private static func updateInverseHessian(_ h: inout [[Double]], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
    }
}
