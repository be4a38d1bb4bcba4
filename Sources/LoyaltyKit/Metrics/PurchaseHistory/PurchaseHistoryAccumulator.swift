/// Streams activities into each customer's purchase history, and from it the RFM analysis,
/// the cohort retention matrix and the time between purchases — in one pass, with one
/// hash-table access per purchase.
///
/// Purchases and stays count (their total or amount, in ``currency``); every other kind is
/// ignored, and so are activities outside the filter or after ``observationEnd``. A purchase
/// belongs to its local day in the calendar's time zone. The per-customer history is the one
/// of ``PurchaseHistorySummarizer`` (the definitions of `shared/data/README.md` and
/// `lifetimes`): same-day purchases are one purchase day, frequency is distinct purchase days
/// − 1, recency and age are measured from the first purchase day, and the monetary value is
/// the mean value of the repeat purchase days. Refunds are not netted.
///
/// **Order.** Each customer's activities must arrive in non-decreasing date order (customers
/// may interleave), as ``StoreReader/forEachActivity(from:to:_:)`` delivers them.
///
/// Memory: one fixed-size record per customer, one row per cohort month, one counter per
/// distinct gap in days. `add` is amortised O(1).
///
/// ```swift
/// var history = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: CivilDate(year: 2025, month: 12, day: 31),
///                                              calendar: program.calendar)
/// try reader.forEachActivity(from: .distantPast, to: end) { try history.add($0) }
/// let rfm = history.result()                 // scores and named segments per customer
/// let cohorts = history.cohortRetention()    // heatmap by first-purchase month
/// ```
public struct PurchaseHistoryAccumulator: ActivityMetric {
    /// The last day observed (inclusive, in the calendar's time zone).
    public let observationEnd: CivilDate
    /// The unit of recency and age in the summaries.
    public let timeUnit: CustomerValueTimeUnit
    /// The business calendar that decides days and months.
    public let calendar: BusinessCalendar
    /// Which activities count.
    public let filter: ActivityFilter
    /// The currency of every amount.
    public let currency: Currency

    private var summarizer: PurchaseHistorySummarizer
    /// Per cohort month: customers with a purchase in cohort month + k, at index k.
    private var cohorts = MonthTable<[Int]>()
    /// `gaps[d]`: how many times a customer's next purchase day came `d` days after the previous one.
    private var gaps: [Int] = []

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - currency: the currency of every amount.
    ///   - observationEnd: the last day observed, inclusive; later purchases are ignored.
    ///   - timeUnit: the unit of recency and age (`.days` by default; CDNOW uses `.weeks`).
    ///   - calendar: the business calendar whose time zone decides days and months.
    ///   - filter: which activities count (channels, segment, period).
    /// - Throws: ``LoyaltyError/Code/invalidInput`` when `observationEnd` is not a real date
    ///   in years 1…9999.
    public init(currency: Currency, observationEnd: CivilDate, timeUnit: CustomerValueTimeUnit = .days, calendar: BusinessCalendar,
                filter: ActivityFilter = .all) throws {
        guard observationEnd.isValid, (1...9999).contains(observationEnd.year) else {
            throw LoyaltyError(.invalidInput, "the observation end \(observationEnd) is not a date in years 1…9999")
        }
        self.currency = currency
        self.observationEnd = observationEnd
        self.timeUnit = timeUnit
        self.calendar = calendar
        self.filter = filter
        self.summarizer = PurchaseHistorySummarizer(
            observationEnd: PurchaseDay(daysSinceEpoch: observationEnd.dayNumber), timeUnit: timeUnit)
    }

    /// Adds a purchase or stay to its customer's history; ignores every other activity.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` for an amount in another currency;
    ///   ``LoyaltyError/Code/invalidData`` for a negative amount, a date outside years 1…9999
    ///   or a purchase dated before an earlier one of the same customer; the errors of
    ///   ``Purchase/total()``. Nothing is changed when it throws.
    public mutating func add(_ activity: Activity) throws {
        let amount: Money
        switch activity.kind {
        case .purchase(let purchase):
            guard filter.isEmpty || filter.includes(activity) else { return }
            amount = try purchase.total()
        case .stay(let stay):
            guard filter.isEmpty || filter.includes(activity) else { return }
            amount = stay.amount
        default: return
        }
        guard amount.currency == currency else {
            throw LoyaltyError(.currencyMismatch, "an amount in \(amount.currency.code) where \(currency.code) is expected",
                               customerID: activity.customerID, activityID: activity.id)
        }
        let day = calendar.dayNumber(of: activity.date)
        let transaction = CustomerValueTransaction(
            customerID: activity.customerID.rawValue, day: PurchaseDay(daysSinceEpoch: day), amountMinorUnits: amount.minorUnits)
        let history: (firstDay: Int, previousDay: Int?)?
        do {
            history = try summarizer.addTracking(transaction)
        } catch let error as LoyaltyError {
            throw error.with(customerID: activity.customerID, activityID: activity.id)
        }
        guard let history else { return }
        let cohort = CivilDate(dayNumber: history.firstDay).monthIndex
        let month = CivilDate(dayNumber: day).monthIndex
        if let previous = history.previousDay {
            if day != previous { countGap(day - previous) }
            if month != CivilDate(dayNumber: previous).monthIndex { countActive(cohort: cohort, offset: month - cohort) }
        } else {
            countActive(cohort: cohort, offset: 0)
        }
    }

    private mutating func countActive(cohort: Int, offset: Int) {
        cohorts.update(cohort, make: { [] }) { $0.increment(at: offset) }
    }

    private mutating func countGap(_ days: Int) {
        gaps.increment(at: days)
    }

    /// The number of customers with at least one purchase so far.
    public var customerCount: Int { summarizer.customerCount }

    /// Purchases and stays dated after the observation end, and therefore ignored.
    public var ignoredCount: Int { summarizer.ignoredTransactionCount }

    /// Every customer's frequency, recency, age and monetary value (minor units), in order of
    /// first purchase. O(customers).
    public func summaries() -> [PurchaseHistorySummary] { summarizer.summaries() }

    /// The RFM analysis with the standard segment map. O(customers · log customers).
    public func result() -> RFMAnalysis { rfm() }

    /// The RFM analysis: per customer the RFM values, quintile scores and named segment.
    /// - Parameter segmentation: the map from scores to segments (default ``RFMSegmentation/standard``).
    /// - Complexity: O(customers · log customers) for the three sorts behind the quintiles.
    public func rfm(segmentation: RFMSegmentation = .standard) -> RFMAnalysis {
        RFMAnalysis(summaries: summarizer.summaries(), observationEnd: observationEnd,
                    currency: currency, segmentation: segmentation)
    }

    /// The cohort retention matrix: for each first-purchase month, the share of its customers
    /// who bought again k months later, up to the observation end's month. O(cohorts · months).
    public func cohortRetention() -> CohortRetention {
        CohortRetention(counts: cohorts.byMonth, lastMonth: CalendarMonth(observationEnd))
    }

    /// The distribution of days between a customer's consecutive purchase days. O(longest gap).
    public func timeBetweenPurchases() -> PurchaseIntervals { PurchaseIntervals(countsByDays: gaps) }
}

extension [Int] {
    /// Adds one at `index`, growing the array with zeros as needed.
    mutating func increment(at index: Int) {
        if index >= count { append(contentsOf: repeatElement(0, count: index - count + 1)) }
        self[index] += 1
    }
}
