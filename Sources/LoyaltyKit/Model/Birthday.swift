/// A birthday: month and day, with the year only if the customer gave it.
public struct Birthday: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Month of the year, 1...12.
    public let month: Int
    /// Day of the month, 1...31 (29 February is allowed).
    public let day: Int
    /// The year of birth, if known.
    public let year: Int?

    /// Creates a birthday.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a day that does not exist (31 April, or
    ///   29 February in a given non-leap year).
    public init(month: Int, day: Int, year: Int? = nil) throws {
        guard (1...12).contains(month) else {
            throw LoyaltyError(.invalidInput, "birthday month must be 1...12, got \(month)")
        }
        let maxDay = year.map { CivilDate.daysIn(month: month, year: $0) } ?? CivilDate.daysIn(month: month, year: 2000)
        guard (1...maxDay).contains(day) else {
            throw LoyaltyError(.invalidInput, "birthday \(month)/\(day) does not exist")
        }
        if let year, !(1850...9999).contains(year) {
            throw LoyaltyError(.invalidInput, "birthday year \(year) is out of range")
        }
        self.month = month
        self.day = day
        self.year = year
    }

    public var description: String {
        let md = (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        return year.map { "\($0)-\(md)" } ?? "--\(md)"
    }

    private enum CodingKeys: String, CodingKey { case month, day, year }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let month = try container.decode(Int.self, forKey: .month)
        let day = try container.decode(Int.self, forKey: .day)
        let year = try container.decodeIfPresent(Int.self, forKey: .year)
        do {
            try self.init(month: month, day: day, year: year)
        } catch let error as LoyaltyError {
            throw DecodingError.dataCorruptedError(forKey: .day, in: container, debugDescription: error.message)
        }
    }
}
