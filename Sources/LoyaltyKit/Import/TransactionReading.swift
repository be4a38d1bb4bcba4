import Foundation

/// One pass of a ``TransactionImporter`` over a log: resolves the columns, turns records into
/// purchases, collects errors.
struct TransactionReading {
    let importer: TransactionImporter
    let source: String
    let dates: DateFieldParser
    var positions: Positions?
    var activities: [Activity] = []
    var lines: [Int] = []
    var firstPurchaseDates: [Customer.ID: Date] = [:]
    /// For ids from a column: the index in `activities` of each id seen.
    var activityIndex: [Activity.ID: Int] = [:]
    var errors: [LoyaltyError] = []
    var headerPending: Bool

    /// 0-based field indices of the mapped columns.
    struct Positions {
        var customer: Int, date: Int, amount: Int?, category: Int?
        /// The order-id column, when ids come from one.
        var id: Int?
        /// What activity ids start with.
        var idPrefix: String
    }

    init(importer: TransactionImporter, source: String) throws {
        self.importer = importer
        self.source = source
        dates = try DateFieldParser(importer.dateFormat, calendar: importer.calendar)
        headerPending = importer.hasHeader
        guard importer.maximumErrors >= 1 else {
            throw LoyaltyError(.invalidInput, "maximumErrors must be at least 1, got \(importer.maximumErrors)")
        }
        guard importer.decimalSeparator == "." || importer.decimalSeparator == "," else {
            throw LoyaltyError(.invalidInput, "the decimal separator must be '.' or ',', got '\(importer.decimalSeparator)'")
        }
        if let grouping = importer.groupingSeparator, grouping == importer.decimalSeparator || grouping.isNumber {
            throw LoyaltyError(.invalidInput, "the grouping separator '\(grouping)' cannot be a digit or the decimal separator")
        }
        if !importer.hasHeader {
            positions = try Positions(resolving: importer, header: nil, location: source)
        }
    }

    /// Feeds every record the reader yields; stops early once enough errors are collected.
    mutating func run(_ read: ((CSVRecord) throws -> Void) throws -> Void) throws {
        do {
            try read { record in
                do {
                    try self.take(record)
                } catch let error as LoyaltyError where error.code == .invalidData {
                    self.errors.append(error)
                    // Without resolved columns (a header that lacks one) no line can be read.
                    if self.errors.count >= self.importer.maximumErrors || self.positions == nil { throw StopReading() }
                }
            }
        } catch is StopReading {
            return
        } catch let error as LoyaltyError where error.code == .invalidData && !errors.isEmpty {
            errors.append(error)  // a syntax error after bad lines: report them all
        }
    }

    private struct StopReading: Error {}

    func finish() throws -> TransactionImport {
        if let first = errors.first {
            guard errors.count > 1 else { throw first }
            let list = errors.map { "  \($0.location ?? source): \($0.message)" }.joined(separator: "\n")
            throw LoyaltyError(.invalidData, "\(errors.count) problems\(errors.count >= importer.maximumErrors ? " (reading stopped there)" : ""):\n\(list)",
                               location: first.location)
        }
        return TransactionImport(source: source, currency: importer.currency, activities: activities, lines: lines,
                                 firstPurchaseDates: firstPurchaseDates)
    }

    private mutating func take(_ record: CSVRecord) throws {
        if headerPending {
            headerPending = false
            positions = try Positions(resolving: importer, header: record, location: "\(source):\(record.line)")
            return
        }
        guard let positions else { return }  // not reached: a header without a mapped column stops the reading
        let linePrefix = "\(source):\(record.line):"
        func location(_ index: Int) -> String { linePrefix + String(index + 1) }
        func field(_ index: Int, _ role: String) throws -> String {
            guard index < record.fields.count else {
                let count = record.fields.count
                throw LoyaltyError(.invalidData, "missing column \(index + 1) (\(role)): the line has \(count) field\(count == 1 ? "" : "s")",
                                   location: location(index))
            }
            return Self.trimmed(record.fields[index])
        }
        let customerText = try field(positions.customer, "customer id")
        guard !customerText.isEmpty else {
            throw LoyaltyError(.invalidData, "the customer id is empty", location: location(positions.customer))
        }
        let dateText = try field(positions.date, "date")
        guard let date = dates.date(from: Substring(dateText)) else {
            throw LoyaltyError(.invalidData, "invalid date '\(dateText)' (expected \(dates.formatDescription))", location: location(positions.date))
        }
        let amount = try positions.amount.map { try parseAmount(try field($0, "amount"), location: location($0)) }
        let category = try positions.category.map { try field($0, "category") }
        let customer = Customer.ID(customerText)
        let line = PurchaseLine(category: category?.isEmpty == false ? category : nil, amount: amount ?? .zero(importer.currency))

        let id: Activity.ID
        if let index = positions.id {
            let value = try field(index, "activity id")
            guard !value.isEmpty else { throw LoyaltyError(.invalidData, "the activity id is empty", location: location(index)) }
            id = Activity.ID(positions.idPrefix + value)
            if let existing = activityIndex[id] {
                try addLine(line, toOrder: existing, customer: customer, date: date) { location($0 ? positions.customer : positions.date) }
                return
            }
            activityIndex[id] = activities.count
        } else {
            id = Activity.ID(positions.idPrefix + String(record.line))
        }
        activities.append(Activity(id: id, customerID: customer, date: date, channel: importer.channel,
                                   kind: .purchase(Purchase(lines: [line]))))
        lines.append(record.line)
        if firstPurchaseDates[customer].map({ date < $0 }) ?? true { firstPurchaseDates[customer] = date }
    }

