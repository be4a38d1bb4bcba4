import Foundation

extension ReportTable {
    /// The table as CSV per RFC 4180, for spreadsheets and scripts.
    ///
    /// The first record holds the headings with their units (`Revenue (EUR)`); the title is not
    /// written. Records end with CR LF, the last one too. A field is quoted when it contains a
    /// comma, a double quote, CR or LF, and quotes inside it are doubled.
    ///
    /// Values are plain, locale-independent numbers without grouping: money as a decimal with
    /// its currency's minor digits (`120.50`), decimals rounded half away from zero to the
    /// cell's digits, and percentages **as percent** (`12.5` for 0.125), rounded the same way,
    /// under a heading that says `(%)`. A cell whose unit the heading does not state carries it
    /// (`12.00 USD`, `5%`), as in ``plainText()``. Empty cells and non-finite numbers are
    /// empty fields. Text is written unchanged (quoted as needed).
    /// - Returns: the CSV text.
    /// - Complexity: O(cells).
    public func csv() -> String {
        let units = headingUnits
        var output = Self.csvRecord(headings)
        for row in rows {
            output += Self.csvRecord(columns.indices.map { cell(row, $0).text(headingUnit: units[$0]) ?? "" })
        }
        return output
    }

    /// One RFC 4180 record with its CR LF.
    static func csvRecord(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it contains a comma, a double quote, CR or LF.
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
