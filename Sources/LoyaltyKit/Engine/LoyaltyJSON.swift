import Foundation

/// The JSON conventions LoyaltyKit uses for programmes, activities, states and exports:
/// ISO 8601 dates in UTC (`2026-03-01T09:30:00Z`, milliseconds when present), sorted keys.
public enum LoyaltyJSON {
    /// An encoder with LoyaltyKit's conventions.
    public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        return encoder
    }

    /// A decoder with LoyaltyKit's conventions, reading rule kinds from `registry`.
    ///
    /// Dates are read from ISO 8601 strings with `Z` or an offset (`2026-03-01T09:30:00+01:00`),
    /// or a bare day (`2026-03-01`, midnight UTC).
    public static func makeDecoder(registry: RuleRegistry = .builtIn) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[RuleRegistry.userInfoKey] = registry
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 date such as 2026-03-01T09:30:00Z")
            }
            return date
        }
        return decoder
    }

    /// Decodes a value, turning any failure into a ``LoyaltyError`` that names the source and
    /// the JSON path: `programme.json: $.earning[2].per: expected Money…`.
    /// - Throws: ``LoyaltyError`` with `code`.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, registry: RuleRegistry = .builtIn, source: String? = nil,
        code: LoyaltyError.Code = .invalidInput
    ) throws -> T {
        do {
            return try makeDecoder(registry: registry).decode(type, from: data)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            throw LoyaltyError(code, message, location: [source, path].compactMap { $0 }.joined(separator: ": "))
        } catch {
            throw LoyaltyError(code, "not valid JSON", location: source, underlying: String(describing: error))
        }
    }

    /// A JSON path (`$.tiers.tiers[1].threshold`) and a message for a decoding error.
    public static func describe(_ error: DecodingError) -> (path: String, message: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = "$"
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
            }
            return text
        }
        switch error {
        case let .keyNotFound(key, context):
            return (path(context.codingPath), "missing key '\(key.stringValue)'")
        case let .typeMismatch(type, context):
            return (path(context.codingPath), "expected \(describeType(type)): \(context.debugDescription)")
        case let .valueNotFound(type, context):
            return (path(context.codingPath), "expected \(describeType(type)) but found null")
        case let .dataCorrupted(context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return (path(context.codingPath), underlying.map { "\(context.debugDescription) (\($0))" } ?? context.debugDescription)
        @unknown default:
            return ("$", String(describing: error))
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
