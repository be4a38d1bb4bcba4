/// Rebuilds ``MemoryTables`` from the ``FileOperation``s of snapshot and journal records:
/// straight into the tables, without undo logs.
///
/// Member states are decoded lazily: replay notes where each member's latest state is, and
/// ``finish()`` decodes only those, so a journal that saved a member's state a thousand times
/// costs one decode.
struct TableLoader {
    /// Where a record came from, for error messages.
    struct Source {
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

    /// A member's latest state, not yet decoded.
    private struct PendingState {
        var id: Customer.ID
        var bytes: [UInt8]
        var range: Range<Int>
        var source: Source
    }

    /// The tables being filled.
    let tables: MemoryTables
    /// Whether states are decoded as they are read (to find every damaged record) rather than
    /// once at the end.
    private let decodesEveryState: Bool
    private var lastMember: (id: Customer.ID, index: Int)?
    private var pendingStates: [PendingState?] = []
    /// Whether a snapshot's start and end markers were read.
    private(set) var snapshotStarted = false
    private(set) var snapshotEnded = false
    /// Whether records now come from a journal, where snapshot markers have no place.
    private var readingJournal = false

    /// A loader filling `tables`.
    init(tables: MemoryTables, decodesEveryState: Bool = false) {
        self.tables = tables
        self.decodesEveryState = decodesEveryState
    }

    /// Applies the operations of the record `bytes[payload]`.
    /// - Throws: ``LoyaltyError/Code/storage`` naming the record when it does not decode or
    ///   does not fit what is already loaded (an activity logged twice, an unknown customer).
    mutating func apply(_ bytes: [UInt8], _ payload: Range<Int>, from source: Source) throws {
        do {
            var decoder = RecordDecoder(bytes, range: payload)
            while !decoder.isAtEnd { try applyOperation(&decoder, bytes, source) }
        } catch let error as LoyaltyError where error.location != nil {
            throw error
        } catch {
            throw source.error("cannot be replayed: \((error as? LoyaltyError)?.message ?? String(describing: error))")
        }
    }

    /// Marks the end of the snapshot (if any): the records that follow come from a journal.
    mutating func startJournal() { readingJournal = true }

    /// Decodes the latest state of every member read so far.
    /// - Throws: ``LoyaltyError/Code/storage`` naming the record of a state that does not decode.
    mutating func finish() throws {
        for slot in pendingStates.indices {
            guard let pending = pendingStates[slot] else { continue }
            tables.members[slot].state = try decodeState(pending)
            pendingStates[slot] = nil
        }
    }

    private mutating func applyOperation(_ decoder: inout RecordDecoder, _ bytes: [UInt8], _ source: Source) throws {
        let tag = try decoder.readByte()
        guard let operation = FileOperation(rawValue: tag) else { throw decoder.damaged("unknown operation \(tag)") }
        guard readingJournal || !snapshotEnded else { throw decoder.damaged("an operation after the snapshot's end") }
        guard readingJournal || snapshotStarted || operation == .snapshotStart else {
            throw decoder.damaged("an operation before the snapshot's start")
        }
        switch operation {
        case .insertCustomer:
            let customer = try decoder.read(Customer.self)
            guard tables.customers.updateValue(customer, forKey: customer.id) == nil else {
                throw inconsistency("inserts customer \(customer.id) a second time")
            }
        case .updateCustomer:
            let customer = try decoder.read(Customer.self)
            guard tables.customers.updateValue(customer, forKey: customer.id) != nil else {
                throw inconsistency("updates customer \(customer.id), who was never inserted")
            }
        case .memberState:
            let id = Customer.ID(try decoder.readString())
            let count = try decoder.readCount()
            let start = decoder.offset
            _ = try decoder.readRaw(count)
            let pending = PendingState(id: id, bytes: bytes, range: start..<start + count, source: source)
            let slot = memberSlot(id)
            if decodesEveryState {
                tables.members[slot].state = try decodeState(pending)
            } else {
                while pendingStates.count <= slot { pendingStates.append(nil) }
                pendingStates[slot] = pending
            }
        case .append:
            let activity = try decoder.read(Activity.self)
            let outcome = try decoder.read(Outcome.self)
            let index = tables.log.count
            guard tables.activities.updateValue(index, forKey: activity.id) == nil else {
                throw inconsistency("logs activity \(activity.id) a second time")
            }
            tables.log.append(MemoryTables.LogEntry(activity: activity, outcome: outcome))
            let slot = memberSlot(activity.customerID)
            tables.members[slot].activities.append(index)
            if !outcome.entries.isEmpty { tables.members[slot].ledger.append(.outcome(index)) }
        case .entries:
            let entries = try decoder.readArray { try $0.read(LedgerEntry.self) }
            guard let first = entries.first else { throw inconsistency("appends an empty list of ledger entries") }
            tables.members[memberSlot(first.customerID)].ledger.append(.entries(entries))
        case .replace:
            let activity = try decoder.read(Activity.self)
            guard let index = tables.activities[activity.id] else {
                throw inconsistency("replaces activity \(activity.id), which was never logged")
            }
            tables.log[index].activity = activity
        case .snapshotStart:
            let counts = try readCounts(&decoder)
            guard !readingJournal, !snapshotStarted else { throw inconsistency("starts a snapshot in the wrong place") }
            snapshotStarted = true
            tables.customers.reserveCapacity(counts.customers)
            tables.activities.reserveCapacity(counts.activities)
            tables.memberIndex.reserveCapacity(counts.members)
            tables.members.reserveCapacity(counts.members)
        case .snapshotEnd:
            let counts = try readCounts(&decoder)
            let loaded = (customers: tables.customers.count, activities: tables.log.count, members: tables.members.count)
            guard !readingJournal, snapshotStarted, counts == loaded else {
                throw inconsistency("ends a snapshot of \(counts) but \(loaded) were read")
            }
            snapshotEnded = true
        }
    }

    private func readCounts(_ decoder: inout RecordDecoder) throws -> (customers: Int, activities: Int, members: Int) {
        func count() throws -> Int {
            guard let count = Int(exactly: try decoder.readUInt64()) else { throw decoder.damaged("a count out of range") }
            return count
        }
        return (try count(), try count(), try count())
    }

    private func decodeState(_ pending: PendingState) throws -> MemberState {
        do {
            var decoder = RecordDecoder(pending.bytes, range: pending.range)
            let state = try decoder.read(MemberState.self)
            guard decoder.isAtEnd else { throw decoder.damaged("trailing bytes after a member state") }
            guard state.customerID == pending.id else {
                throw decoder.damaged("the state of \(state.customerID) filed under \(pending.id)")
            }
            return state
        } catch {
            throw pending.source.error("cannot be replayed: \((error as? LoyaltyError)?.message ?? String(describing: error))")
        }
    }

    private func inconsistency(_ problem: String) -> LoyaltyError {
        LoyaltyError(.storage, problem)
    }

    /// The member's slot, created if needed.
    private mutating func memberSlot(_ id: Customer.ID) -> Int {
        if let lastMember, lastMember.id == id { return lastMember.index }
        let index: Int
        if let existing = tables.memberIndex[id] {
            index = existing
        } else {
            index = tables.members.count
            tables.members.append(MemoryTables.Member())
            tables.memberIndex[id] = index
        }
        lastMember = (id, index)
        return index
    }
}
