import Foundation

extension FileStore {
    /// A store directory read into memory, with its files open.
    struct Opened {
        var lock: StoreFile
        var tables: MemoryTables
        var journal: Journal
        var recovery: Recovery
        /// The snapshot's size in bytes (0 without one).
        var snapshotSize: Int
    }

    /// Where replay starts in a journal: after the snapshot's records, or after the header.
    private struct ReplayStart {
        var offset: Int
        var records: Int
    }

    /// Opens the store in `directory`: locks it, loads the snapshot, replays the journal and
    /// drops a torn last record.
    static func open(_ directory: StoreDirectory) throws -> Opened {
        try directory.create()
        let lock = try lock(directory)
        try directory.removeTemporaryFiles()
        var loader = TableLoader()
        let loaded = StoreFile.exists(directory.snapshot) ? try SnapshotFile.load(directory.snapshot, into: &loader) : nil
        let snapshot = loaded?.header
        loader.startJournal()
        guard StoreFile.exists(directory.journal) else {
            guard snapshot == nil else {
                throw LoyaltyError(.storage, "\(directory.snapshot) exists but the journal \(directory.journal) is missing, with "
                    + "any changes made after the snapshot; FileStore.repair(at:) starts a new journal from the snapshot",
                    location: directory.journal)
            }
            let journal = try Journal.create(at: directory.journal, id: 1, directory: directory.path)
            return Opened(lock: lock, tables: loader.finish(), journal: journal,
                          recovery: Recovery(loadedSnapshot: false, replayedRecords: 0), snapshotSize: 0)
        }
        let (file, bytes, header, start) = try readJournal(directory, after: snapshot)
        let (records, damage) = journalRecords(bytes, from: start, directory)
        if let damage, !damage.isTail {
            throw TableLoader.Source(path: directory.journal, number: damage.number, offset: damage.offset)
                .error("is damaged: \(damage.reason), and intact records follow it (\(bytes.count - damage.offset) bytes from "
                    + "this record to the end), so the store was not opened and nothing was dropped. FileStore.repair(at:) "
                    + "keeps a backup of the journal and cuts it at this record")
        }
        try loader.replay(bytes, records)
        let tables = loader.finish()
        let end = damage?.offset ?? bytes.count
        if end < bytes.count {
            try file.truncate(to: end)
            try file.sync()
        }
        let journal = Journal(file: file, directory: directory.path,
                              position: Journal.Position(id: header.journalID, size: end, records: start.records + records.count))
        let recovery = Recovery(
            loadedSnapshot: snapshot != nil, replayedRecords: records.count, droppedBytes: bytes.count - end,
            droppedRecord: damage.map { DamagedRecord($0, in: directory.journal) })
        return Opened(lock: lock, tables: tables, journal: journal, recovery: recovery, snapshotSize: loaded?.size ?? 0)
    }

    /// Repairs the journal in `directory` (see ``repair(at:)``).
    static func repair(_ directory: StoreDirectory) throws -> RepairReport {
        guard StoreFile.exists(directory.journal) || StoreFile.exists(directory.snapshot) else {
            throw LoyaltyError(.storage, "there is no store at \(directory.path)", location: directory.path)
        }
        let lock = try lock(directory)
        defer { lock.close() }
        try directory.removeTemporaryFiles()
        var loader = TableLoader(decodesEverything: true)
        let loaded = StoreFile.exists(directory.snapshot) ? try SnapshotFile.load(directory.snapshot, into: &loader) : nil
        let snapshot = loaded?.header
        loader.startJournal()
        guard StoreFile.exists(directory.journal) else {
            let id = (snapshot?.journalID ?? 0) + 1
            try Journal.create(at: directory.journal, id: id, directory: directory.path).close()
            return RepairReport(damagedRecord: nil, keptRecords: 0, droppedBytes: 0, backup: nil, recreatedJournal: true)
        }
        let (file, bytes, _, start) = try readJournal(directory, after: snapshot)
        let (records, damage) = journalRecords(bytes, from: start, directory)
        var damaged = damage.map { DamagedRecord($0, in: directory.journal) }
        do {
            try loader.replay(bytes, records)
        } catch {
            guard loader.appliedRecords < records.count else { throw error }
            let source = records[loader.appliedRecords].source
            let reason = (error as? LoyaltyError)?.message ?? String(describing: error)
            damaged = DamagedRecord(path: directory.journal, number: source.number, offset: source.offset, reason: reason)
        }
        guard let damaged else {
            return RepairReport(damagedRecord: nil, keptRecords: records.count, droppedBytes: 0, backup: nil)
        }
        let backupPath = directory.unusedBackupPath()
        let backup = try StoreFile(path: backupPath, create: true)
        try backup.write(bytes, at: 0)
        try backup.sync()
        backup.close()
        try file.truncate(to: damaged.offset)
        try file.sync()
        try StoreFile.syncDirectory(directory.path)
        return RepairReport(damagedRecord: damaged, keptRecords: damaged.number - 1 - start.records,
                            droppedBytes: bytes.count - damaged.offset, backup: URL(fileURLWithPath: backupPath))
    }

