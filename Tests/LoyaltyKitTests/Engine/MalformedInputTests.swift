import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct MalformedInputTests {
    static let date = local(2025, 3, 1)

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var code: LoyaltyError.Code
        var activity: Activity
        var testDescription: String { label }
    }

    static func activity(_ kind: Activity.Kind, id: Activity.ID = "bad", customer: Customer.ID = "ana") -> Activity {
        Activity(id: id, customerID: customer, date: date, kind: kind)
    }

    @Test("malformed activities get a typed error naming the activity, and change nothing", arguments: [
        Case(label: "negative amount", code: .invalidInput, activity: purchase("bad", -100, at: date)),
        Case(label: "absurd amount", code: .invalidInput, activity: purchase("bad", Activity.maximumMinorUnits + 1, at: date)),
        Case(label: "no lines", code: .invalidInput, activity: activity(.purchase(Purchase(lines: [])))),
        Case(label: "zero quantity", code: .invalidInput, activity: activity(.purchase(Purchase(amount: eur(100), quantity: 0)))),
        Case(label: "dollars in a euro programme", code: .currencyMismatch,
             activity: activity(.purchase(Purchase(amount: Money(minorUnits: 100, currency: .usd))))),
        Case(label: "mixed currencies in one purchase", code: .currencyMismatch, activity: activity(.purchase(Purchase(lines: [
            PurchaseLine(amount: eur(100)), PurchaseLine(amount: Money(minorUnits: 100, currency: .gbp)),
        ])))),
        Case(label: "negative nights", code: .invalidInput, activity: activity(.stay(Stay(nights: -1, amount: eur(100))))),
        Case(label: "negative stay amount", code: .invalidInput, activity: activity(.stay(Stay(nights: 1, amount: eur(-1))))),
        Case(label: "NPS 11", code: .invalidInput, activity: activity(.feedback(Feedback(nps: 11)))),
        Case(label: "CSAT 0", code: .invalidInput, activity: activity(.feedback(Feedback(csat: 0)))),
        Case(label: "CES 8", code: .invalidInput, activity: activity(.feedback(Feedback(ces: 8)))),
        Case(label: "rating 6", code: .invalidInput, activity: activity(.feedback(Feedback(rating: 6)))),
        Case(label: "empty activity id", code: .invalidInput, activity: purchase("", 100, at: date)),
        Case(label: "refund without an original", code: .invalidInput, activity: activity(.refund(Refund(of: "")))),
        Case(label: "self-referral", code: .invalidInput, activity: activity(.referral(Referral(referredCustomerID: "ana")))),
        Case(label: "adjustment without reason", code: .invalidInput,
             activity: activity(.adjustment(PointsAdjustment(points: 10, reason: " ", actor: "maria")))),
        Case(label: "adjustment without actor", code: .invalidInput,
             activity: activity(.adjustment(PointsAdjustment(points: 10, reason: "x", actor: "")))),
        Case(label: "redemption without benefit", code: .invalidInput, activity: activity(.redemption(Redemption(points: 10, benefit: "")))),
    ])
    func rejected(_ example: Case) throws {
        let program = makeProgram()
        var state = MemberState(customerID: "ana", memberSince: Self.date)
        try program.apply(purchase("p0", 10_000, at: Self.date.addingTimeInterval(-3_600)), to: &state)
        let before = state
        let error = expectError(example.code) { try program.apply(example.activity, to: &state) }
        #expect(error?.activityID == example.activity.id)
        #expect(error?.customerID == "ana")
        #expect(state == before)
    }

    @Test("an empty customer id and a state of another customer are refused")
    func wrongCustomer() throws {
        let program = makeProgram()
        var state = MemberState(customerID: "ana", memberSince: Self.date)
        expectError(.invalidInput) { try program.apply(purchase("p1", 100, at: Self.date, customer: "bob"), to: &state) }
        var empty = MemberState(customerID: "", memberSince: Self.date)
        expectError(.invalidInput) { try program.apply(purchase("p1", 100, at: Self.date, customer: ""), to: &empty) }
        #expect(state == MemberState(customerID: "ana", memberSince: Self.date))
    }

    @Test("a failure after time has moved on leaves the state exactly as it was")
    func failureIsAtomic() throws {
        struct Jackpot: EarningRule {
            var name: String { "jackpot" }
            func earn(in context: EarningContext) -> Earning? {
                context.activity.tags.contains("jackpot") ? Earning(points: Points(Int64.max), reason: .custom("jackpot")) : nil
            }
        }
        let program = makeProgram([onePointPerEuro, Jackpot()], expiry: .rollingMonths(1))
        var state = MemberState(customerID: "ana", memberSince: Self.date)
        try program.apply(purchase("p1", 10_000, at: Self.date), to: &state)
        for later in [local(2025, 3, 2), local(2025, 6, 1)] {      // without and with expiries due
            let before = state
            expectError(.overflow) { try program.apply(purchase("p2", 10_000, at: later, tags: ["jackpot"]), to: &state) }
            #expect(state == before)
        }
    }

    @Test("earning beyond 64 bits of lifetime points is an overflow error, not a crash")
    func lifetimeOverflow() throws {
        let program = makeProgram([PointsPerAmount(points: 10_000, per: eur(1))])
        try program.validate()
        var state = MemberState(customerID: "ana", memberSince: Self.date)
        var overflowed = false
        for index in 0..<100 {
            let activity = purchase(Activity.ID("p\(index)"), Activity.maximumMinorUnits, at: Self.date.addingTimeInterval(Double(index)))
            do {
                try program.apply(activity, to: &state)
            } catch let error as LoyaltyError {
                #expect(error.code == .overflow)
                #expect(index == 92)
                overflowed = true
                break
            }
        }
        #expect(overflowed)
        #expect(state.balance.rawValue == 92 * 100_000_000_000_000_000)
    }
}
