import Foundation

// Record forms of ledger entries and the reasons behind them. Positional and part of the
// stored format; the numeric tags of enum cases must never be renumbered or reused.

extension LedgerEntry: RecordCodable {
    /// Id, customer, date, points, rule, reason, lot, allocations.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(id)
        encoder.write(customerID)
        encoder.write(date)
        encoder.write(points)
        encoder.write(rule)
        encoder.write(reason)
        encoder.write(lotID) { $0.write($1) }
        encoder.write(allocations) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let id = try decoder.read(ID.self)
        let customerID = try decoder.read(Customer.ID.self)
        let date = try decoder.readDate()
        let points = try decoder.read(Points.self)
        let rule = try decoder.readString()
        let reason = try decoder.read(LedgerReason.self)
        let lotID = try decoder.readOptional { try $0.read(Activity.ID.self) }
        self.init(
            id: id, customerID: customerID, date: date, points: points, rule: rule, reason: reason, lotID: lotID,
            allocations: try decoder.readArray { try $0.read() })
    }
}

extension LedgerEntry.ID: RecordCodable {
    /// Activity, kind, index.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(activityID)
        encoder.write(kind)
        encoder.write(index)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let activityID = try decoder.read(Activity.ID.self)
        let kind = try decoder.read(LedgerEntry.Kind.self)
        self.init(activityID: activityID, kind: kind, index: try decoder.readInt())
    }
}

extension LedgerEntry.Kind: RecordCodable {
    /// A tag byte: earn 0, redeem 1, expire 2, reverse 3, adjust 4.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .earn: encoder.write(tag: 0)
        case .redeem: encoder.write(tag: 1)
        case .expire: encoder.write(tag: 2)
        case .reverse: encoder.write(tag: 3)
        case .adjust: encoder.write(tag: 4)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .earn
        case 1: self = .redeem
        case 2: self = .expire
        case 3: self = .reverse
        case 4: self = .adjust
        case let tag: throw decoder.damaged("an unknown ledger entry kind tag \(tag)")
        }
    }
}

extension LotMovement: RecordCodable {
    /// The lot, then the points.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(lotID)
        encoder.write(points)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let lotID = try decoder.read(Activity.ID.self)
        self.init(lotID: lotID, points: try decoder.read())
    }
}

extension LedgerReason: RecordCodable {
    /// How deeply scaled and capped reasons may nest in a record. Far beyond what rules
    /// produce; it keeps damaged bytes from recursing without bound.
    static let maximumRecordDepth = 100

