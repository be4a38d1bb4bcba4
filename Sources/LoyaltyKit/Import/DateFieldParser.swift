import Foundation

/// Parses date fields in one ``TransactionImporter/DateFormat`` into instants.
struct DateFieldParser {
    private enum Token: Equatable {
        case year
        case month(fixed: Bool)
        case day(fixed: Bool)
        case hour(fixed: Bool)
        case minute(fixed: Bool)
        case second(fixed: Bool)
        case fraction
        case literal([UInt8])
    }

    /// `nil` for ISO 8601.
    private let tokens: [Token]?
    private let calendar: BusinessCalendar
    /// The format as people write it, for messages.
    let formatDescription: String

    /// Compiles a format.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a pattern with unsupported letters,
    ///   an unterminated quote, or no year, month and day.
    init(_ format: TransactionImporter.DateFormat, calendar: BusinessCalendar) throws {
        self.calendar = calendar
        switch format {
        case .iso8601:
            tokens = nil
            formatDescription = "an ISO 8601 date such as 2025-03-01 or 2025-03-01T14:30:00Z"
        case .pattern(let pattern):
            tokens = try Self.tokens(of: pattern)
            formatDescription = pattern
        }
    }

    private static func tokens(of pattern: String) throws -> [Token] {
        var tokens: [Token] = []
        let characters = Array(pattern)
        var index = 0
        func literal(_ text: String) {
            if case .literal(let bytes)? = tokens.last {
                tokens[tokens.count - 1] = .literal(bytes + Array(text.utf8))
            } else {
                tokens.append(.literal(Array(text.utf8)))
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                var end = index + 1
                var text = ""
                while end < characters.count, characters[end] != "'" {
                    text.append(characters[end])
                    end += 1
                }
                guard end < characters.count else {
                    throw LoyaltyError(.invalidInput, "date pattern '\(pattern)' has an unterminated quote")
                }
                literal(end == index + 1 ? "'" : text)
                index = end + 1
                continue
            }
            guard character.isLetter else {
                literal(String(character))
                index += 1
                continue
            }
            var count = 1
            while index + count < characters.count, characters[index + count] == character { count += 1 }
            let token: Token?
            switch (character, count) {
            case ("y", 4): token = .year
            case ("M", 1...2): token = .month(fixed: count == 2)
            case ("d", 1...2): token = .day(fixed: count == 2)
            case ("H", 1...2): token = .hour(fixed: count == 2)
            case ("m", 1...2): token = .minute(fixed: count == 2)
            case ("s", 1...2): token = .second(fixed: count == 2)
            case ("S", _): token = .fraction
            default: token = nil
            }
            guard let token else {
                throw LoyaltyError(.invalidInput, "date pattern '\(pattern)': '\(String(repeating: character, count: count))' is not supported (use yyyy, MM, M, dd, d, HH, H, mm, m, ss, s, S…)")
            }
            tokens.append(token)
            index += count
        }
        let has = { (wanted: (Token) -> Bool) in tokens.contains(where: wanted) }
        guard has({ $0 == .year }), has({ if case .month = $0 { true } else { false } }),
              has({ if case .day = $0 { true } else { false } }) else {
            throw LoyaltyError(.invalidInput, "date pattern '\(pattern)' needs a year (yyyy), a month (MM) and a day (dd)")
        }
        return tokens
    }

