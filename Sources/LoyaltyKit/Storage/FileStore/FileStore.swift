import Foundation

/// A store that keeps its data in a directory: an append-only journal plus a compacted
/// snapshot, with everything also held in memory for reads.
///
/// ```swift
/// let store = try FileStore(directory: URL(fileURLWithPath: "/var/lib/seaside/loyalty"))
/// let loyalty = try Loyalty(program: program, store: store)
/// try await loyalty.record(contentsOf: todaysActivities)   // one journal record, one sync
/// ```
///
/// **Files.** `journal.bin` holds one record per committed transaction (each record is
/// `[u32 length][u32 CRC-32][payload][newline]`, the payload listing the transaction's
/// operations), `snapshot.bin` the whole store as of the last compaction, and `store.lock`
/// the lock. Each file starts with a magic and format-version header. Files are created with
/// permissions 0600.
///
/// **Durability.** ``write(_:)`` returns only after the transaction's record is written and,
/// with ``Durability/full`` (the default), synced: one write and one sync per transaction, so
/// batches commit as a group. If writing or syncing fails, the in-memory changes are undone,
/// the partial record is cut off, and the write throws ``LoyaltyError/Code/storage``.
///
/// **Recovery.** Opening loads the snapshot and replays the journal. A torn last record (the
/// write of a process that died mid-write, never acknowledged) is cut off and reported in
/// ``recovery``. Damage anywhere else makes opening fail with an error naming the file, the
/// record number and the byte offset; ``repair(at:)`` then keeps a backup of the journal and
/// cuts it at the damaged record.
///
/// **Exclusive.** One `FileStore` at a time may open a directory: a second one, in this
/// process or another, gets a ``LoyaltyError/Code/storage`` error saying the store is in use.
/// ``close()`` releases the directory; so does releasing the store.
public actor FileStore: LoyaltyStore {
    /// The store's directory.
    public nonisolated let directory: URL
    /// How the store writes.
    public nonisolated let options: Options
    /// What opening the store found: records replayed, and a torn last record dropped, if any.
    public nonisolated let recovery: Recovery

    private let files: StoreDirectory
    private let tables: MemoryTables
    private let journal: Journal
    private var lock: StoreFile?
    /// Journal bytes since the last snapshot beyond which the next write compacts.
    private var compactionDue = 0

    /// Opens the store in `directory`, creating the directory and an empty store if needed.
    ///
    /// Loads the snapshot and replays the journal into memory. A torn last journal record is
    /// cut off and reported in ``recovery``.
    /// - Parameters:
    ///   - directory: the store's directory (created with permissions 0700 if missing).
    ///   - options: how the store writes.
    /// - Throws: ``LoyaltyError/Code/storage`` when the directory is in use by another
    ///   `FileStore` (in any process), when a file cannot be read or written, or when the
    ///   snapshot or the journal is damaged other than by a torn last record (the error names
    ///   the file, record number and byte offset; see ``repair(at:)``).
    /// - Complexity: O(snapshot + journal), reading each file once.
    public init(directory: URL, options: Options = Options()) throws {
        let files = StoreDirectory(directory)
        let opened = try FileStore.open(files)
        self.directory = directory
        self.options = options
        self.files = files
        self.tables = opened.tables
        self.journal = opened.journal
        self.lock = opened.lock
        self.recovery = opened.recovery
        self.compactionDue = max(options.automaticCompactionThreshold ?? 0, opened.snapshotSize)
    }

    /// Runs `body` against the store's current data, in memory.
    /// - Throws: what `body` throws; ``LoyaltyError/Code/storage`` once the store is closed.
    public func read<T: Sendable>(_ body: @Sendable (any StoreReader) throws -> T) async throws -> T {
        try checkOpen()
        return try body(MemoryTransaction(tables: tables))
    }

    /// Runs `body` atomically and durably: its changes are applied in memory, written to the
    /// journal as one record and (with ``Durability/full``) synced before this returns.
    ///
    /// If `body` throws, or writing the record fails, every change is undone and nothing
    /// reaches the journal. A write that changes nothing writes nothing.
    /// - Throws: what `body` throws; ``LoyaltyError/Code/storage`` when the record cannot be
    ///   written or synced, or the store is closed.
    /// - Complexity: one write and at most one sync, plus a compaction when the journal
    ///   passes ``Options/automaticCompactionThreshold``.
    public func write<T: Sendable>(_ body: @Sendable (any StoreWriter) throws -> T) async throws -> T {
        try checkOpen()
        let transaction = MemoryTransaction(tables: tables, recordingChanges: true)
        let result: T
        do {
            result = try body(transaction)
            guard let changes = transaction.changeLog, !changes.isEmpty else { return result }
            try journal.append(FileOperationWriter.journalPayload(for: changes, tables: tables), sync: options.durability == .full)
        } catch {
            transaction.rollback()
            throw error
        }
        compactIfDue()
        return result
    }

    /// Writes a new snapshot of the whole store and starts an empty journal.
    ///
    /// The snapshot is written to a temporary file, synced, renamed over the previous one and
    /// the directory synced, so a crash at any point leaves either the old snapshot and
    /// journal or the new ones, never a mix. Opening afterwards reads the snapshot and replays
    /// a short journal.
    /// - Throws: ``LoyaltyError/Code/storage`` when a file cannot be written; the store keeps
    ///   working with its current files.
    /// - Complexity: O(everything stored): the store is rewritten.
    public func compact() throws {
        try checkOpen()
        try journal.sync()
        let position = journal.position
        let header = StoreFileHeader(kind: .snapshot, journalID: position.id, coveredOffset: position.size, coveredRecords: position.records)
        let snapshot = try StoreFile.create(replacing: files.snapshot) { try SnapshotFile.write(tables, header: header, to: $0) }
        let snapshotSize = (try? snapshot.size()) ?? 0
        snapshot.close()
        try StoreFile.syncDirectory(files.path)
        try journal.startNextGeneration()
        compactionDue = max(options.automaticCompactionThreshold ?? 0, snapshotSize)
    }

    /// Releases the directory: closes the journal and the lock, so that another `FileStore`
    /// can open it. Later reads and writes throw. Calling it again does nothing.
    public func close() {
        journal.close()
        lock?.close()
        lock = nil
    }

    /// Repairs a store whose journal is damaged: copies the journal to a backup file
    /// (`journal.bin.backup`, or `journal.bin.backup-2`, … if taken) and cuts it at the first
    /// record that fails its checks or does not replay, keeping everything before it.
    ///
    /// Run it when opening fails on a damaged record and the records after it are worth less
    /// than opening the store; the backup keeps them for inspection. A store that needs no
    /// repair is left untouched. A missing journal (with a snapshot) is recreated empty.
    /// - Parameter directory: the store's directory.
    /// - Returns: what was found and done.
    /// - Throws: ``LoyaltyError/Code/storage`` when the store is in use, there is no store in
    ///   `directory`, the snapshot or a file header is damaged (which repair cannot fix), or a
    ///   file cannot be written.
    /// - Complexity: O(snapshot + journal).
    public static func repair(at directory: URL) throws -> RepairReport {
        try repair(StoreDirectory(directory))
    }

    /// Test hook: the next journal write puts `bytes` bytes of its record in the file, then
    /// fails as a full disk would.
    package func failNextJournalWrite(afterWriting bytes: Int) {
        journal.injectedFailure = bytes
    }

    private func checkOpen() throws {
        guard lock != nil else {
            throw LoyaltyError(.storage, "store at \(files.path) is closed", location: files.path)
        }
    }

    /// Compacts when the journal has grown past the threshold, and past the snapshot's size,
    /// since the last snapshot. A failure leaves the store as it was and is retried after
    /// another threshold's worth.
    private func compactIfDue() {
        guard let threshold = options.automaticCompactionThreshold else { return }
        let sinceSnapshot = journal.position.size - StoreFileHeader.size
        guard sinceSnapshot > compactionDue else { return }
        do {
            try compact()
        } catch {
            compactionDue = sinceSnapshot + threshold
        }
    }
}
