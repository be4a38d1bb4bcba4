/// Streams a transaction log into per-customer frequency / recency / age /
/// monetary-value summaries, optionally with a calibration / holdout split.
///
/// Definitions (identical to `lifetimes.utils.summary_data_from_transaction_data`
/// with `freq="D"`, and to `calibration_and_holdout_data`):
/// - purchases are grouped by customer and calendar day; same-day orders are one
///   purchase occasion whose value is the sum of the orders;
/// - `frequency` = distinct purchase days in the calibration window − 1;
/// - `recency` = last − first purchase day, `age` = calibration end − first purchase
///   day, both converted to the time unit (weeks are fractional: days / 7);
/// - `monetaryValue` = mean value of the repeat purchase days (first day excluded);
/// - holdout: distinct purchase days in `(calibrationEnd, holdoutEnd]` and their mean value.
///
/// Transactions after the last window end are ignored (and counted). Customers
/// whose first purchase is after `calibrationEnd` are left out.
///
/// Memory is `O(customers)`: each customer keeps a fixed-size accumulator. To
/// achieve that, each customer's transactions must arrive in non-decreasing day
/// order (customers may be interleaved); use ``summarizeUnordered(_:calibrationEnd:holdoutEnd:timeUnit:)``
/// for logs that are not in day order. `add` is amortised `O(1)` (one hash lookup).
public struct PurchaseHistorySummarizer: Sendable {
    /// Last day of the calibration (or only) observation window, inclusive.
    public let calibrationEnd: PurchaseDay
    /// Last day of the holdout window, inclusive, or `nil` for no holdout.
    public let holdoutEnd: PurchaseDay?
    /// Unit of recency and age in the output.
    public let timeUnit: CustomerValueTimeUnit
    /// Transactions consumed so far (including ignored ones).
    public private(set) var transactionCount = 0
    /// Transactions dated after the last window and therefore ignored.
    public private(set) var ignoredTransactionCount = 0

    /// Per-customer accumulators, inline in a hash table keyed by customer id.
    private var customers = CustomerTable<Accumulator>()

    /// What one customer's transactions add up to so far (days are days since 1970).
    private struct Accumulator: Sendable {
        var firstDay: Int32
        var lastDay: Int32
        var lastSeenDay: Int32
        var distinctDays: Int32
        var holdoutDays: Int32 = 0
        var inCalibration: Bool
        var firstDayAmount: Int64
        var totalAmount: Int64
        var holdoutAmount: Int64 = 0
    }

    /// A summariser without holdout: the observation window ends on `observationEnd` (inclusive).
    /// (An unsupported `observationEnd` — outside years 1…9999 — makes every `add` throw.)
    public init(observationEnd: PurchaseDay, timeUnit: CustomerValueTimeUnit) {
        self.calibrationEnd = observationEnd
        self.holdoutEnd = nil
        self.timeUnit = timeUnit
    }

    /// A summariser with a calibration window ending on `calibrationEnd` and a
    /// holdout window `(calibrationEnd, holdoutEnd]`.
    /// - Throws: `LoyaltyError.invalidData` if `holdoutEnd <= calibrationEnd` or either lies outside years 1…9999.
    public init(calibrationEnd: PurchaseDay, holdoutEnd: PurchaseDay, timeUnit: CustomerValueTimeUnit) throws {
        guard calibrationEnd.isSupported, holdoutEnd.isSupported else {
            throw LoyaltyError(.invalidData, "calibration and holdout ends must lie in years 1…9999")
        }
        guard holdoutEnd > calibrationEnd else {
            throw LoyaltyError(.invalidData, "holdout end \(holdoutEnd) must be after calibration end \(calibrationEnd)")
        }
        self.calibrationEnd = calibrationEnd
        self.holdoutEnd = holdoutEnd
        self.timeUnit = timeUnit
    }

    /// Number of distinct customers seen so far (including ones first seen in the holdout).
    public var customerCount: Int { customers.count }

