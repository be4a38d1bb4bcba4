import Foundation

/// Reads a transaction log, one purchase per line, from CSV or another delimited format:
/// how most businesses first bring their history in.
///
/// Each line gives a customer id, a date and an amount, and optionally a category. The
/// delimiter, header, column mapping, date format, time zone, decimal separator and currency
/// are configurable; fields may be quoted as in RFC 4180.
///
/// ```swift
/// let importer = TransactionImporter(
///     currency: .eur, calendar: program.calendar,
///     columns: .init(customer: "client", date: "day", amount: "total", category: "product"),
///     delimiter: .semicolon, dateFormat: .dayMonthYear, decimalSeparator: ",")
/// let history = try importer.read(file: "history.csv")
/// try await loyalty.importTransactions(history)
/// ```
///
/// The CDNOW sample (whitespace-separated, no header, sample id in column 2, `yyyyMMdd`
/// dates in column 3, dollars in column 5) reads with
/// `TransactionImporter(currency: .usd, calendar: .utc, columns: .init(customer: 2, date: 3, amount: 5), delimiter: .whitespace, hasHeader: false, dateFormat: .compact)`.
///
/// **Activity ids** are derived, never random, so that importing the same file again
/// changes nothing: by default `csv:<line>`; with ``ActivityIDs/column(_:prefix:)`` the
/// prefix and the value of an order-id column, where lines sharing an id become the lines of
/// one purchase. Give each file its own prefix when ids come from line numbers.
///
/// **Errors** name the line and the column (the 1-based field number): `sales.csv:12:3`.
/// By default reading stops at the first bad line; with ``maximumErrors`` above 1 it goes on
/// and throws one error listing up to that many problems (its `location` is the first one's).
/// Either way nothing is returned, so nothing can be half imported.
public struct TransactionImporter: Sendable, Hashable {
    /// What separates fields.
    public var delimiter: CSVReader.Delimiter
    /// Whether the first (non-blank) line holds column headings. Named columns need one.
    public var hasHeader: Bool
    /// Which columns hold what.
    public var columns: Columns
    /// How activity ids are derived.
    public var activityIDs: ActivityIDs
    /// How dates are written.
    public var dateFormat: DateFormat
    /// The time zone of dates written without a UTC offset.
    public var calendar: BusinessCalendar
    /// The currency of every amount; amounts may have at most its minor digits.
    public var currency: Currency
    /// The decimal separator of amounts: `.` or `,`.
    public var decimalSeparator: Character
    /// A thousands separator that amounts may contain and that is ignored (`,`, `.`, a space, `'`), or `nil`.
    public var groupingSeparator: Character?
    /// The channel of the imported purchases.
    public var channel: Channel
    /// How many bad lines to report before giving up: 1 stops at the first.
    public var maximumErrors: Int

    /// Creates an importer.
    /// - Parameters:
    ///   - currency: the currency of the amounts.
    ///   - calendar: the time zone of dates without an offset (the programme's `calendar`).
    ///   - columns: which columns hold what; by default `customer`, `date`, `amount`.
    ///   - delimiter: what separates fields; a comma by default.
    ///   - hasHeader: whether the first line holds headings; `true` by default.
    ///   - dateFormat: how dates are written; ISO 8601 by default.
    ///   - decimalSeparator: `.` (default) or `,`.
    ///   - groupingSeparator: a thousands separator to ignore, if amounts have one.
    ///   - activityIDs: how ids are derived; `csv:<line>` by default.
    ///   - channel: the purchases' channel; in store by default.
    ///   - maximumErrors: how many bad lines to report before giving up; 1 by default.
    public init(
        currency: Currency,
        calendar: BusinessCalendar,
        columns: Columns = Columns(),
        delimiter: CSVReader.Delimiter = .comma,
        hasHeader: Bool = true,
        dateFormat: DateFormat = .iso8601,
        decimalSeparator: Character = ".",
        groupingSeparator: Character? = nil,
        activityIDs: ActivityIDs = .lineNumber(prefix: "csv:"),
        channel: Channel = .inStore,
        maximumErrors: Int = 1
    ) {
        self.currency = currency
        self.calendar = calendar
        self.columns = columns
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.dateFormat = dateFormat
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.activityIDs = activityIDs
        self.channel = channel
        self.maximumErrors = maximumErrors
    }

    /// Reads a file, streaming it line by line.
    /// - Parameter path: the file; its name (without folders) is the source in error locations.
    /// - Returns: the purchases and customers found.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for an unusable configuration (a named
    ///   column without a header, a bad date pattern or separator); ``LoyaltyError/Code/invalidData``
    ///   with location `<file name>:<line>:<column>` for an unreadable file, a missing column,
    ///   an empty customer id, a bad date or amount, a negative amount, an order whose lines
    ///   disagree, or a CSV syntax error.
    /// - Complexity: O(file size) time; memory for the result, not for the file.
    public func read(file path: String) throws -> TransactionImport {
        var reading = try TransactionReading(importer: self, source: URL(fileURLWithPath: path).lastPathComponent)
        try reading.run { try CSVReader(delimiter: delimiter).forEachRecord(inFile: path, $0) }
        return try reading.finish()
    }

    /// Reads delimited text.
    /// - Parameters:
    ///   - text: the transaction log.
    ///   - source: the name used in error locations.
    /// - Returns: the purchases and customers found.
    /// - Throws: as ``read(file:)``.
    public func read(_ text: String, source: String = "text") throws -> TransactionImport {
        var reading = try TransactionReading(importer: self, source: source)
        try reading.run { try CSVReader(delimiter: delimiter).forEachRecord(in: text, source: source, $0) }
        return try reading.finish()
    }
}
