// hotel-loyalty — the LoyaltyKit demo.
//
// A seaside hotel runs "Seaside Rewards" (see `Fixtures.seasideHotel()` in LoyaltyKitTesting):
// points per euro on stays, ×2 on the spa, a birthday-month bonus, a 14-day returns window,
// 24-month expiry, and Silver/Gold/Platinum on nights in a rolling 12 months.
// This program invents a few hundred guests with a seeded generator, plays two years of
// stays, spa visits, dinners, refunds and redemptions through the `Loyalty` actor, and
// prints what happened.
//
//   swift run hotel-loyalty [--store sqlite|file|memory] [--path PATH]
//
// By default the data goes to an SQLite file in a new temporary directory (the path is
// printed). Run it again with the same --path and it continues: the same guests, two more
// years.

import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting

let setup: StoreSetup
do {
    setup = try StoreSetup(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("hotel-loyalty: \(error)\n\(StoreSetup.usage)\n".utf8))
    exit(2)
}
let program = Fixtures.seasideHotel()
let calendar = program.calendar
let store = try setup.open()
let loyalty = try Loyalty(program: program, store: store)
var generator = SeededGenerator(seed: 2024)

// A new store starts on 2024-01-01; a store from an earlier run continues on the first of
// the month after its last activity.
let lastActivity = try await store.read { reader in
    try reader.customerIDs().compactMap { try reader.memberState($0)?.lastActivity }.max()
}
let start = calendar.date(lastActivity.map { date in
    let day = calendar.civilDate(of: date)
    return CivilDate(year: day.month == 12 ? day.year + 1 : day.year, month: day.month % 12 + 1, day: 1)
} ?? CivilDate(year: 2024, month: 1, day: 1), hour: 9)
let end = calendar.adding(days: 731, to: calendar.date(calendar.civilDate(of: start)))
// The books are closed three months later, so the first points earned have expired.
let reportDate = calendar.adding(days: 90, to: end)
let days = calendar.dayNumber(of: end) - calendar.dayNumber(of: start)
let runTag = String(calendar.civilDate(of: start).year)

// MARK: Guests

let givenNames = ["Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo", "Inês", "João", "Katia", "Luís",
                  "Marta", "Nuno", "Olga", "Pedro", "Rita", "Sofia", "Tiago", "Vera"]
let familyNames = ["Almeida", "Brandão", "Costa", "Duarte", "Esteves", "Ferreira", "Gomes", "Henriques", "Lopes", "Martins"]

struct Guest {
    var customer: Customer
    var staysPerYear: Double
    var spaLover: Bool
}

var guests: [Guest] = []
for index in 0..<300 {
    let joined = calendar.adding(days: Int.random(in: 0..<540, using: &generator), to: start)
    let month = Int.random(in: 1...12, using: &generator)
    let customer = Customer(
        id: Customer.ID("guest-\(index + 1)"),
        givenName: givenNames.randomElement(using: &generator) ?? "Guest",
        familyName: familyNames.randomElement(using: &generator) ?? "",
        email: "guest\(index + 1)@example.com",
        birthday: try Birthday(month: month, day: Int.random(in: 1...28, using: &generator)),
        memberSince: joined,
        consents: [.email: .granted(on: joined)])
    // A few regulars, many occasional guests.
    let rhythm: Double = generator.chance(0.1) ? Double.random(in: 8...16, using: &generator) : Double.random(in: 0.5...3, using: &generator)
    guests.append(Guest(customer: customer, staysPerYear: rhythm, spaLover: generator.chance(0.3)))
}
// A continuing run keeps the stored profiles (and their membership dates).
let stored = try await store.read { reader in try reader.customerIDs().compactMap { try reader.customer($0) } }
if stored.isEmpty {
    for guest in guests { try await loyalty.register(guest.customer) }
} else {
    let profiles = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    guests = guests.map { guest in
        var guest = guest
        guest.customer = profiles[guest.customer.id] ?? guest.customer
        return guest
    }
}
print(setup.describe(continuing: stored.count))

// MARK: Two years of activity