    /// Adds one transaction. Amortised `O(1)`.
    /// - Throws: `LoyaltyError.invalidData` for a negative amount, a day outside
    ///   years 1…9999, a total that overflows `Int64`, or a transaction dated before an earlier transaction of
    ///   the same customer (location: `transaction <n>`, 1-based).
    public mutating func add(_ transaction: CustomerValueTransaction) throws {
        _ = try addTracking(transaction)
    }

    /// Adds one transaction (as ``add(_:)``) and tells what the customer's history was before it.
    /// - Returns: the customer's first purchase day and the day of their previous transaction
    ///   (`nil` for a new customer), in days since 1970; `nil` when the transaction was ignored.
    mutating func addTracking(_ transaction: CustomerValueTransaction) throws -> (firstDay: Int, previousDay: Int?)? {
        transactionCount += 1
        guard transaction.amountMinorUnits >= 0 else {
            throw LoyaltyError(.invalidData,
                               "negative amount \(transaction.amountMinorUnits) for customer '\(transaction.customerID)'",
                               location: "transaction \(transactionCount)")
        }
        guard calibrationEnd.isSupported else {
            throw LoyaltyError(.invalidData, "observation end \(calibrationEnd.daysSinceEpoch) (days since 1970) is outside years 1…9999")
        }
        guard transaction.day.isSupported else {
            throw LoyaltyError(.invalidData, "day \(transaction.day.daysSinceEpoch) (days since 1970) is outside years 1…9999",
                               location: "transaction \(transactionCount)")
        }
        let day = transaction.day.daysSinceEpoch
        let end = (holdoutEnd ?? calibrationEnd).daysSinceEpoch
        guard day <= end else {
            ignoredTransactionCount += 1
            return nil
        }
        let amount = transaction.amountMinorUnits
        let inCalibration = day <= calibrationEnd.daysSinceEpoch
        let count = transactionCount
        let day32 = Int32(day)  // supported days fit in 32 bits
        return try customers.update(transaction.customerID, make: {
            Accumulator(firstDay: day32, lastDay: day32, lastSeenDay: day32, distinctDays: 1,
                        inCalibration: inCalibration, firstDayAmount: amount, totalAmount: amount)
        }) { accumulator, isNew in
            if isNew { return (day, nil) }
            let previousDay = accumulator.lastSeenDay
            guard day32 >= previousDay else {
                throw LoyaltyError(
                    .invalidData,
                    "transactions of customer '\(transaction.customerID)' are not in day order (\(transaction.day) after \(PurchaseDay(daysSinceEpoch: Int(previousDay)))); use summarizeUnordered for unsorted logs",
                    location: "transaction \(count)")
            }
            guard accumulator.inCalibration else {
                accumulator.lastSeenDay = day32
                return (Int(accumulator.firstDay), Int(previousDay))
            }
            if inCalibration {
                let (total, overflow) = accumulator.totalAmount.addingReportingOverflow(amount)
                guard !overflow else {
                    throw LoyaltyError(.invalidData, "total spend of customer '\(transaction.customerID)' overflows Int64",
                                       location: "transaction \(count)")
                }
                accumulator.totalAmount = total
                if day32 == accumulator.firstDay { accumulator.firstDayAmount += amount }
                if day32 != accumulator.lastDay {
                    accumulator.distinctDays += 1
                    accumulator.lastDay = day32
                }
            } else {
                let (total, overflow) = accumulator.holdoutAmount.addingReportingOverflow(amount)
                guard !overflow else {
                    throw LoyaltyError(.invalidData, "holdout spend of customer '\(transaction.customerID)' overflows Int64",
                                       location: "transaction \(count)")
                }
                accumulator.holdoutAmount = total
                if day32 != previousDay { accumulator.holdoutDays += 1 }
            }
            accumulator.lastSeenDay = day32
            return (Int(accumulator.firstDay), Int(previousDay))
        }
    }

