/// How cells and headings are written as text, shared by the plain-text, CSV and JSON renderers.
///
/// A column's *heading unit* is its declared unit or, when it has none, the unit its first
/// non-empty cell carries (a currency code for money, `%` for a percentage). A cell whose own
/// unit differs from the heading unit is written with it (`"12.00 USD"` in a EUR column, `"5%"`
/// in a column without unit), so no number is ever shown without saying what it is.
extension ReportTable {
    /// The heading unit of each column.
    var headingUnits: [String?] {
        columns.indices.map { column in
            if let unit = columns[column].unit { return unit }
            for row in rows {
                let cell = self.cell(row, column)
                if cell != .empty { return cell.ownUnit }
            }
            return nil
        }
    }

    /// The headings: `"Revenue (EUR)"`, or the bare name without unit.
    var headings: [String] {
        zip(columns, headingUnits).map { column, unit in unit.map { "\(column.name) (\($0))" } ?? column.name }
    }

    /// The cell of a row in a column; `.empty` where the row is short.
    func cell(_ row: [Cell], _ column: Int) -> Cell {
        column < row.count ? row[column] : .empty
    }
}

extension ReportTable.Cell {
    /// The unit the value carries itself: its currency code for money, `%` for a percentage.
    var ownUnit: String? {
        switch self {
        case .money(let money): money.currency.code
        case .percent: "%"
        default: nil
        }
    }

    /// Whether the cell holds a number (is right-aligned).
    var isNumeric: Bool {
        switch self {
        case .integer, .money, .decimal, .percent: true
        case .text, .empty: false
        }
    }

    /// The value as text, with its own unit appended when `headingUnit` does not state it;
    /// `nil` for a non-finite decimal or percentage. Text is returned as it is.
    func text(headingUnit: String?) -> String? {
        let number: String?
        switch self {
        case .text(let text): return text
        case .empty: return ""
        case .integer(let value): return String(value)
        case .money(let money): number = money.decimalString
        case .decimal(let value, let digits): return DecimalText.format(value, fractionDigits: digits)
        case .percent(let value, let digits): number = DecimalText.format(value, fractionDigits: digits, shift: 2)
        }
        guard let number, let unit = ownUnit else { return number }
        if let headingUnit, headingUnit.uppercased() == unit.uppercased() { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }
}

extension ReportTable.Cell.Format {
    /// A value as text: `"45.2%"` for a percentage, `"3.50"` for a decimal; `"n/a"` when not finite.
    func text(_ value: Double) -> String {
        switch self {
        case .percent(let digits): DecimalText.format(value, fractionDigits: digits, shift: 2).map { $0 + "%" } ?? "n/a"
        case .decimal(let digits): DecimalText.format(value, fractionDigits: digits) ?? "n/a"
        }
    }
}
