import Foundation
import LoyaltyKit
import LoyaltyKitTesting

/// Values for the record codec tests: one of every activity kind, customers, ledger reasons,
/// and a rich history run through the seaside hotel programme.
enum RecordSamples {
    static let date = local(2025, 3, 14, hour: 9, minute: 30)

    static let activities: [Activity] = {
        let eur = { (cents: Int64) in Money(minorUnits: cents, currency: .eur) }
        let kinds: [Activity.Kind] = [
            .enrollment,
            .purchase(Purchase(lines: [
                PurchaseLine(sku: "SPA-60", category: "spa", quantity: 2, amount: eur(12_000)),
                PurchaseLine(amount: eur(450)),
            ])),
            .stay(Stay(nights: 3, category: "sea-view", isOffPeak: true, amount: eur(36_000))),
            .stay(Stay(nights: 0, amount: eur(0))),
            .visit(Visit(location: "Lisboa – Chiado")),
            .visit(Visit()),
            .refund(Refund(of: "p-1", amount: eur(1_999))),
            .refund(Refund(of: "p-1")),
            .feedback(Feedback(nps: 9, csat: 5, ces: 6, rating: 4, comment: "Très bien 👍🏽 — 最高", touchpoint: "check-out")),
            .feedback(Feedback()),
            .interaction(Interaction(kind: .socialMention, note: "tweet")),
            .referral(Referral(referredCustomerID: "bea")),
            .adjustment(PointsAdjustment(points: -250, reason: "duplicate booking", actor: "ops@hotel")),
            .redemption(Redemption(points: 1_000, benefit: "Spa voucher")),
            .tierOverride(TierOverride(tierID: "gold", until: date.addingTimeInterval(90 * 86_400), reason: "status match")),
        ]
        var activities = kinds.enumerated().map { index, kind in
            Activity(id: Activity.ID("a-\(index)"), customerID: "ana", date: date.addingTimeInterval(Double(index) * 61.5), kind: kind)
        }
        activities += InteractionKind.allCases.map { kind in
            Activity(id: Activity.ID("i-\(kind.rawValue)"), customerID: "ana", date: date, channel: .phone, kind: .interaction(Interaction(kind: kind)))
        }
        activities.append(Activity(
            id: "full", customerID: "ana", date: date, channel: "poolside-bar",
            kind: .purchase(Purchase(amount: Money(minorUnits: 5, currency: .jpy))),
            tags: ["rainy-day", "corporate", ""], attributes: ["weather": "rain", "location": "Lisbon", "": "\u{0}"]))
        return activities
    }()

    static let customers: [Customer] = {
        let full = Customer(
            id: "ana-42", givenName: "Ana", familyName: "Løvgren-Ñúñez", email: "ana@example.com", phone: "+351 912 345 678",
            postalAddress: "Rua do Mar 1\n1100-001 Lisboa", birthday: try? Birthday(month: 2, day: 29, year: 1988),
            memberSince: date, preferences: Preferences(categories: ["spa", "restaurant"], preferredChannel: .sms, tags: ["vegetarian", "sea-view"]),
            consents: [.email: .granted(on: date), .sms: .withdrawn(on: date.addingTimeInterval(3_600)), .post: .granted(on: .distantPast)],
            referrerID: "bea")
        let noYear = Customer(id: "carl", birthday: try? Birthday(month: 12, day: 31), memberSince: .distantFuture)
        let bare = Customer(id: "x", memberSince: Date(timeIntervalSinceReferenceDate: 0))
        return [full, noYear, bare]
    }()

    static let reasons: [LedgerReason] = {
        let eur = Money(minorUnits: 100, currency: .eur)
        let custom = (try? Currency(code: "XPT", minorUnitDigits: 0)).map { Money(minorUnits: 7, currency: $0) } ?? eur
        let leaves: [LedgerReason] = [
            .perAmount(points: 1, per: eur, amount: custom, rounding: .down),
            .perAmount(points: 3, per: eur, amount: eur, rounding: .up),
            .perAmount(points: 3, per: eur, amount: eur, rounding: .nearest),
            .perNight(points: 40, nights: 3),
            .perVisit(points: 5),
            .multiplier(factor: 1.25, base: 100, scopedBase: 80, label: "silver"),
            .bonus(label: "birthday"),
            .programCap(limit: 500, period: .day),
            .custom("a custom rule's words"),
            .redemption(benefit: "Free night"),
            .expiry(earnedAt: .distantPast, policy: "rolling 24 months"),
            .refund(originalActivityID: "p-1", refunded: eur, originalAmount: custom),
            .adjustment(reason: "goodwill", actor: "ops"),
        ]
        let periods: [RulePeriod] = [.activity, .day, .month, .year, .lifetime]
        let nested = periods.map { LedgerReason.capped(.scaled(.perVisit(points: 10), factor: 1.5), uncapped: 15, limit: 9, period: $0) }
        return leaves + nested + periods.map { .programCap(limit: 1, period: $0) }
    }()

    /// One applied activity, its outcome and the member's state after it.
    struct Step: Sendable {
        var activity: Activity
        var outcome: Outcome
        var state: MemberState
    }