    /// Adds every transaction of a sequence, in order. `O(count)`.
    /// - Throws: as ``add(_:)``.
    public mutating func add(contentsOf transactions: some Sequence<CustomerValueTransaction>) throws {
        for transaction in transactions { try add(transaction) }
    }

    /// Calibration-window summaries in order of each customer's first transaction.
    /// `O(customers)`.
    public func summaries() -> [PurchaseHistorySummary] {
        var result: [PurchaseHistorySummary] = []
        result.reserveCapacity(customers.count)
        customers.forEachInOrder { id, accumulator in
            if accumulator.inCalibration { result.append(summary(of: accumulator, id: id)) }
        }
        return result
    }

    /// Calibration summaries joined with holdout behaviour (holdout fields are 0
    /// when the summariser has no holdout window). `O(customers)`.
    public func calibrationHoldoutSummaries() -> [CalibrationHoldoutSummary] {
        let duration = holdoutEnd.map { timeUnit.duration(days: $0.days(since: calibrationEnd)) } ?? 0
        var result: [CalibrationHoldoutSummary] = []
        result.reserveCapacity(customers.count)
        customers.forEachInOrder { id, accumulator in
            guard accumulator.inCalibration else { return }
            let holdoutValue = accumulator.holdoutDays > 0
                ? Double(accumulator.holdoutAmount) / Double(accumulator.holdoutDays) : 0
            result.append(CalibrationHoldoutSummary(
                calibration: summary(of: accumulator, id: id),
                holdoutFrequency: Int(accumulator.holdoutDays), holdoutMonetaryValue: holdoutValue,
                holdoutDuration: duration))
        }
        return result
    }

    private func summary(of accumulator: Accumulator, id: String) -> PurchaseHistorySummary {
        let frequency = Int(accumulator.distinctDays) - 1
        let monetary = frequency > 0
            ? Double(accumulator.totalAmount - accumulator.firstDayAmount) / Double(frequency) : 0
        let firstDay = Int(accumulator.firstDay), lastDay = Int(accumulator.lastDay)
        return PurchaseHistorySummary(
            customerID: id, frequency: frequency,
            recency: timeUnit.duration(days: lastDay - firstDay),
            age: timeUnit.duration(days: calibrationEnd.daysSinceEpoch - firstDay),
            monetaryValue: monetary,
            firstPurchase: PurchaseDay(daysSinceEpoch: firstDay),
            lastPurchase: PurchaseDay(daysSinceEpoch: lastDay), timeUnit: timeUnit)
    }

    /// Summarises a log that need not be in day order by sorting it first
    /// (stable, by day). `O(n log n)` time, `O(n)` extra memory.
    /// - Parameters:
    ///   - transactions: the log, in any order.
    ///   - calibrationEnd: the last day of the calibration period (inclusive).
    ///   - holdoutEnd: `nil` for calibration only.
    ///   - timeUnit: the unit of recency and age.
    /// - Throws: `LoyaltyError.invalidData` as ``add(_:)`` and the initialisers.
    public static func summarizeUnordered(
        _ transactions: [CustomerValueTransaction], calibrationEnd: PurchaseDay, holdoutEnd: PurchaseDay? = nil,
        timeUnit: CustomerValueTimeUnit
    ) throws -> PurchaseHistorySummarizer {
        var summarizer = try holdoutEnd.map {
            try PurchaseHistorySummarizer(calibrationEnd: calibrationEnd, holdoutEnd: $0, timeUnit: timeUnit)
        } ?? PurchaseHistorySummarizer(observationEnd: calibrationEnd, timeUnit: timeUnit)
        let order = transactions.indices.sorted {
            let left = transactions[$0].day, right = transactions[$1].day
            return left != right ? left < right : $0 < $1
        }
        for index in order { try summarizer.add(transactions[index]) }
        return summarizer
    }
}
