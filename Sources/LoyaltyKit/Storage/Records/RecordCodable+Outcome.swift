import Foundation

// Record forms of an outcome, its tier changes and warnings. Positional and part of the stored
// format; the numeric tags of enum cases must never be renumbered or reused.

extension Outcome: RecordCodable {
    /// Activity, customer, date, entries, tier changes, warnings, balance, tier.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(activityID)
        encoder.write(customerID)
        encoder.write(date)
        encoder.write(entries) { $0.write($1) }
        encoder.write(tierChanges) { $0.write($1) }
        encoder.write(warnings) { $0.write($1) }
        encoder.write(balance)
        encoder.write(tierID) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let activityID = try decoder.read(Activity.ID.self)
        let customerID = try decoder.read(Customer.ID.self)
        let date = try decoder.readDate()
        let entries = try decoder.readArray { try $0.read(LedgerEntry.self) }
        let tierChanges = try decoder.readArray { try $0.read(TierChange.self) }
        let warnings = try decoder.readArray { try $0.read(OutcomeWarning.self) }
        let balance = try decoder.read(Points.self)
        self.init(
            activityID: activityID, customerID: customerID, date: date, entries: entries, tierChanges: tierChanges,
            warnings: warnings, balance: balance, tierID: try decoder.readOptional { try $0.readString() })
    }
}

extension TierChange: RecordCodable {
    /// From, to, date, reason, qualifying value.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(from)
        encoder.write(to)
        encoder.write(date)
        encoder.write(reason)
        encoder.write(qualifyingValue) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let from = try decoder.readString()
        let to = try decoder.readString()
        let date = try decoder.readDate()
        let reason = try decoder.read(Reason.self)
        self.init(from: from, to: to, date: date, reason: reason, qualifyingValue: try decoder.readOptional { try $0.readInt64() })
    }
}

extension TierChange.Reason: RecordCodable {
    /// A tag byte: qualified 0, review 1, gracePeriodEnded 2, refund 3, overrideStarted 4,
    /// overrideEnded 5.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .qualified: encoder.write(tag: 0)
        case .review: encoder.write(tag: 1)
        case .gracePeriodEnded: encoder.write(tag: 2)
        case .refund: encoder.write(tag: 3)
        case .overrideStarted: encoder.write(tag: 4)
        case .overrideEnded: encoder.write(tag: 5)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .qualified
        case 1: self = .review
        case 2: self = .gracePeriodEnded
        case 3: self = .refund
        case 4: self = .overrideStarted
        case 5: self = .overrideEnded
        case let tag: throw decoder.damaged("an unknown tier change reason tag \(tag)")
        }
    }
}

extension OutcomeWarning: RecordCodable {
    /// A tag byte, then the case's values. Tags: refundShortfall 0, negativeBalance 1,
    /// deficitRepaid 2, negativeRuleIgnored 3.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .refundShortfall(let points):
            encoder.write(tag: 0)
            encoder.write(points)
        case .negativeBalance(let points):
            encoder.write(tag: 1)
            encoder.write(points)
        case .deficitRepaid(let points):
            encoder.write(tag: 2)
            encoder.write(points)
        case let .negativeRuleIgnored(rule, points):
            encoder.write(tag: 3)
            encoder.write(rule)
            encoder.write(points)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .refundShortfall(try decoder.read())
        case 1: self = .negativeBalance(try decoder.read())
        case 2: self = .deficitRepaid(try decoder.read())
        case 3:
            let rule = try decoder.readString()
            self = .negativeRuleIgnored(rule: rule, points: try decoder.read())
        case let tag: throw decoder.damaged("an unknown outcome warning tag \(tag)")
        }
    }
}
