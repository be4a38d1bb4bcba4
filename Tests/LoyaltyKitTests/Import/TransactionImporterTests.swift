import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Transaction importer")
struct TransactionImporterTests {
    static let lisbon = BusinessCalendar(timeZone: TZ.lisbon)

    @Test("a CSV with a header becomes one purchase per line, dated in the business's time zone")
    func basicImport() throws {
        let text = """
            customer,date,amount,category
            ana,2025-03-01,12.50,coffee
            "bo, jr",2025-07-15 18:30,100,
            ana,2025-02-01T09:00:00Z,0.99,"cakes"

            """
        let importer = TransactionImporter(currency: .eur, calendar: Self.lisbon,
                                           columns: .init(category: "category"))
        let result = try importer.read(text, source: "sales.csv")
        #expect(result.activities.map(\.id) == ["csv:2", "csv:3", "csv:4"])
        #expect(result.lines == [2, 3, 4])
        #expect(result.activities.map(\.customerID) == ["ana", "bo, jr", "ana"])
        #expect(result.activities.map(\.amount) == [eur(1_250), eur(10_000), eur(99)])
        #expect(result.activities.map(\.date) == [local(2025, 3, 1, hour: 0), local(2025, 7, 15, hour: 18, minute: 30), utc("2025-02-01T09:00:00Z")])
        #expect(result.activities.map(\.channel) == [.inStore, .inStore, .inStore])
        let categories = result.activities.map { activity -> String? in
            if case .purchase(let purchase) = activity.kind { return purchase.lines.first?.category }
            return nil
        }
        #expect(categories == ["coffee", nil, "cakes"])
        #expect(result.customerIDs == ["ana", "bo, jr"])
        #expect(result.firstPurchaseDates["ana"] == utc("2025-02-01T09:00:00Z"))
        #expect(result.source == "sales.csv")
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        var format: TransactionImporter.DateFormat
        var text: String
        var expected: String
        var testDescription: String { "\(text) as \(format) is \(expected)" }
    }

    @Test("dates in ISO 8601 and in patterns; without an offset they are local to the calendar", arguments: [
        DateCase(format: .iso8601, text: "2025-03-01", expected: "2025-03-01T00:00:00Z"),
        DateCase(format: .iso8601, text: "2025-07-01", expected: "2025-06-30T23:00:00Z"),
        DateCase(format: .iso8601, text: "2025-07-01T09:05", expected: "2025-07-01T08:05:00Z"),
        DateCase(format: .iso8601, text: "2025-07-01 09:05:30", expected: "2025-07-01T08:05:30Z"),
        DateCase(format: .iso8601, text: "2025-07-01T09:05:30.250Z", expected: "2025-07-01T09:05:30.250Z"),
        DateCase(format: .iso8601, text: "2025-07-01T09:05:30+02:00", expected: "2025-07-01T07:05:30Z"),
        DateCase(format: .iso8601, text: "2025-07-01T09:05:30-0500", expected: "2025-07-01T14:05:30Z"),
        DateCase(format: .compact, text: "19970101", expected: "1997-01-01T00:00:00Z"),
        DateCase(format: .dayMonthYear, text: "31/12/2024", expected: "2024-12-31T00:00:00Z"),
        DateCase(format: .monthDayYear, text: "12/31/2024", expected: "2024-12-31T00:00:00Z"),
        DateCase(format: .pattern("d.M.yyyy H:mm"), text: "1.7.2025 9:05", expected: "2025-07-01T08:05:00Z"),
        DateCase(format: .pattern("yyyy-MM-dd'T'HH:mm:ss.SSS"), text: "2025-01-02T03:04:05.006", expected: "2025-01-02T03:04:05.006Z"),
    ])
    func dates(_ example: DateCase) throws {
        let importer = TransactionImporter(currency: .eur, calendar: Self.lisbon, columns: .init(customer: 1, date: 2, amount: nil),
                                           hasHeader: false, dateFormat: example.format)
        let result = try importer.read("ana,\(example.text)")
        #expect(result.activities.first?.date == utc(example.expected))
    }

    @Test("impossible dates and text that does not match the format are bad dates", arguments: [
        (TransactionImporter.DateFormat.iso8601, "2025-02-30"), (.iso8601, "2025-13-01"), (.iso8601, "01/03/2025"),
        (.iso8601, "2025-03-01T25:00"), (.iso8601, "2025-03-01x"), (.compact, "1997011"), (.dayMonthYear, "2025-03-01"),
        (.dayMonthYear, "31/04/2025"), (.iso8601, ""),
    ])
    func badDates(format: TransactionImporter.DateFormat, text: String) {
        let importer = TransactionImporter(currency: .eur, calendar: .utc, columns: .init(customer: 1, date: 2, amount: nil),
                                           hasHeader: false, dateFormat: format)
        let error = expectError(.invalidData) { _ = try importer.read("ana,\(text)", source: "log.csv") }
        #expect(error?.location == "log.csv:1:2")
    }

