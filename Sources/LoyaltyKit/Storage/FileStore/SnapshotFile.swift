/// A `FileStore` snapshot: the whole store as ``FileOperation``s that rebuild it, after a
/// ``StoreFileHeader`` that says which journal records it already holds.
///
/// Records: a start marker with the counts (so that loading reserves room once), the
/// customers, the activity log in recording order with each member's standalone ledger
/// entries placed before the next outcome of theirs they preceded (which keeps every
/// member's ledger order), every member's state, and an end marker with the counts again.
enum SnapshotFile {
    /// The payload size at which a record is closed and a new one started.
    private static let recordSize = 1 << 20
    /// The buffered size at which framed records are written to the file.
    private static let writeSize = 4 << 20

    /// Writes `tables` to `file` as a snapshot with `header`.
    /// - Throws: ``LoyaltyError/Code/storage`` when writing fails.
    /// - Complexity: O(activities + ledger segments + customers + members).
    static func write(_ tables: MemoryTables, header: StoreFileHeader, to file: StoreFile) throws {
        var output = header.bytes
        output.reserveCapacity(writeSize + recordSize + RecordFrame.overhead)
        var written = 0
        var writer = FileOperationWriter()

        func closeRecord() throws {
            guard !writer.isEmpty else { return }
            RecordFrame.append(writer.encoder.bytes, to: &output)
            writer.removeAll()
            guard output.count >= writeSize else { return }
            try file.write(output, at: written)
            written += output.count
            output.removeAll(keepingCapacity: true)
        }
        func closeRecordIfFull() throws {
            if writer.encoder.bytes.count >= recordSize { try closeRecord() }
        }

        let counts = (customers: tables.customers.count, activities: tables.log.count, members: tables.members.count)
        writer.writeMarker(.snapshotStart, customers: counts.customers, activities: counts.activities, members: counts.members)
        try closeRecord()
        for customer in tables.customers.values {
            writer.write(.insertCustomer(customer))
            try closeRecordIfFull()
        }
        // How far each member's ledger has been written.
        var ledgerWritten = [Int](repeating: 0, count: tables.members.count)
        for index in tables.log.indices {
            let entry = tables.log[index]
            if entry.outcome.hasEntries {
                guard let member = tables.memberIndex[entry.activity.customerID] else {
                    throw inconsistency("activity \(entry.activity.id) belongs to no member")
                }
                let ledger = tables.members[member].ledger
                var next = ledgerWritten[member]
                while next < ledger.count, case .entries(let entries) = ledger[next] {
                    writer.write(.entries(entries))
                    next += 1
                }
                guard next < ledger.count, case .outcome(index) = ledger[next] else {
                    throw inconsistency("the ledger of \(entry.activity.customerID) does not hold activity \(entry.activity.id)")
                }
                ledgerWritten[member] = next + 1
            }
            writer.write(entry.activity, entry.outcome)
            try closeRecordIfFull()
        }
        for member in tables.members.indices {
            for segment in tables.members[member].ledger[ledgerWritten[member]...] {
                guard case .entries(let entries) = segment else { throw inconsistency("a ledger refers to an unlogged outcome") }
                writer.write(.entries(entries))
                try closeRecordIfFull()
            }
            writer.writeState(of: tables.members[member])
            try closeRecordIfFull()
        }
        try closeRecord()
        writer.writeMarker(.snapshotEnd, customers: counts.customers, activities: counts.activities, members: counts.members)
        try closeRecord()
        if !output.isEmpty { try file.write(output, at: written) }
    }

    /// Reads the snapshot at `path` into `loader`.
    /// - Returns: the snapshot's header and size in bytes.
    /// - Throws: ``LoyaltyError/Code/storage`` naming the file, record and byte offset when the
    ///   snapshot is damaged or incomplete: a snapshot is written whole before it replaces the
    ///   previous one, so no damage in it is expected or dropped.
    static func load(_ path: String, into loader: inout TableLoader) throws -> (header: StoreFileHeader, size: Int) {
        let bytes = try StoreFile(path: path, create: false).readAll()
        let header = try StoreFileHeader(reading: bytes, kind: .snapshot, path: path)
        var reader = RecordFrame.Reader(bytes, from: StoreFileHeader.size, verifiesChecksums: false)
        var records: [TableLoader.Record] = []
        do {
            while let payload = try reader.next() {
                records.append(TableLoader.Record(
                    payload: payload, source: TableLoader.Source(path: path, number: reader.number, offset: payload.lowerBound - 8),
                    verifiesChecksum: true))
            }
        } catch {
            throw TableLoader.Source(path: path, number: error.number, offset: error.offset)
                .error("is damaged: \(error.reason); the snapshot cannot be used")
        }
        try loader.replay(bytes, records)
        guard loader.snapshotEnded else {
            throw LoyaltyError(.storage, "\(path) is incomplete: it has no end record", location: path)
        }
        return (header, bytes.count)
    }

    private static func inconsistency(_ problem: String) -> LoyaltyError {
        LoyaltyError(.storage, "cannot write a snapshot: \(problem)")
    }
}
