import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

/// Replay must give exactly what applying one by one gives, and the promises must hold after
/// every step, over thousands of random histories.
struct ReplayPropertyTests {
    static let start = local(2024, 1, 1, hour: 8, in: TZ.newYork)

    static func programs() -> [Program] {
        let ladder = TierLadder(metric: .pointsEarned, window: .rollingMonths(12), tiers: [
            Tier(id: "member", threshold: 0), Tier(id: "silver", threshold: 800, earnMultiplier: 1.25),
            Tier(id: "gold", threshold: 3_000, earnMultiplier: 1.5),
        ], maximumDowngradeSteps: 1, gracePeriodDays: 15)
        let rules: [any EarningRule] = [
            PointsPerAmount(points: 1, per: Money(minorUnits: 100, currency: .eur)),
            PointsPerNight(points: 40),
            PointsPerVisit(points: 3).capped(at: 9, per: .day),
            MultiplierRule(name: "spa", factor: 2, categories: ["spa"]),
            MultiplierRule(name: "weekend", factor: 1.5, when: .weekday([.saturday, .sunday]) && !.category(["gift-card"])),
            BonusRule.firstPurchase(100),
            BonusRule(name: "birthday", points: 250, when: .birthdayMonth && .activityType([.purchase, .stay])).limited(to: 1, per: .year),
            BonusRule.reviewPosted(20).limited(to: 2, per: .month),
            BonusRule.signup(50),
        ]
        return [
            Program(name: "A", currency: .eur, timeZone: TZ.newYork, earning: rules, excludedCategories: ["gift-card"],
                    caps: EarningCaps(perActivity: 1_500, perDay: 2_000), pendingDays: 7, expiry: .rollingMonths(12), tiers: ladder),
            Program(name: "B", currency: .eur, timeZone: TZ.lisbon, earning: rules, excludedCategories: ["gift-card"],
                    caps: EarningCaps(perMonth: 2_500), pendingDays: 0, expiry: .inactivityMonths(5),
                    tiers: TierLadder(metric: .spend, window: .calendarYear, tiers: ladder.tiers.map {
                        Tier(id: $0.id, threshold: $0.threshold * 100, earnMultiplier: $0.earnMultiplier) }, maximumDowngradeSteps: nil),
                    refunds: RefundPolicy(whenSpent: .stopAtZero, rounding: .nearest)),
            Program(name: "C", currency: .eur, timeZone: TZ.tokyo, earning: Array(rules.prefix(4)), pendingDays: 3,
                    expiry: .endOfPeriod(afterMonths: 6, period: .quarter)),
        ]
    }

