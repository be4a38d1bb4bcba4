#if canImport(SQLite3)
import SQLite3
#else
import CSQLite
#endif
import LoyaltyKit

/// A prepared SQLite statement: values go in through `bind`, never into the SQL text.
///
/// Owned by a ``Connection``, which caches statements and resets them after each use.
final class PreparedStatement {
    /// The SQLite handle.
    let handle: OpaquePointer
    /// The connection that prepared it, for error messages.
    private unowned let connection: Connection
    /// Whether a caller is using it now (a cached statement must not be reset under a cursor).
    var isInUse = false

    init(sql: String, connection: Connection) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw connection.error(code, "cannot prepare a statement: \(sql.prefix(60))")
        }
        self.handle = handle
        self.connection = connection
    }

    /// The statement's SQL, for error messages.
    var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }

    /// Releases the handle. The statement must not be used afterwards.
    func finalize() { sqlite3_finalize(handle) }

    /// Clears the results and bindings of the last use.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Parameters (1-based, as in SQLite)

    /// Binds text.
    func bind(_ text: String, at index: Int32) throws {
        var text = text
        try checkSize(text.utf8.count)
        let code = text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no address, which SQLite would read as NULL.
                guard let address = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, sqliteTransient) }
                return sqlite3_bind_text(handle, index, address, Int32(chars.count), sqliteTransient)
            }
        }
        try check(code)
    }

    /// Binds an integer.
    func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a floating-point number.
    func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds bytes as a BLOB (copied by SQLite).
    func bind(blob bytes: [UInt8], at index: Int32) throws {
        try checkSize(bytes.count)
        let code = bytes.withUnsafeBytes { raw in
            guard let address = raw.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob(handle, index, address, Int32(raw.count), sqliteTransient)
        }
        try check(code)
    }

    /// Binds SQL NULL.
    func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Refuses a value larger than SQLite takes (its length is an `Int32`).
    private func checkSize(_ count: Int) throws {
        guard count <= Int32.max else {
            throw LoyaltyError(.invalidInput, "a value of \(count) bytes is too large to store", location: connection.path)
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw connection.error(code, "cannot bind a parameter") }
    }

    // MARK: Execution

    /// Steps once. Returns `true` when a row is ready to read, `false` when the statement is done.
    /// - Throws: a storage error with SQLite's message and extended code.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw connection.error(code, "a statement failed: \(sql.prefix(60))")
        }
    }

    /// Steps to the end, for statements that return no rows.
    func run() throws {
        while try step() {}
    }

    // MARK: Columns (0-based, as in SQLite)

    /// A column's integer value.
    func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// A column's floating-point value.
    func double(at column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// Whether a column is NULL.
    func isNull(at column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// A column's text value (empty for NULL).
    func text(at column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// A column's BLOB value (empty for NULL or an empty blob).
    func blob(at column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A value decoded from a BLOB column written with the record codec.
    /// - Throws: ``LoyaltyError/Code/storage`` naming the database when the bytes are damaged.
    func record<T: RecordCodable>(_ type: T.Type = T.self, at column: Int32) throws -> T {
        do {
            return try T(recordBytes: blob(at: column))
        } catch var error as LoyaltyError {
            if error.location == nil { error.location = connection.path }
            throw error
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies a bound value before the call returns.
var sqliteTransient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
