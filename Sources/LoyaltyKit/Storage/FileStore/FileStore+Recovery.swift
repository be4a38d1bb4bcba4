import Foundation

extension FileStore {
    /// A journal record that failed its checks.
    public struct DamagedRecord: Sendable, Hashable, CustomStringConvertible {
        /// The file's path.
        public var path: String
        /// The record's number in the file (1 for the first record after the header): the
        /// "line" of the journal.
        public var number: Int
        /// The byte offset in the file where the record starts.
        public var offset: Int
        /// What is wrong with it: incomplete, a checksum mismatch, content that does not replay.
        public var reason: String

        /// Creates a description of a damaged record.
        public init(path: String, number: Int, offset: Int, reason: String) {
            self.path = path
            self.number = number
            self.offset = offset
            self.reason = reason
        }

        /// Describes a record the frame checks found damaged.
        init(_ damage: RecordFrame.Damage, in path: String) {
            self.init(path: path, number: damage.number, offset: damage.offset, reason: damage.reason)
        }

        /// `path:number (byte offset): reason`.
        public var description: String { "\(path):\(number) (byte \(offset)): \(reason)" }
    }

    /// What opening a store found: how much journal it replayed and whether it dropped a torn
    /// last record.
    ///
    /// A torn record is the last write of a process that stopped while writing it. That
    /// transaction was never acknowledged (its write had not returned), so dropping it loses
    /// nothing that was promised; the store reports it here rather than silently.
    public struct Recovery: Sendable, Hashable {
        /// Whether a snapshot was loaded.
        public var loadedSnapshot: Bool
        /// Journal records replayed on top of the snapshot.
        public var replayedRecords: Int
        /// Bytes cut from the end of the journal: a torn last record. Zero when the journal
        /// ended cleanly.
        public var droppedBytes: Int
        /// The torn record that was dropped, if one was.
        public var droppedRecord: DamagedRecord?

        /// Whether the journal ended cleanly.
        public var isClean: Bool { droppedRecord == nil }

        /// Creates a report.
        public init(loadedSnapshot: Bool, replayedRecords: Int, droppedBytes: Int = 0, droppedRecord: DamagedRecord? = nil) {
            self.loadedSnapshot = loadedSnapshot
            self.replayedRecords = replayedRecords
            self.droppedBytes = droppedBytes
            self.droppedRecord = droppedRecord
        }
    }

    /// What ``FileStore/repair(at:)`` did.
    public struct RepairReport: Sendable, Hashable {
        /// The first record that failed its checks or did not replay, if any.
        public var damagedRecord: DamagedRecord?
        /// Journal records kept (after the snapshot's).
        public var keptRecords: Int
        /// Bytes cut from the end of the journal, from the damaged record on.
        public var droppedBytes: Int
        /// The copy of the journal as it was before the repair; `nil` when nothing was changed.
        public var backup: URL?
        /// Whether a missing journal was recreated empty (the snapshot alone survived).
        public var recreatedJournal: Bool

        /// Whether the store needed no repair.
        public var wasIntact: Bool { damagedRecord == nil && !recreatedJournal }

        /// Creates a report.
        public init(damagedRecord: DamagedRecord?, keptRecords: Int, droppedBytes: Int, backup: URL?, recreatedJournal: Bool = false) {
            self.damagedRecord = damagedRecord
            self.keptRecords = keptRecords
            self.droppedBytes = droppedBytes
            self.backup = backup
            self.recreatedJournal = recreatedJournal
        }
    }
}
