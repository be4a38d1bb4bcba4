import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

/// The binary record forms the persistent stores write: exact round trips, equal bytes for
/// equal values, and damaged bytes that throw instead of crashing.
struct RecordCodecTests {
    // MARK: Round trips

    @Test("every activity kind round-trips exactly", arguments: RecordSamples.activities)
    func activityRoundTrip(_ activity: Activity) throws {
        try expectRoundTrip(activity)
    }

    @Test("customers round-trip with every optional field set and with none", arguments: RecordSamples.customers)
    func customerRoundTrip(_ customer: Customer) throws {
        try expectRoundTrip(customer)
    }

    @Test("money in currencies outside ISO 4217 keeps its code and minor digits")
    func customCurrencies() throws {
        let currencies = [
            try Currency(code: "XPT", minorUnitDigits: 0), try Currency(code: "zzz", minorUnitDigits: 4),
            try Currency(code: "EUR", minorUnitDigits: 3), .jpy, try Currency(code: "KWD"),
        ]
        for currency in currencies {
            for minorUnits: Int64 in [0, 1, -1, 12_345, .max, .min] {
                let money = Money(minorUnits: minorUnits, currency: currency)
                let decoded = try Money(recordBytes: money.recordBytes)
                #expect(decoded == money)
                #expect(decoded.currency.code == currency.code)
                #expect(decoded.currency.minorUnitDigits == currency.minorUnitDigits)
            }
        }
    }

    @Test("dates keep their exact bit pattern, extremes included")
    func extremeDates() throws {
        let intervals: [Double] = [
            0, -0.0, 1e-300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, 1_234_567.891_011,
            Date.distantPast.timeIntervalSinceReferenceDate, Date.distantFuture.timeIntervalSinceReferenceDate,
        ]
        for interval in intervals {
            let date = Date(timeIntervalSinceReferenceDate: interval)
            let activity = Activity(id: "a", customerID: "c", date: date, kind: .enrollment)
            let decoded = try Activity(recordBytes: activity.recordBytes)
            #expect(decoded.date.timeIntervalSinceReferenceDate.bitPattern == interval.bitPattern)
        }
    }

    @Test("points, amounts and counts keep their full 64-bit range")
    func extremeIntegers() throws {
        for value: Int64 in [.min, .min + 1, -1, 0, 1, 63, 64, -64, -65, .max] {
            try expectRoundTrip(Activity(
                id: "a", customerID: "c", date: RecordSamples.date,
                kind: .adjustment(PointsAdjustment(points: Points(value), reason: "r", actor: "x"))))
            var totals = LifetimeTotals()
            totals.spend = value
            totals.pointsAdjusted = value
            try expectRoundTrip(totals)
        }
    }

    @Test("every kind of ledger reason round-trips, nested ones included", arguments: RecordSamples.reasons)
    func reasonRoundTrip(_ reason: LedgerReason) throws {
        let entry = LedgerEntry(
            id: .init(activityID: "p1", kind: .earn, index: 3), customerID: "ana", date: RecordSamples.date, points: 42,
            rule: "base", reason: reason, lotID: "p1")
        try expectRoundTrip(entry)
    }

    @Test("an outcome with every kind of entry, tier change and warning round-trips")
    func outcomeRoundTrip() throws {
        let entries = LedgerEntry.Kind.allCases.enumerated().map { index, kind in
            LedgerEntry(
                id: .init(activityID: Activity.ID("a\(index)"), kind: kind, index: index), customerID: "ana",
                date: RecordSamples.date, points: Points(Int64(index) - 2), rule: "r\(index)", reason: .custom("why"),
                lotID: index.isMultiple(of: 2) ? nil : "lot", allocations: index == 1 ? [LotMovement(lotID: "l1", points: -3), LotMovement(lotID: "l2", points: -4)] : [])
        }
        let reasons: [TierChange.Reason] = [.qualified, .review, .gracePeriodEnded, .refund, .overrideStarted, .overrideEnded]
        let changes = reasons.map { TierChange(from: "member", to: "gold", date: RecordSamples.date, reason: $0, qualifyingValue: $0 == .review ? nil : -7) }
        let warnings: [OutcomeWarning] = [.refundShortfall(5), .negativeBalance(6), .deficitRepaid(7), .negativeRuleIgnored(rule: "odd", points: -8)]
        try expectRoundTrip(Outcome(
            activityID: "a1", customerID: "ana", date: RecordSamples.date, entries: entries, tierChanges: changes, warnings: warnings,
            balance: -12, tierID: "gold"))
        try expectRoundTrip(Outcome(activityID: "a1", customerID: "ana", date: RecordSamples.date))
    }

