/// Validated model input: one row per customer (or per group of identical
/// customers) with frequency x, recency tₓ and age T in one time unit, plus a
/// weight (number of customers the row stands for).
///
/// Stored as parallel arrays (structure of arrays) so the likelihood loops stay
/// tight. Rows with identical (x, tₓ, T) give identical likelihood terms; see
/// ``grouped()``.
public struct RecencyFrequencyData: Sendable {
    /// Repeat-purchase counts x (≥ 0).
    public let frequency: [Int]
    /// Recency tₓ in `timeUnit` (0 ≤ tₓ ≤ T; 0 when x = 0).
    public let recency: [Double]
    /// Age T in `timeUnit` (> 0 for rows with x > 0, ≥ 0 otherwise).
    public let age: [Double]
    /// Row weights (> 0); 1 for one customer per row.
    public let weights: [Double]
    /// Unit of `recency` and `age`.
    public let timeUnit: CustomerValueTimeUnit

    /// Distinct frequencies, ascending, and each row's index into it (used to
    /// share per-frequency log-gamma terms across rows).
    let distinctFrequencies: [Int]
    let frequencyIndex: [Int32]

    /// Number of rows.
    public var count: Int { frequency.count }

    /// Sum of weights (number of customers represented).
    public var totalWeight: Double { weights.reduce(0, +) }

    /// Validates and stores the rows. `O(n)`.
    /// - Parameters:
    ///   - frequency: repeat purchases x per row.
    ///   - recency: time of the last purchase tₓ, in `timeUnit`.
    ///   - age: time since the first purchase T, in `timeUnit`.
    ///   - weights: `nil` for one customer per row.
    ///   - timeUnit: the unit of recency and age.
    /// - Throws: `LoyaltyError.invalidData` (location `row <i>`, 1-based) for
    ///   empty input, mismatched lengths, negative or non-finite values,
    ///   recency > age, recency > 0 with frequency 0, or non-positive weights.
    public init(frequency: [Int], recency: [Double], age: [Double], weights: [Double]? = nil,
                timeUnit: CustomerValueTimeUnit) throws {
        let n = frequency.count
        guard n > 0 else { throw LoyaltyError(.invalidData, "no customers: the data set is empty") }
        guard recency.count == n, age.count == n, weights.map({ $0.count == n }) ?? true else {
            throw LoyaltyError(.invalidData,
                               "column lengths differ: frequency \(n), recency \(recency.count), age \(age.count)"
                               + (weights.map { ", weights \($0.count)" } ?? ""))
        }
        for row in 0..<n {
            let x = frequency[row], tx = recency[row], t = age[row]
            let location = "row \(row + 1)"
            guard x >= 0 else { throw LoyaltyError(.invalidData, "negative frequency \(x)", location: location) }
            guard tx.isFinite, t.isFinite else {
                throw LoyaltyError(.invalidData, "non-finite recency \(tx) or age \(t)", location: location)
            }
            guard tx >= 0, t >= 0 else {
                throw LoyaltyError(.invalidData, "negative recency \(tx) or age \(t)", location: location)
            }
            guard tx <= t else {
                throw LoyaltyError(.invalidData, "recency \(tx) is larger than age T \(t)", location: location)
            }
            guard x > 0 || tx == 0 else {
                throw LoyaltyError(.invalidData, "recency \(tx) must be 0 when frequency is 0", location: location)
            }
            if let weights {
                guard weights[row].isFinite, weights[row] > 0 else {
                    throw LoyaltyError(.invalidData, "weight \(weights[row]) must be positive and finite",
                                       location: location)
                }
            }
        }
        self.init(uncheckedFrequency: frequency, recency: recency, age: age,
                  weights: weights ?? [Double](repeating: 1, count: n), timeUnit: timeUnit)
    }

    /// Model input from summaries (monetary values are ignored here).
    /// - Throws: `LoyaltyError.invalidData` if the summaries are empty, mix time
    ///   units, or contain invalid values (location `customer '<id>'`).
    public init(_ summaries: [PurchaseHistorySummary]) throws {
        guard let first = summaries.first else {
            throw LoyaltyError(.invalidData, "no customers: the summary list is empty")
        }
        guard summaries.allSatisfy({ $0.timeUnit == first.timeUnit }) else {
            throw LoyaltyError(.invalidData, "summaries mix time units")
        }
        do {
            try self.init(frequency: summaries.map(\.frequency), recency: summaries.map(\.recency),
                          age: summaries.map(\.age), timeUnit: first.timeUnit)
        } catch var error as LoyaltyError {
            if let location = error.location, location.hasPrefix("row "), let row = Int(location.dropFirst(4)),
               summaries.indices.contains(row - 1) {
                error.location = "customer '\(summaries[row - 1].customerID)'"
            }
            throw error
        }
    }

    init(uncheckedFrequency frequency: [Int], recency: [Double], age: [Double], weights: [Double],
         timeUnit: CustomerValueTimeUnit) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.weights = weights
        self.timeUnit = timeUnit
        let maximum = frequency.max() ?? 0
        var index = [Int32](repeating: 0, count: frequency.count)
        var distinct: [Int] = []
        if maximum < 1 << 20 {
            var slot = [Int32](repeating: -1, count: maximum + 1)
            for x in frequency where slot[x] < 0 { slot[x] = 0 }
            for x in 0...maximum where slot[x] == 0 {
                slot[x] = Int32(distinct.count)
                distinct.append(x)
            }
            for row in frequency.indices { index[row] = slot[frequency[row]] }
        } else {
            distinct = Array(Set(frequency)).sorted()
            var slot: [Int: Int32] = [:]
            for (position, x) in distinct.enumerated() { slot[x] = Int32(position) }
            for row in frequency.indices { index[row] = slot[frequency[row]] ?? 0 }
        }
        self.distinctFrequencies = distinct
        self.frequencyIndex = index
    }

    /// The same data with identical (x, tₓ, T) rows merged and their weights
    /// summed. Likelihoods and fits are unchanged; evaluation gets faster by the
    /// compression factor (about 10× for day-resolution summaries of large
    /// populations, 2× for CDNOW). Row order follows first occurrence.
    /// `O(n)` expected time and memory.
    public func grouped() -> RecencyFrequencyData {
        struct Key: Hashable {
            var x: Int
            var recency: UInt64
            var age: UInt64
        }
        var slot: [Key: Int] = [:]
        slot.reserveCapacity(count / 4)
        var x: [Int] = [], tx: [Double] = [], t: [Double] = [], w: [Double] = []
        for row in 0..<count {
            let key = Key(x: frequency[row], recency: recency[row].bitPattern, age: age[row].bitPattern)
            if let existing = slot[key] {
                w[existing] += weights[row]
            } else {
                slot[key] = x.count
                x.append(frequency[row])
                tx.append(recency[row])
                t.append(age[row])
                w.append(weights[row])
            }
        }
        return RecencyFrequencyData(uncheckedFrequency: x, recency: tx, age: t, weights: w, timeUnit: timeUnit)
    }

    /// Throws unless at least one row has a repeat purchase (needed to fit any model).
    func requireRepeatPurchases(model: String) throws {
        guard frequency.contains(where: { $0 > 0 }) else {
            throw LoyaltyError(.invalidData,
                               "cannot fit \(model): every customer has frequency 0 (no repeat purchases)")
        }
    }
}
