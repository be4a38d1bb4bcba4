/// An outcome as ``MemoryTables`` holds it: a value, or the record bytes it was loaded from.
///
/// A `FileStore` keeps loaded outcomes encoded: decoding them is most of the work of opening
/// a large store, and most are never read again. ``MemoryTables/outcome(at:)`` decodes one on
/// first use and keeps the value.
enum StoredOutcome: Sendable {
    case value(Outcome)
    /// The outcome's record form: `bytes[range]`, with the number of its ledger entries.
    case encoded(bytes: [UInt8], range: Range<Int>, entryCount: Int)

    /// Whether the outcome has ledger entries.
    var hasEntries: Bool {
        switch self {
        case .value(let outcome): !outcome.entries.isEmpty
        case .encoded(_, _, let entryCount): entryCount > 0
        }
    }

    /// Decodes an encoded outcome.
    /// - Throws: ``LoyaltyError/Code/storage`` when the bytes do not decode to an outcome with
    ///   the announced number of entries.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, entryCount: Int) throws -> Outcome {
        var decoder = RecordDecoder(bytes, range: range)
        let outcome = try decoder.read(Outcome.self)
        guard decoder.isAtEnd else { throw decoder.damaged("trailing bytes after an outcome") }
        guard outcome.entries.count == entryCount else {
            throw decoder.damaged("an outcome with \(outcome.entries.count) ledger entries filed as having \(entryCount)")
        }
        return outcome
    }
}