    @Test("states and outcomes of a rich seaside hotel history round-trip after every step")
    func engineHistoryRoundTrip() throws {
        let steps = try RecordSamples.seasideHistory()
        for step in steps {
            try expectRoundTrip(step.activity)
            try expectRoundTrip(step.outcome)
            try expectRoundTrip(step.state)
            for entry in step.outcome.entries { try expectRoundTrip(entry) }
        }
        // The history reaches every part of the state and outcome forms.
        let entries = steps.flatMap(\.outcome.entries)
        #expect(Set(entries.map(\.kind)) == Set(LedgerEntry.Kind.allCases))
        #expect(entries.contains { !$0.allocations.isEmpty })
        #expect(entries.contains { if case .capped = $0.reason { true } else { false } })
        #expect(entries.contains { if case .scaled = $0.reason { true } else { false } })
        #expect(entries.contains { if case .programCap = $0.reason { true } else { false } })
        #expect(entries.contains { if case .expiry = $0.reason { true } else { false } })
        #expect(entries.contains { if case .refund = $0.reason { true } else { false } })
        #expect(Set(steps.flatMap(\.outcome.tierChanges).map(\.reason)).isSuperset(of: [.qualified, .refund, .overrideStarted, .overrideEnded, .gracePeriodEnded]))
        #expect(steps.contains { !$0.outcome.warnings.isEmpty })
        let states = steps.map(\.state)
        #expect(states.contains { $0.deficit > .zero })
        #expect(states.contains { $0.tier?.pendingDowngrade != nil })
        #expect(states.contains { $0.tier?.override != nil })
        #expect(states.contains { $0.earnings.contains { $0.refundCount > 0 } })
        #expect(states.contains { !$0.usage.isEmpty && $0.birthday != nil && $0.lots.contains { $0.expiresAt != nil } })
    }

    @Test("random histories through three programmes round-trip: activities, outcomes, states")
    func randomHistoriesRoundTrip() throws {
        let programs = ReplayPropertyTests.programs()
        for seed in UInt64(0)..<150 {
            let (activities, members, end) = ReplayPropertyTests.history(seed: seed)
            let result = programs[Int(seed % 3)].replay(activities, members: members, through: end)
            for activity in activities { try expectRoundTrip(activity) }
            for outcome in result.outcomes { try expectRoundTrip(outcome) }
            for state in result.states.values { try expectRoundTrip(state) }
            for entry in result.closing.flatMap(\.entries) { try expectRoundTrip(entry) }
        }
    }

    // MARK: Determinism

    @Test("equal values encode to equal bytes, whatever order sets and dictionaries were built in")
    func equalValuesEqualBytes() throws {
        let words = (0..<40).map { "tag-\($0)-é" }
        var small = Set<String>()
        for word in words { small.insert(word) }
        var large = Set<String>(minimumCapacity: 1_000)
        for word in words.reversed() { large.insert(word) }
        var attributes: [String: String] = [:]
        for word in words { attributes[word] = word.uppercased() }
        var reversed = [String: String](minimumCapacity: 1_000)
        for word in words.reversed() { reversed[word] = word.uppercased() }
        let first = Activity(id: "a", customerID: "c", date: RecordSamples.date, kind: .visit(Visit()), tags: small, attributes: attributes)
        let second = Activity(id: "a", customerID: "c", date: RecordSamples.date, kind: .visit(Visit()), tags: large, attributes: reversed)
        #expect(first == second)
        #expect(first.recordBytes == second.recordBytes)

        var consents: [ContactChannel: Consent] = [:]
        for channel in ContactChannel.allCases { consents[channel] = .granted(on: RecordSamples.date) }
        var reversedConsents = [ContactChannel: Consent](minimumCapacity: 100)
        for channel in ContactChannel.allCases.reversed() { reversedConsents[channel] = .granted(on: RecordSamples.date) }
        let customer = Customer(id: "c", memberSince: RecordSamples.date, preferences: Preferences(tags: small), consents: consents)
        let same = Customer(id: "c", memberSince: RecordSamples.date, preferences: Preferences(tags: large), consents: reversedConsents)
        #expect(customer.recordBytes == same.recordBytes)
    }

