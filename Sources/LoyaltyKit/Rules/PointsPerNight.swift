/// Base points per night of a stay: "100 points per night".
public struct PointsPerNight: CodableEarningRule, Hashable {
    /// The rule's JSON `"kind"`: `"pointsPerNight"`.
    public static let kind = "pointsPerNight"
    /// The rule's name in the ledger; unique in a programme.
    public var name: String
    /// Points per night.
    public var points: Int64

    /// Creates the rule.
    public init(name: String = "per-night", points: Int64) {
        self.name = name
        self.points = points
    }

    /// Runs in the base stage.
    public var stage: EarningStage { .base }

    /// ``points`` × the nights of a stay.
    public func earn(in context: EarningContext) -> Earning? {
        guard context.nights > 0, points > 0 else { return nil }
        let (value, overflow) = Int64(context.nights).multipliedReportingOverflow(by: points)
        guard !overflow else { return nil }
        return Earning(points: Points(value), reason: .perNight(points: points, nights: context.nights))
    }

    private enum CodingKeys: String, CodingKey { case name, points }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "per-night"
        points = try container.decode(Int64.self, forKey: .points)
    }
}
