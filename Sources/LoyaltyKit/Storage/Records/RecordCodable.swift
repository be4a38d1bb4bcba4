import Foundation

/// A value with a compact binary record form (see ``RecordEncoder``): the form the persistent
/// stores write. Decoding what encoding wrote gives back an equal value.
package protocol RecordCodable {
    /// Writes the value.
    func encode(to encoder: inout RecordEncoder)
    /// Reads a value written by ``encode(to:)``.
    /// - Throws: ``LoyaltyError/Code/storage`` when the bytes are damaged.
    init(from decoder: inout RecordDecoder) throws
}

extension RecordCodable {
    /// The value's record bytes.
    package var recordBytes: [UInt8] {
        var encoder = RecordEncoder()
        encode(to: &encoder)
        return encoder.bytes
    }

    /// Decodes a value from exactly `bytes`.
    /// - Throws: ``LoyaltyError/Code/storage`` when the bytes are damaged or not all used.
    package init(recordBytes bytes: [UInt8]) throws {
        var decoder = RecordDecoder(bytes)
        try self.init(from: &decoder)
        guard decoder.isAtEnd else { throw decoder.damaged("trailing bytes") }
    }
}
