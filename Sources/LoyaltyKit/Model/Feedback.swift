/// A customer's answer to a survey or a review: any of the standard scores, and a comment.
public struct Feedback: Sendable, Hashable, Codable {
    /// Net Promoter answer, 0...10 ("How likely are you to recommend us?").
    public var nps: Int?
    /// Customer satisfaction, 1...5.
    public var csat: Int?
    /// Customer effort score, 1...7 (CES 2.0 agreement scale: 7 = very easy).
    public var ces: Int?
    /// A star rating, 1...5.
    public var rating: Int?
    /// Free text. Personal data: erased with the customer.
    public var comment: String?
    /// Where in the journey the feedback was asked: `"check-out"`, `"restaurant"`.
    public var touchpoint: String?

    /// Creates feedback. Validation happens when the activity is applied.
    public init(nps: Int? = nil, csat: Int? = nil, ces: Int? = nil, rating: Int? = nil, comment: String? = nil, touchpoint: String? = nil) {
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.rating = rating
        self.comment = comment
        self.touchpoint = touchpoint
    }

    /// Checks every score against its scale.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` naming the score and its scale.
    public func validate() throws {
        func check(_ value: Int?, _ range: ClosedRange<Int>, _ name: String) throws {
            if let value, !range.contains(value) {
                throw LoyaltyError(.invalidInput, "\(name) must be \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
        }
        try check(nps, 0...10, "NPS")
        try check(csat, 1...5, "CSAT")
        try check(ces, 1...7, "CES")
        try check(rating, 1...5, "rating")
    }
}
