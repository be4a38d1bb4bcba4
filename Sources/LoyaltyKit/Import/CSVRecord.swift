/// One record (row) of delimited text, with the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line of the file on which the record starts (a quoted field may span lines).
    public var line: Int
    /// The fields, unquoted, in order. Field `n` is column `n + 1` in error locations.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
