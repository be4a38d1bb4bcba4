extension ReportTable {
    /// The table as aligned plain text for a terminal, a log or an e-mail.
    ///
    /// The first line is the title, then the headings with their units (`Revenue (EUR)`), a rule
    /// of dashes and one line per row. Columns are separated by two spaces; numbers are
    /// right-aligned and text left-aligned (a heading follows its column: right-aligned when
    /// the column holds numbers only). Money is written with its currency's minor digits
    /// (`120.50`, `1500` for JPY), decimals and percentages with the cell's digits, rounded
    /// half away from zero (`0.125` at one digit is `12.5` in a `%` column). A cell whose unit
    /// the heading does not state carries it (`12.00 USD`, `5%`). Non-finite numbers show as
    /// `n/a`, empty cells as nothing. Line breaks and tabs inside text become spaces.
    ///
    /// The output does not depend on the locale: no grouping separators, always a decimal
    /// point. Widths count characters (grapheme clusters), so wide East Asian characters and
    /// emoji may misalign. Trailing spaces are removed; every line ends with a line feed.
    /// - Returns: the text.
    /// - Complexity: O(cells).
    public func plainText() -> String {
        let units = headingUnits
        let texts = rows.map { row in
            columns.indices.map { column in
                let text = cell(row, column).text(headingUnit: units[column]) ?? "n/a"
                return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
            }
        }
        let headings = self.headings
        let numericColumns = columns.indices.map { column in
            let cells = rows.map { cell($0, column) }.filter { $0 != .empty }
            return !cells.isEmpty && cells.allSatisfy(\.isNumeric)
        }
        let widths = columns.indices.map { column in
            texts.reduce(headings[column].count) { max($0, $1[column].count) }
        }
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let padding = String(repeating: " ", count: max(width - text.count, 0))
            return right ? padding + text : text + padding
        }
        func line(_ fields: [String], rightAligned: (Int) -> Bool) -> String {
            var text = fields.enumerated().map { pad($1, widths[$0], right: rightAligned($0)) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var output = title + "\n"
        guard !columns.isEmpty else { return output }
        output += line(headings) { numericColumns[$0] }
        output += line(widths.map { String(repeating: "-", count: $0) }) { _ in false }
        for (rowIndex, row) in rows.enumerated() {
            output += line(texts[rowIndex]) { cell(row, $0).isNumeric }
        }
        return output
    }
}