    /// Opens and reads the journal, checks that it belongs with the snapshot, and finds where
    /// replay starts.
    private static func readJournal(_ directory: StoreDirectory, after snapshot: StoreFileHeader?) throws
        -> (file: StoreFile, bytes: [UInt8], header: StoreFileHeader, start: ReplayStart)
    {
        let file = try StoreFile(path: directory.journal, create: false)
        let bytes = try file.readAll()
        let header = try StoreFileHeader(reading: bytes, kind: .journal, path: directory.journal)
        return (file, bytes, header, try replayStart(journal: header, size: bytes.count, snapshot: snapshot, directory))
    }

    /// The intact records of a journal from `start`, and the damaged record that ends them, if any.
    private static func journalRecords(_ bytes: [UInt8], from start: ReplayStart, _ directory: StoreDirectory)
        -> (records: [TableLoader.Record], damage: RecordFrame.Damage?)
    {
        var reader = RecordFrame.Reader(bytes, from: start.offset, recordsBefore: start.records)
        var records: [TableLoader.Record] = []
        do {
            while let payload = try reader.next() {
                records.append(TableLoader.Record(payload: payload, source: TableLoader.Source(
                    path: directory.journal, number: reader.number, offset: payload.lowerBound - 8)))
            }
            return (records, nil)
        } catch {
            return (records, error)
        }
    }

    /// Takes the directory's lock.
    /// - Throws: ``LoyaltyError/Code/storage`` "in use" when another process (or another open
    ///   `FileStore`) holds it.
    private static func lock(_ directory: StoreDirectory) throws -> StoreFile {
        let lock = try StoreFile(path: directory.lock, create: true)
        guard try lock.tryLock() else {
            throw LoyaltyError(.storage, "store at \(directory.path) is in use by another process", location: directory.path)
        }
        return lock
    }

    /// Where replay of a journal starts, given the snapshot's header (if any).
    /// - Throws: ``LoyaltyError/Code/storage`` when the journal does not belong to the snapshot.
    private static func replayStart(journal: StoreFileHeader, size: Int, snapshot: StoreFileHeader?,
                                    _ directory: StoreDirectory) throws -> ReplayStart {
        let afterHeader = ReplayStart(offset: StoreFileHeader.size, records: 0)
        guard let snapshot else {
            guard journal.journalID == 1 else {
                throw LoyaltyError(.storage, "the journal \(directory.journal) is generation \(journal.journalID), which follows "
                    + "a snapshot, but \(directory.snapshot) is missing", location: directory.journal)
            }
            return afterHeader
        }
        if journal.journalID == snapshot.journalID + 1 { return afterHeader }
        guard journal.journalID == snapshot.journalID else {
            throw LoyaltyError(.storage, "the journal \(directory.journal) is generation \(journal.journalID) but \(directory.snapshot) "
                + "was taken from generation \(snapshot.journalID): they do not belong together", location: directory.journal)
        }
        guard snapshot.coveredOffset >= StoreFileHeader.size, snapshot.coveredOffset <= size else {
            throw LoyaltyError(.storage, "the journal \(directory.journal) is \(size) bytes long but \(directory.snapshot) holds "
                + "its records up to byte \(snapshot.coveredOffset): the journal was cut or replaced", location: directory.journal)
        }
        return ReplayStart(offset: snapshot.coveredOffset, records: snapshot.coveredRecords)
    }
}
