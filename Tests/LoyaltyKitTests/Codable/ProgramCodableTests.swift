import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

struct ProgramCodableTests {
    /// A programme that uses every built-in rule, condition and policy.
    static func fullProgram() -> Program {
        let conditions: [Condition] = [
            .always, .activityType([.purchase, .stay, .tierOverride]), .category(["spa", "bar"]), .channel([.online, .app]),
            .tier(["gold"]), .dateRange(from: utc("2025-06-01T00:00:00Z"), until: nil), .dateRange(from: nil, until: utc("2025-09-01T00:00:00.250Z")),
            .weekday([.saturday, .sunday]), .month([7, 8]), .offPeak, .firstPurchase, .birthdayMonth, .interaction([.reviewPosted, .socialMention]),
            .tag("rainy-day"), .attribute("location", equals: "Lisbon"), .minimumAmount(5_000), .minimumNights(3),
            .any([.tag("a"), !.tag("b")]),
        ]
        return Program(
            name: "Seaside Rewards", currency: .eur, timeZone: TZ.lisbon,
            earning: [
                PointsPerAmount(name: "base", points: 1, per: eur(100), rounding: .nearest),
                PointsPerNight(name: "nights", points: 50),
                PointsPerVisit(name: "visits", points: 5).capped(at: 10, per: .day),
                MultiplierRule(name: "spa", factor: 2, categories: ["spa"]),
                MultiplierRule(name: "summer", factor: 1.25, when: .all(conditions)),
                BonusRule(name: "birthday", points: 500, when: .birthdayMonth).limited(to: 1, per: .year),
                BonusRule.signup(100), BonusRule.firstPurchase(200), BonusRule.reviewPosted(25).limited(to: 3, per: .month),
                PointsPerAmount(name: "online", points: 1, per: eur(1_000)).when(.channel([.online])).multiplied(by: 1.5).capped(at: 100, per: .lifetime),
            ],
            excludedCategories: ["gift-card", "tips"],
            caps: EarningCaps(perActivity: 5_000, perDay: 8_000, perMonth: 20_000),
            pendingDays: 14,
            expiry: .endOfPeriod(afterMonths: 12, period: .year),
            tiers: TierLadder(metric: .nights, window: .rollingMonths(12), tiers: [
                Tier(id: "member", name: "Member", threshold: 0),
                Tier(id: "gold", name: "Gold", threshold: 25, earnMultiplier: 1.5, perks: [.lateCheckout, .upgrades, "spa-access"]),
            ], maximumDowngradeSteps: nil, gracePeriodDays: 30),
            refunds: RefundPolicy(whenSpent: .stopAtZero, rounding: .down))
    }

    @Test("a full programme round-trips through JSON byte for byte")
    func roundTrip() throws {
        let data = try Self.fullProgram().encoded()
        let decoded = try Program.decode(from: data, source: "programme.json")
        #expect(try decoded.encoded() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""timeZone" : "Europe\/Lisbon""#) || text.contains(#""timeZone" : "Europe/Lisbon""#))
        #expect(text.contains(#""kind" : "capped""#))
        #expect(decoded.earning.map(\.name) == Self.fullProgram().earning.map(\.name))
        #expect(decoded.tiers == Self.fullProgram().tiers)
        #expect(decoded.expiry == Self.fullProgram().expiry)
        #expect(decoded.refunds == Self.fullProgram().refunds)
        #expect(decoded.caps == Self.fullProgram().caps)
    }

    @Test("a decoded programme behaves exactly like the original on random histories")
    func decodedBehavesIdentically() throws {
        for original in ReplayPropertyTests.programs() + [Self.fullProgram()] {
            let decoded = try Program.decode(from: try original.encoded())
            for seed in UInt64(0)..<60 {
                let (activities, members, end) = ReplayPropertyTests.history(seed: seed)
                let a = original.replay(activities, members: members, through: end)
                let b = decoded.replay(activities, members: members, through: end)
                #expect(a.states == b.states, "\(original.name) seed \(seed)")
                #expect(a.outcomes == b.outcomes, "\(original.name) seed \(seed)")
                #expect(a.closing == b.closing, "\(original.name) seed \(seed)")
            }
        }
    }

