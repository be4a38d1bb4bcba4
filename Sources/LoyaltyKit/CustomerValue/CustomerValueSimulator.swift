import Foundation

/// Generates synthetic customer populations from known model parameters, for
/// parameter-recovery tests, benchmarks and demos. Deterministic for a given
/// generator state.
public enum CustomerValueSimulator {
    /// Draws one (x, tₓ, T) history per entry of `ages` from a BG/NBD model
    /// (`modified: true` for MBG/NBD, where customers may drop out right after the
    /// first purchase).
    ///
    /// - Parameters:
    ///   - r: shape of the purchase-rate gamma distribution.
    ///   - alpha: rate of the purchase-rate gamma distribution, in `timeUnit`.
    ///   - a: dropout beta parameter a.
    ///   - b: dropout beta parameter b.
    ///   - modified: `true` to draw from MBG/NBD instead of BG/NBD.
    ///   - ages: each customer's age T in the model's time unit (≥ 0, finite).
    ///   - resolution: if set (e.g. 1/7 for days when the unit is weeks), purchase
    ///     times are floored to this grid and purchases in the same cell count once,
    ///     as summaries of a day-level transaction log do. `nil` keeps exact times.
    ///   - timeUnit: the unit of α, ages and the result.
    ///   - generator: the seeded source of randomness.
    /// - Returns: validated data in the model's unit. Expected `O(n + purchases)`.
    /// - Throws: `LoyaltyError.invalidData` for invalid ages or resolution.
    public static func bgnbdPopulation(
        r: Double, alpha: Double, a: Double, b: Double, modified: Bool = false, ages: [Double],
        timeUnit: CustomerValueTimeUnit, resolution: Double? = nil, using generator: inout CustomerValueRandomGenerator
    ) throws -> RecencyFrequencyData {
        try validate(ages: ages, resolution: resolution)
        guard [r, alpha, a, b].allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw LoyaltyError(.invalidData, "BG/NBD parameters must be positive and finite")
        }
        var x = [Int](repeating: 0, count: ages.count), tx = [Double](repeating: 0, count: ages.count)
        for (index, age) in ages.enumerated() {
            let lambda = generator.nextGamma(shape: r, rate: alpha)
            let p = generator.nextBeta(a, b)
            if modified && generator.nextUniform() < p { continue }
            var recorder = PurchaseRecorder(resolution: resolution, age: age)
            var time = 0.0
            while true {
                time += generator.nextExponential(rate: lambda)
                if !(time <= age) { break }
                recorder.record(time)
                if generator.nextUniform() < p { break }
            }
            x[index] = recorder.count
            tx[index] = recorder.last
        }
        return RecencyFrequencyData(uncheckedFrequency: x, recency: tx, age: ages,
                                    weights: [Double](repeating: 1, count: ages.count), timeUnit: timeUnit)
    }

    /// Draws one (x, tₓ, T) history per entry of `ages` from a Pareto/NBD model
    /// (Poisson purchases with λ ~ Gamma(r, α) during an exponential lifetime with
    /// μ ~ Gamma(s, β)). `resolution` as in ``bgnbdPopulation(r:alpha:a:b:modified:ages:timeUnit:resolution:using:)``.
    /// - Throws: `LoyaltyError.invalidData` for invalid parameters, ages or resolution.
    public static func paretoNBDPopulation(
        r: Double, alpha: Double, s: Double, beta: Double, ages: [Double], timeUnit: CustomerValueTimeUnit,
        resolution: Double? = nil, using generator: inout CustomerValueRandomGenerator
    ) throws -> RecencyFrequencyData {
        try validate(ages: ages, resolution: resolution)
        guard [r, alpha, s, beta].allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw LoyaltyError(.invalidData, "Pareto/NBD parameters must be positive and finite")
        }
        var x = [Int](repeating: 0, count: ages.count), tx = [Double](repeating: 0, count: ages.count)
        for (index, age) in ages.enumerated() {
            let lambda = generator.nextGamma(shape: r, rate: alpha)
            let mu = generator.nextGamma(shape: s, rate: beta)
            let end = min(age, generator.nextExponential(rate: mu))
            var recorder = PurchaseRecorder(resolution: resolution, age: age)
            var time = 0.0
            while true {
                time += generator.nextExponential(rate: lambda)
                if !(time <= end) { break }
                recorder.record(time)
            }
            x[index] = recorder.count
            tx[index] = recorder.last
        }
        return RecencyFrequencyData(uncheckedFrequency: x, recency: tx, age: ages,
                                    weights: [Double](repeating: 1, count: ages.count), timeUnit: timeUnit)
    }

    /// A day-level transaction log for `customers` synthetic customers: first
    /// purchases spread uniformly over `acquisitionDays` days from `start`, repeat
    /// purchases from a BG/NBD process (parameters per week) until `end`, and order
    /// values from the Gamma-Gamma model (`gamma` in major units, amounts rounded to
    /// minor units with `minorUnitsPerMajorUnit`). Customer IDs are `"C000001"`….
    /// Sorted by day. Expected `O(customers + purchases)`.
    /// - Throws: `LoyaltyError.invalidData` for invalid parameters or an empty period.
    public static func transactionLog(
        customers: Int, start: PurchaseDay, acquisitionDays: Int, end: PurchaseDay,
        bgnbd: (r: Double, alpha: Double, a: Double, b: Double),
        spend: (p: Double, q: Double, gamma: Double), minorUnitsPerMajorUnit: Double = 100,
        using generator: inout CustomerValueRandomGenerator
    ) throws -> [CustomerValueTransaction] {
        guard customers > 0, acquisitionDays > 0, end.days(since: start) >= acquisitionDays else {
            throw LoyaltyError(.invalidData, "need customers > 0 and an observation period longer than the acquisition period")
        }
        guard [bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, spend.p, spend.q, spend.gamma, minorUnitsPerMajorUnit]
            .allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw LoyaltyError(.invalidData, "simulation parameters must be positive and finite")
        }
        var log: [CustomerValueTransaction] = []
        for index in 0..<customers {
            let id = "C" + String(repeating: "0", count: max(0, 6 - String(index + 1).count)) + String(index + 1)
            let firstDay = start.daysSinceEpoch + Int(generator.nextUniform() * Double(acquisitionDays))
            let lambdaPerWeek = generator.nextGamma(shape: bgnbd.r, rate: bgnbd.alpha)
            let p = generator.nextBeta(bgnbd.a, bgnbd.b)
            let nu = generator.nextGamma(shape: spend.q, rate: spend.gamma)
            func amount() -> Int64 {
                let value = generator.nextGamma(shape: spend.p, rate: nu) * minorUnitsPerMajorUnit
                return Int64(min(value.rounded(), 1e15))
            }
            log.append(CustomerValueTransaction(customerID: id, day: PurchaseDay(daysSinceEpoch: firstDay),
                                                amountMinorUnits: amount()))
            var weeks = 0.0
            while true {
                weeks += generator.nextExponential(rate: lambdaPerWeek)
                guard weeks * 7 < Double(end.daysSinceEpoch - firstDay + 1) else { break }
                let day = firstDay + Int((weeks * 7).rounded(.down))
                log.append(CustomerValueTransaction(customerID: id, day: PurchaseDay(daysSinceEpoch: day),
                                                    amountMinorUnits: amount()))
                if generator.nextUniform() < p { break }
            }
        }
        let order = log.indices.sorted { log[$0].day != log[$1].day ? log[$0].day < log[$1].day : $0 < $1 }
        return order.map { log[$0] }
    }

    private static func validate(ages: [Double], resolution: Double?) throws {
        guard !ages.isEmpty else { throw LoyaltyError(.invalidData, "no customers: ages is empty") }
        if let bad = ages.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw LoyaltyError(.invalidData, "age \(ages[bad]) must be finite and ≥ 0", location: "row \(bad + 1)")
        }
        if let resolution, !(resolution > 0 && resolution.isFinite) {
            throw LoyaltyError(.invalidData, "resolution must be positive, got \(resolution)")
        }
    }

    /// Counts repeat purchases, optionally on a time grid.
    private struct PurchaseRecorder {
        let resolution: Double?
        let age: Double
        var count = 0
        var last = 0.0
        var lastCell = 0.0

        mutating func record(_ time: Double) {
            guard let resolution else {
                count += 1
                last = time
                return
            }
            let cell = (time / resolution).rounded(.down)
            if cell != lastCell {
                count += 1
                lastCell = cell
                last = min(cell * resolution, age)
            }
        }
    }
}
