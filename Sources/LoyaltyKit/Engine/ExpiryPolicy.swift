import Foundation

/// When unspent points expire.
///
/// Expired points leave the balance through `expire` ledger entries dated at the expiry
/// instant — never silently. Redemptions always spend the soonest-expiring points first.
public enum ExpiryPolicy: Sendable, Hashable, Codable {
    /// Points never expire.
    case never
    /// Each lot expires `n` calendar months after it was earned (same local time, day clamped).
    case rollingMonths(Int)
    /// Each lot expires at the end of the month, quarter or year in which the date `n` months
    /// after earning falls: "points expire at the end of the year after next".
    case endOfPeriod(afterMonths: Int, period: CalendarPeriod)
    /// All points expire when the member has had no earning, redemption or adjustment for `n` months.
    case inactivityMonths(Int)

    /// A calendar period for ``endOfPeriod(afterMonths:period:)``.
    public enum CalendarPeriod: String, Sendable, Hashable, Codable, CaseIterable {
        case month, quarter, year
    }

    /// A short name for ledger entries: `rolling-24-months`.
    public var name: String {
        switch self {
        case .never: "never"
        case .rollingMonths(let months): "rolling \(months) months"
        case let .endOfPeriod(months, period): "end of the \(period.rawValue) \(months) months after earning"
        case .inactivityMonths(let months): "\(months) months without activity"
        }
    }

    /// The expiry instant of a lot earned at `date`, or `nil` when lots don't expire on their own.
    func expiry(ofLotEarnedAt date: Date, calendar: BusinessCalendar) -> Date? {
        switch self {
        case .never, .inactivityMonths:
            return nil
        case .rollingMonths(let months):
            return calendar.adding(months: months, to: date)
        case let .endOfPeriod(months, period):
            let target = calendar.civilDate(of: date).addingMonths(months)
            let span: Int
            switch period {
            case .month: span = 1
            case .quarter: span = 3
            case .year: span = 12
            }
            let firstMonthOfPeriod = target.monthIndex - (target.month - 1) % span
            return calendar.startOfMonth(index: firstMonthOfPeriod + span)
        }
    }

    private enum CodingKeys: String, CodingKey { case rollingMonths, endOfPeriod, inactivityMonths, afterMonths, period }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            guard name == "never" else {
                throw DecodingError.dataCorruptedError(
                    in: single, debugDescription: "unknown expiry '\(name)'; expected \"never\", {\"rollingMonths\": n}, {\"endOfPeriod\": {\"afterMonths\": n, \"period\": \"year\"}} or {\"inactivityMonths\": n}")
            }
            self = .never
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func months(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws -> Int {
            let value = try container.decode(Int.self, forKey: key)
            guard (1...1200).contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "months must be 1...1200, got \(value)")
            }
            return value
        }
        if container.contains(.rollingMonths) {
            self = .rollingMonths(try months(.rollingMonths, in: container))
        } else if container.contains(.inactivityMonths) {
            self = .inactivityMonths(try months(.inactivityMonths, in: container))
        } else if container.contains(.endOfPeriod) {
            let nested = try container.nestedContainer(keyedBy: CodingKeys.self, forKey: .endOfPeriod)
            let after = try nested.decode(Int.self, forKey: .afterMonths)
            guard (0...1200).contains(after) else {
                throw DecodingError.dataCorruptedError(forKey: .afterMonths, in: nested, debugDescription: "afterMonths must be 0...1200, got \(after)")
            }
            self = .endOfPeriod(afterMonths: after, period: try nested.decode(CalendarPeriod.self, forKey: .period))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath,
                debugDescription: "expected \"never\" or one of the keys rollingMonths, endOfPeriod, inactivityMonths"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .never:
            var single = encoder.singleValueContainer()
            try single.encode("never")
        case .rollingMonths(let months):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(months, forKey: .rollingMonths)
        case .inactivityMonths(let months):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(months, forKey: .inactivityMonths)
        case let .endOfPeriod(months, period):
            var container = encoder.container(keyedBy: CodingKeys.self)
            var nested = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .endOfPeriod)
            try nested.encode(months, forKey: .afterMonths)
            try nested.encode(period, forKey: .period)
        }
    }
}
