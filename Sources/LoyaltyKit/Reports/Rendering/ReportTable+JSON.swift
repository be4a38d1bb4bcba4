extension ReportTable {
    /// The table as one JSON object, for web pages and other programs.
    ///
    /// ```json
    /// {
    ///   "title": "Revenue by month",
    ///   "columns": [
    ///     {"key": "Month", "name": "Month", "unit": null},
    ///     {"key": "Revenue", "name": "Revenue", "unit": "EUR"}
    ///   ],
    ///   "rows": [
    ///     {"Month": "2025-01", "Revenue": {"minorUnits": 12050, "currency": "EUR"}}
    ///   ]
    /// }
    /// ```
    ///
    /// Each row is an object keyed by column ``ReportTable/Column/name``, in column order; a name
    /// that repeats gets `" (2)"`, `" (3)"` … appended, and each column's `key` says which key
    /// it has. A column's `unit` is its declared unit or the one its first non-empty cell
    /// carries. Money is `{"minorUnits": …, "currency": …}`, exactly as `Money` encodes itself
    /// (a currency outside ISO 4217 as `{"code": …, "minorUnitDigits": …}`). Integers are
    /// numbers; decimals are numbers rounded half away from zero to the cell's digits;
    /// percentages are numbers **in percent** (`12.5` for 0.125), rounded the same way. Empty
    /// cells and non-finite numbers are `null`.
    ///
    /// Keys are written in this fixed order and the layout (two-space indent, one row per line)
    /// is deterministic, so the output can be compared byte for byte.
    /// - Returns: the JSON text, ending with a line feed.
    /// - Complexity: O(cells).
    public func json() -> String {
        let keys = jsonKeys
        let units = headingUnits
        var output = "{\n  \"title\": \(Self.jsonString(title)),\n  \"columns\": ["
        for (index, column) in columns.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += "    {\"key\": \(Self.jsonString(keys[index])), \"name\": \(Self.jsonString(column.name)), \"unit\": "
                + (units[index].map(Self.jsonString) ?? "null") + "}"
        }
        output += columns.isEmpty ? "],\n  \"rows\": [" : "\n  ],\n  \"rows\": ["
        for (index, row) in rows.enumerated() {
            output += index == 0 ? "\n    {" : ",\n    {"
            output += columns.indices.map { "\(Self.jsonString(keys[$0])): \(Self.jsonValue(cell(row, $0)))" }
                .joined(separator: ", ")
            output += "}"
        }
        output += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return output
    }

    /// The row keys: the column names, a repeated one with `" (n)"` appended until unique.
    private var jsonKeys: [String] {
        var used: Set<String> = []
        return columns.map { column in
            var key = column.name
            var counter = 1
            while used.contains(key) {
                counter += 1
                key = "\(column.name) (\(counter))"
            }
            used.insert(key)
            return key
        }
    }

    private static func jsonValue(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): jsonString(text)
        case .integer(let value): String(value)
        case .money(let money):
            "{\"minorUnits\": \(money.minorUnits), \"currency\": \(jsonCurrency(money.currency))}"
        case .decimal(let value, let digits): DecimalText.format(value, fractionDigits: digits) ?? "null"
        case .percent(let value, let digits): DecimalText.format(value, fractionDigits: digits, shift: 2) ?? "null"
        case .empty: "null"
        }
    }

    /// A currency as `Currency` encodes itself: the code, or an object outside ISO 4217.
    private static func jsonCurrency(_ currency: Currency) -> String {
        Currency.iso4217[currency.code] == currency.minorUnitDigits
            ? jsonString(currency.code)
            : "{\"code\": \(jsonString(currency.code)), \"minorUnitDigits\": \(currency.minorUnitDigits)}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
