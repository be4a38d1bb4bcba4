extension Heatmap {
    /// The heatmap's values as a table, for the text, CSV and JSON renderers: a first column of
    /// row labels, then one column per column label (in `%` for a percentage format), each cell
    /// formatted as ``format`` says and empty where the heatmap has no value.
    /// - Parameter rowHeading: the heading of the row-label column, for example `"Cohort"`.
    /// - Returns: the table, titled like the heatmap.
    public func table(rowHeading: String) -> ReportTable {
        let unit: String?
        switch format {
        case .percent: unit = "%"
        case .decimal: unit = nil
        }
        let columns = [ReportTable.Column(rowHeading)] + columnLabels.map { ReportTable.Column($0, unit: unit) }
        let rows = rowLabels.enumerated().map { row, label in
            [ReportTable.Cell.text(label)] + columnLabels.indices.map { column -> ReportTable.Cell in
                guard row < values.count, column < values[row].count, let value = values[row][column] else { return .empty }
                switch format {
                case .percent(let digits): return .percent(value, fractionDigits: digits)
                case .decimal(let digits): return .decimal(value, fractionDigits: digits)
                }
            }
        }
        return ReportTable(title: title, columns: columns, rows: rows)
    }
}
