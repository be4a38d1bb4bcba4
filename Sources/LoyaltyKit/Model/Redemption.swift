/// Points spent on a benefit.
public struct Redemption: Sendable, Hashable, Codable {
    /// How many points. Positive.
    public var points: Points
    /// What they were spent on: `"Spa voucher"`, `"Free night"`.
    public var benefit: String
    /// Creates a redemption.
    public init(points: Points, benefit: String) {
        self.points = points
        self.benefit = benefit
    }
}
