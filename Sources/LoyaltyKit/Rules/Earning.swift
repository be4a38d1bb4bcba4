/// What one earning rule gives for one activity: points and the reason behind them.
public struct Earning: Sendable, Hashable {
    /// The points (a multiplier below ×1 may give a negative number).
    public var points: Points
    /// The numbers behind them, for the ledger's explanation.
    public var reason: LedgerReason

    /// Creates an earning.
    public init(points: Points, reason: LedgerReason) {
        self.points = points
        self.reason = reason
    }
}
