import Foundation
import LoyaltyKit

/// A `LoyaltyStore` in an SQLite database file: durable, and safe to share between processes.
///
/// ```swift
/// let store = try SQLiteStore(path: "/var/lib/seaside/loyalty.sqlite")
/// let loyalty = try Loyalty(program: program, store: store)
/// try await loyalty.record(contentsOf: todaysActivities)   // one transaction
/// ```
///
/// The database runs in WAL mode, so readers never wait for the writer. Each ``write(_:)`` is
/// one `BEGIN IMMEDIATE` transaction: it takes the database's write lock at once (waiting up
/// to ``Options/busyTimeout`` for another connection or process), commits when its body
/// returns, and rolls back completely when the body throws. Each ``read(_:)`` is a deferred
/// transaction: a consistent snapshot from its first read. Nothing is cached between
/// transactions, so several stores — in this process or others — can use one file.
///
/// Recording is idempotent across processes: a unique index on the activity id means that two
/// processes recording the same activity at the same moment store it once.
///
/// The file is created with permissions 0600 (owner read and write only), as are SQLite's WAL
/// and shared-memory files beside it; it holds personal data. Opening a database written by a
/// newer LoyaltyKit schema fails and leaves the file untouched; an older one is migrated.
public actor SQLiteStore: LoyaltyStore {
    /// The database file's path.
    public nonisolated let path: String
    /// The options the store was opened with.
    public nonisolated let options: Options
    /// The open connection, or `nil` after ``close()``.
    private var connection: Connection?

    /// Opens the database at `path`, creating it (permissions 0600) and its schema if needed.
    /// - Parameters:
    ///   - path: the database file. Its directory must exist.
    ///   - options: durability and locking options.
    /// - Throws: `LoyaltyError.Code.invalidInput` for invalid options;
    ///   `LoyaltyError.Code.storage` when the file cannot be created or opened, is not an SQLite
    ///   database or not a LoyaltyKit store, was written by a newer schema version (nothing is
    ///   changed), or stays locked by another process beyond the busy timeout.
    public init(path: String, options: Options = Options()) throws {
        try options.validate()
        self.path = path
        self.options = options
        self.connection = try Connection(path: path, options: options)
    }

    /// Opens the database at a file URL; see ``init(path:options:)``.
    /// - Parameters:
    ///   - url: the database file's URL.
    ///   - options: durability and locking options.
    /// - Throws: `LoyaltyError.Code.invalidInput` when `url` is not a file URL, and what
    ///   ``init(path:options:)`` throws.
    public init(url: URL, options: Options = Options()) throws {
        guard url.isFileURL else {
            throw LoyaltyError(.invalidInput, "an SQLite store needs a file URL", location: url.absoluteString)
        }
        try self.init(path: url.path, options: options)
    }

    /// Runs `body` in a deferred transaction: a consistent snapshot of the database, taken
    /// at its first read, that other connections' commits do not change.
    /// - Parameter body: reads through the reader it is given. It runs synchronously; the
    ///   reader is valid only inside it.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or `LoyaltyError.Code.storage` (with SQLite's message and
    ///   extended code, and the file's path as location) when the database fails or the store is closed.
    public func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T {
        let connection = try openConnection()
        return try connection.transaction(immediate: false) { try body(SQLiteTransaction(connection: connection)) }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it commits when `body` returns, and
    /// rolls back every change when `body` throws.
    /// - Parameter body: reads and writes through the writer it is given. It runs
    ///   synchronously; the writer is valid only inside it.
    /// - Returns: what `body` returns, once committed.
    /// - Throws: what `body` throws (after rolling back), or `LoyaltyError.Code.storage` (with
    ///   SQLite's message and extended code, and the file's path as location) when the
    ///   database fails, stays locked by another connection beyond the busy timeout, or the
    ///   store is closed. Nothing is changed when it throws.
    public func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T {
        let connection = try openConnection()
        return try connection.transaction(immediate: true) { try body(SQLiteTransaction(connection: connection)) }
    }

    /// Closes the database. Later reads and writes throw a `LoyaltyError.Code.storage` error.
    /// Closing twice does nothing. A store that is released closes itself.
    public func close() {
        connection?.close()
        connection = nil
    }

    private func openConnection() throws -> Connection {
        guard let connection else { throw LoyaltyError(.storage, "the store is closed", location: path) }
        return connection
    }
}
