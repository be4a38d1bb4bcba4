import Foundation

/// Where a member stands on the tier ladder.
public struct TierStatus: Sendable, Hashable, Codable {
    /// A downgrade decided at a review and waiting for the grace period to end.
    public struct PendingDowngrade: Sendable, Hashable, Codable {
        /// The tier the member will drop to.
        public var tierID: String
        /// When the drop takes effect.
        public var effective: Date
    }

    /// The qualified tier (what the member earned, ignoring any override).
    public var tierID: String
    /// When the member reached or was last confirmed in ``tierID``.
    public var since: Date
    /// The tier the member keeps at least until the next review: refunds cannot take them below it.
    public var floorTierID: String
    /// When the tier is next reviewed, or `nil` when it never is (entry tier, lifetime window).
    public var nextReview: Date?
    /// A downgrade waiting for its grace period to end.
    public var pendingDowngrade: PendingDowngrade?
    /// A tier granted by hand, while it lasts.
    public var override: TierOverride?

    /// Creates a status.
    public init(tierID: String, since: Date, floorTierID: String, nextReview: Date?, pendingDowngrade: PendingDowngrade? = nil, override: TierOverride? = nil) {
        self.tierID = tierID
        self.since = since
        self.floorTierID = floorTierID
        self.nextReview = nextReview
        self.pendingDowngrade = pendingDowngrade
        self.override = override
    }

    /// The tier that applies at `date`: an active override, else the qualified tier.
    public func effectiveTierID(at date: Date) -> String {
        if let override, date < override.until { return override.tierID }
        return tierID
    }
}
