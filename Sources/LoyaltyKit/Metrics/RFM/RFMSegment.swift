/// A named RFM segment: what a customer's recency, frequency and monetary scores say about
/// them. ``RFMSegmentation`` decides which scores map to which segment.
public enum RFMSegment: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Bought recently, often and for a lot.
    case champions
    /// Buy often and for a good amount; fairly recent.
    case loyal
    /// Recent customers with a second purchase or average spend.
    case potentialLoyalist
    /// Bought very recently, once or for little.
    case new
    /// Bought recently, once or for little.
    case promising
    /// Average recency, frequency and spend.
    case needsAttention
    /// Average recency, one purchase or little spend: slipping away.
    case aboutToSleep
    /// Used to buy often or for a lot, but not recently.
    case atRisk
    /// Were among the best, and have not bought for a long time.
    case cantLose
    /// Not recent, rarely, for little.
    case hibernating
    /// The least recent, with the least frequency and spend.
    case lost

    /// The segment's name: "Champions", "Can't lose".
    public var name: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Loyal"
        case .potentialLoyalist: "Potential loyalist"
        case .new: "New"
        case .promising: "Promising"
        case .needsAttention: "Needs attention"
        case .aboutToSleep: "About to sleep"
        case .atRisk: "At risk"
        case .cantLose: "Can't lose"
        case .hibernating: "Hibernating"
        case .lost: "Lost"
        }
    }

    public var description: String { name }
}