    @Test("unsupported date patterns are rejected before reading", arguments: ["yy-MM-dd", "MMM d, yyyy", "HH:mm", "yyyy-MM-dd'T"])
    func badPatterns(_ pattern: String) {
        let importer = TransactionImporter(currency: .eur, calendar: .utc, dateFormat: .pattern(pattern))
        expectError(.invalidInput) { _ = try importer.read("customer,date,amount\n") }
    }

    @Test("a decimal comma, a thousands separator and semicolons, as spreadsheets in Europe write them")
    func europeanNumbers() throws {
        let importer = TransactionImporter(currency: .eur, calendar: Self.lisbon, columns: .init(customer: "Cliente", date: "Data", amount: "Valor"),
                                           delimiter: .semicolon, dateFormat: .dayMonthYear, decimalSeparator: ",", groupingSeparator: ".")
        let result = try importer.read("Cliente;Data;Valor\nana;01/03/2025;1.234,56\nbo;02/03/2025;7\nci;03/03/2025;0,5\n")
        #expect(result.activities.map(\.amount) == [eur(123_456), eur(700), eur(50)])
        // With a decimal comma, a point that is not the grouping separator is an error, not a decimal point.
        let strict = TransactionImporter(currency: .eur, calendar: .utc, delimiter: .semicolon, decimalSeparator: ",")
        let error = expectError(.invalidData) { _ = try strict.read("customer;date;amount\nana;2025-03-01;1.5\n") }
        #expect(error?.location == "text:2:3")
    }

    @Test("amounts are exact in the currency's minor units", arguments: [
        (Currency.eur, "19.99", Int64(1_999)), (.jpy, "1500", 1_500), (.eur, "  3 ", 300), (.eur, ".5", 50), (.usd, "+7.1", 710), (.eur, "\u{A0}3\u{A0}", 300),
    ] as [(Currency, String, Int64)])
    func amounts(currency: Currency, text: String, minorUnits: Int64) throws {
        let importer = TransactionImporter(currency: currency, calendar: .utc, columns: .init(customer: 1, date: 2, amount: 3), hasHeader: false)
        let result = try importer.read("ana,2025-01-01,\"\(text)\"")
        #expect(result.activities.first?.amount == Money(minorUnits: minorUnits, currency: currency))
    }

    @Test("errors name the line and the column", arguments: [
        ("customer,date,amount\nana,2025-01-01,1\nbo,2025-01-32,5\n", "sales.csv:3:2", "invalid date '2025-01-32'"),
        ("customer,date,amount\nana,2025-01-01,12.345\n", "sales.csv:2:3", "invalid amount '12.345'"),
        ("customer,date,amount\nana,2025-01-01,twelve\n", "sales.csv:2:3", "invalid amount 'twelve'"),
        ("customer,date,amount\nana,2025-01-01,\n", "sales.csv:2:3", "invalid amount ''"),
        ("customer,date,amount\nana,2025-01-01,-5\n", "sales.csv:2:3", "negative"),
        ("customer,date,amount\nana,2025-01-01,999999999999999\n", "sales.csv:2:3", "exceeds"),
        ("customer,date,amount\nana,2025-01-01\n", "sales.csv:2:3", "missing column 3 (amount)"),
        ("customer,date,amount\n  ,2025-01-01,1\n", "sales.csv:2:1", "customer id is empty"),
        ("customer,date,amount\nana,2025-01-01,\"1\n", "sales.csv:2:3", "unterminated quoted field"),
        ("customer,day,amount\nana,2025-01-01,1\n", "sales.csv:1", "no column 'date'"),
    ])
    func errors(text: String, location: String, message: String) {
        let importer = TransactionImporter(currency: .eur, calendar: .utc)
        let error = expectError(.invalidData) { _ = try importer.read(text, source: "sales.csv") }
        #expect(error?.location == location)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test("by default reading stops at the first bad line; with a limit it lists the problems up to it")
    func collectingErrors() throws {
        let text = "customer,date,amount\nana,x,1\nbo,2025-01-01,1\nci,2025-01-01,y\n,2025-01-01,1\ndi,2025-01-01,1\n"
        let first = expectError(.invalidData) {
            _ = try TransactionImporter(currency: .eur, calendar: .utc).read(text, source: "s.csv")
        }
        #expect(first?.location == "s.csv:2:2")
        let all = expectError(.invalidData) {
            _ = try TransactionImporter(currency: .eur, calendar: .utc, maximumErrors: 10).read(text, source: "s.csv")
        }
        #expect(all?.location == "s.csv:2:2")
        #expect(all?.message.hasPrefix("3 problems:") == true)
        #expect(["s.csv:2:2: invalid date", "s.csv:4:3: invalid amount", "s.csv:5:1: the customer id is empty"]
            .allSatisfy { all?.message.contains($0) == true })
        let two = expectError(.invalidData) {
            _ = try TransactionImporter(currency: .eur, calendar: .utc, maximumErrors: 2).read(text, source: "s.csv")
        }
        #expect(two?.message.hasPrefix("2 problems (reading stopped there):") == true)
    }

