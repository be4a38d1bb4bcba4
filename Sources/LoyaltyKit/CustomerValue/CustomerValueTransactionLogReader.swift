import Foundation

/// Reads a delimited text transaction log (one order per line) into
/// ``CustomerValueTransaction`` values, with errors that name the file and line.
///
/// Amounts are decimal text in major units (`29.33`) converted exactly to integer
/// minor units (no floating point). Dates are `YYYYMMDD` or `YYYY-MM-DD`; any text
/// after the date in the same field (a time such as ` 00:00:00` in a comma-separated
/// file) is ignored. CR LF and LF line endings are accepted; blank lines are skipped.
public struct CustomerValueTransactionLogReader: Sendable {
    /// Field separator.
    public enum Separator: Sendable {
        /// Runs of spaces and tabs.
        case whitespace
        /// A single comma (no quoting).
        case comma
    }

    /// Field separator.
    public var separator: Separator
    /// 0-based column of the customer identifier.
    public var customerIDColumn: Int
    /// 0-based column of the date.
    public var dayColumn: Int
    /// 0-based column of the amount in major units, or `nil` for logs without amounts (amount 0).
    public var amountColumn: Int?
    /// Lines to skip at the start (headers).
    public var headerLines: Int
    /// Digits of the minor unit (2 for cents).
    public var minorUnitDigits: Int

    /// Creates a reader for a custom layout.
    public init(separator: Separator, customerIDColumn: Int, dayColumn: Int, amountColumn: Int?,
                headerLines: Int = 0, minorUnitDigits: Int = 2) {
        self.separator = separator
        self.customerIDColumn = customerIDColumn
        self.dayColumn = dayColumn
        self.amountColumn = amountColumn
        self.headerLines = headerLines
        self.minorUnitDigits = minorUnitDigits
    }

    /// Layout of `CDNOW_sample.txt` (Fader & Hardie; shipped with `lifetimes`):
    /// whitespace-separated, no header, columns master id, **sample id** (used as
    /// the customer id), date, number of CDs, dollar value.
    public static let cdnowSample = CustomerValueTransactionLogReader(
        separator: .whitespace, customerIDColumn: 1, dayColumn: 2, amountColumn: 4)

    /// Parses the file and calls `body` for each transaction in file order
    /// (memory for one line at a time beyond the file contents). `O(file size)`.
    /// - Throws: `LoyaltyError.invalidData` with location `<path>:<line>` for an
    ///   unreadable file, missing columns, a bad date or a bad amount; errors from `body`.
    public func forEachTransaction(inFile path: String,
                                   _ body: (CustomerValueTransaction) throws -> Void) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoyaltyError(.invalidData, "cannot read file: \(error.localizedDescription)", location: path)
        }
        try forEachTransaction(in: data, source: path, body)
    }

    /// Reads the whole file into an array. `O(file size)`.
    /// - Throws: as ``forEachTransaction(inFile:_:)``.
    public func transactions(inFile path: String) throws -> [CustomerValueTransaction] {
        var result: [CustomerValueTransaction] = []
        try forEachTransaction(inFile: path) { result.append($0) }
        return result
    }

    /// Parses in-memory text; `source` names it in error locations.
    /// - Throws: `LoyaltyError.invalidData` with location `<source>:<line>`; errors from `body`.
    public func forEachTransaction(in data: Data, source: String,
                                   _ body: (CustomerValueTransaction) throws -> Void) throws {
        guard customerIDColumn >= 0, dayColumn >= 0, (amountColumn ?? 0) >= 0, minorUnitDigits >= 0,
              minorUnitDigits <= 9, headerLines >= 0 else {
            throw LoyaltyError(.invalidData, "invalid reader layout (negative column or minor-unit digits outside 0…9)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoyaltyError(.invalidData, "file is not valid UTF-8", location: source)
        }
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            guard lineNumber > headerLines else { continue }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            let fields: [Substring]
            switch separator {
            case .whitespace: fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            case .comma: fields = line.split(separator: ",", omittingEmptySubsequences: false)
            }
            if fields.isEmpty || (fields.count == 1 && fields[0].allSatisfy(\.isWhitespace)) { continue }
            let location = "\(source):\(lineNumber)"
            let needed = max(customerIDColumn, dayColumn, amountColumn ?? 0) + 1
            guard fields.count >= needed else {
                throw LoyaltyError(.invalidData, "expected at least \(needed) fields, found \(fields.count)",
                                   location: location)
            }
            let id = fields[customerIDColumn].trimmingCharacters(in: .whitespaces)
            let dateField = fields[dayColumn].trimmingCharacters(in: .whitespaces)
            let dateText = dateField.split(separator: " ").first.map(String.init) ?? dateField
            let day: PurchaseDay
            do {
                day = try PurchaseDay(parsing: dateText)
            } catch let error as LoyaltyError {
                throw LoyaltyError(.invalidData, error.message, location: location)
            }
            var amount: Int64 = 0
            if let amountColumn {
                guard let parsed = Self.minorUnits(fields[amountColumn].trimmingCharacters(in: .whitespaces),
                                                   digits: minorUnitDigits) else {
                    throw LoyaltyError(.invalidData,
                                       "invalid amount '\(fields[amountColumn])' (expected a decimal with at most \(minorUnitDigits) fraction digits)",
                                       location: location)
                }
                amount = parsed
            }
            try body(CustomerValueTransaction(customerID: id, day: day, amountMinorUnits: amount))
        }
    }

    /// Exact decimal text → minor units; `nil` if malformed or out of range.
    static func minorUnits(_ text: String, digits: Int) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty)) else {
            return nil
        }
        let fraction = parts.count == 2 ? parts[1] : Substring("").utf8[...]
        guard fraction.count <= digits else { return nil }
        var value: Int64 = 0
        for byte in whole {
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte - 48))
            guard !o1, !o2 else { return nil }
            value = plus
        }
        var fractionDigits = 0
        for byte in fraction {
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte - 48))
            guard !o1, !o2 else { return nil }
            value = plus
            fractionDigits += 1
        }
        for _ in fractionDigits..<digits {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times
        }
        return negative ? -value : value
    }
}