    @Test("every expiry policy and qualifying window round-trips", arguments: [
        ExpiryPolicy.never, .rollingMonths(24), .inactivityMonths(18),
        .endOfPeriod(afterMonths: 0, period: .month), .endOfPeriod(afterMonths: 3, period: .quarter),
    ])
    func policies(_ policy: ExpiryPolicy) throws {
        let data = try LoyaltyJSON.makeEncoder().encode(policy)
        #expect(try LoyaltyJSON.decode(ExpiryPolicy.self, from: data) == policy)
        for window in [QualifyingWindow.calendarYear, .membershipYear, .lifetime, .rollingMonths(6)] {
            #expect(try LoyaltyJSON.decode(QualifyingWindow.self, from: try LoyaltyJSON.makeEncoder().encode(window)) == window)
        }
    }

    static let valid = """
        {"name": "T", "currency": "EUR", "timeZone": "Europe/Lisbon",
         "earning": [EARNING0, EARNING1],
         "pendingDays": PENDING, "expiry": EXPIRY,
         "tiers": {"metric": "nights", "window": {"rollingMonths": 12},
                   "tiers": [{"id": "member", "threshold": 0}, {"id": "silver", "threshold": SILVER}]}}
        """

    static func document(_ replacements: [String: String] = [:]) -> Data {
        var defaults = [
            "EARNING0": #"{"kind": "pointsPerAmount", "name": "base", "points": 1, "per": {"minorUnits": 100, "currency": "EUR"}}"#,
            "EARNING1": #"{"kind": "multiplier", "name": "spa", "factor": 2, "categories": ["spa"]}"#,
            "PENDING": "14", "EXPIRY": #"{"rollingMonths": 24}"#, "SILVER": "10",
        ]
        for (key, value) in replacements { defaults[key] = value }
        var text = valid
        for (key, value) in defaults { text = text.replacingOccurrences(of: key, with: value) }
        return Data(text.utf8)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var label: String
        var replacements: [String: String]
        var location: String
        var message: String
        var testDescription: String { label }
    }

