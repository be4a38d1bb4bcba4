import Foundation

/// A value with a compact binary record form (see ``RecordEncoder``): the form the persistent
/// stores write. Decoding what encoding wrote gives back an equal value.
///
/// The forms are hand-written in `RecordCodable+*.swift`, field by field and positional: a
/// record holds no field names and no version, so changing a form (adding a stored property,
/// reordering fields) needs a new format version in the stores that write it. Enum cases are
/// written as explicit numeric tags that must never be renumbered or reused.
///
/// Equal values give equal bytes: sets and dictionaries are written in ascending order. (Strings
/// are written as the UTF-8 they hold, so two strings that Swift calls equal only under Unicode
/// canonical equivalence, such as a precomposed and a decomposed "é", give different bytes.)
///
/// Decoding never traps on damaged bytes: every read is bounds-checked and unknown tags,
/// unordered sets, invalid UTF-8, currencies and birthdays throw. It checks the form, not the
/// business rules: a record whose bytes were changed may still decode to a valid-looking value,
/// which is why the stores checksum their records.
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
