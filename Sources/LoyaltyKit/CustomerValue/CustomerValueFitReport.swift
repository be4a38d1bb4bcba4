/// How a maximum-likelihood fit went: the attained log-likelihood and the
/// optimiser's convergence diagnostics.
public struct CustomerValueFitReport: Hashable, Sendable {
    /// Total log-likelihood Σ wᵢ log Lᵢ at the estimate (without the penalty), with
    /// times in the data's own unit. (Changing the unit shifts it by a constant.)
    public var logLikelihood: Double
    /// Number of customers (sum of weights).
    public var customers: Double
    /// Rows actually evaluated (after grouping identical rows).
    public var rows: Int
    /// BFGS iterations of the successful start.
    public var iterations: Int
    /// Objective evaluations over all starts.
    public var functionEvaluations: Int
    /// Largest absolute component of the final gradient of the objective
    /// (mean negative log-likelihood + penalty) in log-parameters.
    public var gradientNorm: Double
    /// Euclidean length of the last accepted step, in log-parameters.
    public var lastStepNorm: Double
    /// Extra starts used (0 when the first start converged).
    public var restarts: Int
    /// Always `true` for a returned fit; fits that do not converge throw `LoyaltyError.notConverged`.
    public var converged: Bool
    /// Optimiser's stopping reason.
    public var message: String

    /// Memberwise initialiser.
    public init(logLikelihood: Double, customers: Double, rows: Int, iterations: Int, functionEvaluations: Int,
                gradientNorm: Double, lastStepNorm: Double, restarts: Int, converged: Bool, message: String) {
        self.logLikelihood = logLikelihood
        self.customers = customers
        self.rows = rows
        self.iterations = iterations
        self.functionEvaluations = functionEvaluations
        self.gradientNorm = gradientNorm
        self.lastStepNorm = lastStepNorm
        self.restarts = restarts
        self.converged = converged
        self.message = message
    }
}
