import Foundation
#if canImport(SQLite3)
import SQLite3
#else
import CSQLiteBench
#endif

/// The raw SQLite baseline: prepared-statement inserts of one row per activity, straight
/// through the C API, with the same journal mode, synchronous setting and batching as the
/// store.
struct RawSQLite {
    private var database: OpaquePointer?
    private var insert: OpaquePointer?

    init(path: String, synchronous: String) throws {
        guard sqlite3_open(path, &database) == SQLITE_OK else { throw RawSQLite.error("open", database) }
        try execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous);")
        try execute("CREATE TABLE activities(sequence INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, date REAL NOT NULL, amount INTEGER NOT NULL)")
        guard sqlite3_prepare_v2(database, "INSERT INTO activities(id, customer_id, date, amount) VALUES (?, ?, ?, ?)", -1, &insert, nil) == SQLITE_OK else {
            throw RawSQLite.error("prepare", database)
        }
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw RawSQLite.error(sql, database) }
    }

    /// Inserts one row.
    func insert(id: String, customer: String, date: Double, amount: Int64) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(insert, 1, id, -1, transient)
        sqlite3_bind_text(insert, 2, customer, -1, transient)
        sqlite3_bind_double(insert, 3, date)
        sqlite3_bind_int64(insert, 4, amount)
        guard sqlite3_step(insert) == SQLITE_DONE else { throw RawSQLite.error("insert", database) }
        sqlite3_reset(insert)
    }

    func close() {
        sqlite3_finalize(insert)
        sqlite3_close(database)
    }

    private static func error(_ what: String, _ database: OpaquePointer?) -> Error {
        NSError(domain: "sqlite", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: sqlite3_errmsg(database)))"])
    }
}
