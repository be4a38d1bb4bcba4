import Foundation
import LoyaltyKit

/// The hand-written loop the library is measured against: the same arithmetic as the
/// seaside hotel programme on a purchase — base points per euro, ×2 on spa, a once-a-year
/// birthday bonus, a pending lot with a 24-month expiry, a month bucket, a refund record and
/// the ledger lines — with plain arrays and integers, no rules, no validation, no explanations.
struct Baseline {
    struct Lot {
        var id: String
        var availableAt: Double
        var expiresAt: Double
        var remaining: Int64
    }

    struct Member {
        var lots: [Lot] = []
        var buckets: [(month: Int, points: Int64, spend: Int64, visits: Int64)] = []
        var records: [(id: String, amount: Int64, points: Int64)] = []
        var birthdayYear = 0
        var purchases: Int64 = 0
    }

    var members: [Member]
    var ledger: [(id: String, points: Int64, rule: Int)] = []
    let birthdayMonths: [Int]

    init(members: Int, birthdayMonths: [Int]) {
        self.members = Array(repeating: Member(), count: members)
        self.birthdayMonths = birthdayMonths
        ledger.reserveCapacity(4)
    }

    /// Days since 1970 to (year, month), Hinnant's algorithm.
    @inline(__always)
    static func yearMonth(_ days: Int) -> (Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month)
    }

    mutating func apply(_ activity: Activity, member index: Int) -> Int64 {
        guard case .purchase(let purchase) = activity.kind else { return 0 }
        let seconds = activity.date.timeIntervalSince1970
        // Lisbon is UTC+1 from the last Sunday of March to the last Sunday of October: the
        // loop uses a one-hour offset in summer months, close enough for timing.
        let (year, month) = Baseline.yearMonth(Int(seconds) / 86_400)
        let offset = (4...10).contains(month) ? 3600.0 : 0
        let (localYear, localMonth) = Baseline.yearMonth(Int(seconds + offset) / 86_400)
        _ = year
        var amount: Int64 = 0
        var spa: Int64 = 0
        for line in purchase.lines {
            if line.category == "gift-card" { continue }
            amount += line.amount.minorUnits
            if line.category == "spa" { spa += line.amount.minorUnits }
        }
        ledger.removeAll(keepingCapacity: true)
        let base = amount / 100
        var total = base
        ledger.append((activity.id.rawValue, base, 0))
        if spa > 0 {
            let extra = base * spa / amount
            total += extra
            ledger.append((activity.id.rawValue, extra, 1))
        }
        if birthdayMonths[index] == localMonth, members[index].birthdayYear != localYear {
            members[index].birthdayYear = localYear
            total += 500
            ledger.append((activity.id.rawValue, 500, 2))
        }
        let monthIndex = localYear * 12 + localMonth - 1
        members[index].lots.append(Lot(id: activity.id.rawValue, availableAt: seconds + 14 * 86_400,
                                       expiresAt: seconds + 730 * 86_400, remaining: total))
        if let last = members[index].buckets.indices.last, members[index].buckets[last].month == monthIndex {
            members[index].buckets[last].points += total
            members[index].buckets[last].spend += amount
            members[index].buckets[last].visits += 1
        } else {
            members[index].buckets.append((monthIndex, total, amount, 1))
        }
        members[index].records.append((activity.id.rawValue, amount, total))
        members[index].purchases += 1
        // Tier check: nights in the last 12 months (purchases carry none, but the sum is done).
        var nights: Int64 = 0
        for bucket in members[index].buckets where bucket.month > monthIndex - 12 { nights += bucket.visits & 0 }
        return total + nights
    }
}
