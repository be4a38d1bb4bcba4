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
    @inline(__always) package mutating func readByte() throws -> UInt8 {
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
    @inline(__always) package mutating func readUInt64() throws -> UInt64 {
        if offset < end, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
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
    @inline(__always) package mutating func readInt64() throws -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a zig-zag varint as an `Int`.
    @inline(__always) package mutating func readInt() throws -> Int {
        let value = try readInt64()
        guard let int = Int(exactly: value) else { throw damaged("an integer out of range") }
        return int
    }

    /// Reads a count (of elements or bytes), checked to be plausible for the bytes left.
    @inline(__always) package mutating func readCount() throws -> Int {
        let value = try readUInt64()
        guard value <= UInt64(end - offset) else { throw damaged("a count of \(value) larger than the record") }
        return Int(value)
    }

    /// Reads a Boolean byte.
    @inline(__always) package mutating func readBool() throws -> Bool {
        switch try readByte() {
        case 0: false
        case 1: true
        case let other: throw damaged("a Boolean byte \(other)")
        }
    }

    /// Reads an 8-byte `Double`.
    @inline(__always) package mutating func readDouble() throws -> Double { Double(bitPattern: try readFixed64()) }

    /// Reads a date written by ``RecordEncoder/write(_:)-(Date)``.
    @inline(__always) package mutating func readDate() throws -> Date { Date(timeIntervalSinceReferenceDate: try readDouble()) }

    /// Reads a string, checking that its bytes are valid UTF-8.
    package mutating func readString() throws -> String {
        let count = try readCount()
        let start = offset
        let string = bytes.withUnsafeBufferPointer { buffer -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[start..<start + count])
            let string = String(decoding: utf8, as: UTF8.self)
            // ASCII is valid UTF-8. Otherwise decoding repairs invalid bytes (with U+FFFD), so
            // they were valid exactly when the string's UTF-8 is the bytes themselves.
            // (`String(validating:as:)` does it in one pass but needs macOS 15 / iOS 18.)
            if utf8.allSatisfy({ $0 < 0x80 }) { return string }
            var copy = string
            return copy.withUTF8 { $0.elementsEqual(utf8) } ? string : nil
        }
        guard let string else { throw damaged("invalid UTF-8") }
        offset += count
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

    /// Reads an enum case's tag written by `RecordEncoder.write(tag:)`.
    @inline(__always) package mutating func readTag() throws -> UInt8 { try readByte() }

    /// Reads a set written by `RecordEncoder.write(sorted:)` (a set), checking that the
    /// elements are in strictly ascending order (so no duplicates).
    package mutating func readStringSet() throws -> Set<String> {
        let count = try readCount()
        var strings = Set<String>(minimumCapacity: count)
        var previous: String?
        for _ in 0..<count {
            let string = try readString()
            if let previous, !(previous < string) { throw damaged("set elements out of order") }
            strings.insert(string)
            previous = string
        }
        return strings
    }

    /// Reads a dictionary written by `RecordEncoder.write(sorted:)` (a dictionary),
    /// checking that the keys are in strictly ascending order (so no duplicates).
    package mutating func readStringDictionary() throws -> [String: String] {
        let count = try readCount()
        var dictionary = [String: String](minimumCapacity: count)
        var previous: String?
        for _ in 0..<count {
            let key = try readString()
            if let previous, !(previous < key) { throw damaged("dictionary keys out of order") }
            dictionary[key] = try readString()
            previous = key
        }
        return dictionary
    }

    /// Reads a value that knows its record form.
    package mutating func read<T: RecordCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    /// Reads 4 bytes, little-endian.
    @inline(__always) package mutating func readFixed32() throws -> UInt32 { UInt32(littleEndian: try readFixed(UInt32.self)) }

    /// Reads 8 bytes, little-endian.
    @inline(__always) package mutating func readFixed64() throws -> UInt64 { UInt64(littleEndian: try readFixed(UInt64.self)) }

    /// Reads the raw bytes of a fixed-width integer.
    @inline(__always) private mutating func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard end - offset >= size else { throw damaged("unexpected end of record") }
        let start = offset
        offset += size
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) }
    }
}
