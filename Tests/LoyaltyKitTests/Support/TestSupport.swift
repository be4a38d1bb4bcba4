import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

/// Shared, immutable helpers for the suites. No global mutable state.
enum TZ {
    static let lisbon = zone("Europe/Lisbon")
    static let newYork = zone("America/New_York")
    static let tokyo = zone("Asia/Tokyo")
    static let utc = zone("UTC")

    static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            Issue.record("time zone \(identifier) is missing on this machine")
            return TimeZone(secondsFromGMT: 0) ?? .current
        }
        return zone
    }
}

/// Euros in minor units.
func eur(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .eur) }

/// "1 point per €1", rounded down.
let onePointPerEuro = PointsPerAmount(points: 1, per: eur(100))

/// A programme in Lisbon with the given rules and policies.
func makeProgram(
    _ earning: [any EarningRule] = [onePointPerEuro],
    timeZone: TimeZone = TZ.lisbon,
    excluded: Set<String> = [],
    caps: EarningCaps = .none,
    pendingDays: Int = 0,
    expiry: ExpiryPolicy = .never,
    tiers: TierLadder? = nil,
    refunds: RefundPolicy = RefundPolicy()
) -> Program {
    Program(
        name: "Test Rewards", currency: .eur, timeZone: timeZone, earning: earning, excludedCategories: excluded,
        caps: caps, pendingDays: pendingDays, expiry: expiry, tiers: tiers, refunds: refunds)
}

/// A UTC instant written `2025-03-01T12:00:00Z`.
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions.insert(.withFractionalSeconds)
    guard let date = formatter.date(from: text) ?? fractional.date(from: text) else {
        Issue.record("bad test date \(text)")
        return Date(timeIntervalSince1970: 0)
    }
    return date
}

/// Runs `body` and returns the `LoyaltyError` it threw, recording an issue when it threw
/// nothing, something else, or an error with another code.
@discardableResult
func expectError(
    _ code: LoyaltyError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> LoyaltyError? {
    do {
        try body()
        return checkError(nil, code, sourceLocation)
    } catch {
        return checkError(error, code, sourceLocation)
    }
}

/// The async version of ``expectError(_:sourceLocation:_:)``.
@discardableResult
func expectError(
    _ code: LoyaltyError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> LoyaltyError? {
    do {
        try await body()
        return checkError(nil, code, sourceLocation)
    } catch {
        return checkError(error, code, sourceLocation)
    }
}

/// Records an issue unless `error` is a `LoyaltyError` with `code`; returns it when it is one.
private func checkError(_ error: (any Error)?, _ code: LoyaltyError.Code, _ sourceLocation: SourceLocation) -> LoyaltyError? {
    guard let error else {
        Issue.record("expected a \(code) error, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    }
    guard let loyaltyError = error as? LoyaltyError else {
        Issue.record("expected a LoyaltyError \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    if loyaltyError.code != code { Issue.record("expected \(code), got \(loyaltyError)", sourceLocation: sourceLocation) }
    return loyaltyError
}

extension Outcome {
    /// The points of the activity's own entries produced by a rule.
    func points(from rule: String) -> Int64 {
        ownEntries.filter { $0.rule == rule }.reduce(0) { $0 + $1.points.rawValue }
    }
}

extension MemberState {
    /// The remaining points of each lot, in consumption order.
    var lotRemainders: [String: Int64] {
        Dictionary(lots.map { ($0.id.rawValue, $0.remaining.rawValue) }, uniquingKeysWith: +)
    }
}

/// A local wall-clock instant in a time zone (Lisbon unless told).
func local(_ year: Int, _ month: Int, _ day: Int, hour: Int = 12, minute: Int = 0, in zone: TimeZone = TZ.lisbon) -> Date {
    BusinessCalendar(timeZone: zone).date(CivilDate(year: year, month: month, day: day), hour: hour, minute: minute)
}

/// A one-line purchase in euros.
func purchase(_ id: Activity.ID, _ cents: Int64, at date: Date, category: String? = nil,
              channel: Channel = .inStore, tags: Set<String> = [], customer: Customer.ID = "ana") -> Activity {
    .purchase(id: id, customer: customer, date: date, amount: eur(cents), category: category, channel: channel, tags: tags)
}

extension Program {
    /// Applies activities in order to a fresh member and returns the state and outcomes.
    func run(_ activities: [Activity], member: MemberState? = nil) throws -> (state: MemberState, outcomes: [Outcome]) {
        guard let first = activities.first else { throw LoyaltyError(.invalidInput, "no activities") }
        var state = member ?? MemberState(customerID: first.customerID, memberSince: first.date)
        var outcomes: [Outcome] = []
        for activity in activities { outcomes.append(try apply(activity, to: &state)) }
        return (state, outcomes)
    }
}
