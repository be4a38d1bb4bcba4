import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Transaction log reader")
struct CustomerValueTransactionLogReaderTests {
    @Test("decimal amounts convert exactly to minor units", arguments: [
        ("29.33", 2933 as Int64?), ("0", 0), ("0.5", 50), ("1286.01", 128_601), (".25", 25), ("-3.10", -310),
        ("1.234", nil), ("12a", nil), ("", nil), (".", nil), ("1.2.3", nil),
    ])
    func amounts(text: String, expected: Int64?) {
        #expect(CustomerValueTransactionLogReader.minorUnits(text, digits: 2) == expected)
    }

    @Test("CRLF whitespace logs parse and errors name the source and line")
    func parsingAndErrors() throws {
        let reader = CustomerValueTransactionLogReader.cdnowSample
        var parsed: [CustomerValueTransaction] = []
        try reader.forEachTransaction(in: Data(" 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n\r\n".utf8),
                                      source: "log.txt") { parsed.append($0) }
        #expect(parsed.count == 2)
        #expect(parsed[1].customerID == "0001" && parsed[1].amountMinorUnits == 2973)
        do {
            try reader.forEachTransaction(in: Data(" 1 2 19970101 1 1.00\n 1 2 19971341 1 2.00\n".utf8), source: "bad.txt") { _ in }
            Issue.record("bad date accepted")
        } catch let error as LoyaltyError {
            #expect(error.location == "bad.txt:2")
            #expect(error.code == .invalidData)
        }
        #expect(throws: LoyaltyError.self) { _ = try reader.transactions(inFile: "/nonexistent/cdnow.txt") }
    }
}
