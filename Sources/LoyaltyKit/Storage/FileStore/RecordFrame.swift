/// How `FileStore` frames a record: `[u32 length][u32 CRC-32 of the payload][payload][0x0A]`,
/// integers little-endian. One record per "line": the newline makes the files easy to eyeball
/// and is one more check that a record ends where its length says.
enum RecordFrame {
    /// Bytes a frame adds to its payload.
    static let overhead = 9
    /// The largest payload a frame can hold.
    static let maximumPayload = Int(UInt32.max)

    /// Appends `payload`, framed, to `buffer`.
    /// - Precondition: `payload.count <= maximumPayload` (the caller checks what users control).
    static func append(_ payload: [UInt8], to buffer: inout [UInt8]) {
        precondition(payload.count <= maximumPayload, "a record payload is limited to 4 GiB")
        var header = RecordEncoder(capacity: 8)
        header.writeFixed(UInt32(payload.count))
        header.writeFixed(CRC32.checksum(payload, 0..<payload.count))
        buffer.append(contentsOf: header.bytes)
        buffer.append(contentsOf: payload)
        buffer.append(0x0A)
    }

    /// A record that failed its checks.
    struct Damage: Error {
        /// The record's number (1 for the file's first record).
        var number: Int
        /// The byte offset where it starts.
        var offset: Int
        /// What is wrong with it.
        var reason: String
        /// Whether no intact record follows it, so that it can be a torn last write.
        var isTail: Bool
    }

    /// Reads the framed records of a file's bytes, one after another, checking each.
    struct Reader {
        private let bytes: [UInt8]
        /// Where the next record starts.
        private(set) var offset: Int
        /// The number of the last record read (records before `offset` included).
        private(set) var number: Int
        /// Whether ``next()`` checks each payload's checksum (or leaves it to the caller: see
        /// ``RecordFrame/checksumMatches(_:_:)``).
        private let verifiesChecksums: Bool

        /// A reader of `bytes` from `offset`, where `recordsBefore` records precede it.
        init(_ bytes: [UInt8], from offset: Int, recordsBefore: Int = 0, verifiesChecksums: Bool = true) {
            self.bytes = bytes
            self.offset = offset
            self.number = recordsBefore
            self.verifiesChecksums = verifiesChecksums
        }

        /// The next record's payload range, or `nil` at the end of the bytes.
        /// - Throws: ``Damage`` for a record that is incomplete or fails its checks; the reader
        ///   stays at that record.
        mutating func next() throws(Damage) -> Range<Int>? {
            guard offset < bytes.count else { return nil }
            switch RecordFrame.check(bytes, at: offset, verifyingChecksum: verifiesChecksums) {
            case .success(let payload):
                offset = payload.upperBound + 1
                number += 1
                return payload
            case .failure(let reason):
                throw Damage(number: number + 1, offset: offset, reason: reason.text,
                             isTail: !RecordFrame.intactRecord(in: bytes, after: offset))
            }
        }
    }

    /// Why a frame is not intact.
    enum Problem: Error {
        case incompleteHeader, zeroLength, pastEnd, missingNewline, checksum

        var text: String {
            switch self {
            case .incompleteHeader: "the record header is incomplete"
            case .zeroLength: "the record length is zero"
            case .pastEnd: "the record runs past the end of the file"
            case .missingNewline: "the record does not end where its length says"
            case .checksum: "the record's checksum does not match"
            }
        }
    }

    /// Whether the payload `bytes[payload]` of a frame matches the checksum in its header.
    static func checksumMatches(_ bytes: [UInt8], _ payload: Range<Int>) -> Bool {
        bytes.withUnsafeBytes { raw in
            let checksum = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: payload.lowerBound - 4, as: UInt32.self))
            return CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[payload])) == checksum
        }
    }

    /// Checks the frame at `offset`, returning its payload range.
    private static func check(_ bytes: [UInt8], at offset: Int, verifyingChecksum: Bool = true) -> Result<Range<Int>, Problem> {
        bytes.withUnsafeBytes { raw in
            guard raw.count - offset >= 8 else { return .failure(.incompleteHeader) }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            let checksum = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            guard length > 0 else { return .failure(.zeroLength) }
            let start = offset + 8
            guard raw.count - start > length else { return .failure(.pastEnd) }
            guard raw[start + length] == 0x0A else { return .failure(.missingNewline) }
            guard !verifyingChecksum || CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[start..<start + length])) == checksum else {
                return .failure(.checksum)
            }
            return .success(start..<start + length)
        }
    }

    /// Whether an intact frame starts anywhere after `offset`: the difference between a torn
    /// last write (nothing follows) and damage in the middle of a file (later records would
    /// be lost by cutting there).
    private static func intactRecord(in bytes: [UInt8], after offset: Int) -> Bool {
        var candidate = offset + 1
        while candidate + RecordFrame.overhead < bytes.count {
            if case .success = check(bytes, at: candidate) { return true }
            candidate += 1
        }
        return false
    }
}
