/// Per-row predictions of a ``RepeatPurchaseModel`` for a whole data set.
public struct RepeatPurchasePredictions: Sendable {
    /// P(alive) per row.
    public let probabilityAlive: [Double]
    /// Conditional expected repeat purchases in the next `horizon` per row.
    public let expectedPurchases: [Double]
    /// Horizon of `expectedPurchases`, in the data's time unit.
    public let horizon: Double

    /// Computes both predictions for every row, splitting the rows over up to
    /// `threads` threads. P(alive) is evaluated per row (`O(1)`); the
    /// expectation-if-alive factor, which needs a hypergeometric series, is computed
    /// once per distinct (x, T) per thread and reused (exact, same result).
    /// `O(rows + distinct (x, T) · series length)`.
    /// - Throws: `LoyaltyError.invalidData` if the model's and the data's time
    ///   units differ or the horizon is negative or not finite.
    public init(model: some RepeatPurchaseModel, data: RecencyFrequencyData, horizon: Double, threads: Int = 2) throws {
        guard model.timeUnit == data.timeUnit else {
            throw LoyaltyError(.invalidData, "model is in \(model.timeUnit) but data are in \(data.timeUnit)")
        }
        guard horizon >= 0, horizon.isFinite else {
            throw LoyaltyError(.invalidData, "horizon must be finite and ≥ 0, got \(horizon)")
        }
        var alive = [Double](repeating: 0, count: data.count)
        var expected = [Double](repeating: 0, count: data.count)
        alive.withUnsafeMutableBufferPointer { aliveBuffer in
            expected.withUnsafeMutableBufferPointer { expectedBuffer in
                nonisolated(unsafe) let aliveOut = aliveBuffer
                nonisolated(unsafe) let expectedOut = expectedBuffer
                _ = ParallelReduction.sum(count: data.count, threads: max(1, threads), width: 1) { range, _ in
                    var cache: [PredictionCacheKey: Double] = [:]
                    for row in range {
                        let x = data.frequency[row], tx = data.recency[row], t = data.age[row]
                        let alive = model.probabilityAlive(frequency: x, recency: tx, age: t)
                        let key = PredictionCacheKey(x: x, age: t.bitPattern)
                        let ifAlive: Double
                        if let cached = cache[key] {
                            ifAlive = cached
                        } else {
                            ifAlive = model.expectedPurchasesIfAlive(during: horizon, frequency: x, age: t)
                            cache[key] = ifAlive
                        }
                        aliveOut[row] = alive
                        expectedOut[row] = horizon == 0 ? 0 : alive * ifAlive
                    }
                }
            }
        }
        probabilityAlive = alive
        expectedPurchases = expected
        self.horizon = horizon
    }
}

/// (frequency, age bit pattern) key of the per-thread expectation cache.
private struct PredictionCacheKey: Hashable {
    var x: Int
    var age: UInt64
}