var timeline: [Activity] = []
var sequence = 0
@MainActor func nextID(_ kind: String) -> Activity.ID {
    sequence += 1
    return Fixtures.activityID("\(kind)-\(runTag)", sequence)
}
func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

for guest in guests {
    let id = guest.customer.id
    let firstDay = max(0, calendar.dayNumber(of: guest.customer.memberSince) - calendar.dayNumber(of: start))
    let activeDays = days - firstDay
    let stays = max(1, Int((guest.staysPerYear * Double(activeDays) / 365).rounded()))
    for _ in 0..<stays {
        let checkIn = calendar.adding(days: firstDay + Int.random(in: 0..<activeDays, using: &generator), to: start)
        let month = calendar.civilDate(of: checkIn).month
        let offPeak = month <= 3 || month >= 11
        let nights = Int.random(in: 1...6, using: &generator)
        let rate = Int64.random(in: offPeak ? 7_000...12_000 : 11_000...24_000, using: &generator)
        let checkOut = calendar.adding(days: nights, to: checkIn)
        let stay = Activity.stay(id: nextID("stay"), customer: id, date: checkOut, nights: nights,
                                 amount: euros(rate * Int64(nights)), category: offPeak ? "standard" : "sea-view", offPeak: offPeak)
        timeline.append(stay)
        if guest.spaLover || generator.chance(0.15) {
            timeline.append(.purchase(id: nextID("spa"), customer: id, date: checkIn.addingTimeInterval(26 * 3600),
                                      amount: euros(Int64.random(in: 4_000...18_000, using: &generator)), category: "spa"))
        }
        if generator.chance(0.5) {
            timeline.append(.purchase(id: nextID("dinner"), customer: id, date: checkIn.addingTimeInterval(10 * 3600),
                                      amount: euros(Int64.random(in: 3_000...14_000, using: &generator)), category: "restaurant",
                                      channel: "restaurant"))
        }
        if generator.chance(0.3) {
            // A check-out survey: most guests are happy, a few are not.
            let score = generator.chance(0.12) ? Int.random(in: 2...6, using: &generator) : Int.random(in: 7...10, using: &generator)
            timeline.append(Activity(id: nextID("survey"), customerID: id, date: checkOut.addingTimeInterval(3_600), channel: .email,
                                     kind: .feedback(Feedback(nps: score, touchpoint: "check-out"))))
        }
        if generator.chance(0.05) {
            // A cancelled or disputed stay: refunded in full or in part a few days later.
            let partial = generator.chance(0.5)
            timeline.append(.refund(id: nextID("refund"), customer: id,
                                    date: calendar.adding(days: Int.random(in: 1...30, using: &generator), to: checkOut),
                                    of: stay.id, amount: partial ? euros(rate) : nil))
        }
        if generator.chance(0.02) {
            timeline.append(.purchase(id: nextID("gift"), customer: id, date: checkOut, amount: euros(10_000), category: "gift-card"))
        }
    }
}
timeline.sort { ($0.date, $0.id) < ($1.date, $1.id) }

let rewards: [(benefit: String, points: Int64)] = [("Free night", 3_000), ("Spa voucher", 1_200), ("Dinner for two", 800)]
var redemptions = 0
for activity in timeline {
    try await loyalty.record(activity)
    // Now and then a guest with enough points treats themselves.
    guard activity.isVisit, generator.chance(0.25) else { continue }
    let balance = try await loyalty.balance(of: activity.customerID, at: activity.date)
    if let reward = rewards.first(where: { $0.points <= balance.available.rawValue }) {
        try await loyalty.redeem(Points(reward.points), for: activity.customerID, benefit: reward.benefit,
                                 id: nextID("redeem"), at: activity.date.addingTimeInterval(60))
        redemptions += 1
    }
}
try await loyalty.expire(asOf: reportDate)
try await loyalty.evaluateTiers(asOf: reportDate)

// MARK: Summary

