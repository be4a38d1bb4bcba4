import Foundation

/// Pareto/NBD likelihood kernel that shares the expensive work between rows.
///
/// Each row's log-likelihood needs, at t = tₓ and at t = T, the term
/// `log ₂F₁(…; z(t)) − … log(M + t)` (see ``ParetoNBDModel``) and, at t = T, the
/// survival term `−(r+x) log(α+T) − s log(β+T)`. Both depend only on the pair
/// (x, t). Real data have far fewer distinct (x, t) pairs than rows (purchase days
/// are discrete and x is small), so the pairs are tabulated once per data set and
/// the series are evaluated once per pair per likelihood evaluation. Per row what is
/// left is two table reads, one `log(1 − eᵘ)` and one log-sum-exp.
struct ParetoNBDLikelihood: Sendable {
    let data: RecencyFrequencyData
    /// Distinct (x, t) pairs: the frequency index and the time.
    let pairFrequencyIndex: [Int32]
    let pairTime: [Double]
    /// Per row: index of the (x, tₓ) pair and of the (x, T) pair.
    let recencyPair: [Int32]
    let agePair: [Int32]

    /// Tabulates the distinct (x, t) pairs. `O(rows)` expected.
    init(_ data: RecencyFrequencyData) {
        self.data = data
        var slot: [PairKey: Int32] = [:]
        slot.reserveCapacity(min(data.count, 1 << 16))
        var pairFrequencyIndex: [Int32] = [], pairTime: [Double] = []
        func pair(_ row: Int, _ time: Double) -> Int32 {
            let key = PairKey(x: data.frequency[row], time: time.bitPattern)
            if let existing = slot[key] { return existing }
            let index = Int32(pairTime.count)
            slot[key] = index
            pairFrequencyIndex.append(data.frequencyIndex[row])
            pairTime.append(time)
            return index
        }
        var recencyPair = [Int32](repeating: 0, count: data.count)
        var agePair = [Int32](repeating: 0, count: data.count)
        for row in 0..<data.count {
            recencyPair[row] = pair(row, data.recency[row])
            agePair[row] = pair(row, data.age[row])
        }
        self.pairFrequencyIndex = pairFrequencyIndex
        self.pairTime = pairTime
        self.recencyPair = recencyPair
        self.agePair = agePair
    }

    /// Number of distinct (x, t) pairs.
    var pairCount: Int { pairTime.count }

    /// Mean negative log-likelihood per customer at log-parameters θ = (log r, log α, log s, log β);
    /// `+∞` if it is not finite.
    func meanNegativeLogLikelihood(logParameters theta: [Double], threads: Int) -> Double {
        let r = exp(theta[0]), alpha = exp(theta[1]), s = exp(theta[2]), beta = exp(theta[3])
        let distinct = data.distinctFrequencies
        let base = r * log(alpha) + s * log(beta) - CustomerValueMath.logGamma(r)
        let constant = distinct.map { CustomerValueMath.logGamma(r + Double($0)) + base }
        let logWeight = distinct.map { log(s) - log(r + s + Double($0)) }
        let (large, small) = alpha >= beta ? (alpha, beta) : (beta, alpha)
        let difference = large - small

        // Per pair: log of the A₀ term and the survival term.
        var term = [Double](repeating: 0, count: pairCount)
        var survived = [Double](repeating: 0, count: pairCount)
        term.withUnsafeMutableBufferPointer { termBuffer in
            survived.withUnsafeMutableBufferPointer { survivedBuffer in
                nonisolated(unsafe) let termOut = termBuffer
                nonisolated(unsafe) let survivedOut = survivedBuffer
                _ = ParallelReduction.sum(count: pairCount, threads: threads, width: 1) { range, _ in
                    for j in range {
                        let x = Double(distinct[Int(pairFrequencyIndex[j])])
                        let t = pairTime[j]
                        let rsx = r + s + x
                        let bExponent = alpha >= beta ? s + 1 : r + x
                        let logLarge = log(large + t), logSmall = log(small + t)
                        termOut[j] = GaussHypergeometric.logHyp2F1UnitA(
                            rsx + 1 - bExponent, rsx + 1, difference / (large + t), oneMinusZ: (small + t) / (large + t))
                            - (bExponent - 1) * logSmall - (rsx - bExponent + 1) * logLarge
                        let (logAlphaT, logBetaT) = alpha >= beta ? (logLarge, logSmall) : (logSmall, logLarge)
                        survivedOut[j] = -(r + x) * logAlphaT - s * logBetaT
                    }
                }
            }
        }
        let sums = ParallelReduction.sum(count: data.count, threads: threads, width: 1) { range, acc in
            data.frequencyIndex.withUnsafeBufferPointer { index in
            data.weights.withUnsafeBufferPointer { weights in
            recencyPair.withUnsafeBufferPointer { recencyPair in
            agePair.withUnsafeBufferPointer { agePair in
            term.withUnsafeBufferPointer { term in
            survived.withUnsafeBufferPointer { survived in
                var total = 0.0
                for row in range {
                    let k = Int(index[row])
                    let atRecency = term[Int(recencyPair[row])], ageIndex = Int(agePair[row])
                    let atAge = term[ageIndex]
                    let logA0 = atRecency > atAge
                        ? atRecency + CustomerValueMath.log1mExp(atAge - atRecency) : -Double.infinity
                    total += weights[row]
                        * (constant[k] + CustomerValueMath.logAddExp(survived[ageIndex], logWeight[k] + logA0))
                }
                acc[0] = total
            }}}}}}
        }
        let value = -sums[0] / data.totalWeight
        return value.isFinite ? value : .infinity
    }
}

/// (frequency, time bit pattern) key of a Pareto/NBD pair table.
private struct PairKey: Hashable {
    var x: Int
    var time: UInt64
}
