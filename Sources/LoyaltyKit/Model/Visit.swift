/// A visit without a recorded purchase: a check-in at a café, a gym, an event.
public struct Visit: Sendable, Hashable, Codable {
    /// Where the visit happened, if the business has several locations.
    public var location: String?
    /// Creates a visit.
    public init(location: String? = nil) { self.location = location }
}
