import Foundation
import LoyaltyKit
import Testing

struct MoneyTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        var text: String
        var currency: Currency
        var minorUnits: Int64
        var testDescription: String { "\"\(text)\" \(currency.code) = \(minorUnits)" }
    }

    @Test("decimal strings parse exactly into minor units", arguments: [
        ParseCase(text: "120.50", currency: .eur, minorUnits: 12_050),
        ParseCase(text: "120.5", currency: .eur, minorUnits: 12_050),
        ParseCase(text: "120", currency: .eur, minorUnits: 12_000),
        ParseCase(text: ".07", currency: .eur, minorUnits: 7),
        ParseCase(text: "-3.07", currency: .eur, minorUnits: -307),
        ParseCase(text: " 1500 ", currency: .jpy, minorUnits: 1_500),
        ParseCase(text: "1.234", currency: try! Currency(code: "KWD"), minorUnits: 1_234),
        ParseCase(text: "0.1", currency: try! Currency(code: "KWD"), minorUnits: 100),
    ])
    func parses(_ example: ParseCase) throws {
        let money = try Money(parsing: example.text, currency: example.currency)
        #expect(money.minorUnits == example.minorUnits)
        #expect(money.currency == example.currency)
    }

    @Test("malformed decimal strings are invalid input", arguments: ["", "abc", "1.2.3", ".", "-", "12,50", "1e3", "1.005", "€12"])
    func rejectsMalformed(_ text: String) {
        expectError(.invalidInput) { _ = try Money(parsing: text, currency: .eur) }
    }

    @Test("JPY has no decimals and KWD has three")
    func minorDigits() throws {
        expectError(.invalidInput) { _ = try Money(parsing: "10.5", currency: .jpy) }
        let kwd = try Currency(code: "kwd")
        expectError(.invalidInput) { _ = try Money(parsing: "1.2345", currency: kwd) }
        #expect(try Money(major: 3, currency: kwd).minorUnits == 3_000)
        #expect(try Money(major: 3, currency: .jpy).minorUnits == 3)
    }

    @Test("amounts format with symbol, code and the currency's digits")
    func formats() throws {
        #expect(eur(12_050).description == "€120.50")
        #expect(eur(-307).description == "-€3.07")
        #expect(eur(5).decimalString == "0.05")
        #expect(Money(minorUnits: 1_500, currency: .jpy).description == "¥1500")
        #expect(Money(minorUnits: 1_200, currency: .chf).description == "CHF 12.00")
        #expect(Money(minorUnits: 1_234, currency: try Currency(code: "KWD")).decimalString == "1.234")
        #expect(Money(minorUnits: Int64.min, currency: .eur).decimalString == "-92233720368547758.08")
    }

    @Test("parsing what was formatted gives the same amount", arguments: [Int64(0), 1, 99, 100, 12_345, -12_345, Int64.max])
    func formatParseRoundTrip(_ minorUnits: Int64) throws {
        let money = eur(minorUnits)
        #expect(try Money(parsing: money.decimalString, currency: .eur) == money)
    }

    @Test("overflowing arithmetic throws instead of trapping")
    func overflow() {
        let huge = eur(Int64.max)
        expectError(.overflow) { _ = try huge + eur(1) }
        expectError(.overflow) { _ = try eur(Int64.min) - eur(1) }
        expectError(.overflow) { _ = try huge.multiplied(by: 2) }
        expectError(.overflow) { _ = try Money(major: Int64.max / 10, currency: .eur) }
        expectError(.overflow) { _ = try Money(parsing: "92233720368547758.08", currency: .eur) }
    }

    @Test("mixing currencies throws a currency mismatch")
    func currencyMismatch() {
        let usd = Money(minorUnits: 100, currency: .usd)
        let error = expectError(.currencyMismatch) { _ = try eur(100) + usd }
        #expect(error?.message.contains("USD") == true)
        expectError(.currencyMismatch) { _ = try eur(100) - usd }
    }

    @Test("arithmetic in one currency is exact")
    func arithmetic() throws {
        #expect(try eur(12_000) + eur(4_550) == eur(16_550))
        #expect(try eur(100) - eur(250) == eur(-150))
        #expect(try eur(1_999).multiplied(by: 3) == eur(5_997))
        #expect(eur(100) < eur(101))
        #expect(Money.zero(.eur).isZero)
    }

    @Test("money is JSON minor units and a currency code")
    func codable() throws {
        let data = try LoyaltyJSON.makeEncoder().encode(eur(16_550))
        #expect(String(decoding: data, as: UTF8.self) == #"{"currency":"EUR","minorUnits":16550}"#)
        #expect(try LoyaltyJSON.decode(Money.self, from: data) == eur(16_550))
        let error = expectError(.invalidInput) {
            _ = try LoyaltyJSON.decode(Money.self, from: Data(#"{"currency":"XYZ","minorUnits":1}"#.utf8))
        }
        #expect(error?.location == "$.currency")
    }
}

struct CurrencyTests {
    @Test("ISO codes are looked up case-insensitively with their minor digits", arguments: [
        ("EUR", 2), ("usd", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("BHD", 3), ("CLF", 4),
    ])
    func lookup(_ code: String, _ digits: Int) throws {
        let currency = try Currency(code: code)
        #expect(currency.code == code.uppercased())
        #expect(currency.minorUnitDigits == digits)
    }

    @Test("unknown ISO codes are refused", arguments: ["XYZ", "EU", "EURO", "", "€"])
    func unknown(_ code: String) {
        expectError(.unknownCurrency) { _ = try Currency(code: code) }
    }

    @Test("custom currencies need three letters and 0...4 digits")
    func custom() throws {
        let token = try Currency(code: "tok", minorUnitDigits: 0)
        #expect(token.code == "TOK")
        expectError(.invalidInput) { _ = try Currency(code: "TO", minorUnitDigits: 0) }
        expectError(.invalidInput) { _ = try Currency(code: "T0K", minorUnitDigits: 0) }
        expectError(.invalidInput) { _ = try Currency(code: "TOK", minorUnitDigits: 5) }
    }

    @Test("ISO currencies are written as their code, others as code and digits, and both read back")
    func codableForms() throws {
        let token = try Currency(code: "TOK", minorUnitDigits: 0)
        let encoder = LoyaltyJSON.makeEncoder()
        #expect(String(decoding: try encoder.encode([Currency.eur, token]), as: UTF8.self)
            == #"["EUR",{"code":"TOK","minorUnitDigits":0}]"#)
        let decoded = try LoyaltyJSON.makeDecoder().decode([Currency].self, from: try encoder.encode([Currency.eur, token]))
        #expect(decoded == [.eur, token])
        #expect(throws: DecodingError.self) {
            _ = try LoyaltyJSON.makeDecoder().decode(Currency.self, from: Data(#"{"code":"T0K","minorUnitDigits":0}"#.utf8))
        }
    }
}

struct PointsTests {
    @Test("checked point arithmetic throws on overflow")
    func overflow() throws {
        expectError(.overflow) { _ = try Points(Int64.max).adding(1) }
        expectError(.overflow) { _ = try Points(Int64.min).subtracting(1) }
        #expect(try Points(40).adding(2) == 42)
        #expect(try Points(40).subtracting(50) == -10)
    }

    @Test("points are plain JSON integers")
    func codable() throws {
        let data = try LoyaltyJSON.makeEncoder().encode([Points(500), -20])
        #expect(String(decoding: data, as: UTF8.self) == "[500,-20]")
        #expect(try LoyaltyJSON.decode([Points].self, from: data) == [500, -20])
        expectError(.invalidInput) { _ = try LoyaltyJSON.decode(Points.self, from: Data("1.5".utf8)) }
    }

    @Test("factors are exact thousandths and reject more decimals")
    func factors() throws {
        #expect(try Factor(validating: 1.5).thousandths == 1_500)
        #expect(Factor(1.25).description == "×1.25")
        #expect(Factor(2).description == "×2")
        #expect(Factor(thousandths: 1_050).description == "×1.05")
        expectError(.invalidInput) { _ = try Factor(validating: 1.0005) }
        expectError(.invalidInput) { _ = try Factor(validating: -1) }
        expectError(.invalidInput) { _ = try Factor(validating: .infinity) }
    }
}
