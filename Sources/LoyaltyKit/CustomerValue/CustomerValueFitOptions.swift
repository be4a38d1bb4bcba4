/// Settings for maximum-likelihood fitting of the customer-value models.
///
/// The objective minimised is the mean negative log-likelihood per customer plus
/// `penalizer · Σ θₖ²` over the model parameters θ (the L2 penalty of
/// `lifetimes`' `penalizer_coef`, same scale for BG/NBD, MBG/NBD and
/// Gamma-Gamma). Parameters are optimised as logarithms, so they stay positive.
public struct CustomerValueFitOptions: Hashable, Sendable {
    /// L2 penalty coefficient (≥ 0). 0 gives the plain maximum-likelihood estimate.
    public var penalizer: Double
    /// Maximum BFGS iterations per start.
    public var maxIterations: Int
    /// Convergence threshold on the largest component of the gradient of the
    /// mean negative log-likelihood with respect to the log-parameters.
    public var gradientTolerance: Double
    /// Extra starts tried when a start does not converge (each begins with a
    /// Nelder–Mead search from a different point, then BFGS).
    public var restarts: Int
    /// Merge identical (x, tₓ, T) rows before fitting (exact; faster).
    public var groupIdenticalRows: Bool
    /// Worker threads for likelihood sums (1 or more; used above 20,000 rows).
    public var threads: Int
    /// Starting parameters in the model's natural order, or `nil` for a data-based guess.
    public var initialParameters: [Double]?

    /// Defaults: no penalty, 500 iterations, gradient tolerance 1e-7, 3 restarts,
    /// grouping on, 2 threads, automatic start.
    public init(penalizer: Double = 0, maxIterations: Int = 500, gradientTolerance: Double = 1e-7,
                restarts: Int = 3, groupIdenticalRows: Bool = true, threads: Int = 2,
                initialParameters: [Double]? = nil) {
        self.penalizer = penalizer
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.restarts = restarts
        self.groupIdenticalRows = groupIdenticalRows
        self.threads = threads
        self.initialParameters = initialParameters
    }

    func validate() throws {
        guard penalizer.isFinite, penalizer >= 0 else {
            throw LoyaltyError(.invalidData, "penalizer must be finite and ≥ 0, got \(penalizer)")
        }
        guard maxIterations > 0, restarts >= 0, threads > 0,
              gradientTolerance.isFinite, gradientTolerance > 0 else {
            throw LoyaltyError(.invalidData, "fit options need maxIterations > 0, restarts ≥ 0, threads > 0, gradientTolerance > 0")
        }
        if let initialParameters {
            guard initialParameters.allSatisfy({ $0.isFinite && $0 > 0 }) else {
                throw LoyaltyError(.invalidData, "initial parameters must be positive and finite: \(initialParameters)")
            }
        }
    }
}
