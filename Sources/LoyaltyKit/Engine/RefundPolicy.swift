/// How refunds claw back points.
///
/// A refund takes back the points its original activity earned — proportionally to the
/// amount refunded, rounded by ``rounding`` on the *cumulative* refunded amount so that
/// several partial refunds adding up to the whole take back exactly everything. The points
/// come first from the original activity's own lot, then from the member's other lots
/// (soonest-expiring first). When even that is not enough, ``whenSpent`` decides.
public struct RefundPolicy: Sendable, Hashable, Codable {
    /// What happens when the points to claw back have already been spent.
    public enum Shortfall: String, Sendable, Hashable, Codable, CaseIterable {
        /// The balance goes negative; later earnings repay the deficit first. The default.
        case allowNegativeBalance
        /// The balance stops at zero and the outcome records the shortfall as a warning.
        case stopAtZero
    }

    /// What happens when points were already spent.
    public var whenSpent: Shortfall
    /// How proportional clawbacks round. Up by default: the business never keeps paying
    /// points on money it gave back.
    public var rounding: PointsRounding

    /// Creates a policy.
    public init(whenSpent: Shortfall = .allowNegativeBalance, rounding: PointsRounding = .up) {
        self.whenSpent = whenSpent
        self.rounding = rounding
    }

    private enum CodingKeys: String, CodingKey { case whenSpent, rounding }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        whenSpent = try container.decodeIfPresent(Shortfall.self, forKey: .whenSpent) ?? .allowNegativeBalance
        rounding = try container.decodeIfPresent(PointsRounding.self, forKey: .rounding) ?? .up
    }
}
