#if canImport(SQLite3)
import SQLite3
#else
import CSQLite
#endif
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Android)
import Android
#endif
import Foundation
import LoyaltyKit

/// One SQLite connection, configured and migrated: WAL journal, the chosen `synchronous`
/// level, foreign keys on, a busy timeout, and a cache of prepared statements.
///
/// Not thread-safe: ``SQLiteStore`` (an actor) is its only user. The connection keeps no
/// data between transactions — another process may change the file at any time.
final class Connection {
    /// The SQLite handle.
    let handle: OpaquePointer
    /// The database file's path, for error messages.
    let path: String
    /// How long a statement waits for another connection's lock, in seconds.
    let busyTimeout: TimeInterval
    /// Prepared statements by ``Query`` raw value.
    private var statements: [PreparedStatement?]
    private var isOpen = true

    /// Opens (creating it with permissions 0600 if needed), checks and migrates the database.
    /// - Throws: ``LoyaltyError/Code/storage`` when the file cannot be created or opened, is
    ///   not a LoyaltyKit database, or was written by a newer schema version (left untouched).
    init(path: String, options: SQLiteStore.Options) throws {
        try Connection.createFile(at: path)
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw LoyaltyError(.storage, "cannot open the database", location: path,
                               underlying: "\(message) (SQLite code \(code))")
        }
        self.handle = handle
        self.path = path
        self.busyTimeout = options.busyTimeout
        self.statements = Array(repeating: nil, count: Query.allCases.count)
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(min((options.busyTimeout * 1000).rounded(.up), Double(Int32.max))))
        do {
            // Check before anything writes, even the journal mode (which lives in the header).
            try checkVersion(try userVersion())
            try configure(options)
            try migrate()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalizes the cached statements and closes the connection. Idempotent.
    func close() {
        guard isOpen else { return }
        isOpen = false
        for statement in statements { statement?.finalize() }
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Opening

    /// Creates the file with permissions 0600 unless it exists, so that SQLite (which gives
    /// its WAL and shared-memory files the database's permissions) never creates it with the
    /// process umask's looser default. An existing file's permissions are left as they are.
    private static func createFile(at path: String) throws {
        #if canImport(Darwin) || canImport(Glibc) || canImport(Musl) || canImport(Android)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw LoyaltyError(.storage, "cannot create or open the database file", location: path, underlying: reason)
        }
        closeDescriptor(descriptor)
        #endif
    }

    /// Refuses a database this version cannot use, before anything is written to it.
    private func checkVersion(_ version: Int32) throws {
        if version > Schema.currentVersion {
            throw LoyaltyError(
                .storage,
                "the database was written by a newer LoyaltyKit (schema version \(version); this version knows up to "
                    + "\(Schema.currentVersion)); upgrade LoyaltyKit to open it. Nothing was changed",
                location: path)
        }
        if version == 0, try hasTables() {
            throw LoyaltyError(.storage, "the file is an SQLite database, but not a LoyaltyKit store (it has tables and no "
                                   + "LoyaltyKit schema version). Nothing was changed", location: path)
        }
    }

    /// Sets the connection's pragmas. (Pragmas take no bound parameters; the values here come
    /// from code, never from data.)
    private func configure(_ options: SQLiteStore.Options) throws {
        let mode = try singleValue("PRAGMA journal_mode = WAL") { $0.text(at: 0) }
        guard mode.lowercased() == "wal" else {
            throw LoyaltyError(.storage, "cannot switch the database to WAL journal mode (it stays in \(mode) mode)", location: path)
        }
        switch options.synchronous {
        case .normal: try execute(sql: "PRAGMA synchronous = NORMAL")
        case .full: try execute(sql: "PRAGMA synchronous = FULL")
        }
        try execute(sql: "PRAGMA foreign_keys = ON")
        // Up to 64 MiB of page cache (SQLite's default is 2 MiB), allocated as pages are read:
        // a batch of writes touches a page of each index per member, and a page that stays
        // cached is neither read again nor spilled to the WAL before the commit.
        try execute(sql: "PRAGMA cache_size = -65536")
        // Checkpoint when the WAL passes 10,000 pages (about 40 MiB) instead of 1,000: a batch
        // that touches a page of each index per member then costs one checkpoint, and its two
        // syncs, every few batches rather than at every commit.
        try execute(sql: "PRAGMA wal_autocheckpoint = 10000")
    }

    /// Runs the missing migrations in one immediate transaction, checking the version again
    /// under the lock (another process may have migrated meanwhile).
    private func migrate() throws {
        guard try userVersion() < Schema.currentVersion else { return }
        try transaction(immediate: true) {
            let version = try userVersion()
            try checkVersion(version)
            guard version < Schema.currentVersion else { return }
            for migration in Schema.migrations[Int(version)...] { try execute(sql: migration) }
            try execute(sql: "PRAGMA user_version = \(Schema.currentVersion)")
        }
    }

    private func userVersion() throws -> Int32 {
        Int32(truncatingIfNeeded: try singleValue("PRAGMA user_version") { $0.int64(at: 0) })
    }

    private func hasTables() throws -> Bool {
        try singleValue("SELECT count(*) FROM sqlite_master") { $0.int64(at: 0) } > 0
    }

    // MARK: Statements

    /// Runs `body` with the cached statement for `query`, reset afterwards. When the cached
    /// statement is in use (a cursor is open on it further up the stack), a one-off statement
    /// is prepared instead, so that nested reads never disturb each other.
    func withStatement<T>(_ query: Query, _ body: (PreparedStatement) throws -> T) throws -> T {
        let statement: PreparedStatement
        let isCached: Bool
        if let cached = statements[query.rawValue] {
            isCached = !cached.isInUse
            statement = isCached ? cached : try PreparedStatement(sql: query.sql, connection: self)
        } else {
            statement = try PreparedStatement(sql: query.sql, connection: self)
            statements[query.rawValue] = statement
            isCached = true
        }
        statement.isInUse = true
        defer {
            statement.reset()
            if isCached { statement.isInUse = false } else { statement.finalize() }
        }
        return try body(statement)
    }

    /// Runs a cached statement that returns no rows.
    func execute(_ query: Query) throws {
        try withStatement(query) { try $0.run() }
    }

    /// Runs SQL that is not worth caching (schema changes, pragmas), with no parameters.
    private func execute(sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw error(sqlite3_extended_errcode(handle), "cannot run \(sql.prefix(40))…")
        }
    }

    /// Reads the first row's value from SQL that is not worth caching.
    private func singleValue<T>(_ sql: String, _ read: (PreparedStatement) -> T) throws -> T {
        let statement = try PreparedStatement(sql: sql, connection: self)
        defer { statement.finalize() }
        guard try statement.step() else { throw LoyaltyError(.storage, "\(sql) returned no row", location: path) }
        return read(statement)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int32 { sqlite3_changes(handle) }

    /// The rowid of the last inserted row.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    // MARK: Transactions

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` (takes the write lock at once, waiting
    /// up to the busy timeout) or `BEGIN DEFERRED` (a read snapshot from the first read).
    /// Commits when `body` returns; rolls back and rethrows when it or the commit throws.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? .beginImmediate : .beginDeferred)
        do {
            let result = try body()
            try execute(.commit)
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Rolls back the open transaction, if SQLite has not already done so after an error.
    private func rollback() {
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        try? execute(.rollback)
    }

    // MARK: Errors

    /// A storage error for a failed SQLite call, with SQLite's message and extended code and
    /// the database's path.
    func error(_ code: Int32, _ what: String) -> LoyaltyError {
        let message = String(cString: sqlite3_errmsg(handle))
        let underlying = "\(message) (SQLite extended code \(code))"
        if code & 0xFF == SQLITE_BUSY {
            return LoyaltyError(
                .storage, "the database is locked by another connection for longer than the busy timeout (\(busyTimeout) s)",
                location: path, underlying: underlying)
        }
        return LoyaltyError(.storage, what, location: path, underlying: underlying)
    }
}

#if canImport(Darwin) || canImport(Glibc) || canImport(Musl) || canImport(Android)
/// Closes a file descriptor (outside ``Connection``, whose own `close()` would shadow it).
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
#endif
