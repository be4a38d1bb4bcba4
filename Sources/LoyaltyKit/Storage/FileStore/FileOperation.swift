/// The operations `FileStore` records are made of. A journal record holds one committed
/// transaction's operations; a snapshot holds the operations that rebuild the whole store.
///
/// Each operation is a tag byte followed by its values in the package's record codec
/// (``RecordEncoder``):
///
/// | tag | operation | values |
/// |---|---|---|
/// | 1 | insert customer | `Customer` |
/// | 2 | update customer | `Customer` |
/// | 3 | member state | customer id, byte count, `MemberState` |
/// | 4 | append activity | `Activity`, the outcome's ledger entry count, byte count, `Outcome` |
/// | 5 | standalone ledger entries of one member | `[LedgerEntry]` |
/// | 6 | replace activity | `Activity` |
/// | 16 | snapshot start | counts of customers, activities and members |
/// | 17 | snapshot end | the same counts |
///
/// A member state carries its byte count so that replay can skip all but the last state of
/// each member and decode that one only; an outcome carries its byte count and entry count so
/// that loading can keep it encoded until it is read.
enum FileOperation: UInt8 {
    case insertCustomer = 1
    case updateCustomer = 2
    case memberState = 3
    case append = 4
    case entries = 5
    case replace = 6
    case snapshotStart = 16
    case snapshotEnd = 17
}

/// Encodes ``FileOperation``s into a record payload.
struct FileOperationWriter {
    /// The payload so far.
    private(set) var encoder = RecordEncoder(capacity: 4096)
    /// Where a member state is encoded before it is written with its byte count.
    private var scratch = RecordEncoder(capacity: 1024)

    /// Whether nothing has been written since the last ``removeAll()``.
    var isEmpty: Bool { encoder.bytes.isEmpty }

    /// Forgets the payload, keeping the capacity.
    mutating func removeAll() { encoder.removeAll() }

    /// Writes one change of a transaction.
    mutating func write(_ change: MemoryTransaction.Change) {
        switch change {
        case .insertCustomer(let customer):
            encoder.write(FileOperation.insertCustomer.rawValue)
            encoder.write(customer)
        case .updateCustomer(let customer):
            encoder.write(FileOperation.updateCustomer.rawValue)
            encoder.write(customer)
        case let .append(activity, outcome):
            write(activity, .value(outcome))
        case .entries(let entries):
            encoder.write(FileOperation.entries.rawValue)
            encoder.write(entries) { $0.write($1) }
        case .replace(let activity):
            encoder.write(FileOperation.replace.rawValue)
            encoder.write(activity)
        }
    }

    /// Writes a logged activity with its outcome.
    mutating func write(_ activity: Activity, _ outcome: StoredOutcome) {
        encoder.write(FileOperation.append.rawValue)
        encoder.write(activity)
        switch outcome {
        case .value(let outcome):
            scratch.removeAll()
            scratch.write(outcome)
            encoder.write(UInt64(outcome.entries.count))
            encoder.write(UInt64(scratch.bytes.count))
            encoder.write(raw: scratch.bytes)
        case let .encoded(bytes, range, entryCount):
            encoder.write(UInt64(entryCount))
            encoder.write(UInt64(range.count))
            encoder.write(raw: bytes[range])
        }
    }

    /// Writes a member's state.
    mutating func write(_ state: MemberState) {
        scratch.removeAll()
        scratch.write(state)
        writeState(of: state.customerID, scratch.bytes[...])
    }

    /// Writes the state of a member as the tables hold it: decoded or still encoded.
    mutating func writeState(of member: MemoryTables.Member) {
        if let encoded = member.encodedState {
            writeState(of: encoded.id, encoded.bytes[encoded.range])
        } else if let state = member.state {
            write(state)
        }
    }

    private mutating func writeState(of id: Customer.ID, _ bytes: ArraySlice<UInt8>) {
        encoder.write(FileOperation.memberState.rawValue)
        encoder.write(id.rawValue)
        encoder.write(UInt64(bytes.count))
        encoder.write(raw: bytes)
    }

    /// Writes a snapshot's start or end marker with the counts it holds.
    mutating func writeMarker(_ operation: FileOperation, customers: Int, activities: Int, members: Int) {
        encoder.write(operation.rawValue)
        encoder.write(UInt64(customers))
        encoder.write(UInt64(activities))
        encoder.write(UInt64(members))
    }

    /// The payload of a transaction's journal record: its changes in order, then the final
    /// state of each member whose state it touched.
    static func journalPayload(for log: MemoryTransaction.ChangeLog, tables: MemoryTables) -> [UInt8] {
        var writer = FileOperationWriter()
        for change in log.changes { writer.write(change) }
        for index in log.members { writer.writeState(of: tables.members[index]) }
        return writer.encoder.bytes
    }
}
