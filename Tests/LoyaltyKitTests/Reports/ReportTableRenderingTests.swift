import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Report table renderers")
struct ReportTableRenderingTests {
    /// Text, money (EUR and a stray USD), counts, percentages, decimals, empty and non-finite cells.
    static let table = ReportTable(
        title: "Revenue by month",
        columns: [.init("Month"), .init("Revenue", unit: "EUR"), .init("Customers"), .init("Share", unit: "%"),
                  .init("Average"), .init("Note")],
        rows: [
            [.text("2025-01"), .money(eur(12_050)), .integer(12), .percent(0.125, fractionDigits: 1),
             .decimal(2.675, fractionDigits: 2), .text("ok, \"fine\"")],
            [.text("2025-02"), .money(eur(-305)), .integer(1_234_567), .percent(1, fractionDigits: 1),
             .decimal(.nan, fractionDigits: 2), .empty],
            [.text("2025-03"), .money(Money(minorUnits: 1_200, currency: .usd)), .integer(0), .percent(0.0005, fractionDigits: 1),
             .decimal(-0.001, fractionDigits: 2), .text("line\nbreak")],
        ])

    @Test("plain text aligns numbers right and text left under headings with units")
    func plainText() {
        #expect(Self.table.plainText() == """
            Revenue by month
            Month    Revenue (EUR)  Customers  Share (%)  Average  Note
            -------  -------------  ---------  ---------  -------  ----------
            2025-01         120.50         12       12.5     2.68  ok, "fine"
            2025-02          -3.05    1234567      100.0      n/a
            2025-03      12.00 USD          0        0.1     0.00  line break

            """)
    }

    @Test("a column without a unit takes it from its cells; a cell in another unit says so")
    func inferredUnits() {
        let table = ReportTable(title: "Mixed", columns: [.init("Paid"), .init("Rate"), .init("Count", unit: "%")], rows: [
            [.money(Money(minorUnits: 1_500, currency: .jpy)), .percent(0.5, fractionDigits: 0), .percent(0.25, fractionDigits: 0)],
            [.money(Money(minorUnits: 7, currency: .eur)), .empty, .integer(3)],
        ])
        #expect(table.plainText() == """
            Mixed
            Paid (JPY)  Rate (%)  Count (%)
            ----------  --------  ---------
                  1500        50         25
              0.07 EUR                    3

            """)
    }

    @Test("a table without rows or columns still has its title and headings")
    func emptyTables() {
        #expect(ReportTable(title: "Nothing", columns: []).plainText() == "Nothing\n")
        #expect(ReportTable(title: "No rows", columns: [.init("Month"), .init("Revenue", unit: "EUR")]).plainText() == """
            No rows
            Month  Revenue (EUR)
            -----  -------------

            """)
        #expect(ReportTable(title: "No rows", columns: [.init("Month")]).csv() == "Month\r\n")
    }

    @Test("CSV follows RFC 4180: CRLF, quoted fields with doubled quotes, units in the header")
    func csv() {
        let expected = [
            "Month,Revenue (EUR),Customers,Share (%),Average,Note",
            #"2025-01,120.50,12,12.5,2.68,"ok, ""fine""""#,
            "2025-02,-3.05,1234567,100.0,,",
            "2025-03,12.00 USD,0,0.1,0.00,\"line\nbreak\"",
        ]
        #expect(Self.table.csv() == expected.map { $0 + "\r\n" }.joined())
    }

    @Test("CSV reads back field for field through the importer's CSV reader")
    func csvRoundTrip() throws {
        let awkward = ["plain", "comma, inside", "quote \" inside", "\"quoted\"", "cr\rinside", "crlf\r\ninside", "lf\ninside",
                       "", " spaces ", "trailing,", "ünïcødé €", ";semicolon;"]
        let table = ReportTable(title: "Awkward", columns: awkward.map { ReportTable.Column($0) },
                                rows: [awkward.map { .text($0) }, awkward.reversed().map { .text($0) }])
        let records = try CSVReader().records(in: table.csv())
        #expect(records.map(\.fields) == [awkward, awkward, awkward.reversed()])
        #expect(records.map(\.line) == [1, 5, 9])
    }

    @Test("JSON parses back: title, columns with units, rows keyed by column, money in minor units")
    func json() throws {
        let text = Self.table.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Revenue by month")
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String } == ["Month", "Revenue", "Customers", "Share", "Average", "Note"])
        #expect(columns.map { $0["unit"] as? String } == [nil, "EUR", nil, "%", nil, nil])
        #expect(columns[0]["unit"] is NSNull)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["Month"] as? String == "2025-01")
        let revenue = try #require(rows[0]["Revenue"] as? [String: Any])
        #expect(revenue["minorUnits"] as? Int == 12_050)
        #expect(revenue["currency"] as? String == "EUR")
        #expect(rows[0]["Customers"] as? Int == 12)
        #expect(rows[0]["Share"] as? Double == 12.5)
        #expect(rows[0]["Average"] as? Double == 2.68)
        #expect(rows[0]["Note"] as? String == "ok, \"fine\"")
        #expect(rows[1]["Average"] is NSNull)
        #expect(rows[1]["Note"] is NSNull)
        #expect((rows[2]["Revenue"] as? [String: Any])?["currency"] as? String == "USD")
        #expect(rows[2]["Note"] as? String == "line\nbreak")
        // Keys in a fixed order, one row per line: byte-for-byte stable.
        #expect(text.contains("\n    {\"Month\": \"2025-01\", \"Revenue\": {\"minorUnits\": 12050, \"currency\": \"EUR\"}, \"Customers\": 12, "))
        #expect(text == Self.table.json())
    }

    @Test("JSON keys stay unique when column names repeat, and control characters are escaped")
    func jsonKeysAndEscapes() throws {
        let table = ReportTable(title: "Tab\there \u{1}", columns: [.init("A"), .init("A"), .init("A (2)")],
                                rows: [[.integer(1), .integer(2), .integer(3)]])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Tab\there \u{1}")
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["key"] as? String } == ["A", "A (2)", "A (2) (2)"])
        let row = try #require((object["rows"] as? [[String: Any]])?.first)
        #expect(row["A"] as? Int == 1)
        #expect(row["A (2)"] as? Int == 2)
        #expect(row["A (2) (2)"] as? Int == 3)
    }

    @Test("an empty table is valid JSON")
    func emptyJSON() throws {
        let text = ReportTable(title: "Empty", columns: []).json()
        #expect(text == "{\n  \"title\": \"Empty\",\n  \"columns\": [],\n  \"rows\": []\n}\n")
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
