import Foundation
import LoyaltyKit

/// Everything a store holds, read in one transaction, to compare a store before and after.
struct StoreContents: Sendable, Equatable {
    var customers: [Customer] = []
    var states: [MemberState] = []
    var activities: [Customer.ID: [Activity]] = [:]
    var ledgers: [Customer.ID: [LedgerEntry]] = [:]
    var outcomes: [Activity.ID: Outcome] = [:]
    var byDate: [Activity.ID] = []

    /// Reads every customer and member named in `ids` (and every customer the store lists).
    static func read(_ store: any LoyaltyStore, members ids: [Customer.ID] = []) async throws -> StoreContents {
        try await store.read { reader in
            var contents = StoreContents()
            let all = Set(try reader.customerIDs()).union(ids).sorted()
            for id in all {
                if let customer = try reader.customer(id) { contents.customers.append(customer) }
                if let state = try reader.memberState(id) { contents.states.append(state) }
                let activities = try reader.activities(of: id)
                contents.activities[id] = activities
                contents.ledgers[id] = try reader.ledger(of: id)
                for activity in activities { contents.outcomes[activity.id] = try reader.outcome(of: activity.id) }
            }
            contents.byDate = try reader.activities(from: .distantPast, to: .distantFuture).map(\.id)
            return contents
        }
    }

    /// Whether the store holds nothing for these members.
    var isEmpty: Bool {
        customers.isEmpty && states.isEmpty && activities.values.allSatisfy(\.isEmpty)
            && ledgers.values.allSatisfy(\.isEmpty) && byDate.isEmpty
    }
}
