/// Points that moved in a period, by kind of ledger entry. All values are points (positive
/// numbers for what left the balance too).
public struct PointFlows: Sendable, Hashable {
    /// Points earned through earning rules, net of caps (Σ `earn` entries).
    public var issued: Int64 = 0
    /// Points spent on benefits (−Σ `redeem` entries).
    public var redeemed: Int64 = 0
    /// Points that expired unspent (−Σ `expire` entries).
    public var expired: Int64 = 0
    /// Points clawed back by refunds (−Σ `reverse` entries).
    public var reversed: Int64 = 0
    /// Net points of manual adjustments (Σ `adjust` entries; negative when more was removed).
    public var adjusted: Int64 = 0

    /// No flows.
    public init() {}

    /// The net change of the balances: issued − redeemed − expired − reversed + adjusted.
    public var netChange: Int64 { issued &- redeemed &- expired &- reversed &+ adjusted }

    /// Adds one entry's points to its kind.
    mutating func add(_ kind: LedgerEntry.Kind, _ points: Int64) {
        switch kind {
        case .earn: issued &+= points
        case .redeem: redeemed &-= points
        case .expire: expired &-= points
        case .reverse: reversed &-= points
        case .adjust: adjusted &+= points
        }
    }
}
