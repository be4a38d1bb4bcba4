import Foundation

/// Exact, allocation-light ISO 8601 formatting and parsing of instants (always in UTC on output).
enum ISO8601 {
    /// `2026-03-01T09:30:00Z`, with `.sss` milliseconds when the instant has them.
    static func string(_ date: Date) -> String {
        let totalMillis = (date.timeIntervalSince1970 * 1000).rounded()
        let millis = Int64(totalMillis)
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = Int(millis - seconds * 1000)
        let day = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(day) * 86_400)
        let civil = CivilDate(dayNumber: day)
        var text = civil.description + "T" + pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60) + ":" + pad(secondOfDay % 60)
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return text + "Z"
    }

    /// `2026-03-01` (UTC day).
    static func dayString(_ date: Date) -> String {
        String(string(date).prefix(10))
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH:MM|±HHMM)` or a date `YYYY-MM-DD` (midnight UTC).
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        let civil = CivilDate(year: year, month: month, day: day)
        guard civil.isValid else { return nil }
        var seconds = Double(civil.dayNumber) * 86_400
        if index == bytes.count { return Date(timeIntervalSince1970: seconds) }
        guard expect(84) || expect(32), let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(58) {
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if expect(46) {
                var fraction = 0
                var divisor = 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if divisor < 1_000_000_000 {
                        fraction = fraction * 10 + Int(bytes[index] - 48)
                        divisor *= 10
                    }
                    index += 1
                }
                guard divisor > 1 else { return nil }
                seconds += Double(fraction) / Double(divisor)
            }
        }
        if expect(90) || expect(122) {
            return index == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
        }
        guard index < bytes.count, bytes[index] == 43 || bytes[index] == 45 else { return nil }
        let sign: Double = bytes[index] == 45 ? -1 : 1
        index += 1
        guard let offsetHours = number(2) else { return nil }
        _ = expect(58)
        guard let offsetMinutes = number(2), index == bytes.count else { return nil }
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: seconds)
    }
}
