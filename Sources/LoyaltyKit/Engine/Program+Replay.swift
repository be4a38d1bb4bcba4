import Foundation

/// The result of replaying a history through a programme.
public struct ReplayResult: Sendable {
    /// An activity the programme refused, and why. Replay carries on without it, exactly as
    /// recording it one by one would have failed and changed nothing.
    public struct Rejection: Sendable {
        /// The activity's position in the replayed sequence (0-based).
        public var index: Int
        /// The activity.
        public var activityID: Activity.ID
        /// Why it was refused.
        public var error: LoyaltyError
    }

    /// Every member's state at the end.
    public var states: [Customer.ID: MemberState]
    /// Every outcome, in replay order.
    public var outcomes: [Outcome]
    /// Expiries and tier reviews carried out at the end, up to the `through` date.
    public var closing: [Advancement]
    /// The activities refused.
    public var rejections: [Rejection]

    /// Every ledger entry of a member, in order.
    public func ledger(for customerID: Customer.ID) -> [LedgerEntry] {
        outcomes.filter { $0.customerID == customerID }.flatMap(\.entries)
            + closing.filter { $0.customerID == customerID }.flatMap(\.entries)
    }
}

extension Program {
    /// Rebuilds members' states from a history, with exactly the result of applying the
    /// activities one by one in the order given.
    ///
    /// Use it to recalculate after a programme change, or to try a new programme on last
    /// year's data. A repeated activity id is skipped (as recording it twice would be).
    ///
    /// - Parameters:
    ///   - activities: the history, in the order it was recorded.
    ///   - members: starting states (for birthdays and membership dates); a customer without
    ///     one starts empty, a member since their first activity.
    ///   - date: if given, expiries and tier reviews are carried out up to it at the end.
    /// - Complexity: O(n) applies.
    public func replay(
        _ activities: some Sequence<Activity>,
        members: [Customer.ID: MemberState] = [:],
        through date: Date? = nil
    ) -> ReplayResult {
        var states = members
        var outcomes: [Outcome] = []
        var rejections: [ReplayResult.Rejection] = []
        var seen: Set<Activity.ID> = []
        for (index, activity) in activities.enumerated() {
            guard seen.insert(activity.id).inserted else { continue }
            var state = states[activity.customerID] ?? MemberState(customerID: activity.customerID, memberSince: activity.date)
            do {
                outcomes.append(try apply(activity, to: &state))
                states[activity.customerID] = state
            } catch {
                let loyaltyError = error as? LoyaltyError
                    ?? LoyaltyError(.invalidInput, "the activity could not be applied", underlying: String(describing: error))
                rejections.append(.init(index: index, activityID: activity.id, error: loyaltyError))
                seen.remove(activity.id)
            }
        }
        var closing: [Advancement] = []
        if let date {
            for id in states.keys.sorted() {
                guard var state = states[id] else { continue }
                let advancement = advance(&state, to: date)
                states[id] = state
                if !advancement.isEmpty { closing.append(advancement) }
            }
        }
        return ReplayResult(states: states, outcomes: outcomes, closing: closing, rejections: rejections)
    }
}