    /// A random history for up to three members over about three years.
    static func history(seed: UInt64) -> (activities: [Activity], members: [Customer.ID: MemberState], end: Date) {
        var rng = SeededGenerator(seed: seed)
        let memberIDs: [Customer.ID] = (0..<Int.random(in: 1...3, using: &rng)).map { Customer.ID("m\($0)") }
        var members: [Customer.ID: MemberState] = [:]
        for id in memberIDs {
            let birthday = try? Birthday(month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))
            members[id] = MemberState(customerID: id, memberSince: start, birthday: birthday)
        }
        var activities: [Activity] = []
        var earners: [Customer.ID: [Activity.ID]] = [:]
        var date = start
        let count = Int.random(in: 5...40, using: &rng)
        let meanStep = 3.0 * 365 * 86_400 / Double(count)
        for index in 0..<count {
            date = date.addingTimeInterval(Double.random(in: 0...(2 * meanStep), using: &rng).rounded())
            let customer = memberIDs[Int.random(in: 0..<memberIDs.count, using: &rng)]
            let id = Activity.ID("a\(index)")
            let roll = Int.random(in: 0..<100, using: &rng)
            let activity: Activity
            switch roll {
            case 0..<28:
                let lines = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    PurchaseLine(category: ["spa", "food", "gift-card", nil].randomElement(using: &rng) ?? nil,
                                 amount: Money(minorUnits: Int64.random(in: 1...40_000, using: &rng), currency: .eur))
                }
                activity = Activity(id: id, customerID: customer, date: date, channel: [.inStore, .online].randomElement(using: &rng) ?? .inStore,
                                    kind: .purchase(Purchase(lines: lines)))
                earners[customer, default: []].append(id)
            case 28..<38:
                activity = .stay(id: id, customer: customer, date: date, nights: Int.random(in: 0...6, using: &rng),
                                 amount: Money(minorUnits: Int64.random(in: 0...90_000, using: &rng), currency: .eur),
                                 category: ["suite", "gift-card", nil].randomElement(using: &rng) ?? nil, offPeak: rng.chance(0.3))
                earners[customer, default: []].append(id)
            case 38..<46:
                activity = .visit(id: id, customer: customer, date: date)
                earners[customer, default: []].append(id)
            case 46..<62:
                let known = earners[customer] ?? []
                let original: Activity.ID = known.isEmpty || rng.chance(0.1) ? "unknown" : known[Int.random(in: 0..<known.count, using: &rng)]
                let amount: Money? = rng.chance(0.4) ? nil : Money(minorUnits: Int64.random(in: 1...30_000, using: &rng), currency: .eur)
                activity = .refund(id: id, customer: customer, date: date, of: original, amount: amount)
            case 62..<78:
                let points = rng.chance(0.2) ? Int64.random(in: 1...50_000, using: &rng) : Int64.random(in: 1...600, using: &rng)
                activity = .redemption(id: id, customer: customer, date: date, points: Points(points), benefit: "reward")
            case 78..<86:
                let points = Int64.random(in: -400...600, using: &rng)
                activity = .adjustment(id: id, customer: customer, date: date, points: Points(points == 0 ? 1 : points), reason: "fix", actor: "ops")
            case 86..<90:
                let tier = ["member", "silver", "gold", "platinum"].randomElement(using: &rng) ?? "gold"
                activity = Activity(id: id, customerID: customer, date: date, kind: .tierOverride(
                    TierOverride(tierID: tier, until: date.addingTimeInterval(Double.random(in: 86_400...(200 * 86_400), using: &rng)), reason: "vip")))
            case 90..<95:
                activity = Activity(id: id, customerID: customer, date: date, kind: .interaction(Interaction(kind: rng.chance(0.7) ? .reviewPosted : .call)))
            case 95..<97:
                activity = Activity(id: id, customerID: customer, date: date, kind: .enrollment)
            default:
                // A repeated id: replay and one-by-one recording both skip it.
                activity = activities.randomElement(using: &rng) ?? .visit(id: id, customer: customer, date: date)
            }
            activities.append(activity)
        }
        return (activities, members, date.addingTimeInterval(400 * 86_400))
    }

    @Test("replay equals applying one by one, and the promises hold after every step")
    func replayEqualsOneByOne() throws {
        let programs = Self.programs()
        for program in programs { try program.validate() }
        var totals = (applied: 0, rejected: 0, redemptions: 0, refunds: 0, expiries: 0)
        for seed in UInt64(0)..<2_100 {
            let program = programs[Int(seed % UInt64(programs.count))]
            let (activities, members, end) = Self.history(seed: seed)
            var states = members
            var outcomes: [Outcome] = []
            var rejected: [Int] = []
            var ledgers: [Customer.ID: Int64] = [:]
            var applied: Set<Activity.ID> = []
            for (index, activity) in activities.enumerated() {
                guard !applied.contains(activity.id) else { continue }
                guard var state = states[activity.customerID] else { Issue.record("no member"); continue }
                let before = state
                do {
                    let outcome = try program.apply(activity, to: &state)
                    applied.insert(activity.id)
                    outcomes.append(outcome)
                    states[activity.customerID] = state
                    ledgers[activity.customerID, default: 0] += outcome.netChange.rawValue
                    totals.applied += 1
                    totals.expiries += outcome.entries.filter { $0.kind == .expire }.count
                } catch let error as LoyaltyError {
                    rejected.append(index)
                    totals.rejected += 1
                    #expect(state == before, "seed \(seed): a rejected \(activity.type) changed the state: \(error)")
                    #expect(error.activityID == activity.id)
                    continue
                }
                // Σ ledger == balance, and lifetime totals explain the balance.
                #expect(ledgers[activity.customerID] == state.balance.rawValue, "seed \(seed) step \(index)")
                let life = state.lifetime
                #expect(life.pointsEarned - life.pointsRedeemed - life.pointsExpired - life.pointsReversed + life.pointsAdjusted
                        == state.balance.rawValue, "seed \(seed) step \(index): lifetime totals do not add up")
                #expect(state.lots.allSatisfy { $0.remaining.rawValue > 0 && $0.remaining <= $0.points }, "seed \(seed)")
                var spends = false
                switch activity.kind {
                case .redemption: spends = true
                case .adjustment(let adjustment): spends = adjustment.points < 0
                default: break
                }
                switch activity.kind {
                case _ where spends:
                    // Spending never takes the spendable balance below zero or creates a deficit.
                    let spendable = state.lots.filter { $0.isAvailable(at: activity.date) }.reduce(0) { $0 + $1.remaining.rawValue }
                    #expect(spendable - state.deficit.rawValue >= 0, "seed \(seed) step \(index): overdrawn")
                    #expect(state.deficit <= before.deficit, "seed \(seed) step \(index)")
                    if case .redemption = activity.kind { totals.redemptions += 1 }
                case .refund:
                    totals.refunds += 1
                default:
                    break
                }
            }

            let replay = program.replay(activities, members: members)
            #expect(replay.states == states, "seed \(seed): replay states differ")
            #expect(replay.outcomes == outcomes, "seed \(seed): replay outcomes differ")
            #expect(replay.rejections.map(\.index) == rejected, "seed \(seed): replay rejections differ")
            for (id, state) in replay.states {
                #expect(replay.ledger(for: id).reduce(0) { $0 + $1.points.rawValue } == state.balance.rawValue, "seed \(seed)")
            }

            // Closing the books at the end: expiries and reviews, the same either way.
            let closed = program.replay(activities, members: members, through: end)
            for (id, var state) in states {
                let advancement = program.advance(&state, to: end)
                #expect(closed.states[id] == state, "seed \(seed)")
                #expect(closed.ledger(for: id).reduce(0) { $0 + $1.points.rawValue } == state.balance.rawValue, "seed \(seed)")
                #expect((ledgers[id] ?? 0) + advancement.entries.reduce(0) { $0 + $1.points.rawValue } == state.balance.rawValue)
                #expect(program.advance(&state, to: end).isEmpty, "seed \(seed): advancing twice changed something")
            }
        }
        // The generator must exercise every path, or the property proves little.
        #expect(totals.applied > 20_000)
        #expect(totals.rejected > 1_000)
        #expect(totals.redemptions > 3_000)
        #expect(totals.refunds > 2_000)
        #expect(totals.expiries > 500)
    }
}
