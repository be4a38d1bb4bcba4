extension FileStore {
    /// When a committed write reaches the disk.
    public enum Durability: Sendable, Hashable {
        /// Every write is synced before it returns: `fsync`, and on Apple platforms
        /// `F_FULLFSYNC`, which also empties the drive's write cache. An acknowledged write
        /// survives a crash of the process, the system, or the power. Costs one sync per
        /// transaction (about 0.2 ms on a Linux server, several milliseconds on phones), so
        /// record activities in batches (`Loyalty.record(contentsOf:)`) when throughput matters.
        case full
        /// Writes reach the operating system but are not synced. An acknowledged write survives
        /// a crash of the process, but a system crash or power loss can lose the latest writes,
        /// or leave damage in the journal's last pages that makes opening fail until
        /// ``FileStore/repair(at:)`` cuts it off. For tests, previews and bulk loads that can be
        /// redone. Compaction syncs its files either way.
        case none
    }

    /// How a ``FileStore`` writes.
    public struct Options: Sendable, Hashable {
        /// When a committed write reaches the disk. ``Durability/full`` by default.
        public var durability: Durability
        /// The journal size, in bytes written since the last snapshot, beyond which a write
        /// compacts the store (see ``FileStore/compact()``) before it returns; `nil` never
        /// compacts automatically. 64 MiB by default.
        ///
        /// A store also waits until the journal is larger than the snapshot: compaction
        /// rewrites the whole store, so this keeps its cost proportional to what was written
        /// (each byte is rewritten about once), while opening never replays a journal much
        /// larger than the snapshot it follows. A failed automatic compaction does not fail the
        /// write (which is already durable); it is tried again after another threshold's worth
        /// of journal.
        public var automaticCompactionThreshold: Int?

        /// Options for a store.
        /// - Parameters:
        ///   - durability: when a committed write reaches the disk.
        ///   - automaticCompactionThreshold: journal bytes since the last snapshot beyond which
        ///     a write compacts the store, or `nil` for never.
        public init(durability: Durability = .full, automaticCompactionThreshold: Int? = 64 << 20) {
            self.durability = durability
            self.automaticCompactionThreshold = automaticCompactionThreshold
        }
    }
}
