import Dispatch

/// Rebuilds ``MemoryTables`` from the ``FileOperation``s of snapshot and journal records,
/// straight into its tables, without undo logs.
///
/// Loading a large store is dominated by decoding, so records are decoded on all cores, a
/// window at a time, and applied in order on the calling thread. The tables are held in the
/// loader's own stored properties while loading (not in the class), which spares a dynamic
/// exclusivity check on every access. Member states and outcomes stay encoded until they are
/// first read (see ``MemoryTables/decodeState(of:)`` and ``StoredOutcome``): most of a large
/// store's outcomes are never read again, and a journal that saved a member's state a thousand
/// times costs no decode at all.
struct TableLoader {
    /// Where a record came from, for error messages.
    struct Source: Sendable {
        var path: String
        /// The record's number in its file (1 for the first).
        var number: Int
        /// The byte offset where the record starts.
        var offset: Int

        /// A storage error naming the file, record and offset.
        func error(_ problem: String) -> LoyaltyError {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return LoyaltyError(.storage, "record \(number) of \(name) (byte \(offset)) \(problem)", location: "\(path):\(number)")
        }
    }

    /// A record to replay: its payload in the file's bytes, and where it is.
    struct Record: Sendable {
        var payload: Range<Int>
        var source: Source
        /// Whether the payload's checksum is still to be checked (while decoding, on all cores).
        var verifiesChecksum = false
    }

    /// A decoded ``FileOperation``.
    private enum Operation: Sendable {
        case insertCustomer(Customer)
        case updateCustomer(Customer)
        /// A member's state, still encoded: the customer and the state's bytes.
        case memberState(Customer.ID, Range<Int>)
        case append(Activity, StoredOutcome)
        case entries([LedgerEntry])
        case replace(Activity)
        case snapshotStart(Counts)
        case snapshotEnd(Counts)
    }

    /// How many customers, activities and members a snapshot holds.
    private struct Counts: Sendable, Equatable, CustomStringConvertible {
        var customers: Int
        var activities: Int
        var members: Int
        var description: String { "\(customers) customers, \(activities) activities and \(members) members" }
    }

    /// The payload bytes decoded together before they are applied: enough records to keep
    /// every core busy (a snapshot record holds about 1 MiB), few enough that decoding the
    /// next window overlaps applying this one for most of the load.
    private static let windowSize = 4 << 20

    private var customers: [Customer.ID: Customer] = [:]
    private var memberIndex: [Customer.ID: Int] = [:]
    private var members: [MemoryTables.Member] = []
    private var activities: [Activity.ID: Int] = [:]
    private var log = MemoryTables.Log()
    /// The member of each logged activity, by log position. Members' activity lists and
    /// ledgers are built from these flat lists at the end: appending to ten thousand lists in
    /// turn costs a cache miss each time.
    private var logMembers: [Int32] = []
    /// Every ledger segment in order, with its member.
    private var segments: [MemoryTables.LedgerSegment] = []
    private var segmentMembers: [Int32] = []
    /// Whether every state and outcome is decoded as it is read (to find every damaged record),
    /// rather than only each member's latest state at the end and outcomes when they are read.
    private let decodesEverything: Bool
    private var lastMember: (id: Customer.ID, index: Int)?
    /// Whether a snapshot's start and end markers were read.
    private var snapshotStarted = false
    private(set) var snapshotEnded = false
    /// Whether records now come from a journal, where snapshot markers have no place.
    private var readingJournal = false
    /// How many records have been applied.
    private(set) var appliedRecords = 0

    /// A loader starting from empty tables.
    /// - Parameter decodesEverything: whether to decode every member state and outcome as it is
    ///   read, so that a damaged one is found in its record (for repair).
    init(decodesEverything: Bool = false) {
        self.decodesEverything = decodesEverything
    }

    /// Marks the end of the snapshot (if any): the records that follow come from a journal.
    mutating func startJournal() { readingJournal = true }

    /// Decodes `records` of `bytes` and applies them in order. On failure, ``appliedRecords``
    /// counts the records applied before the one that failed.
    /// - Throws: ``LoyaltyError/Code/storage`` naming the first record that does not decode or
    ///   does not fit what is already loaded (an activity logged twice, an unknown customer).
    mutating func replay(_ bytes: [UInt8], _ records: [Record]) throws {
        var windows: [ArraySlice<Record>] = []
        var start = 0
        var size = 0
        for (index, record) in records.enumerated() {
            size += record.payload.count
            if size >= TableLoader.windowSize || index == records.count - 1 {
                windows.append(records[start...index])
                start = index + 1
                size = 0
            }
        }
        // While one window is applied here, the next is decoded on the other cores.
        var next = windows.first.map { DecodedWindow(bytes, $0) }
        for (number, window) in windows.enumerated() {
            guard let decoded = next?.operations() else { break }
            next = number + 1 < windows.count ? DecodedWindow(bytes, windows[number + 1]) : nil
            for (record, operations) in zip(window, decoded) {
                try apply(try operations.get(), bytes, record.source)
                appliedRecords += 1
            }
        }
    }

