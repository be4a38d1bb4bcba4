import Foundation

/// A table of results, independent of how it is shown: the renderers turn it into aligned
/// plain text, CSV (RFC 4180) or JSON.
///
/// Columns carry their unit (`"EUR"`, `"%"`, `"days"`), so a reader never has to guess what a
/// number means. Cells are typed values, formatted by the renderer.
public struct ReportTable: Sendable, Hashable {
    /// One column: a name, an optional unit and its alignment.
    public struct Column: Sendable, Hashable {
        /// The heading, for example `"Revenue"`.
        public var name: String
        /// The unit of the values, for example `"EUR"`, `"%"`, `"days"`; `nil` for counts and text.
        public var unit: String?

        /// Creates a column.
        public init(_ name: String, unit: String? = nil) {
            self.name = name
            self.unit = unit
        }
    }

    /// One typed value.
    public enum Cell: Sendable, Hashable {
        /// Text, left-aligned.
        case text(String)
        /// A whole number.
        case integer(Int64)
        /// An amount of money, shown in its currency's minor-unit precision.
        case money(Money)
        /// A number shown with `fractionDigits` decimals (rounded half away from zero).
        case decimal(Double, fractionDigits: Int)
        /// A share in [0, 1], shown as a percentage with `fractionDigits` decimals.
        case percent(Double, fractionDigits: Int)
        /// No value (an empty cell; `null` in JSON).
        case empty
    }

    /// The table's title.
    public var title: String
    /// The columns, in order.
    public var columns: [Column]
    /// The rows; each has one cell per column.
    public var rows: [[Cell]]

    /// Creates a table.
    public init(title: String, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
