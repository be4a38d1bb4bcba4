import Foundation
import LoyaltyKit

extension Identifier {
    /// The id as the database stores it in key columns: in Unicode NFC, so that ids Swift
    /// considers equal (canonically equivalent strings) are one key for the unique indexes,
    /// and `ORDER BY` on keys agrees with Swift's string order. ASCII ids are kept as they are.
    var key: String {
        rawValue.utf8.allSatisfy { $0 < 0x80 } ? rawValue : rawValue.precomposedStringWithCanonicalMapping
    }
}
