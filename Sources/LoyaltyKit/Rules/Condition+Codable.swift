import Foundation

extension Condition: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let names = [
        "activityType", "category", "channel", "tier", "dateRange", "weekday", "month", "offPeak", "firstPurchase",
        "birthdayMonth", "interaction", "tag", "attribute", "minimumAmount", "minimumNights", "all", "any", "not",
    ]

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            switch name {
            case "always": self = .always
            case "offPeak": self = .offPeak
            case "firstPurchase": self = .firstPurchase
            case "birthdayMonth": self = .birthdayMonth
            default:
                throw DecodingError.dataCorruptedError(
                    in: single, debugDescription: "unknown condition '\(name)'; expected \"always\", \"offPeak\", \"firstPurchase\", \"birthdayMonth\" or an object with one of: \(Self.names.joined(separator: ", "))")
            }
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath,
                debugDescription: "a condition object has exactly one key, one of: \(Self.names.joined(separator: ", "))"))
        }
        switch key.stringValue {
        case "activityType": self = .activityType(try container.decode(Set<ActivityType>.self, forKey: key))
        case "category": self = .category(try container.decode(Set<String>.self, forKey: key))
        case "channel": self = .channel(try container.decode(Set<Channel>.self, forKey: key))
        case "tier": self = .tier(try container.decode(Set<String>.self, forKey: key))
        case "dateRange":
            let range = try container.decode(DateRange.self, forKey: key)
            self = .dateRange(from: range.from, until: range.until)
        case "weekday": self = .weekday(try container.decode(Set<Weekday>.self, forKey: key))
        case "month":
            let months = try container.decode(Set<Int>.self, forKey: key)
            guard months.allSatisfy({ (1...12).contains($0) }) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "months are 1...12")
            }
            self = .month(months)
        case "offPeak", "firstPurchase", "birthdayMonth":
            guard try container.decode(Bool.self, forKey: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "\(key.stringValue) can only be true; write {\"not\": \"\(key.stringValue)\"} for the opposite")
            }
            switch key.stringValue {
            case "offPeak": self = .offPeak
            case "firstPurchase": self = .firstPurchase
            default: self = .birthdayMonth
            }
        case "interaction": self = .interaction(try container.decode(Set<InteractionKind>.self, forKey: key))
        case "tag": self = .tag(try container.decode(String.self, forKey: key))
        case "attribute":
            let pair = try container.decode([String: String].self, forKey: key)
            guard pair.count == 1, let (name, value) = pair.first else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "attribute takes one {\"name\": \"value\"} pair")
            }
            self = .attribute(name, equals: value)
        case "minimumAmount": self = .minimumAmount(try container.decode(Int64.self, forKey: key))
        case "minimumNights": self = .minimumNights(try container.decode(Int.self, forKey: key))
        case "all": self = .all(try container.decode([Condition].self, forKey: key))
        case "any": self = .any(try container.decode([Condition].self, forKey: key))
        case "not": self = .not(try container.decode(Condition.self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "unknown condition '\(key.stringValue)'; expected one of: \(Self.names.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        func single(_ name: String) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
        switch self {
        case .always: return try single("always")
        case .offPeak: return try single("offPeak")
        case .firstPurchase: return try single("firstPurchase")
        case .birthdayMonth: return try single("birthdayMonth")
        default: break
        }
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .always, .offPeak, .firstPurchase, .birthdayMonth: break
        case .activityType(let v): try container.encode(v.map(\.rawValue).sorted(), forKey: Key("activityType"))
        case .category(let v): try container.encode(v.sorted(), forKey: Key("category"))
        case .channel(let v): try container.encode(v.map(\.rawValue).sorted(), forKey: Key("channel"))
        case .tier(let v): try container.encode(v.sorted(), forKey: Key("tier"))
        case let .dateRange(from, until): try container.encode(DateRange(from: from, until: until), forKey: Key("dateRange"))
        case .weekday(let v): try container.encode(v.map(\.rawValue).sorted(), forKey: Key("weekday"))
        case .month(let v): try container.encode(v.sorted(), forKey: Key("month"))
        case .interaction(let v): try container.encode(v.map(\.rawValue).sorted(), forKey: Key("interaction"))
        case .tag(let v): try container.encode(v, forKey: Key("tag"))
        case let .attribute(name, value): try container.encode([name: value], forKey: Key("attribute"))
        case .minimumAmount(let v): try container.encode(v, forKey: Key("minimumAmount"))
        case .minimumNights(let v): try container.encode(v, forKey: Key("minimumNights"))
        case .all(let v): try container.encode(v, forKey: Key("all"))
        case .any(let v): try container.encode(v, forKey: Key("any"))
        case .not(let v): try container.encode(v, forKey: Key("not"))
        case .custom(let name, _):
            throw EncodingError.invalidValue(self, .init(
                codingPath: encoder.codingPath,
                debugDescription: "custom condition '\(name)' is a closure and cannot be written to JSON"))
        }
    }

    private struct DateRange: Codable {
        var from: Date?
        var until: Date?
    }
}
