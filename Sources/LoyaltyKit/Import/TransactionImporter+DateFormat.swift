extension TransactionImporter {
    /// How the dates in the date column are written.
    ///
    /// Dates without a UTC offset are wall-clock times in the importer's ``TransactionImporter/calendar``
    /// (the business's time zone); a date without a time is the start of that day there.
    public enum DateFormat: Sendable, Hashable {
        /// ISO 8601: `2025-03-01`, `2025-03-01T14:30`, `2025-03-01 14:30:00`, with optional
        /// fractional seconds and an optional offset (`Z`, `+01:00`, `+0100`, `+01`) that makes
        /// the instant exact regardless of the time zone.
        case iso8601
        /// A fixed pattern of fields and literal characters, for example `yyyyMMdd`,
        /// `dd/MM/yyyy`, `MM/dd/yyyy HH:mm` or `dd.MM.yyyy`. Letters: `yyyy` year; `MM`/`M`
        /// month with two / one or two digits; `dd`/`d` day; `HH`/`H` hour (0–23); `mm`/`m`
        /// minute; `ss`/`s` second; `S…` fraction of a second (one or more digits). Other
        /// characters match themselves; letters to match literally go in single quotes
        /// (`yyyy-MM-dd'T'HH:mm`). No month names, no two-digit years, no offsets.
        case pattern(String)

        /// `yyyyMMdd`, as in the CDNOW logs: `19970101`.
        public static let compact = DateFormat.pattern("yyyyMMdd")
        /// `dd/MM/yyyy`: day first, as in most of Europe.
        public static let dayMonthYear = DateFormat.pattern("dd/MM/yyyy")
        /// `MM/dd/yyyy`: month first, as in the United States.
        public static let monthDayYear = DateFormat.pattern("MM/dd/yyyy")
    }
}
