import Foundation

/// Writes values in LoyaltyKit's compact binary record format, used by the persistent stores
/// for the bodies of journal records and database blobs.
///
/// The format is positional (no field names): integers as LEB128 varints (signed ones
/// zig-zag encoded), strings as a varint byte count and UTF-8, dates as the 8 bytes of their
/// `timeIntervalSinceReferenceDate`, so that every value round-trips exactly.
package struct RecordEncoder {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// An empty encoder, with room for `capacity` bytes.
    package init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Writes one byte.
    @inline(__always) package mutating func write(_ byte: UInt8) { bytes.append(byte) }

    /// Writes raw bytes as they are.
    package mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// Writes an unsigned integer as a LEB128 varint (1 byte below 128, at most 10).
    @inline(__always) package mutating func write(_ value: UInt64) {
        if value < 0x80 { return bytes.append(UInt8(value)) }
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Writes a signed integer, zig-zag encoded so that small negative values stay short.
    @inline(__always) package mutating func write(_ value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes an `Int` as a zig-zag varint.
    @inline(__always) package mutating func write(_ value: Int) { write(Int64(value)) }

    /// Writes a Boolean as one byte.
    @inline(__always) package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes a `Double` as its 8 bytes, little-endian.
    @inline(__always) package mutating func write(_ value: Double) { writeFixed(value.bitPattern) }

    /// Writes a date exactly: its `timeIntervalSinceReferenceDate` as 8 bytes.
    @inline(__always) package mutating func write(_ value: Date) { write(value.timeIntervalSinceReferenceDate) }

    /// Writes a string as a varint byte count and its UTF-8 bytes.
    package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes an optional: a presence byte, then the value.
    package mutating func write<T>(_ value: T?, _ writeValue: (inout RecordEncoder, T) -> Void) {
        guard let value else { return write(false) }
        write(true)
        writeValue(&self, value)
    }

    /// Writes an array: its count, then each element.
    package mutating func write<T>(_ values: [T], _ writeElement: (inout RecordEncoder, T) -> Void) {
        write(UInt64(values.count))
        for value in values { writeElement(&self, value) }
    }

    /// Writes an enum case's tag as one byte. Tags are part of the stored format: a case keeps
    /// its tag forever, and a removed case's tag is never reused.
    @inline(__always) package mutating func write(tag: UInt8) { bytes.append(tag) }

    /// Writes a set of strings as its count and its elements in ascending order, so that equal
    /// sets give equal bytes.
    package mutating func write(sorted strings: Set<String>) {
        write(UInt64(strings.count))
        for string in strings.sorted() { write(string) }
    }

    /// Writes a dictionary of strings as its count and its pairs in ascending key order, so that
    /// equal dictionaries give equal bytes.
    package mutating func write(sorted dictionary: [String: String]) {
        write(UInt64(dictionary.count))
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            write(key)
            write(value)
        }
    }

    /// Writes a value that knows its record form.
    package mutating func write(_ value: some RecordCodable) { value.encode(to: &self) }

    /// Writes a 32-bit integer as 4 bytes, little-endian (for framing: lengths, checksums).
    @inline(__always) package mutating func writeFixed(_ value: UInt32) { writeLittleEndian(value) }

    /// Writes a 64-bit integer as 8 bytes, little-endian.
    @inline(__always) package mutating func writeFixed(_ value: UInt64) { writeLittleEndian(value) }

    /// Appends byte by byte: cheaper than appending a buffer for so few bytes.
    @inline(__always) private mutating func writeLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var value = value
        for _ in 0..<MemoryLayout<T>.size {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    /// Removes every byte, keeping the capacity.
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
