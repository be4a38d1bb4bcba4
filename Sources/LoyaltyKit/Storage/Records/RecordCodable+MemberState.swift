import Foundation

// Record forms of a member's state. Positional and part of the stored format: a new stored
// property of `MemberState` (or of a type it holds) needs a new store format version.

extension MemberState: RecordCodable {
    /// Customer, membership date, birthday, lots, deficit, tier, qualifying months, lifetime
    /// totals, earning records, rule usage, then the first, last, last-points and processed dates.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(customerID)
        encoder.write(memberSince)
        encoder.write(birthday) { $0.write($1) }
        encoder.write(lots) { $0.write($1) }
        encoder.write(deficit)
        encoder.write(tier) { $0.write($1) }
        encoder.write(qualifying) { $0.write($1) }
        encoder.write(lifetime)
        encoder.write(earnings) { $0.write($1) }
        encoder.write(usage) { $0.write($1) }
        encoder.write(firstActivity) { $0.write($1) }
        encoder.write(lastActivity) { $0.write($1) }
        encoder.write(lastPointsActivity) { $0.write($1) }
        encoder.write(processedThrough) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let customerID = try decoder.read(Customer.ID.self)
        let memberSince = try decoder.readDate()
        let birthday = try decoder.readOptional { try $0.read(Birthday.self) }
        self.init(customerID: customerID, memberSince: memberSince, birthday: birthday)
        lots = try decoder.readArray { try $0.read() }
        deficit = try decoder.read()
        tier = try decoder.readOptional { try $0.read() }
        qualifying = try decoder.readArray { try $0.read() }
        lifetime = try decoder.read()
        earnings = try decoder.readArray { try $0.read() }
        usage = try decoder.readArray { try $0.read() }
        firstActivity = try decoder.readOptional { try $0.readDate() }
        lastActivity = try decoder.readOptional { try $0.readDate() }
        lastPointsActivity = try decoder.readOptional { try $0.readDate() }
        processedThrough = try decoder.readOptional { try $0.readDate() }
    }
}

extension PointLot: RecordCodable {
    /// Id, earned, available and expiry dates, points, remaining points.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(id)
        encoder.write(earnedAt)
        encoder.write(availableAt)
        encoder.write(expiresAt) { $0.write($1) }
        encoder.write(points)
        encoder.write(remaining)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let id = try decoder.read(Activity.ID.self)
        let earnedAt = try decoder.readDate()
        let availableAt = try decoder.readDate()
        let expiresAt = try decoder.readOptional { try $0.readDate() }
        let points = try decoder.read(Points.self)
        self.init(id: id, earnedAt: earnedAt, availableAt: availableAt, expiresAt: expiresAt, points: points, remaining: try decoder.read())
    }
}

extension TierStatus: RecordCodable {
    /// Tier, since, floor tier, next review, pending downgrade, override.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(tierID)
        encoder.write(since)
        encoder.write(floorTierID)
        encoder.write(nextReview) { $0.write($1) }
        encoder.write(pendingDowngrade) { encoder, downgrade in
            encoder.write(downgrade.tierID)
            encoder.write(downgrade.effective)
        }
        encoder.write(override) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let tierID = try decoder.readString()
        let since = try decoder.readDate()
        let floorTierID = try decoder.readString()
        let nextReview = try decoder.readOptional { try $0.readDate() }
        let pendingDowngrade = try decoder.readOptional { decoder in
            let tierID = try decoder.readString()
            return PendingDowngrade(tierID: tierID, effective: try decoder.readDate())
        }
        self.init(
            tierID: tierID, since: since, floorTierID: floorTierID, nextReview: nextReview, pendingDowngrade: pendingDowngrade,
            override: try decoder.readOptional { try $0.read() })
    }
}

extension QualifyingMonth: RecordCodable {
    /// Month index, points, spend, nights, visits.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(month)
        encoder.write(points)
        encoder.write(spend)
        encoder.write(nights)
        encoder.write(visits)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let month = try decoder.readInt()
        let points = try decoder.readInt64()
        let spend = try decoder.readInt64()
        let nights = try decoder.readInt64()
        self.init(month: month, points: points, spend: spend, nights: nights, visits: try decoder.readInt64())
    }
}

extension LifetimeTotals: RecordCodable {
    /// The ten totals in declaration order.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(pointsEarned)
        encoder.write(pointsRedeemed)
        encoder.write(pointsExpired)
        encoder.write(pointsReversed)
        encoder.write(pointsAdjusted)
        encoder.write(qualifyingPoints)
        encoder.write(spend)
        encoder.write(nights)
        encoder.write(visits)
        encoder.write(purchases)
    }

    package init(from decoder: inout RecordDecoder) throws {
        self.init()
        pointsEarned = try decoder.readInt64()
        pointsRedeemed = try decoder.readInt64()
        pointsExpired = try decoder.readInt64()
        pointsReversed = try decoder.readInt64()
        pointsAdjusted = try decoder.readInt64()
        qualifyingPoints = try decoder.readInt64()
        spend = try decoder.readInt64()
        nights = try decoder.readInt64()
        visits = try decoder.readInt64()
        purchases = try decoder.readInt64()
    }
}

extension EarningRecord: RecordCodable {
    /// Activity, month, amount, refunded, points, clawed back, qualifying spend, nights,
    /// refund count.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(activityID)
        encoder.write(month)
        encoder.write(amount)
        encoder.write(refunded)
        encoder.write(points)
        encoder.write(clawedBack)
        encoder.write(qualifyingSpend)
        encoder.write(nights)
        encoder.write(refundCount)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let activityID = try decoder.read(Activity.ID.self)
        let month = try decoder.readInt()
        let amount = try decoder.readInt64()
        let refunded = try decoder.readInt64()
        let points = try decoder.readInt64()
        let clawedBack = try decoder.readInt64()
        let qualifyingSpend = try decoder.readInt64()
        let nights = try decoder.readInt64()
        self.init(activityID: activityID, month: month, amount: amount, points: points, qualifyingSpend: qualifyingSpend, nights: nights)
        self.refunded = refunded
        self.clawedBack = clawedBack
        self.refundCount = try decoder.readInt()
    }
}

extension RuleUsage: RecordCodable {
    /// Rule, period, period key, count, points.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(rule)
        encoder.write(period)
        encoder.write(key)
        encoder.write(count)
        encoder.write(points)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let rule = try decoder.readString()
        let period = try decoder.read(RulePeriod.self)
        let key = try decoder.readInt()
        let count = try decoder.readInt64()
        self.init(rule: rule, period: period, key: key, count: count, points: try decoder.readInt64())
    }
}
