/// One customer's RFM values, quintile scores and segment.
///
/// The values are those of ``PurchaseHistorySummary``: frequency = repeat purchase days,
/// monetary value = mean value of the repeat purchase days (0 for a one-time buyer). For
/// scoring, recency is the time *since the last purchase day* (``daysSinceLastPurchase``,
/// the summary's age − recency), because "recent" should score high; the summary's own
/// `recency` (first to last purchase day, as `lifetimes` defines it) is kept as it is.
public struct RFMCustomer: Sendable, Hashable {
    /// The customer.
    public var customerID: Customer.ID
    /// Frequency, recency, age and monetary value (minor units) over the observation window.
    public var summary: PurchaseHistorySummary
    /// Days from the last purchase day to the observation end (0 = bought on the last day).
    public var daysSinceLastPurchase: Int
    /// The recency score 1...5 (5 = most recent).
    public var recencyScore: Int
    /// The frequency score 1...5 (5 = most repeat purchase days).
    public var frequencyScore: Int
    /// The monetary score 1...5 (5 = highest mean repeat purchase value).
    public var monetaryScore: Int
    /// The named segment of the scores.
    public var segment: RFMSegment

    /// Creates a row.
    public init(customerID: Customer.ID, summary: PurchaseHistorySummary, daysSinceLastPurchase: Int,
                recencyScore: Int, frequencyScore: Int, monetaryScore: Int, segment: RFMSegment) {
        self.customerID = customerID
        self.summary = summary
        self.daysSinceLastPurchase = daysSinceLastPurchase
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.monetaryScore = monetaryScore
        self.segment = segment
    }

    /// The three scores as digits: `"545"`.
    public var scoreCode: String { "\(recencyScore)\(frequencyScore)\(monetaryScore)" }
}
