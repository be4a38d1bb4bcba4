/// The journal of a `FileStore`: one framed record per committed transaction, appended with
/// one write and (with full durability) one sync.
///
/// A failed append is cut back off the file, so the journal never keeps part of a
/// transaction. If even that fails, or a new generation was installed but its directory
/// entry could not be made durable, the journal refuses further appends (the store must be
/// reopened) rather than risk acknowledging writes it may lose.
final class Journal {
    /// Where the journal ends: its generation, size in bytes and record count.
    struct Position: Equatable {
        var id: UInt64
        var size: Int
        var records: Int
    }

    private var file: StoreFile
    private let directory: String
    /// The journal's generation, its size and record count.
    private(set) var position: Position
    /// Why the journal refuses appends, once it does.
    private(set) var failure: LoyaltyError?
    /// Test hook: the next append writes this many bytes of its record, then fails as a full
    /// disk would.
    var injectedFailure: Int?

    /// A journal over an open file whose valid content ends at `position`.
    init(file: StoreFile, directory: String, position: Position) {
        self.file = file
        self.directory = directory
        self.position = position
    }

    /// Creates an empty journal of generation `id` at `path`, replacing any file there, and
    /// makes it durable.
    static func create(at path: String, id: UInt64, directory: String) throws -> Journal {
        let header = StoreFileHeader(kind: .journal, journalID: id).bytes
        let file = try StoreFile.create(replacing: path) { try $0.write(header, at: 0) }
        try StoreFile.syncDirectory(directory)
        return Journal(file: file, directory: directory, position: Position(id: id, size: header.count, records: 0))
    }

    /// Appends `payload` as one record.
    /// - Parameters:
    ///   - payload: the record's operations.
    ///   - sync: whether to make the record durable before returning.
    /// - Throws: ``LoyaltyError/Code/storage`` when the record could not be written (the file
    ///   is then as it was), or when the journal refuses appends.
    func append(_ payload: [UInt8], sync: Bool) throws {
        if let failure { throw failure }
        guard payload.count <= RecordFrame.maximumPayload else {
            throw LoyaltyError(.storage, "a transaction's journal record is limited to 4 GiB; this one needs \(payload.count) bytes")
        }
        var frame: [UInt8] = []
        frame.reserveCapacity(payload.count + RecordFrame.overhead)
        RecordFrame.append(payload, to: &frame)
        do {
            if let injected = injectedFailure {
                injectedFailure = nil
                try file.write(Array(frame.prefix(injected)), at: position.size)
                throw LoyaltyError(.storage, "cannot write \(file.path)", underlying: "injected failure")
            }
            try file.write(frame, at: position.size)
            if sync { try file.sync() }
        } catch {
            do {
                try file.truncate(to: position.size)
            } catch {
                failure = LoyaltyError(.storage, "\(file.path) could not be cut back after a failed write; reopen the store",
                                       location: file.path)
            }
            throw error
        }
        position.size += frame.count
        position.records += 1
    }

    /// Makes every appended record durable (whatever the durability of the appends was).
    func sync() throws {
        if let failure { throw failure }
        try file.sync()
    }

    /// Replaces the journal with an empty one of the next generation (after a snapshot took
    /// in everything this one holds).
    func startNextGeneration() throws {
        if let failure { throw failure }
        let path = file.path
        let id = position.id + 1
        let header = StoreFileHeader(kind: .journal, journalID: id).bytes
        let next = try StoreFile.create(replacing: path) { try $0.write(header, at: 0) }
        file.close()
        file = next
        position = Position(id: id, size: header.count, records: 0)
        do {
            try StoreFile.syncDirectory(directory)
        } catch {
            failure = LoyaltyError(.storage, "the new journal \(path) may not survive a crash; reopen the store", location: path)
            throw error
        }
    }

    /// Closes the file. Later appends fail.
    func close() {
        file.close()
        failure = failure ?? LoyaltyError(.storage, "the journal \(file.path) is closed")
    }
}
