import Foundation
@testable import LoyaltyKit
import Testing

struct ISO8601Tests {
    @Test("instants format in UTC with milliseconds only when present", arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_740_821_400.0, "2025-03-01T09:30:00Z"),
        (1_740_821_400.25, "2025-03-01T09:30:00.250Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
    ])
    func formats(_ seconds: Double, _ text: String) {
        #expect(ISO8601.string(Date(timeIntervalSince1970: seconds)) == text)
        #expect(ISO8601.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test("offsets, bare days and lower-case separators parse", arguments: [
        ("2025-03-01T10:30:00+01:00", "2025-03-01T09:30:00Z"),
        ("2025-03-01T04:30-0500", "2025-03-01T09:30:00Z"),
        ("2025-03-01 09:30:00z", "2025-03-01T09:30:00Z"),
        ("2025-03-01", "2025-03-01T00:00:00Z"),
        ("2025-03-01T09:30:00.123456Z", "2025-03-01T09:30:00.123Z"),
    ])
    func parsesVariants(_ text: String, _ normalised: String) throws {
        let date = try #require(ISO8601.parse(text))
        #expect(ISO8601.string(date) == normalised)
    }

    @Test("malformed dates do not parse", arguments: [
        "", "2025", "2025-13-01", "2025-02-30", "2025-03-01T25:00Z", "2025-03-01T09:30", "2025-03-01T09:30:00Zjunk",
        "2025-03-01T09:30:00.Z", "25-03-01", "2025/03/01",
    ])
    func rejects(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("formatting then parsing returns the instant to the millisecond")
    func roundTrip() {
        var millis: Int64 = -2_000_000_000_000
        while millis < 5_000_000_000_000 {
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let parsed = ISO8601.parse(ISO8601.string(date))
            #expect(parsed.map { abs($0.timeIntervalSince(date)) < 1e-6 } == true, "\(date)")
            let whole = Date(timeIntervalSince1970: Double(millis / 1000))
            #expect(ISO8601.parse(ISO8601.string(whole)) == whole)
            millis += 3_207_427_123
        }
    }
}
