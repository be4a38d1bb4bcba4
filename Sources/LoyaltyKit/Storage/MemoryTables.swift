import Foundation

/// The data of a store kept in memory: customers, member states, the activity log with its
/// outcomes, and each member's ledger. `InMemoryStore` holds nothing else; `FileStore` keeps
/// the same tables for reads and journals the changes made to them.
///
/// A class so that a transaction (``MemoryTransaction``) can change it in place.
final class MemoryTables {
    /// Where a member's ledger entries are: in a logged outcome, or standalone (expiry runs).
    enum LedgerSegment {
        case outcome(Int)
        case entries([LedgerEntry])
    }

    /// A member state as loaded from a file, not yet decoded: `bytes[range]`, filed under `id`.
    struct EncodedState {
        var id: Customer.ID
        var bytes: [UInt8]
        var range: Range<Int>
    }

    /// Everything kept per member.
    struct Member {
        /// The state, once decoded (`nil` while ``encodedState`` holds it).
        var state: MemberState?
        /// The state as a `FileStore` loaded it, until ``MemoryTables/decodeState(of:)``
        /// decodes it on first use.
        var encodedState: EncodedState?
        /// Log positions of the member's activities, in recording order.
        var activities: [Int] = []
        /// The member's ledger, in the order it was appended.
        var ledger: [LedgerSegment] = []
        /// The last transaction that kept this member's state for rollback.
        var stateSavedBy = 0
        /// The last transaction that kept this member's list lengths for rollback.
        var listsSavedBy = 0
    }

    /// One recorded activity and what it did.
    struct LogEntry {
        var activity: Activity
        var outcome: StoredOutcome
    }

    /// The activity log, in chunks so that growing it never copies what is already there.
    struct Log {
        private static let chunkShift = 12
        private var chunks: [[LogEntry]] = []
        /// How many entries the log holds.
        private(set) var count = 0

        subscript(index: Int) -> LogEntry {
            get { chunks[index >> Log.chunkShift][index & ((1 << Log.chunkShift) - 1)] }
            set { chunks[index >> Log.chunkShift][index & ((1 << Log.chunkShift) - 1)] = newValue }
        }

        var indices: Range<Int> { 0..<count }

        mutating func append(_ entry: LogEntry) {
            if count & ((1 << Log.chunkShift) - 1) == 0 {
                chunks.append([])
                chunks[chunks.count - 1].reserveCapacity(1 << Log.chunkShift)
            }
            chunks[chunks.count - 1].append(entry)
            count += 1
        }

        mutating func removeLast() {
            guard count > 0 else { return }
            chunks[chunks.count - 1].removeLast()
            count -= 1
            if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        }
    }

    var customers: [Customer.ID: Customer] = [:]
    var memberIndex: [Customer.ID: Int] = [:]
    var members: [Member] = []
    var activities: [Activity.ID: Int] = [:]
    var log = Log()
    /// How many transactions have been started, to number them.
    var transactions = 0

    /// Empty tables.
    init() {}

    /// Decodes the state of the member at `index` if it is still encoded, and keeps it decoded.
    /// - Throws: ``LoyaltyError/Code/storage`` when it does not decode.
    func decodeState(of index: Int) throws {
        guard let encoded = members[index].encodedState else { return }
        do {
            members[index].state = try MemoryTables.decode(encoded)
        } catch {
            throw LoyaltyError(.storage, "the stored member state does not decode: \((error as? LoyaltyError)?.message ?? "\(error)")",
                               customerID: encoded.id)
        }
        members[index].encodedState = nil
    }

    /// Decodes a member state, checking that it belongs to the member it is filed under.
    static func decode(_ encoded: EncodedState) throws -> MemberState {
        var decoder = RecordDecoder(encoded.bytes, range: encoded.range)
        let state = try decoder.read(MemberState.self)
        guard decoder.isAtEnd else { throw decoder.damaged("trailing bytes after a member state") }
        guard state.customerID == encoded.id else { throw decoder.damaged("the state of \(state.customerID) filed under \(encoded.id)") }
        return state
    }

    /// The outcome logged at `index`, decoded (and kept decoded) if it was stored encoded.
    /// - Throws: ``LoyaltyError/Code/storage`` when a stored outcome does not decode.
    func outcome(at index: Int) throws -> Outcome {
        switch log[index].outcome {
        case .value(let outcome):
            return outcome
        case let .encoded(bytes, range, entryCount):
            let outcome: Outcome
            do {
                outcome = try StoredOutcome.decode(bytes, range, entryCount: entryCount)
            } catch {
                let activity = log[index].activity
                throw LoyaltyError(.storage, "the stored outcome does not decode: \((error as? LoyaltyError)?.message ?? "\(error)")",
                                   customerID: activity.customerID, activityID: activity.id)
            }
            log[index].outcome = .value(outcome)
            return outcome
        }
    }
}