    /// Adds a line to the purchase of an order seen on an earlier line.
    /// - Parameter location: the location of the customer column (`true`) or the date column (`false`).
    private mutating func addLine(_ line: PurchaseLine, toOrder index: Int, customer: Customer.ID, date: Date,
                                  location: (Bool) -> String) throws {
        var activity = activities[index]
        guard activity.customerID == customer, activity.date == date, case .purchase(var purchase) = activity.kind else {
            throw LoyaltyError(.invalidData, "order \(activity.id) began on line \(lines[index]) with another customer or date",
                               location: location(activity.customerID != customer))
        }
        purchase.lines.append(line)
        guard let total = try? purchase.total(), total.minorUnits <= Activity.maximumMinorUnits else {
            throw LoyaltyError(.invalidData, "order \(activity.id) exceeds the largest amount an activity may have (\(Activity.maximumMinorUnits) minor units)",
                               location: location(false))
        }
        activity.kind = .purchase(purchase)
        activities[index] = activity
    }

    private func parseAmount(_ text: String, location: String) throws -> Money {
        var normalized = text
        if importer.decimalSeparator != "." || importer.groupingSeparator != nil {
            let decimal = importer.decimalSeparator.unicodeScalars.first, grouping = importer.groupingSeparator?.unicodeScalars.first
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where scalar != grouping {
                if scalar == decimal {
                    scalars.append(".")
                } else if scalar == "." || scalar == "," {
                    scalars.removeAll()  // a separator that is neither: not an amount
                    break
                } else {
                    scalars.append(scalar)
                }
            }
            normalized = String(scalars)
        }
        guard let minorUnits = CustomerValueTransactionLogReader.minorUnits(normalized, digits: importer.currency.minorUnitDigits) else {
            throw LoyaltyError(.invalidData, "invalid amount '\(text)' (expected a decimal number with '\(importer.decimalSeparator)' and at most \(importer.currency.minorUnitDigits) decimals)",
                               location: location)
        }
        let money = Money(minorUnits: minorUnits, currency: importer.currency)
        guard money.minorUnits >= 0 else {
            throw LoyaltyError(.invalidData, "the amount \(text) is negative; a purchase must not be (record refunds separately)", location: location)
        }
        guard money.minorUnits <= Activity.maximumMinorUnits else {
            throw LoyaltyError(.invalidData, "the amount \(text) exceeds the largest amount an activity may have", location: location)
        }
        return money
    }
}

extension TransactionReading.Positions {
    /// Resolves the importer's columns against a header (or positions without one).
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a named column without a header or a
    ///   position below 1; ``LoyaltyError/Code/invalidData`` for a name the header lacks.
    init(resolving importer: TransactionImporter, header: CSVRecord?, location: String) throws {
        let headings = header?.fields.map { TransactionReading.trimmed($0).lowercased() }
        func index(_ column: TransactionImporter.Column, _ role: String) throws -> Int {
            switch column {
            case .position(let position):
                guard position >= 1 else {
                    throw LoyaltyError(.invalidInput, "column positions count from 1; the \(role) column is \(position)")
                }
                return position - 1
            case .named(let name):
                guard let headings else {
                    throw LoyaltyError(.invalidInput, "the \(role) column is named '\(name)' but the importer reads no header; give its position instead")
                }
                guard let found = headings.firstIndex(of: TransactionReading.trimmed(name).lowercased()) else {
                    throw LoyaltyError(.invalidData, "the header has no column '\(name)' for the \(role) (it has: \(header?.fields.joined(separator: ", ") ?? ""))",
                                       location: location)
                }
                return found
            }
        }
        let columns = importer.columns
        customer = try index(columns.customer, "customer id")
        date = try index(columns.date, "date")
        amount = try columns.amount.map { try index($0, "amount") }
        category = try columns.category.map { try index($0, "category") }
        switch importer.activityIDs {
        case .lineNumber(let prefix):
            id = nil
            idPrefix = prefix
        case .column(let column, let prefix):
            id = try index(column, "activity id")
            idPrefix = prefix
        }
    }
}

extension TransactionReading {
    /// `text` without leading and trailing white space (spaces, tabs, no-break spaces).
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" : scalar.properties.isWhitespace
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
