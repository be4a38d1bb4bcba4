/// Base points for every visit — a purchase, a stay or a recorded visit: "10 points per visit".
public struct PointsPerVisit: CodableEarningRule, Hashable {
    /// The rule's JSON `"kind"`: `"pointsPerVisit"`.
    public static let kind = "pointsPerVisit"
    /// The rule's name in the ledger; unique in a programme.
    public var name: String
    /// Points per visit.
    public var points: Int64

    /// Creates the rule.
    public init(name: String = "per-visit", points: Int64) {
        self.name = name
        self.points = points
    }

    /// Runs in the base stage.
    public var stage: EarningStage { .base }

    /// ``points`` for a purchase, stay or visit.
    public func earn(in context: EarningContext) -> Earning? {
        guard context.isVisit, points > 0 else { return nil }
        return Earning(points: Points(points), reason: .perVisit(points: points))
    }

    private enum CodingKeys: String, CodingKey { case name, points }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "per-visit"
        points = try container.decode(Int64.self, forKey: .points)
    }
}
