import Foundation

/// The byte-level state machine behind ``CSVReader``: fed chunk by chunk, it emits complete records.
struct CSVParser {
    private enum State {
        /// At the start of a field (after a delimiter or at the start of a record).
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Inside a quoted field, just after a quote: the closing one, or the first of a pair.
        case quoteInQuoted
        /// After a closing quote, before the delimiter or the end of the record.
        case afterQuoted
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The delimiter byte; `nil` for runs of whitespace.
    private let delimiter: UInt8?
    private let source: String
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var fieldIsASCII = true
    /// The first column of the current record whose bytes are not UTF-8.
    private var invalidColumn: Int?
    private var recordLine = 1
    private var quoteLine = 1
    private var lastWasCR = false
    /// How many bytes of a leading byte order mark have been seen; 3 once the start is past.
    private var byteOrderMarkSeen = 0
    /// The current line (1-based).
    private(set) var line = 1

    /// Creates a parser.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a delimiter that is not one ASCII
    ///   character, or is a quote, CR or LF.
    init(delimiter: CSVReader.Delimiter, source: String) throws {
        switch delimiter {
        case .whitespace:
            self.delimiter = nil
        case .character(let character):
            guard let ascii = character.asciiValue, ascii != UInt8(ascii: "\""), ascii != 13, ascii != 10 else {
                throw LoyaltyError(.invalidInput, "a delimiter must be one ASCII character other than a quote, CR or LF, got '\(character)'")
            }
            self.delimiter = ascii
        }
        self.source = source
    }

    /// Feeds bytes; calls `emit` for each record they complete.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecord) throws -> Void) throws {
        for byte in bytes {
            if byteOrderMarkSeen < 3 {
                if byte == Self.byteOrderMark[byteOrderMarkSeen] {
                    byteOrderMarkSeen += 1
                    continue
                }
                try replayPartialByteOrderMark(emit)
            }
            try consume(byte, emit)
        }
    }

    /// Ends the input: emits the last record, or throws if a quoted field is still open.
    mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        try replayPartialByteOrderMark(emit)
        switch state {
        case .quoted:
            throw LoyaltyError(.invalidData, "unterminated quoted field: the quote opened here is never closed",
                               location: location(column: fields.count + 1, line: quoteLine))
        case .fieldStart where fields.isEmpty:
            return
        default:
            try endRecord(emit)
        }
    }

    /// Feeds the first bytes of a byte order mark that turned out not to be one.
    private mutating func replayPartialByteOrderMark(_ emit: (CSVRecord) throws -> Void) throws {
        guard byteOrderMarkSeen < 3 else { return }
        let seen = byteOrderMarkSeen
        byteOrderMarkSeen = 3
        for byte in Self.byteOrderMark[0..<seen] { try consume(byte, emit) }
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        if let delimiter { return byte == delimiter }
        return byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private func location(column: Int, line: Int? = nil) -> String { "\(source):\(line ?? self.line):\(column)" }

    @inline(__always)
    private mutating func consume(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) throws {
        let isCR = byte == 13, isLF = byte == 10
        let endsLine = isCR || (isLF && !lastWasCR)
        defer {
            if endsLine { line += 1 }
            lastWasCR = isCR
        }
        switch state {
        case .quoted:
            if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { append(byte) }
            return
        case .quoteInQuoted:
            if byte == UInt8(ascii: "\"") {
                append(byte)
                state = .quoted
                return
            }
            state = .afterQuoted
        default:
            break
        }
        if isLF, !endsLine { return }  // the LF of a CR LF that already ended the record
        if endsLine {
            try endRecord(emit)
            return
        }
        switch state {
        case .fieldStart:
            if isDelimiter(byte) {
                if delimiter != nil { endField() }
            } else if byte == UInt8(ascii: "\"") {
                state = .quoted
                quoteLine = line
            } else {
                append(byte)
                state = .unquoted
            }
        case .unquoted:
            if isDelimiter(byte) {
                endField()
                state = .fieldStart
            } else {
                append(byte)
            }
        case .afterQuoted:
            guard isDelimiter(byte) else {
                throw LoyaltyError(.invalidData, "unexpected character '\(Character(Unicode.Scalar(byte)))' after a closing quote (a quote inside a quoted field must be doubled)",
                                   location: location(column: fields.count + 1))
            }
            endField()
            state = .fieldStart
        case .quoted, .quoteInQuoted:
            break
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        field.append(byte)
        if byte >= 0x80 { fieldIsASCII = false }
    }

    private mutating func endField() {
        if fieldIsASCII {
            fields.append(String(decoding: field, as: UTF8.self))
        } else if let text = String(bytes: field, encoding: .utf8) {
            fields.append(text)
        } else {
            if invalidColumn == nil { invalidColumn = fields.count + 1 }
            fields.append("")
        }
        field.removeAll(keepingCapacity: true)
        fieldIsASCII = true
    }

    /// Ends the current record and emits it unless it is blank.
    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        let lastWasQuoted = state == .afterQuoted || state == .quoteInQuoted
        // With a delimiter, a record always has a last field (perhaps empty); whitespace runs
        // before the end of a line separate nothing.
        if delimiter != nil || state != .fieldStart { endField() }
        state = .fieldStart
        let record = CSVRecord(line: recordLine, fields: fields)
        fields.removeAll(keepingCapacity: true)
        recordLine = line + 1
        if let column = invalidColumn {
            invalidColumn = nil
            throw LoyaltyError(.invalidData, "the field is not valid UTF-8 text", location: location(column: column, line: record.line))
        }
        let blank = record.fields.isEmpty
            || (!lastWasQuoted && record.fields.count == 1 && record.fields[0].allSatisfy { $0 == " " || $0 == "\t" })
        if !blank { try emit(record) }
    }
}