struct Totals {
    var issued: Int64 = 0, redeemed: Int64 = 0, expired: Int64 = 0, reversed: Int64 = 0, adjusted: Int64 = 0
}
let ledgers = try await loyalty.store.read { store in
    try store.customerIDs().map { ($0, try store.ledger(of: $0)) }
}
var totals = Totals()
var busiest: (id: Customer.ID, entries: Int)?
for (id, ledger) in ledgers {
    for entry in ledger {
        switch entry.kind {
        case .earn: totals.issued += entry.points.rawValue
        case .redeem: totals.redeemed -= entry.points.rawValue
        case .expire: totals.expired -= entry.points.rawValue
        case .reverse: totals.reversed -= entry.points.rawValue
        case .adjust: totals.adjusted += entry.points.rawValue
        }
    }
    if ledger.count > (busiest?.entries ?? 0) { busiest = (id, ledger.count) }
}

var perTier: [String: Int] = [:]
var outstanding: Int64 = 0
for guest in guests {
    let balance = try await loyalty.balance(of: guest.customer.id, at: reportDate)
    perTier[balance.tierID ?? "none", default: 0] += 1
    outstanding += balance.total.rawValue
}

func number(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
        grouped.append(character)
    }
    return (value < 0 ? "-" : "") + grouped
}
func moreNights(_ count: Int64) -> String { count == 1 ? "1 more night" : "\(count) more nights" }
func row(_ label: String, _ value: String) -> String {
    label.padding(toLength: 28, withPad: " ", startingAt: 0) + String(repeating: " ", count: max(0, 12 - value.count)) + value
}

let lastYear = calendar.civilDate(of: calendar.adding(days: -1, to: end)).year
print("\(program.name) — \(guests.count) guests, \(timeline.count + redemptions) activities, \(runTag)–\(lastYear)")
print("")
print("Members per tier on \(calendar.civilDate(of: reportDate))")
for tier in program.tiers?.tiers ?? [] {
    print(row("  \(tier.name)", String(perTier[tier.id] ?? 0)))
}
print("")
print("Points (1 point ≈ 1 € spent)")
print(row("  issued", number(totals.issued)))
print(row("  redeemed", number(totals.redeemed)))
print(row("  expired", number(totals.expired)))
print(row("  clawed back by refunds", number(totals.reversed)))
print(row("  outstanding", number(outstanding)))
let check = totals.issued - totals.redeemed - totals.expired - totals.reversed + totals.adjusted
print(row("  check: Σ ledger", number(check) + (check == outstanding ? " ✓" : " ✗")))
print("")

if let busiest, let guest = try await loyalty.customer(busiest.id) {
    let statement = try await loyalty.statement(for: guest.id, from: calendar.date(CivilDate(year: lastYear, month: 1, day: 1)))
    print("Statement of \(guest.displayName) (\(guest.id)), \(lastYear)")
    print(statement.text)
    if let progress = try await loyalty.tierProgress(for: guest.id, at: reportDate) {
        print("")
        print("Tier: \(progress.current.name), \(progress.value) nights in the last 12 months.")
        if let next = progress.next { print("\(moreNights(progress.neededForNext)) needed for \(next.name).") }
        if let review = progress.reviewDate {
            print("Review on \(calendar.civilDate(of: review)): \(moreNights(progress.neededToKeep)) needed to keep \(progress.qualified.name).")
        }
    }
    let expiring = try await loyalty.expiringPoints(for: guest.id, within: 90, of: reportDate)
    for batch in expiring {
        print("\(batch.points.rawValue) points expire on \(calendar.civilDate(of: batch.date)).")
    }
}

// MARK: Report

// The last quarter before the books closed, by category; the programme's economics at
// €0.01 per point; the check-out NPS over the whole period.
let quarterStart = calendar.adding(days: -92, to: end)
print("")
let breakdown = try await loyalty.monthlyBreakdown(by: .category, from: quarterStart, to: end)
print(breakdown.table.plainText())
let economics = try await loyalty.programmeEconomics(pointValue: try PointValue(Money(minorUnits: 1, currency: .eur)))
print(economics.table.plainText())
let nps = try await loyalty.measure(NPSAccumulator(calendar: calendar), from: start, to: reportDate).result()
print(nps.table.plainText())
