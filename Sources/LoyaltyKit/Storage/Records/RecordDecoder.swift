import Foundation

/// Reads values written by ``RecordEncoder``. Every read checks the bounds and throws a
/// ``LoyaltyError/Code/storage`` error naming the byte offset, so a damaged record is reported,
/// never trusted.
package struct RecordDecoder {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    package private(set) var offset: Int
    private let end: Int

    /// A decoder over `bytes[range]` (all of `bytes` by default).
    package init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// Whether every byte has been read.
    package var isAtEnd: Bool { offset >= end }

    /// The error for a record that does not decode.
    package func damaged(_ what: String) -> LoyaltyError {
        LoyaltyError(.storage, "damaged record: \(what) at byte \(offset)")
    }

    /// Reads one byte.
    package mutating func readByte() throws -> UInt8 {
        guard offset < end else { throw damaged("unexpected end of record") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads `count` raw bytes.
    package mutating func readRaw(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else { throw damaged("a length of \(count) runs past the end") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Reads a LEB128 varint.
    package mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw damaged("a varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zig-zag varint.
    package mutating func readInt64() throws -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a zig-zag varint as an `Int`.
    package mutating func readInt() throws -> Int {
        let value = try readInt64()
        guard let int = Int(exactly: value) else { throw damaged("an integer out of range") }
        return int
    }

    /// Reads a count (of elements or bytes), checked to be plausible for the bytes left.
    package mutating func readCount() throws -> Int {
        let value = try readUInt64()
        guard value <= UInt64(end - offset) else { throw damaged("a count of \(value) larger than the record") }
        return Int(value)
    }

    /// Reads a Boolean byte.
    package mutating func readBool() throws -> Bool {
        switch try readByte() {
        case 0: false
        case 1: true
        case let other: throw damaged("a Boolean byte \(other)")
        }
    }

    /// Reads an 8-byte `Double`.
    package mutating func readDouble() throws -> Double { Double(bitPattern: try readFixed64()) }

    /// Reads a date written by ``RecordEncoder/write(_:)-(Date)``.
    package mutating func readDate() throws -> Date { Date(timeIntervalSinceReferenceDate: try readDouble()) }

    /// Reads a string.
    package mutating func readString() throws -> String {
        let count = try readCount()
        let slice = try readRaw(count)
        guard let string = String(validating: slice, as: UTF8.self) else { throw damaged("invalid UTF-8") }
        return string
    }

    /// Reads an optional written with a presence byte.
    package mutating func readOptional<T>(_ readValue: (inout RecordDecoder) throws -> T) throws -> T? {
        try readBool() ? try readValue(&self) : nil
    }

    /// Reads an array written as a count and its elements.
    package mutating func readArray<T>(_ readElement: (inout RecordDecoder) throws -> T) throws -> [T] {
        let count = try readCount()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readElement(&self)) }
        return values
    }

    /// Reads a value that knows its record form.
    package mutating func read<T: RecordCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    /// Reads 4 bytes, little-endian.
    package mutating func readFixed32() throws -> UInt32 {
        let raw = try readRaw(4)
        return raw.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads 8 bytes, little-endian.
    package mutating func readFixed64() throws -> UInt64 {
        let raw = try readRaw(8)
        return raw.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