    /// The instant a field denotes, or `nil` when it does not match the format or names a
    /// day or time that does not exist.
    func date(from text: Substring) -> Date? {
        var bytes = Array(text.utf8)[...]
        guard let tokens else { return isoDate(&bytes) }
        var fields = LocalFields()
        for token in tokens {
            switch token {
            case .year: guard let value = Self.number(&bytes, digits: 4...4) else { return nil }; fields.year = value
            case .month(let fixed): guard let value = Self.number(&bytes, digits: fixed ? 2...2 : 1...2) else { return nil }; fields.month = value
            case .day(let fixed): guard let value = Self.number(&bytes, digits: fixed ? 2...2 : 1...2) else { return nil }; fields.day = value
            case .hour(let fixed): guard let value = Self.number(&bytes, digits: fixed ? 2...2 : 1...2) else { return nil }; fields.hour = value
            case .minute(let fixed): guard let value = Self.number(&bytes, digits: fixed ? 2...2 : 1...2) else { return nil }; fields.minute = value
            case .second(let fixed): guard let value = Self.number(&bytes, digits: fixed ? 2...2 : 1...2) else { return nil }; fields.second = value
            case .fraction: guard let value = Self.fraction(&bytes) else { return nil }; fields.fraction = value
            case .literal(let literal):
                guard bytes.starts(with: literal) else { return nil }
                bytes = bytes.dropFirst(literal.count)
            }
        }
        return bytes.isEmpty ? fields.date(in: calendar) : nil
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.f…]]][Z|±HH[[:]MM]]`.
    private func isoDate(_ bytes: inout ArraySlice<UInt8>) -> Date? {
        var fields = LocalFields()
        guard let year = Self.number(&bytes, digits: 4...4), Self.skip(&bytes, "-"),
              let month = Self.number(&bytes, digits: 2...2), Self.skip(&bytes, "-"),
              let day = Self.number(&bytes, digits: 2...2) else { return nil }
        (fields.year, fields.month, fields.day) = (year, month, day)
        if bytes.isEmpty { return fields.date(in: calendar) }
        guard Self.skip(&bytes, "T") || Self.skip(&bytes, "t") || Self.skip(&bytes, " "),
              let hour = Self.number(&bytes, digits: 2...2), Self.skip(&bytes, ":"),
              let minute = Self.number(&bytes, digits: 2...2) else { return nil }
        (fields.hour, fields.minute) = (hour, minute)
        if Self.skip(&bytes, ":") {
            guard let second = Self.number(&bytes, digits: 2...2) else { return nil }
            fields.second = second
            if Self.skip(&bytes, ".") || Self.skip(&bytes, ",") {
                guard let fraction = Self.fraction(&bytes) else { return nil }
                fields.fraction = fraction
            }
        }
        if bytes.isEmpty { return fields.date(in: calendar) }
        var offset = 0
        if Self.skip(&bytes, "Z") || Self.skip(&bytes, "z") {
            offset = 0
        } else {
            guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            bytes = bytes.dropFirst()
            guard let hours = Self.number(&bytes, digits: 2...2), hours <= 18 else { return nil }
            var minutes = 0
            if !bytes.isEmpty {
                _ = Self.skip(&bytes, ":")
                guard let value = Self.number(&bytes, digits: 2...2), value < 60 else { return nil }
                minutes = value
            }
            offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard bytes.isEmpty, let (civil, secondOfDay) = fields.validated() else { return nil }
        return Date(timeIntervalSince1970: Double(civil.dayNumber) * 86_400 + Double(secondOfDay - offset) + fields.fraction)
    }

    /// The fields of a local date and time.
    private struct LocalFields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = 0.0

        func validated() -> (CivilDate, Int)? {
            let civil = CivilDate(year: year, month: month, day: day)
            guard civil.isValid, hour < 24, minute < 60, second < 60 else { return nil }
            return (civil, hour * 3600 + minute * 60 + second)
        }

        func date(in calendar: BusinessCalendar) -> Date? {
            guard let (civil, _) = validated() else { return nil }
            return calendar.date(civil, hour: hour, minute: minute, second: second).addingTimeInterval(fraction)
        }
    }

    private static func skip(_ bytes: inout ArraySlice<UInt8>, _ character: Unicode.Scalar) -> Bool {
        guard bytes.first == UInt8(ascii: character) else { return false }
        bytes = bytes.dropFirst()
        return true
    }

    /// Reads as many digits as `digits` allows (greedily), at least its lower bound.
    private static func number(_ bytes: inout ArraySlice<UInt8>, digits: ClosedRange<Int>) -> Int? {
        var value = 0, count = 0
        while count < digits.upperBound, let byte = bytes.first, byte >= 48, byte <= 57 {
            value = value * 10 + Int(byte - 48)
            count += 1
            bytes = bytes.dropFirst()
        }
        return count >= digits.lowerBound ? value : nil
    }

    /// Reads one or more digits as a fraction of a second (nanosecond precision).
    private static func fraction(_ bytes: inout ArraySlice<UInt8>) -> Double? {
        var value = 0, divisor = 1, count = 0
        while let byte = bytes.first, byte >= 48, byte <= 57 {
            if divisor < 1_000_000_000 {
                value = value * 10 + Int(byte - 48)
                divisor *= 10
            }
            count += 1
            bytes = bytes.dropFirst()
        }
        return count > 0 ? Double(value) / Double(divisor) : nil
    }
}
