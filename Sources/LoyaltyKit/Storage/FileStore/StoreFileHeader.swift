/// The 40-byte header at the start of every `FileStore` file: what the file is, its format
/// version, the journal generation it belongs to, and for a snapshot, how much of that
/// journal it already contains.
///
/// Layout (integers little-endian): 8-byte magic (`LKJOURNL` or `LKSNAPSH`), u32 format
/// version, u64 journal generation, u64 covered byte offset, u64 covered record count, and
/// the CRC-32 of the 36 bytes before it.
struct StoreFileHeader: Equatable {
    /// What a file holds.
    enum Kind: Equatable {
        case journal
        case snapshot

        var magic: [UInt8] { Array((self == .journal ? "LKJOURNL" : "LKSNAPSH").utf8) }
        var name: String { self == .journal ? "journal" : "snapshot" }
    }

    /// The format version this library writes and reads.
    static let currentVersion: UInt32 = 1
    /// The header's size in bytes; the first record starts here.
    static let size = 40

    var kind: Kind
    /// The journal's generation; for a snapshot, the generation of the journal it was taken from.
    var journalID: UInt64
    /// For a snapshot: the byte offset in journal `journalID` up to which the snapshot holds
    /// its records. Zero in a journal.
    var coveredOffset: Int = 0
    /// For a snapshot: how many records of journal `journalID` it holds. Zero in a journal.
    var coveredRecords: Int = 0

    /// The header's bytes.
    var bytes: [UInt8] {
        var encoder = RecordEncoder(capacity: StoreFileHeader.size)
        encoder.write(raw: kind.magic)
        encoder.writeFixed(StoreFileHeader.currentVersion)
        encoder.writeFixed(journalID)
        encoder.writeFixed(UInt64(coveredOffset))
        encoder.writeFixed(UInt64(coveredRecords))
        encoder.writeFixed(CRC32.checksum(encoder.bytes, 0..<encoder.bytes.count))
        return encoder.bytes
    }

    /// A header to write.
    init(kind: Kind, journalID: UInt64, coveredOffset: Int = 0, coveredRecords: Int = 0) {
        self.kind = kind
        self.journalID = journalID
        self.coveredOffset = coveredOffset
        self.coveredRecords = coveredRecords
    }

    /// Reads the header of a file of `kind` at `path` from its first bytes.
    /// - Throws: ``LoyaltyError/Code/storage`` when the file is too short, is not a file of
    ///   this kind, has a newer format version, or a damaged header.
    init(reading bytes: [UInt8], kind: Kind, path: String) throws {
        func failure(_ problem: String) -> LoyaltyError {
            LoyaltyError(.storage, "\(path) \(problem)", location: path)
        }
        guard bytes.count >= StoreFileHeader.size else {
            throw failure("is too short (\(bytes.count) bytes) to be a LoyaltyKit \(kind.name) file")
        }
        guard Array(bytes[0..<8]) == kind.magic else { throw failure("is not a LoyaltyKit \(kind.name) file") }
        var decoder = RecordDecoder(bytes, range: 8..<StoreFileHeader.size)
        let version = try decoder.readFixed32()
        guard version <= StoreFileHeader.currentVersion else {
            throw failure("has format version \(version); this version of LoyaltyKit reads version \(StoreFileHeader.currentVersion)")
        }
        let journalID = try decoder.readFixed64()
        let coveredOffset = try decoder.readFixed64()
        let coveredRecords = try decoder.readFixed64()
        let checksum = try decoder.readFixed32()
        guard checksum == CRC32.checksum(bytes, 0..<StoreFileHeader.size - 4),
              let offset = Int(exactly: coveredOffset), let records = Int(exactly: coveredRecords) else {
            throw failure("has a damaged header (checksum mismatch)")
        }
        self.init(kind: kind, journalID: journalID, coveredOffset: offset, coveredRecords: records)
    }
}
