import Foundation

/// A chart of one or more series over the same labelled x positions (months, usually),
/// drawn as lines or bars by the SVG renderer.
public struct Chart: Sendable, Hashable {
    /// How the series are drawn.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// Connected points: for trends.
        case line
        /// Grouped bars: for counts and amounts per period.
        case bar
    }

    /// One named series; `values[i]` belongs to `labels[i]` of the chart, `nil` where undefined.
    public struct Series: Sendable, Hashable {
        /// The legend name.
        public var name: String
        /// One value per chart label.
        public var values: [Double?]

        /// Creates a series.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// The title.
    public var title: String
    /// Line or bar.
    public var style: Style
    /// The x positions' labels, for example `"2025-01"`.
    public var labels: [String]
    /// The y axis caption with its unit, for example `"Revenue (EUR)"`.
    public var valueAxis: String
    /// The series.
    public var series: [Series]

    /// Creates a chart.
    public init(title: String, style: Style, labels: [String], valueAxis: String, series: [Series]) {
        self.title = title
        self.style = style
        self.labels = labels
        self.valueAxis = valueAxis
        self.series = series
    }
}

/// A matrix of values shown as coloured cells: the cohort retention matrix.
public struct Heatmap: Sendable, Hashable {
    /// The title.
    public var title: String
    /// One label per row, for example the cohort month `"2025-01"`.
    public var rowLabels: [String]
    /// One label per column, for example `"+0"`, `"+1"` months.
    public var columnLabels: [String]
    /// `values[row][column]`, `nil` where the cell is not defined (in the future of the cohort).
    public var values: [[Double?]]
    /// How a value is printed in its cell and in the legend.
    public var format: ReportTable.Cell.Format

    /// Creates a heatmap.
    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Double?]], format: ReportTable.Cell.Format) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.format = format
    }
}

extension ReportTable.Cell {
    /// How a bare number is shown.
    public enum Format: Sendable, Hashable {
        /// As a percentage of 1 with this many decimals.
        case percent(fractionDigits: Int)
        /// As a number with this many decimals.
        case decimal(fractionDigits: Int)
    }
}
