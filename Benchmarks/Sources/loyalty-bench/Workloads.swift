import Foundation
import LoyaltyKit

enum Workloads {
    /// `apply`: pure apply of every purchase to in-memory states held in an array.
    static func apply(_ data: Dataset, repeats: Int) throws {
        var libraryTimes: [Double] = []
        var baselineTimes: [Double] = []
        var check: (Int64, Int64) = (0, 0)
        for _ in 0..<repeats {
            var states = data.members
            libraryTimes.append(try Harness.time {
                for (index, activity) in data.activities.enumerated() {
                    try data.program.apply(activity, to: &states[data.memberIndex[index]])
                }
            })
            check.0 = states.reduce(0) { $0 + $1.balance.rawValue }
            var baseline = Baseline(members: data.members.count, birthdayMonths: data.birthdayMonths)
            var total: Int64 = 0
            baselineTimes.append(Harness.time {
                for (index, activity) in data.activities.enumerated() {
                    total &+= baseline.apply(activity, member: data.memberIndex[index])
                }
            })
            check.1 = total
        }
        // The baseline approximates Lisbon's DST switch by whole months, so a birthday bonus
        // near a switch may differ; anything more means the loops do different work.
        guard abs(check.0 - check.1) <= max(1_000, check.1 / 10_000) else {
            throw LoyaltyError(.invalidData, "library and baseline disagree: \(check.0) vs \(check.1) points")
        }
        Harness.report("apply", n: data.activities.count, seconds: Harness.median(libraryTimes), baselineSeconds: Harness.median(baselineTimes))
    }

    /// `record-memory`: the same purchases recorded through `Loyalty` and `InMemoryStore`,
    /// in batches of 1,000 (one store transaction each).
    static func recordMemory(_ data: Dataset, repeats: Int) async throws {
        var libraryTimes: [Double] = []
        var baselineTimes: [Double] = []
        for _ in 0..<repeats {
            let store = InMemoryStore()
            try await store.write { writer in
                for state in data.members {
                    try writer.insert(Customer(id: state.customerID, birthday: state.birthday, memberSince: state.memberSince))
                    try writer.save(state)
                }
            }
            let loyalty = try Loyalty(program: data.program, store: store)
            let batches = stride(from: 0, to: data.activities.count, by: 1_000).map {
                Array(data.activities[$0..<min($0 + 1_000, data.activities.count)])
            }
            libraryTimes.append(try await Harness.time {
                for batch in batches { try await loyalty.record(contentsOf: batch) }
            })
            // Baseline: the hand-written loop plus what a store must do per event — an
            // idempotency check and a log of the activity.
            var baseline = Baseline(members: data.members.count, birthdayMonths: data.birthdayMonths)
            var seen: [String: Int] = [:]
            var log: [Activity] = []
            seen.reserveCapacity(data.activities.count)
            var total: Int64 = 0
            baselineTimes.append(Harness.time {
                for (index, activity) in data.activities.enumerated() where seen[activity.id.rawValue] == nil {
                    seen[activity.id.rawValue] = log.count
                    log.append(activity)
                    total &+= baseline.apply(activity, member: data.memberIndex[index])
                }
            })
            if total < 0 { print("unreachable") }
        }
        Harness.report("record-memory", n: data.activities.count, seconds: Harness.median(libraryTimes), baselineSeconds: Harness.median(baselineTimes))
    }
}
