import Foundation
import LoyaltyKit

extension SQLiteStore {
    /// How an ``SQLiteStore`` trades durability for speed, and how long it waits for locks.
    public struct Options: Sendable, Hashable {
        /// When SQLite waits for the disk (`PRAGMA synchronous`).
        public enum Synchronous: String, Sendable, Hashable, CaseIterable {
            /// The WAL is synced at checkpoints, not at every commit. A committed write
            /// survives the application crashing or being killed; a power loss or operating
            /// system crash may lose the last commits, but never corrupts the database.
            case normal
            /// The WAL is synced at every commit: a committed write also survives a power loss,
            /// at the cost of one `fsync` per transaction.
            case full
        }

        /// When SQLite waits for the disk. Default: ``Synchronous/normal``.
        public var synchronous: Synchronous
        /// How long, in seconds, a transaction waits for another connection's lock before
        /// failing with a storage error. Default: 5 seconds.
        public var busyTimeout: TimeInterval

        /// Creates options.
        /// - Parameters:
        ///   - synchronous: when SQLite waits for the disk.
        ///   - busyTimeout: how long to wait for another connection's lock, in seconds (≥ 0).
        public init(synchronous: Synchronous = .normal, busyTimeout: TimeInterval = 5) {
            self.synchronous = synchronous
            self.busyTimeout = busyTimeout
        }

        /// Checks the values.
        /// - Throws: `LoyaltyError.Code.invalidInput` for a negative or non-finite timeout.
        func validate() throws {
            guard busyTimeout.isFinite, busyTimeout >= 0 else {
                throw LoyaltyError(.invalidInput, "the busy timeout must be a finite number of seconds, at least 0 (got \(busyTimeout))")
            }
        }
    }
}
