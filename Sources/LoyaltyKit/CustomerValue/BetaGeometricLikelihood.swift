import Foundation

/// Likelihood kernel shared by the BG/NBD and MBG/NBD models: the mean negative
/// log-likelihood per customer and its analytic gradient with respect to the
/// log-parameters (log r, log α, log a, log b).
///
/// Per row: two logarithms, one exponential, one `log1p`; log-gamma and digamma
/// terms depend only on the frequency and are computed once per distinct value.
/// Rows are summed on up to `threads` threads.
enum BetaGeometricLikelihood {
    /// Maximum-likelihood fit of BG/NBD (`modified: false`) or MBG/NBD (`modified: true`):
    /// BFGS on log-parameters with the analytic gradient, started from r = a = b = 1 and
    /// α = mean age / mean frequency.
    static func fit(
        _ data: RecencyFrequencyData, modified: Bool, options: CustomerValueFitOptions
    ) throws -> (parameters: [Double], report: CustomerValueFitReport) {
        let model = modified ? "MBG/NBD" : "BG/NBD"
        try options.validate()
        try data.requireRepeatPurchases(model: model)
        let rows = options.groupIdenticalRows ? data.grouped() : data
        let totalWeight = rows.totalWeight
        let threads = options.threads
        let meanX = zip(rows.frequency, rows.weights).reduce(0) { $0 + Double($1.0) * $1.1 } / totalWeight
        let meanAge = zip(rows.age, rows.weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        let start = [1.0, max(meanAge / max(meanX, 1e-3), 1e-3), 1.0, 1.0]
        return try CustomerValueFitting.fit(
            model: model, start: start, options: options, rows: rows.count, customers: totalWeight
        ) { theta, gradient in
            meanNegativeLogLikelihood(logParameters: theta, data: rows, modified: modified, threads: threads, gradient: &gradient)
        }
    }

    /// Mean negative log-likelihood per customer and its gradient in log-parameters.
    static func meanNegativeLogLikelihood(logParameters theta: [Double], data: RecencyFrequencyData, modified: Bool,
                                          threads: Int, gradient: inout [Double]) -> Double {
        // BG/NBD: K(x) uses b+x and a+b+x; the dropout branch exists for x > 0 with ratio a/(b+x−1).
        // MBG/NBD: K(x) uses b+x+1 and a+b+x+1; the dropout branch exists for every x with ratio a/(b+x).
        let shift = modified ? 1.0 : 0.0
        let r = exp(theta[0]), alpha = exp(theta[1]), a = exp(theta[2]), b = exp(theta[3])
        let distinct = data.distinctFrequencies
        let m = distinct.count
        // Per-frequency constants and their partial derivatives.
        var constant = [Double](repeating: 0, count: m), dConstR = constant, dConstA = constant, dConstB = constant
        var logRatio = constant, inverseBX = constant
        let lgR = CustomerValueMath.logGamma(r), lgB = CustomerValueMath.logGamma(b)
        let lgAB = CustomerValueMath.logGamma(a + b)
        let psiR = CustomerValueMath.digamma(r), psiB = CustomerValueMath.digamma(b)
        let psiAB = CustomerValueMath.digamma(a + b)
        let logAlpha = log(alpha), logA = log(a)
        for k in 0..<m {
            let x = Double(distinct[k])
            constant[k] = CustomerValueMath.logGamma(r + x) - lgR + r * logAlpha + lgAB
                + CustomerValueMath.logGamma(b + x + shift) - lgB - CustomerValueMath.logGamma(a + b + x + shift)
            let psiABX = CustomerValueMath.digamma(a + b + x + shift)
            dConstR[k] = CustomerValueMath.digamma(r + x) - psiR + logAlpha
            dConstA[k] = psiAB - psiABX
            dConstB[k] = psiAB + CustomerValueMath.digamma(b + x + shift) - psiB - psiABX
            if x > 0 || modified {
                logRatio[k] = logA - log(b + x + shift - 1)
                inverseBX[k] = 1 / (b + x + shift - 1)
            }
        }
        let sums = ParallelReduction.sum(count: data.count, threads: threads, width: 5) { range, acc in
            data.frequencyIndex.withUnsafeBufferPointer { index in
            data.frequency.withUnsafeBufferPointer { frequency in
            data.recency.withUnsafeBufferPointer { recency in
            data.age.withUnsafeBufferPointer { age in
            data.weights.withUnsafeBufferPointer { weights in
                var ll = 0.0, gR = 0.0, gAlpha = 0.0, gA = 0.0, gB = 0.0
                for row in range {
                    let k = Int(index[row])
                    let x = Double(frequency[row])
                    let w = weights[row]
                    let rx = r + x
                    let alphaT = alpha + age[row]
                    let logAlphaT = log(alphaT)
                    let a3 = -rx * logAlphaT
                    if frequency[row] == 0 && !modified {
                        ll += w * (constant[k] + a3)
                        gR += w * (dConstR[k] - logAlphaT)
                        gAlpha += w * (r / alpha - rx / alphaT)
                        gA += w * dConstA[k]
                        gB += w * dConstB[k]
                    } else {
                        let alphaTx = alpha + recency[row]  // = α for x = 0 (recency is 0)
                        let logAlphaTx = log(alphaTx)
                        let a4 = logRatio[k] - rx * logAlphaTx
                        let d = a4 - a3
                        let e = exp(-abs(d))
                        let w4 = d >= 0 ? 1 / (1 + e) : e / (1 + e)
                        let w3 = 1 - w4
                        ll += w * (constant[k] + max(a3, a4) + log1p(e))
                        gR += w * (dConstR[k] - w3 * logAlphaT - w4 * logAlphaTx)
                        gAlpha += w * (r / alpha - rx * (w3 / alphaT + w4 / alphaTx))
                        gA += w * (dConstA[k] + w4 / a)
                        gB += w * (dConstB[k] - w4 * inverseBX[k])
                    }
                }
                acc[0] = ll; acc[1] = gR; acc[2] = gAlpha; acc[3] = gA; acc[4] = gB
            }}}}}
        }
        let total = data.totalWeight
        gradient[0] = -sums[1] * r / total
        gradient[1] = -sums[2] * alpha / total
        gradient[2] = -sums[3] * a / total
        gradient[3] = -sums[4] * b / total
        return -sums[0] / total
    }

}
