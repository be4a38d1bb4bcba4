import Testing
@testable import LoyaltyKit

@Suite("Decimal text")
struct DecimalTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var value: Double
        var digits: Int
        var shift = 0
        var expected: String
        var testDescription: String { "\(value) at \(digits) digits (shift \(shift)) is \(expected)" }
    }

    @Test("rounds half away from zero on the shortest decimal text, without locale", arguments: [
        Case(value: 2.675, digits: 2, expected: "2.68"),
        Case(value: -2.675, digits: 2, expected: "-2.68"),
        Case(value: 0.5, digits: 0, expected: "1"),
        Case(value: -0.5, digits: 0, expected: "-1"),
        Case(value: 1.5, digits: 0, expected: "2"),
        Case(value: 2.5, digits: 0, expected: "3"),
        Case(value: 0.4999, digits: 0, expected: "0"),
        Case(value: 9.995, digits: 2, expected: "10.00"),
        Case(value: 999.96, digits: 1, expected: "1000.0"),
        Case(value: -0.001, digits: 2, expected: "0.00"),
        Case(value: -0.0, digits: 1, expected: "0.0"),
        Case(value: 0, digits: 3, expected: "0.000"),
        Case(value: 1e-5, digits: 6, expected: "0.000010"),
        Case(value: 1.2345e20, digits: 0, expected: "123450000000000000000"),
        Case(value: 1234567.891, digits: 2, expected: "1234567.89"),
        Case(value: 0.1 + 0.2, digits: 2, expected: "0.30"),
        Case(value: 3, digits: -1, expected: "3"),
        Case(value: 0.145, digits: 1, shift: 2, expected: "14.5"),
        Case(value: 0.125, digits: 0, shift: 2, expected: "13"),
        Case(value: 1, digits: 1, shift: 2, expected: "100.0"),
        Case(value: 0.0005, digits: 1, shift: 2, expected: "0.1"),
    ])
    func rounding(_ example: Case) {
        #expect(DecimalText.format(example.value, fractionDigits: example.digits, shift: example.shift) == example.expected)
    }

    @Test("NaN and infinities have no decimal text", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ value: Double) {
        #expect(DecimalText.format(value, fractionDigits: 2) == nil)
    }
}