    @Test("malformed programmes fail with the JSON path and the problem", arguments: [
        Malformed(label: "unknown rule kind", replacements: ["EARNING1": #"{"kind": "bogus", "name": "x"}"#],
                  location: "$.earning[1]", message: "unknown rule kind 'bogus'"),
        Malformed(label: "missing key", replacements: ["EARNING0": #"{"kind": "pointsPerAmount", "points": 1}"#],
                  location: "$.earning[0]", message: "missing key 'per'"),
        Malformed(label: "wrong type", replacements: ["EARNING1": #"{"kind": "multiplier", "name": "spa", "factor": "two"}"#],
                  location: "$.earning[1].factor", message: "expected a number"),
        Malformed(label: "negative factor", replacements: ["EARNING1": #"{"kind": "multiplier", "name": "spa", "factor": -2}"#],
                  location: "$.earning[1].factor", message: "a factor must be between 0 and 1000"),
        Malformed(label: "zero points", replacements: ["EARNING0": #"{"kind": "pointsPerAmount", "name": "base", "points": 0, "per": {"minorUnits": 100, "currency": "EUR"}}"#],
                  location: "$.earning[0].points", message: "points must be 1...10000, got 0"),
        Malformed(label: "negative unit", replacements: ["EARNING0": #"{"kind": "pointsPerAmount", "name": "base", "points": 1, "per": {"minorUnits": -100, "currency": "EUR"}}"#],
                  location: "$.earning[0].per", message: "'per' must be a positive amount"),
        Malformed(label: "unit in another currency", replacements: ["EARNING0": #"{"kind": "pointsPerAmount", "name": "base", "points": 1, "per": {"minorUnits": 100, "currency": "USD"}}"#],
                  location: "$.earning[0].per", message: "'per' is in USD"),
        Malformed(label: "unknown currency in a rule", replacements: ["EARNING0": #"{"kind": "pointsPerAmount", "name": "base", "points": 1, "per": {"minorUnits": 100, "currency": "XYZ"}}"#],
                  location: "$.earning[0].per.currency", message: "unknown ISO 4217 currency code 'XYZ'"),
        Malformed(label: "negative nested bonus", replacements: ["EARNING1": #"{"kind": "capped", "limit": 10, "per": "day", "rule": {"kind": "bonus", "name": "b", "points": -5}}"#],
                  location: "$.earning[1].rule.points", message: "points must be"),
        Malformed(label: "duplicate rule names", replacements: ["EARNING1": #"{"kind": "pointsPerVisit", "name": "base", "points": 5}"#],
                  location: "$.earning[1]", message: "rule name 'base' is used twice"),
        Malformed(label: "unknown condition", replacements: ["EARNING1": #"{"kind": "multiplier", "name": "spa", "factor": 2, "when": {"moonPhase": "full"}}"#],
                  location: "$.earning[1].when.moonPhase", message: "unknown condition 'moonPhase'"),
        Malformed(label: "negative pending days", replacements: ["PENDING": "-1"], location: "$.pendingDays", message: "pendingDays must be 0...365"),
        Malformed(label: "zero expiry months", replacements: ["EXPIRY": #"{"rollingMonths": 0}"#], location: "$.expiry.rollingMonths", message: "months must be 1...1200"),
        Malformed(label: "unknown expiry", replacements: ["EXPIRY": #""sometimes""#], location: "$.expiry", message: "unknown expiry 'sometimes'"),
        Malformed(label: "thresholds not ascending", replacements: ["SILVER": "0"], location: "$.tiers.tiers[1].threshold", message: "tier thresholds must ascend"),
    ])
    func malformed(_ example: Malformed) throws {
        let error = expectError(.invalidProgram) { _ = try Program.decode(from: Self.document(example.replacements)) }
        #expect(error?.location == example.location)
        #expect(error?.message.contains(example.message) == true, "\(error?.message ?? "no error")")
    }

    @Test("the well-formed base document decodes")
    func baseDocumentIsValid() throws {
        let program = try Program.decode(from: Self.document())
        #expect(program.earning.map(\.name) == ["base", "spa"])
        #expect(program.pendingDays == 14)
    }

    @Test("unknown currencies and time zones are named with their path and the source")
    func currencyAndTimeZone() throws {
        let badCurrency = String(decoding: Self.document(), as: UTF8.self).replacingOccurrences(of: #""currency": "EUR", "timeZone""#, with: #""currency": "EUX", "timeZone""#)
        var error = expectError(.invalidProgram) { _ = try Program.decode(from: Data(badCurrency.utf8), source: "programme.json") }
        #expect(error?.location == "programme.json: $.currency")
        let badZone = String(decoding: Self.document(), as: UTF8.self).replacingOccurrences(of: "Europe/Lisbon", with: "Mars/Olympus_Mons")
        error = expectError(.invalidProgram) { _ = try Program.decode(from: Data(badZone.utf8), source: "programme.json") }
        #expect(error?.location == "programme.json: $.timeZone")
        #expect(error?.message.contains("unknown time zone 'Mars/Olympus_Mons'") == true)
        error = expectError(.invalidProgram) { _ = try Program.decode(from: Data("{not json".utf8), source: "programme.json") }
        #expect(error?.location?.hasPrefix("programme.json") == true)
        let validation = expectError(.invalidProgram) { _ = try Program.decode(from: Self.document(["PENDING": "400"]), source: "programme.json") }
        #expect(validation?.location == "programme.json: $.pendingDays")
        #expect(validation?.description.hasPrefix("programme.json: $.pendingDays: pendingDays must be 0...365") == true)
    }

    struct DoubleOnRain: CodableEarningRule, Hashable {
        static let kind = "doubleOnRain"
        var name: String
        var stage: EarningStage { .multiplier }
        func earn(in context: EarningContext) -> Earning? {
            guard context.activity.attributes["weather"] == "rain" else { return nil }
            return Earning(points: context.basePoints, reason: .custom("×2 on a rainy day"))
        }
    }

    @Test("a custom codable rule round-trips once registered, and is refused by name otherwise")
    func customRule() throws {
        let program = makeProgram([onePointPerEuro, DoubleOnRain(name: "rain")])
        let data = try program.encoded()
        #expect(String(decoding: data, as: UTF8.self).contains(#""kind" : "doubleOnRain""#))
        let error = expectError(.invalidProgram) { _ = try Program.decode(from: data) }
        #expect(error?.location == "$.earning[1]")
        #expect(error?.message.contains("unknown rule kind 'doubleOnRain'") == true)
        var registry = RuleRegistry.builtIn
        registry.register(DoubleOnRain.self)
        #expect(registry.kinds.contains("doubleOnRain"))
        let decoded = try Program.decode(from: data, registry: registry)
        #expect(try decoded.encoded() == data)
        let rainy = Activity(id: "p1", customerID: "ana", date: local(2025, 3, 1), kind: .purchase(Purchase(amount: eur(5_000))),
                             attributes: ["weather": "rain"])
        #expect(try decoded.run([rainy]).outcomes[0].pointsEarned == 100)
    }

    @Test("rules and conditions that are closures cannot be encoded")
    func notEncodable() throws {
        struct Plain: EarningRule {
            var name: String { "plain" }
            func earn(in context: EarningContext) -> Earning? { nil }
        }
        expectError(.encoding) { _ = try makeProgram([onePointPerEuro, Plain()]).encoded() }
        let custom = MultiplierRule(name: "vip", factor: 2, when: .custom("vip") { _ in true })
        let error = expectError(.encoding) { _ = try makeProgram([onePointPerEuro, custom]).encoded() }
        #expect(error?.message.contains("custom condition 'vip'") == true)
    }
}

struct ActivityCodableTests {
    static let date = local(2025, 3, 1, hour: 9, minute: 30)

    static let activities: [Activity] = [
        Activity(id: "e1", customerID: "ana", date: date, channel: .backOffice, kind: .enrollment),
        Activity(id: "p1", customerID: "ana", date: date, channel: .online, kind: .purchase(Purchase(lines: [
            PurchaseLine(sku: "SPA-60", category: "spa", quantity: 2, amount: eur(16_000)), PurchaseLine(amount: eur(350)),
        ])), tags: ["rainy-day", "corporate"], attributes: ["location": "Lisbon"]),
        .stay(id: "s1", customer: "ana", date: date, nights: 3, amount: eur(36_000), category: "sea-view", offPeak: true),
        .visit(id: "v1", customer: "ana", date: date, location: "Cascais"),
        .refund(id: "r1", customer: "ana", date: date, of: "p1", amount: eur(350)),
        .refund(id: "r2", customer: "ana", date: date, of: "s1"),
        Activity(id: "f1", customerID: "ana", date: date, kind: .feedback(Feedback(nps: 9, csat: 5, ces: 6, rating: 4, comment: "Lovely", touchpoint: "check-out"))),
        Activity(id: "i1", customerID: "ana", date: date, channel: .social, kind: .interaction(Interaction(kind: .reviewPosted, note: "5 stars"))),
        Activity(id: "ref1", customerID: "ana", date: date, kind: .referral(Referral(referredCustomerID: "bob"))),
        .adjustment(id: "a1", customer: "ana", date: date, points: -40, reason: "duplicate receipt", actor: "maria"),
        .redemption(id: "x1", customer: "ana", date: date, points: 500, benefit: "Spa voucher"),
        Activity(id: "o1", customerID: "ana", date: date, kind: .tierOverride(TierOverride(tierID: "gold", until: local(2025, 6, 1), reason: "press"))),
    ]

    @Test("every kind of activity round-trips through JSON", arguments: activities)
    func roundTrip(_ activity: Activity) throws {
        let data = try LoyaltyJSON.makeEncoder().encode(activity)
        #expect(try LoyaltyJSON.decode(Activity.self, from: data) == activity)
        #expect(String(decoding: data, as: UTF8.self).contains(#""date":"2025-03-01T09:30:00Z""#))
    }

    @Test("an activity needs exactly one kind key, and dates may carry offsets")
    func kindKeys() throws {
        let noKind = #"{"id": "x", "customer": "ana", "date": "2025-03-01T10:30:00+01:00"}"#
        let error = expectError(.invalidInput) { _ = try LoyaltyJSON.decode(Activity.self, from: Data(noKind.utf8)) }
        #expect(error?.message.contains("exactly one kind key") == true)
        let twoKinds = #"{"id": "x", "customer": "ana", "date": "2025-03-01", "visit": {}, "enrollment": {}}"#
        expectError(.invalidInput) { _ = try LoyaltyJSON.decode(Activity.self, from: Data(twoKinds.utf8)) }
        let badDate = #"{"id": "x", "customer": "ana", "date": "yesterday", "visit": {}}"#
        let dateError = expectError(.invalidInput) { _ = try LoyaltyJSON.decode(Activity.self, from: Data(badDate.utf8)) }
        #expect(dateError?.location == "$.date")
        let offset = #"{"id": "x", "customer": "ana", "date": "2025-03-01T10:30:00+01:00", "visit": {}}"#
        let visit = try LoyaltyJSON.decode(Activity.self, from: Data(offset.utf8))
        #expect(visit.date == utc("2025-03-01T09:30:00Z"))
        #expect(visit.channel == .inStore)
    }
}
