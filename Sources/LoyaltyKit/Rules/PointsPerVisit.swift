/// Base points for every visit — a purchase, a stay or a recorded visit: "10 points per visit".
public struct PointsPerVisit: CodableEarningRule, Hashable {
    public static let kind = "pointsPerVisit"
    public var name: String
    /// Points per visit.
    public var points: Int64

    /// Creates the rule.
    public init(name: String = "per-visit", points: Int64) {
        self.name = name
        self.points = points
    }

    public var stage: EarningStage { .base }

    public func earn(in context: EarningContext) -> Earning? {
        guard context.isVisit, points > 0 else { return nil }
        return Earning(points: Points(points), reason: .perVisit(points: points))
    }
}