    /// The operations of a window of records, decoded in the background on all cores.
    private final class DecodedWindow: @unchecked Sendable {
        private let done = DispatchGroup()
        /// Written once by the background work before it leaves `done`; read after waiting.
        private var results: [Result<[Operation], any Error>] = []

        /// Starts decoding `records` of `bytes`.
        init(_ bytes: [UInt8], _ records: ArraySlice<Record>) {
            done.enter()
            DispatchQueue.global().async { [self] in
                results = concurrentMap(records.count) { index in
                    Result { try TableLoader.decode(bytes, records[records.startIndex + index]) }
                }
                done.leave()
            }
        }

        /// Waits for the decoding to finish: each record's operations, or why it failed.
        func operations() -> [Result<[Operation], any Error>] {
            done.wait()
            return results
        }
    }

    /// Builds the members' activity lists and ledgers and hands over the tables.
    mutating func finish() -> MemoryTables {
        for (slot, list) in grouped(Array(0..<logMembers.count), by: logMembers).enumerated() { members[slot].activities = list }
        for (slot, list) in grouped(segments, by: segmentMembers).enumerated() { members[slot].ledger = list }
        let tables = MemoryTables()
        tables.customers = customers
        tables.memberIndex = memberIndex
        tables.members = members
        tables.activities = activities
        tables.log = log
        return tables
    }

    /// The operations of one record. Safe to call from any thread.
    private static func decode(_ bytes: [UInt8], _ record: Record) throws -> [Operation] {
        if record.verifiesChecksum && !RecordFrame.checksumMatches(bytes, record.payload) {
            throw record.source.error("is damaged: \(RecordFrame.Problem.checksum.text)")
        }
        do {
            var decoder = RecordDecoder(bytes, range: record.payload)
            var operations: [Operation] = []
            while !decoder.isAtEnd { operations.append(try decodeOperation(&decoder, bytes)) }
            return operations
        } catch {
            throw record.source.error("cannot be replayed: \((error as? LoyaltyError)?.message ?? String(describing: error))")
        }
    }

    private static func decodeOperation(_ decoder: inout RecordDecoder, _ bytes: [UInt8]) throws -> Operation {
        let tag = try decoder.readByte()
        guard let operation = FileOperation(rawValue: tag) else { throw decoder.damaged("unknown operation \(tag)") }
        switch operation {
        case .insertCustomer: return .insertCustomer(try decoder.read(Customer.self))
        case .updateCustomer: return .updateCustomer(try decoder.read(Customer.self))
        case .memberState:
            let id = Customer.ID(try decoder.readString())
            let count = try decoder.readCount()
            let start = decoder.offset
            _ = try decoder.readRaw(count)
            return .memberState(id, start..<start + count)
        case .append:
            let activity = try decoder.read(Activity.self)
            let entryCount = try decoder.readCount()
            let count = try decoder.readCount()
            let start = decoder.offset
            _ = try decoder.readRaw(count)
            return .append(activity, .encoded(bytes: bytes, range: start..<start + count, entryCount: entryCount))
        case .entries: return .entries(try decoder.readArray { try $0.read(LedgerEntry.self) })
        case .replace: return .replace(try decoder.read(Activity.self))
        case .snapshotStart: return .snapshotStart(try decodeCounts(&decoder))
        case .snapshotEnd: return .snapshotEnd(try decodeCounts(&decoder))
        }
    }

    private static func decodeCounts(_ decoder: inout RecordDecoder) throws -> Counts {
        func count() throws -> Int {
            guard let count = Int(exactly: try decoder.readUInt64()) else { throw decoder.damaged("a count out of range") }
            return count
        }
        return Counts(customers: try count(), activities: try count(), members: try count())
    }

