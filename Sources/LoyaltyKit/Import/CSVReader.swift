import Foundation

/// Reads delimited text (CSV per RFC 4180, and its semicolon, tab and whitespace-separated
/// relatives) record by record, streaming: a file is read in 64 KiB chunks, so memory holds
/// one record at a time, never the whole file.
///
/// Quoting follows RFC 4180: a field in double quotes may contain delimiters, quotes (doubled:
/// `""`) and line breaks. Records end with CR LF, LF or a lone CR. A UTF-8 byte order mark at
/// the start is skipped. Blank lines (and, for ``Delimiter/whitespace``, lines of spaces) are
/// skipped. Unquoted fields are returned as they are, spaces included; a quote inside an
/// unquoted field is kept as an ordinary character (`12" single`).
///
/// ```swift
/// try CSVReader(delimiter: .semicolon).forEachRecord(inFile: "sales.csv") { record in
///     print(record.line, record.fields)
/// }
/// ```
///
/// Errors name the source, line and column (the 1-based field number): `sales.csv:12:3`.
public struct CSVReader: Sendable, Hashable {
    /// What separates fields.
    public enum Delimiter: Sendable, Hashable {
        /// One ASCII character other than a double quote, CR or LF.
        case character(Character)
        /// Runs of spaces and tabs; leading and trailing ones are ignored (fixed-width logs such
        /// as CDNOW's). Quoted fields may contain spaces.
        case whitespace

        /// A comma (RFC 4180).
        public static let comma = Delimiter.character(",")
        /// A semicolon (spreadsheets in locales with a decimal comma).
        public static let semicolon = Delimiter.character(";")
        /// A tab.
        public static let tab = Delimiter.character("\t")
    }

    /// What separates fields.
    public var delimiter: Delimiter

    /// Creates a reader.
    /// - Parameter delimiter: what separates fields; a comma unless told.
    public init(delimiter: Delimiter = .comma) {
        self.delimiter = delimiter
    }

    /// Calls `body` with each record of a file, in order, reading the file in chunks.
    /// - Parameters:
    ///   - path: the file.
    ///   - body: called once per record; what it throws stops the reading and is rethrown.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for an unusable delimiter;
    ///   ``LoyaltyError/Code/invalidData`` with location `<file name>:<line>[:<column>]` for an
    ///   unreadable file, an unterminated quoted field, a character after a closing quote, or
    ///   text that is not UTF-8; whatever `body` throws.
    /// - Complexity: O(file size); memory for one record.
    public func forEachRecord(inFile path: String, _ body: (CSVRecord) throws -> Void) throws {
        let source = URL(fileURLWithPath: path).lastPathComponent
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw LoyaltyError(.invalidData, "cannot open the file", location: path, underlying: error.localizedDescription)
        }
        defer { try? handle.close() }
        var parser = try CSVParser(delimiter: delimiter, source: source)
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 16)
            } catch {
                throw LoyaltyError(.invalidData, "cannot read the file", location: "\(source):\(parser.line)",
                                   underlying: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            try chunk.withUnsafeBytes { try parser.consume($0.bindMemory(to: UInt8.self), body) }
        }
        try parser.finish(body)
    }

    /// Calls `body` with each record of a text, in order.
    /// - Parameters:
    ///   - text: the delimited text.
    ///   - source: the name used in error locations, for example a file name.
    ///   - body: called once per record; what it throws stops the reading and is rethrown.
    /// - Throws: as ``forEachRecord(inFile:_:)``.
    /// - Complexity: O(text length).
    public func forEachRecord(in text: String, source: String = "text", _ body: (CSVRecord) throws -> Void) throws {
        var parser = try CSVParser(delimiter: delimiter, source: source)
        var text = text
        try text.withUTF8 { try parser.consume($0, body) }
        try parser.finish(body)
    }

    /// Every record of a text.
    /// - Parameters:
    ///   - text: the delimited text.
    ///   - source: the name used in error locations.
    /// - Returns: the records in order.
    /// - Throws: as ``forEachRecord(in:source:_:)``.
    public func records(in text: String, source: String = "text") throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(in: text, source: source) { records.append($0) }
        return records
    }
}