    @Test("a configuration that cannot work is rejected before reading")
    func badConfiguration() {
        let named = TransactionImporter(currency: .eur, calendar: .utc, hasHeader: false)
        let error = expectError(.invalidInput) { _ = try named.read("ana,2025-01-01,1") }
        #expect(error?.message.contains("give its position") == true)
        expectError(.invalidInput) {
            _ = try TransactionImporter(currency: .eur, calendar: .utc, columns: .init(customer: 0, date: 1), hasHeader: false).read("")
        }
        expectError(.invalidInput) { _ = try TransactionImporter(currency: .eur, calendar: .utc, decimalSeparator: ";").read("") }
        expectError(.invalidInput) { _ = try TransactionImporter(currency: .eur, calendar: .utc, maximumErrors: 0).read("") }
    }

    @Test("an empty file, or a header alone, imports nothing")
    func emptyFiles() throws {
        let importer = TransactionImporter(currency: .eur, calendar: .utc)
        #expect(try importer.read("").activities.isEmpty)
        #expect(try importer.read("customer,date,amount\r\n").activities.isEmpty)
    }

    @Test("lines sharing an order id become the lines of one purchase")
    func orderIDs() throws {
        let text = """
            order,customer,date,amount,category
            A-1,ana,2025-03-01,10.00,coffee
            B-7,bo,2025-03-01,3.00,cake
            A-1,ana,2025-03-01,2.50,cake

            """
        let importer = TransactionImporter(currency: .eur, calendar: .utc, columns: .init(category: "category"),
                                           activityIDs: .column("order", prefix: "pos:"))
        let result = try importer.read(text)
        #expect(result.activities.map(\.id) == ["pos:A-1", "pos:B-7"])
        #expect(result.lines == [2, 3])
        guard case .purchase(let purchase) = result.activities.first?.kind else {
            Issue.record("expected a purchase")
            return
        }
        #expect(purchase.lines.map(\.category) == ["coffee", "cake"])
        #expect(try purchase.total() == eur(1_250))
        let clash = expectError(.invalidData) {
            _ = try importer.read(text + "B-7,ana,2025-03-01,1,\n", source: "pos.csv")
        }
        #expect(clash?.location == "pos.csv:5:2")
        #expect(clash?.message.contains("order pos:B-7 began on line 3") == true)
        let empty = expectError(.invalidData) { _ = try importer.read("order,customer,date,amount,category\n,ana,2025-03-01,1,\n") }
        #expect(empty?.location == "text:2:1")
    }

    @Test("a log without amounts (date and customer only) imports purchases of zero")
    func withoutAmounts() throws {
        let importer = TransactionImporter(currency: .usd, calendar: .utc, columns: .init(customer: "id", date: "date", amount: nil))
        let result = try importer.read("date,id\n2014-03-08 00:00:00,0\n2014-05-21 00:00:00,1\n")
        #expect(result.activities.map(\.amount) == [.zero(.usd), .zero(.usd)])
        #expect(result.customerIDs == ["0", "1"])
    }

    static let cdnow = TransactionImporter(currency: .usd, calendar: .utc, columns: .init(customer: 2, date: 3, amount: 5),
                                           delimiter: .whitespace, hasHeader: false, dateFormat: .compact)

    @Test("a CDNOW-style log: whitespace-separated, no header, yyyyMMdd dates")
    func cdnowLayout() throws {
        let text = " 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n"
        let result = try Self.cdnow.read(text, source: "CDNOW_sample.txt")
        #expect(result.activities.map(\.customerID) == ["0001", "0001", "0002"])
        #expect(result.activities.map(\.amount) == [2_933, 2_973, 6_334].map { Money(minorUnits: $0, currency: .usd) })
        #expect(result.activities[1].date == utc("1997-01-18T00:00:00Z"))
    }

    @Test("the CDNOW sample reads completely: 6,919 purchases of 2,357 customers worth $244,091.94",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowSample() throws {
        let result = try Self.cdnow.read(file: try CustomerValueTestData.path("CDNOW_sample.txt"))
        #expect(result.activities.count == 6_919)
        #expect(result.customerIDs.count == 2_357)
        #expect(result.activities.reduce(0) { $0 + ($1.amount?.minorUnits ?? 0) } == 24_409_194)
        #expect(result.source == "CDNOW_sample.txt")
    }

    @Test("the synthetic lifetimes log (date and id, no amounts) reads completely",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 files)"))
    func exampleTransactions() throws {
        let importer = TransactionImporter(currency: .usd, calendar: .utc, columns: .init(customer: "id", date: "date", amount: nil))
        let result = try importer.read(file: try CustomerValueTestData.path("example_transactions.csv"))
        #expect(result.activities.count == 15_273)
        #expect(result.customerIDs.count == 5_000)
    }
}
