/// The period over which a tier ladder's metric is counted.
///
/// Windows are made of whole calendar months in the business's time zone.
///
/// | window | counts | upgrade | review (possible downgrade) |
/// |---|---|---|---|
/// | `calendarYear` | the current calendar year | at once | 1 January, on the year just ended |
/// | `rollingMonths(n)` | the current month and the `n − 1` before it | at once | the first of the month `n` months after the tier was reached or last confirmed, on the `n` months before it |
/// | `membershipYear` | the 12 months starting with the month of joining, each year | at once | on the first of the joining month each year, on the 12 months before |
/// | `lifetime` | everything | at once | never |
public enum QualifyingWindow: Sendable, Hashable, Codable {
    /// The calendar year.
    case calendarYear
    /// The last `n` calendar months, including the current one.
    case rollingMonths(Int)
    /// The membership year, starting on the first day of the month the member joined.
    case membershipYear
    /// The member's whole history: tiers never go down.
    case lifetime

    private enum CodingKeys: String, CodingKey { case rollingMonths }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let name = try? container.decode(String.self) {
            switch name {
            case "calendarYear": self = .calendarYear
            case "membershipYear": self = .membershipYear
            case "lifetime": self = .lifetime
            default:
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "unknown window '\(name)'; expected \"calendarYear\", \"membershipYear\", \"lifetime\" or {\"rollingMonths\": n}")
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let months = try container.decode(Int.self, forKey: .rollingMonths)
        guard (1...120).contains(months) else {
            throw DecodingError.dataCorruptedError(forKey: .rollingMonths, in: container, debugDescription: "rollingMonths must be 1...120, got \(months)")
        }
        self = .rollingMonths(months)
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .calendarYear: var c = encoder.singleValueContainer(); try c.encode("calendarYear")
        case .membershipYear: var c = encoder.singleValueContainer(); try c.encode("membershipYear")
        case .lifetime: var c = encoder.singleValueContainer(); try c.encode("lifetime")
        case .rollingMonths(let months):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(months, forKey: .rollingMonths)
        }
    }

    /// How many months of buckets the window can look back at.
    var lookbackMonths: Int {
        switch self {
        case .calendarYear, .membershipYear: 24
        case .rollingMonths(let months): months + 1
        case .lifetime: 0
        }
    }
}