    /// Applies one record's operations.
    private mutating func apply(_ operations: [Operation], _ bytes: [UInt8], _ source: Source) throws {
        func inconsistency(_ problem: String) -> LoyaltyError { source.error("cannot be replayed: it \(problem)") }
        for operation in operations {
            if case .snapshotStart = operation {} else if !readingJournal && !snapshotStarted {
                throw inconsistency("comes before the snapshot's start")
            }
            if !readingJournal && snapshotEnded { throw inconsistency("comes after the snapshot's end") }
            switch operation {
            case .insertCustomer(let customer):
                guard customers.updateValue(customer, forKey: customer.id) == nil else {
                    throw inconsistency("inserts customer \(customer.id) a second time")
                }
            case .updateCustomer(let customer):
                guard customers.updateValue(customer, forKey: customer.id) != nil else {
                    throw inconsistency("updates customer \(customer.id), who was never inserted")
                }
            case let .memberState(id, range):
                let encoded = MemoryTables.EncodedState(id: id, bytes: bytes, range: range)
                let slot = memberSlot(id)
                if decodesEverything {
                    do {
                        members[slot].state = try MemoryTables.decode(encoded)
                    } catch {
                        throw source.error("cannot be replayed: \((error as? LoyaltyError)?.message ?? String(describing: error))")
                    }
                } else {
                    members[slot].state = nil
                    members[slot].encodedState = encoded
                }
            case .append(let activity, var outcome):
                if decodesEverything, case let .encoded(bytes, range, entryCount) = outcome {
                    do {
                        outcome = .value(try StoredOutcome.decode(bytes, range, entryCount: entryCount))
                    } catch {
                        throw source.error("cannot be replayed: \((error as? LoyaltyError)?.message ?? String(describing: error))")
                    }
                }
                let index = log.count
                guard activities.updateValue(index, forKey: activity.id) == nil else {
                    throw inconsistency("logs activity \(activity.id) a second time")
                }
                log.append(MemoryTables.LogEntry(activity: activity, outcome: outcome))
                let slot = memberSlot(activity.customerID)
                logMembers.append(Int32(truncatingIfNeeded: slot))
                if outcome.hasEntries { appendSegment(.outcome(index), of: slot) }
            case .entries(let entries):
                guard let first = entries.first else { throw inconsistency("appends an empty list of ledger entries") }
                appendSegment(.entries(entries), of: memberSlot(first.customerID))
            case .replace(let activity):
                guard let index = activities[activity.id] else {
                    throw inconsistency("replaces activity \(activity.id), which was never logged")
                }
                log[index].activity = activity
            case .snapshotStart(let counts):
                guard !readingJournal, !snapshotStarted else { throw inconsistency("starts a snapshot in the wrong place") }
                snapshotStarted = true
                customers.reserveCapacity(counts.customers)
                activities.reserveCapacity(counts.activities)
                logMembers.reserveCapacity(counts.activities)
                segments.reserveCapacity(counts.activities)
                segmentMembers.reserveCapacity(counts.activities)
                memberIndex.reserveCapacity(counts.members)
                members.reserveCapacity(counts.members)
            case .snapshotEnd(let counts):
                let loaded = Counts(customers: customers.count, activities: log.count, members: members.count)
                guard !readingJournal, counts == loaded else {
                    throw inconsistency("ends a snapshot of \(counts) but \(loaded) were read")
                }
                snapshotEnded = true
            }
        }
    }

    private mutating func appendSegment(_ segment: MemoryTables.LedgerSegment, of slot: Int) {
        segments.append(segment)
        segmentMembers.append(Int32(truncatingIfNeeded: slot))
    }

    /// `values` grouped by member slot, keeping their order: one list per member.
    /// - Complexity: O(values + members), with one scattered write per value.
    private func grouped<T>(_ values: [T], by owners: [Int32]) -> [[T]] {
        var ends = [Int](repeating: 0, count: members.count + 1)
        for owner in owners { ends[Int(owner) + 1] += 1 }
        for slot in members.indices { ends[slot + 1] += ends[slot] }
        var next = ends
        let sorted = [T](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            for (value, owner) in zip(values, owners) {
                (base + next[Int(owner)]).initialize(to: value)
                next[Int(owner)] += 1
            }
            initialized = values.count
        }
        return members.indices.map { slot in Array(sorted[ends[slot]..<ends[slot + 1]]) }
    }

    /// The member's slot, created if needed.
    private mutating func memberSlot(_ id: Customer.ID) -> Int {
        if let lastMember, lastMember.id == id { return lastMember.index }
        let index: Int
        if let existing = memberIndex[id] {
            index = existing
        } else {
            index = members.count
            members.append(MemoryTables.Member())
            memberIndex[id] = index
        }
        lastMember = (id, index)
        return index
    }
}

/// `transform` applied to `0..<count`, spread over all cores; the results in order.
/// `transform` must be safe to call from several threads at once.
private func concurrentMap<T>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        // Each iteration initializes its own element, so sharing the pointer is safe.
        guard let start = buffer.baseAddress else { return }
        nonisolated(unsafe) let base = start
        DispatchQueue.concurrentPerform(iterations: count) { index in
            (base + index).initialize(to: transform(index))
        }
        initialized = count
    }
}