    @Test("decoding and encoding again gives the same bytes")
    func reencodingIsStable() throws {
        for activity in RecordSamples.activities { #expect(try Activity(recordBytes: activity.recordBytes).recordBytes == activity.recordBytes) }
        for customer in RecordSamples.customers { #expect(try Customer(recordBytes: customer.recordBytes).recordBytes == customer.recordBytes) }
        for step in try RecordSamples.seasideHistory() {
            #expect(try MemberState(recordBytes: step.state.recordBytes).recordBytes == step.state.recordBytes)
            #expect(try Outcome(recordBytes: step.outcome.recordBytes).recordBytes == step.outcome.recordBytes)
        }
    }

    // MARK: Damaged bytes

    @Test("every strict prefix of a record throws a storage error")
    func prefixesThrow() throws {
        for record in try RecordSamples.records() {
            for length in 0..<record.bytes.count {
                expectError(.storage) { try record.decode(Array(record.bytes.prefix(length))) }
            }
        }
    }

    @Test("flipped bytes and random garbage either throw a storage error or decode, never crash")
    func randomDamage() throws {
        var generator = SeededGenerator(seed: 2_025)
        var outcomes = (thrown: 0, decoded: 0)
        for record in try RecordSamples.records() {
            for _ in 0..<300 {
                var bytes = record.bytes
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = generator.chance(0.5) ? bytes[index] ^ UInt8(1 << Int.random(in: 0..<8, using: &generator)) : .random(in: 0...255, using: &generator)
                }
                do {
                    try record.decode(bytes)
                    outcomes.decoded += 1
                } catch let error as LoyaltyError {
                    #expect(error.code == .storage)
                    outcomes.thrown += 1
                }
            }
            for _ in 0..<50 {
                let garbage = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                do { try record.decode(garbage) } catch let error as LoyaltyError { #expect(error.code == .storage) }
            }
        }
        // Both paths ran: positional records have fields where any byte is valid.
        #expect(outcomes.thrown > 0 && outcomes.decoded > 0)
    }

    @Test("unknown tags, unordered sets, invalid currencies and bad UTF-8 are reported as damage")
    func invalidContent() throws {
        func activityBytes(tags: [String] = [], kindTag: UInt8 = 0) -> [UInt8] {
            var encoder = RecordEncoder()
            encoder.write("a")
            encoder.write("c")
            encoder.write(RecordSamples.date)
            encoder.write("in-store")
            encoder.write(tags) { $0.write($1) }
            encoder.write(UInt64(0))
            encoder.write(tag: kindTag)
            return encoder.bytes
        }
        #expect(try Activity(recordBytes: activityBytes(tags: ["a", "b"])).tags == ["a", "b"])
        let unknownKind = expectError(.storage) { _ = try Activity(recordBytes: activityBytes(kindTag: 11)) }
        #expect(unknownKind?.message.contains("unknown activity kind tag 11") == true)
        expectError(.storage) { _ = try Activity(recordBytes: activityBytes(tags: ["b", "a"])) }
        expectError(.storage) { _ = try Activity(recordBytes: activityBytes(tags: ["a", "a"])) }

        var currency = RecordEncoder()
        currency.write(Int64(100))
        currency.write(raw: Array("EUr".utf8) + [2])
        expectError(.storage) { _ = try Money(recordBytes: currency.bytes) }

        var utf8 = RecordEncoder()
        utf8.write(UInt64(3))
        utf8.write(raw: [0x61, 0xC3, 0x28])
        expectError(.storage) { _ = try Activity.ID(recordBytes: utf8.bytes) }

        var birthday = RecordEncoder()
        birthday.write(4)
        birthday.write(31)
        birthday.write(false)
        expectError(.storage) { _ = try Birthday(recordBytes: birthday.bytes) }

        var trailing = Activity.ID("x").recordBytes
        trailing.append(0)
        expectError(.storage) { _ = try Activity.ID(recordBytes: trailing) }
    }

    @Test("a reason nested beyond the limit throws instead of exhausting the stack")
    func deepNesting() throws {
        var encoder = RecordEncoder()
        for _ in 0..<100_000 { encoder.write(tag: 5) }
        let error = expectError(.storage) { _ = try LedgerReason(recordBytes: encoder.bytes) }
        #expect(error?.message.contains("nested too deeply") == true)
        var reason = LedgerReason.bonus(label: "b")
        for _ in 0..<45 { reason = .capped(.scaled(reason, factor: 2), uncapped: 9, limit: 5, period: .day) }
        try expectRoundTrip(reason)
    }

    // MARK: Helpers

    private func expectRoundTrip<T: RecordCodable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = value.recordBytes
        let decoded = try T(recordBytes: bytes)
        #expect(decoded == value, sourceLocation: sourceLocation)
    }
}