    /// Two years and a half of a hotel guest: tiers won and lost, an override, caps, refunds
    /// that go negative, redemptions, adjustments and expiries.
    static func seasideHistory() throws -> [Step] {
        var program = Fixtures.seasideHotel()
        program.caps = EarningCaps(perDay: 2_500)
        program.earning.append(PointsPerVisit(name: "visit", points: 10).multiplied(by: 1.5).capped(at: 20, per: .month))
        try program.validate()

        var state = MemberState(customerID: "ana", memberSince: local(2024, 1, 10), birthday: try Birthday(month: 3, day: 14, year: 1990))
        var steps: [Step] = []
        func record(_ kind: Activity.Kind, _ id: Activity.ID, on date: Date, tags: Set<String> = [], attributes: [String: String] = [:]) throws {
            let activity = Activity(id: id, customerID: "ana", date: date, kind: kind, tags: tags, attributes: attributes)
            let outcome = try program.apply(activity, to: &state)
            steps.append(Step(activity: activity, outcome: outcome, state: state))
        }
        let eur = { (cents: Int64) in Money(minorUnits: cents, currency: .eur) }

        try record(.enrollment, "e1", on: local(2024, 1, 10))
        try record(.stay(Stay(nights: 12, category: "sea-view", isOffPeak: true, amount: eur(180_000))), "s1", on: local(2024, 2, 1),
                   tags: ["sea-view"], attributes: ["room": "204"])
        try record(.purchase(Purchase(lines: [
            PurchaseLine(sku: "SPA-1", category: "spa", amount: eur(12_000)),
            PurchaseLine(category: "restaurant", quantity: 2, amount: eur(4_550)),
        ])), "p1", on: local(2024, 3, 14))
        try record(.visit(Visit(location: "Lisbon")), "v1", on: local(2024, 3, 20))
        try record(.stay(Stay(nights: 15, amount: eur(240_000))), "s2", on: local(2024, 4, 2))
        try record(.feedback(Feedback(nps: 10, csat: 5, comment: "Obrigada! ☀️", touchpoint: "check-out")), "f1", on: local(2024, 4, 21))
        try record(.interaction(Interaction(kind: .complaint, note: "noisy room")), "i1", on: local(2024, 4, 22))
        try record(.referral(Referral(referredCustomerID: "bea")), "r1", on: local(2024, 4, 23))
        try record(.redemption(Redemption(points: 1_000, benefit: "Spa voucher")), "x1", on: local(2024, 5, 1))
        try record(.refund(Refund(of: "s2", amount: eur(40_000))), "rf1", on: local(2024, 5, 2))
        try record(.adjustment(PointsAdjustment(points: 250, reason: "goodwill", actor: "ops")), "ad1", on: local(2024, 5, 3))
        try record(.adjustment(PointsAdjustment(points: -100, reason: "correction", actor: "ops")), "ad2", on: local(2024, 5, 4))
        try record(.tierOverride(TierOverride(tierID: "platinum", until: local(2024, 8, 1), reason: "status match")), "o1", on: local(2024, 5, 5))
        // Spend almost everything, then refund the first stay: the balance goes negative.
        let spendable = state.available(at: local(2024, 6, 1)).rawValue
        try record(.redemption(Redemption(points: Points(spendable - 10), benefit: "Free nights")), "x2", on: local(2024, 6, 1))
        try record(.refund(Refund(of: "s1")), "rf2", on: local(2024, 6, 2))
        try record(.purchase(Purchase(amount: eur(30_000), category: "spa")), "p2", on: local(2024, 9, 1))
        try record(.refund(Refund(of: "p1")), "rf3", on: local(2024, 9, 2))
        // Two years later: a review, a downgrade waiting for its grace period, expiries.
        try record(.stay(Stay(nights: 30, amount: eur(300_000))), "s3", on: local(2024, 11, 1))
        try record(.visit(Visit()), "v2", on: local(2026, 11, 15))
        try record(.purchase(Purchase(amount: eur(5_000))), "p3", on: local(2026, 12, 1))
        return steps
    }

    /// A record's bytes and a way to decode them.
    struct Record: Sendable {
        var name: String
        var bytes: [UInt8]
        var decode: @Sendable ([UInt8]) throws -> Void

        init<T: RecordCodable & Sendable>(_ name: String, _ value: T) {
            self.name = name
            self.bytes = value.recordBytes
            self.decode = { _ = try T(recordBytes: $0) }
        }
    }

    /// Records of every type the stores write, from the samples and the history.
    static func records() throws -> [Record] {
        var records = activities.map { Record("activity \($0.id)", $0) }
        records += customers.map { Record("customer \($0.id)", $0) }
        let history = try seasideHistory()
        for index in [4, 9, 14, history.count - 2, history.count - 1] {
            records.append(Record("outcome \(index)", history[index].outcome))
            records.append(Record("state \(index)", history[index].state))
            records += history[index].outcome.entries.prefix(2).map { Record("entry \($0.id)", $0) }
        }
        return records
    }
}