    /// A tag byte, then the case's values in order. Tags: perAmount 0, perNight 1, perVisit 2,
    /// multiplier 3, bonus 4, scaled 5, capped 6, programCap 7, custom 8, redemption 9,
    /// expiry 10, refund 11, adjustment 12.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case let .perAmount(points, per, amount, rounding):
            encoder.write(tag: 0)
            encoder.write(points)
            encoder.write(per)
            encoder.write(amount)
            encoder.write(rounding)
        case let .perNight(points, nights):
            encoder.write(tag: 1)
            encoder.write(points)
            encoder.write(nights)
        case let .perVisit(points):
            encoder.write(tag: 2)
            encoder.write(points)
        case let .multiplier(factor, base, scopedBase, label):
            encoder.write(tag: 3)
            encoder.write(factor)
            encoder.write(base)
            encoder.write(scopedBase)
            encoder.write(label)
        case let .bonus(label):
            encoder.write(tag: 4)
            encoder.write(label)
        case let .scaled(inner, factor):
            encoder.write(tag: 5)
            encoder.write(inner)
            encoder.write(factor)
        case let .capped(inner, uncapped, limit, period):
            encoder.write(tag: 6)
            encoder.write(inner)
            encoder.write(uncapped)
            encoder.write(limit)
            encoder.write(period)
        case let .programCap(limit, period):
            encoder.write(tag: 7)
            encoder.write(limit)
            encoder.write(period)
        case let .custom(text):
            encoder.write(tag: 8)
            encoder.write(text)
        case let .redemption(benefit):
            encoder.write(tag: 9)
            encoder.write(benefit)
        case let .expiry(earnedAt, policy):
            encoder.write(tag: 10)
            encoder.write(earnedAt)
            encoder.write(policy)
        case let .refund(originalActivityID, refunded, originalAmount):
            encoder.write(tag: 11)
            encoder.write(originalActivityID)
            encoder.write(refunded)
            encoder.write(originalAmount)
        case let .adjustment(reason, actor):
            encoder.write(tag: 12)
            encoder.write(reason)
            encoder.write(actor)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        self = try LedgerReason(from: &decoder, depth: 0)
    }

    private init(from decoder: inout RecordDecoder, depth: Int) throws {
        guard depth < LedgerReason.maximumRecordDepth else { throw decoder.damaged("a reason nested too deeply") }
        switch try decoder.readTag() {
        case 0:
            let points = try decoder.readInt64()
            let per = try decoder.read(Money.self)
            let amount = try decoder.read(Money.self)
            self = .perAmount(points: points, per: per, amount: amount, rounding: try decoder.read())
        case 1:
            let points = try decoder.readInt64()
            self = .perNight(points: points, nights: try decoder.readInt())
        case 2:
            self = .perVisit(points: try decoder.readInt64())
        case 3:
            let factor = try decoder.read(Factor.self)
            let base = try decoder.read(Points.self)
            let scopedBase = try decoder.read(Points.self)
            self = .multiplier(factor: factor, base: base, scopedBase: scopedBase, label: try decoder.readString())
        case 4:
            self = .bonus(label: try decoder.readString())
        case 5:
            let inner = try LedgerReason(from: &decoder, depth: depth + 1)
            self = .scaled(inner, factor: try decoder.read())
        case 6:
            let inner = try LedgerReason(from: &decoder, depth: depth + 1)
            let uncapped = try decoder.read(Points.self)
            let limit = try decoder.read(Points.self)
            self = .capped(inner, uncapped: uncapped, limit: limit, period: try decoder.read())
        case 7:
            let limit = try decoder.read(Points.self)
            self = .programCap(limit: limit, period: try decoder.read())
        case 8:
            self = .custom(try decoder.readString())
        case 9:
            self = .redemption(benefit: try decoder.readString())
        case 10:
            let earnedAt = try decoder.readDate()
            self = .expiry(earnedAt: earnedAt, policy: try decoder.readString())
        case 11:
            let original = try decoder.read(Activity.ID.self)
            let refunded = try decoder.read(Money.self)
            self = .refund(originalActivityID: original, refunded: refunded, originalAmount: try decoder.read())
        case 12:
            let reason = try decoder.readString()
            self = .adjustment(reason: reason, actor: try decoder.readString())
        case let tag:
            throw decoder.damaged("an unknown ledger reason tag \(tag)")
        }
    }
}

extension PointsRounding: RecordCodable {
    /// A tag byte: down 0, up 1, nearest 2.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .down: encoder.write(tag: 0)
        case .up: encoder.write(tag: 1)
        case .nearest: encoder.write(tag: 2)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .down
        case 1: self = .up
        case 2: self = .nearest
        case let tag: throw decoder.damaged("an unknown rounding tag \(tag)")
        }
    }
}

extension RulePeriod: RecordCodable {
    /// A tag byte: activity 0, day 1, month 2, year 3, lifetime 4.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .activity: encoder.write(tag: 0)
        case .day: encoder.write(tag: 1)
        case .month: encoder.write(tag: 2)
        case .year: encoder.write(tag: 3)
        case .lifetime: encoder.write(tag: 4)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .activity
        case 1: self = .day
        case 2: self = .month
        case 3: self = .year
        case 4: self = .lifetime
        case let tag: throw decoder.damaged("an unknown rule period tag \(tag)")
        }
    }
}
