import Foundation
import LoyaltyKit

/// A story to test a programme with: members, activities at given dates, expectations.
///
/// A scenario runs the pure engine directly — no store, no actor, no `await` — with a
/// ``TestClock``, so a test reads like the business rule it checks:
///
/// ```swift
/// var scenario = try Scenario(program: program, start: "2025-03-01")
/// try scenario.member("ana", birthday: try Birthday(month: 3, day: 14))
/// try scenario.purchase("ana", amount: 120_00)
/// try scenario.expectBalance("ana", 120)
/// scenario.clock.advance(months: 25)
/// try scenario.expectBalance("ana", 0)      // 24-month expiry
/// ```
///
/// Activity ids are generated in time order (`s-000001`, …) unless you give one. Every
/// helper throws ``ExpectationFailure`` or ``LoyaltyError``, so any test framework reports it.
public struct Scenario: Sendable {
    /// The programme under test.
    public let program: Program
    /// The clock; activities are dated `clock.now` unless a date is given.
    public var clock: TestClock
    /// Every member's state.
    public private(set) var states: [Customer.ID: MemberState] = [:]
    /// Every outcome, in order.
    public private(set) var outcomes: [Outcome] = []
    /// Every activity applied, in order.
    public private(set) var activities: [Activity] = []
    private var ledgers: [Customer.ID: [LedgerEntry]] = [:]
    private var nextID = 1

    /// A scenario starting at local noon of `start` (`YYYY-MM-DD`) in the programme's time zone.
    /// - Throws: ``LoyaltyError`` when the programme does not validate; ``ExpectationFailure`` for a bad day.
    public init(program: Program, start: String = "2025-01-01") throws {
        try program.validate()
        self.program = program
        self.clock = try TestClock(start: start, timeZone: program.timeZone)
    }

    /// Adds a member who joined now (or at `since`), without applying any activity.
    @discardableResult
    public mutating func member(_ id: Customer.ID, birthday: Birthday? = nil, since: Date? = nil) throws -> MemberState {
        guard states[id] == nil else { throw ExpectationFailure("member \(id) already exists in the scenario") }
        let state = MemberState(customerID: id, memberSince: since ?? clock.now, birthday: birthday)
        states[id] = state
        return state
    }

    /// Enrols a member: adds them and applies an enrolment activity (sign-up bonuses).
    @discardableResult
    public mutating func enroll(_ id: Customer.ID, birthday: Birthday? = nil) throws -> Outcome {
        try member(id, birthday: birthday)
        return try record(Activity(id: makeID(), customerID: id, date: clock.now, channel: .backOffice, kind: .enrollment))
    }

    /// Applies any activity (adding its member if needed) and keeps its outcome.
    ///
    /// Like `Loyalty.record(_:)`, an id seen before returns the first outcome and changes
    /// nothing, and the same id with different content throws ``LoyaltyError/Code/activityConflict``.
    @discardableResult
    public mutating func record(_ activity: Activity) throws -> Outcome {
        if let index = activities.firstIndex(where: { $0.id == activity.id }) {
            guard activities[index] == activity else {
                throw LoyaltyError(.activityConflict, "activity id \(activity.id) was already recorded with different content",
                                   customerID: activity.customerID, activityID: activity.id)
            }
            return outcomes[index]
        }
        var state = states[activity.customerID] ?? MemberState(customerID: activity.customerID, memberSince: activity.date)
        let outcome = try program.apply(activity, to: &state)
        states[activity.customerID] = state
        outcomes.append(outcome)
        activities.append(activity)
        ledgers[activity.customerID, default: []].append(contentsOf: outcome.entries)
        return outcome
    }

    /// A purchase of `amount` minor units in the programme's currency, now or at `date`.
    @discardableResult
    public mutating func purchase(_ customer: Customer.ID, amount: Int64, category: String? = nil, id: Activity.ID? = nil, at date: Date? = nil, tags: Set<String> = []) throws -> Outcome {
        try record(.purchase(id: id ?? makeID(), customer: customer, date: date ?? clock.now,
                             amount: Money(minorUnits: amount, currency: program.currency), category: category, tags: tags))
    }

    /// A purchase with several lines of `(category, minor units)`.
    @discardableResult
    public mutating func purchase(_ customer: Customer.ID, lines: [(category: String?, amount: Int64)], id: Activity.ID? = nil, at date: Date? = nil) throws -> Outcome {
        let purchase = Purchase(lines: lines.map { PurchaseLine(category: $0.category, amount: Money(minorUnits: $0.amount, currency: program.currency)) })
        return try record(Activity(id: id ?? makeID(), customerID: customer, date: date ?? clock.now, kind: .purchase(purchase)))
    }

    /// A stay of `nights` for `amount` minor units.
    @discardableResult
    public mutating func stay(_ customer: Customer.ID, nights: Int, amount: Int64, category: String? = nil, offPeak: Bool = false, id: Activity.ID? = nil, at date: Date? = nil, tags: Set<String> = []) throws -> Outcome {
        try record(.stay(id: id ?? makeID(), customer: customer, date: date ?? clock.now, nights: nights,
                         amount: Money(minorUnits: amount, currency: program.currency), category: category, offPeak: offPeak, tags: tags))
    }

    /// A visit.
    @discardableResult
    public mutating func visit(_ customer: Customer.ID, id: Activity.ID? = nil, at date: Date? = nil) throws -> Outcome {
        try record(.visit(id: id ?? makeID(), customer: customer, date: date ?? clock.now))
    }

