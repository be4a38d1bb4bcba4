/// A hash table from customer id to a small record kept inline, for the metrics'
/// per-customer state: memory grows with customers, and an update touches one table slot.
///
/// Open addressing with linear probing, at most half full. The record sits next to its key,
/// so finding a customer and updating their record costs one memory access where a
/// `[String: Int]` index plus a record array costs three; over a million customers each of
/// them is a cache miss. Keys are hashed with the standard library's seeded hasher.
///
/// Customers are numbered in order of first appearance (their *ordinal*), so results can be
/// listed in that order whatever the hash seed.
struct CustomerTable<Record: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: String
        var ordinal: Int32
        var record: Record
    }

    private var entries: [Entry?]
    private var mask: Int
    /// The number of customers.
    private(set) var count = 0

    /// An empty table.
    init() {
        entries = Array(repeating: nil, count: 16)
        mask = 15
    }

    /// Calls `body` with the record of `key`, first inserting `make()` when the key is new.
    /// `body` gets `true` as its second argument for a new record. When `body` throws, a new
    /// record is not inserted and an existing one keeps what `body` left in it (callers check
    /// before they change anything). Amortised O(1).
    @inline(__always)
    mutating func update<T>(
        _ key: String, make: () -> Record, _ body: (inout Record, _ isNew: Bool) throws -> T
    ) rethrows -> T {
        var index = key.hashValue & mask
        while let entry = entries[index] {
            if entry.key == key { return try body(&entries[index]!.record, false) }
            index = (index + 1) & mask
        }
        var record = make()
        let result = try body(&record, true)
        entries[index] = Entry(key: key, ordinal: Int32(truncatingIfNeeded: count), record: record)
        count += 1
        if count * 2 > entries.count { grow() }
        return result
    }

    /// The record of `key`, if present. O(1) expected.
    func record(for key: String) -> Record? {
        var index = key.hashValue & mask
        while let entry = entries[index] {
            if entry.key == key { return entry.record }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Calls `body` with every key and record in order of first appearance. O(count).
    func forEachInOrder(_ body: (String, Record) throws -> Void) rethrows {
        var positions = [Int32](repeating: -1, count: count)
        for index in entries.indices {
            if let entry = entries[index] { positions[Int(entry.ordinal)] = Int32(index) }
        }
        for position in positions {
            if let entry = entries[Int(position)] { try body(entry.key, entry.record) }
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: nil, count: old.count * 2)
        mask = entries.count - 1
        for case let entry? in old {
            var index = entry.key.hashValue & mask
            while entries[index] != nil { index = (index + 1) & mask }
            entries[index] = entry
        }
    }
}