    /// A refund of `original`; `amount: nil` refunds the rest.
    @discardableResult
    public mutating func refund(_ customer: Customer.ID, of original: Activity.ID, amount: Int64? = nil, id: Activity.ID? = nil, at date: Date? = nil) throws -> Outcome {
        try record(.refund(id: id ?? makeID(), customer: customer, date: date ?? clock.now, of: original,
                           amount: amount.map { Money(minorUnits: $0, currency: program.currency) }))
    }

    /// A redemption.
    @discardableResult
    public mutating func redeem(_ customer: Customer.ID, points: Int64, benefit: String = "reward", id: Activity.ID? = nil, at date: Date? = nil) throws -> Outcome {
        try record(.redemption(id: id ?? makeID(), customer: customer, date: date ?? clock.now, points: Points(points), benefit: benefit))
    }

    /// A manual adjustment.
    @discardableResult
    public mutating func adjust(_ customer: Customer.ID, points: Int64, reason: String = "goodwill", actor: String = "test", id: Activity.ID? = nil, at date: Date? = nil) throws -> Outcome {
        try record(.adjustment(id: id ?? makeID(), customer: customer, date: date ?? clock.now, points: Points(points), reason: reason, actor: actor))
    }

    /// Carries out expiries and tier reviews due by now for every member (a nightly job).
    @discardableResult
    public mutating func advanceAll() -> [Advancement] {
        var result: [Advancement] = []
        for id in states.keys.sorted() {
            guard var state = states[id] else { continue }
            let advancement = program.advance(&state, to: clock.now)
            states[id] = state
            ledgers[id, default: []].append(contentsOf: advancement.entries)
            if !advancement.isEmpty { result.append(advancement) }
        }
        return result
    }

    /// A member's state.
    /// - Throws: ``ExpectationFailure`` for an unknown member.
    public func state(of id: Customer.ID) throws -> MemberState {
        guard let state = states[id] else { throw ExpectationFailure("no member \(id) in the scenario") }
        return state
    }

    /// A member's state moved forward to now (expiries and reviews done), without keeping it.
    public func currentState(of id: Customer.ID) throws -> MemberState {
        var state = try state(of: id)
        program.advance(&state, to: clock.now)
        return state
    }

    /// Every ledger entry of a member so far (not counting expiries not yet carried out).
    public func ledger(of id: Customer.ID) -> [LedgerEntry] { ledgers[id] ?? [] }

    /// A fresh, time-ordered activity id.
    public mutating func makeID() -> Activity.ID {
        defer { nextID += 1 }
        let digits = String(nextID)
        return Activity.ID("s-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits)
    }

    // MARK: Expectations

    /// Expects a member's balance now (after expiries due now) and, optionally, the available part.
    public func expectBalance(_ id: Customer.ID, _ points: Int64, available: Int64? = nil, file: String = #fileID, line: Int = #line) throws {
        let state = try currentState(of: id)
        guard state.balance.rawValue == points else {
            throw ExpectationFailure("balance of \(id) is \(state.balance.rawValue), expected \(points)", file: file, line: line)
        }
        if let available {
            let actual = state.available(at: clock.now).rawValue
            guard actual == available else {
                throw ExpectationFailure("available points of \(id) are \(actual), expected \(available)", file: file, line: line)
            }
        }
    }

    /// Expects a member's effective tier now.
    public func expectTier(_ id: Customer.ID, _ tierID: String, file: String = #fileID, line: Int = #line) throws {
        let actual = try currentState(of: id).tierID(at: clock.now)
        guard actual == tierID else {
            throw ExpectationFailure("tier of \(id) is \(actual ?? "none"), expected \(tierID)", file: file, line: line)
        }
    }

    /// Expects an outcome to have earned exactly `points` (net of caps).
    public func expectEarned(_ outcome: Outcome, _ points: Int64, file: String = #fileID, line: Int = #line) throws {
        guard outcome.pointsEarned.rawValue == points else {
            throw ExpectationFailure("\(outcome.activityID) earned \(outcome.pointsEarned.rawValue), expected \(points):\n\(outcome.explanation)", file: file, line: line)
        }
    }

    /// Expects every member's balance to equal the sum of their ledger — the core promise.
    public func expectLedgersBalance(file: String = #fileID, line: Int = #line) throws {
        for (id, state) in states {
            let sum = ledger(of: id).reduce(0) { $0 + $1.points.rawValue }
            guard sum == state.balance.rawValue else {
                throw ExpectationFailure("ledger of \(id) sums to \(sum) but the balance is \(state.balance.rawValue)", file: file, line: line)
            }
        }
    }

    /// Expects applying an activity to fail with a ``LoyaltyError`` code, changing nothing.
    public mutating func expectRejection(_ code: LoyaltyError.Code, file: String = #fileID, line: Int = #line, _ activity: Activity) throws {
        let before = states[activity.customerID]
        do {
            try record(activity)
        } catch let error as LoyaltyError {
            guard error.code == code else {
                throw ExpectationFailure("expected \(code) but got \(error.code): \(error)", file: file, line: line)
            }
            guard states[activity.customerID] == before else {
                throw ExpectationFailure("the rejected activity changed the member's state", file: file, line: line)
            }
            return
        }
        throw ExpectationFailure("expected \(activity.id) to be rejected with \(code), but it was applied", file: file, line: line)
    }
}
