import Foundation
import LoyaltyKit
import LoyaltyKitTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `metrics`: RFM, NPS and cohort retention over a stream of activities (10,000,000 of
/// 1,000,000 customers: 90 % purchases, 10 % NPS answers, two years in time order), fed in
/// chunks of 1,000,000 so that memory holds the aggregates, not the history. Only the
/// feeding and the results are timed, not generating the chunks. Baseline: one hand-written
/// pass keeping the same per-customer aggregates in a dictionary.
enum MetricsBenchmark {
    static let chunkSize = 1_000_000

    static func run(activities count: Int, customers: Int) throws {
        let calendar = Fixtures.seasideHotel().calendar
        let start = calendar.date(CivilDate(year: 2024, month: 1, day: 1), hour: 8)
        let spacing = 2 * 365 * 86_400 / Double(count)
        let end = CivilDate(year: 2026, month: 1, day: 1)
        let ids = (0..<customers).map { Customer.ID("c-\($0)") }

        var history = try PurchaseHistoryAccumulator(currency: .eur, observationEnd: end, calendar: calendar)
        var nps = NPSAccumulator(calendar: calendar)
        var baseline = BaselineMetrics(calendar: calendar)
        var librarySeconds = 0.0, baselineSeconds = 0.0
        var generator = SeededGenerator(seed: 13)
        for chunkStart in stride(from: 0, to: count, by: chunkSize) {
            var chunk: [Activity] = []
            chunk.reserveCapacity(chunkSize)
            for index in chunkStart..<min(chunkStart + chunkSize, count) {
                let customer = ids[Int.random(in: 0..<customers, using: &generator)]
                let date = start.addingTimeInterval(Double(index) * spacing)
                if Int.random(in: 0..<10, using: &generator) == 0 {
                    chunk.append(Activity(id: Activity.ID("f\(index)"), customerID: customer, date: date,
                                          kind: .feedback(Feedback(nps: Int.random(in: 0...10, using: &generator)))))
                } else {
                    chunk.append(.purchase(id: Activity.ID("p\(index)"), customer: customer, date: date,
                                           amount: Money(minorUnits: Int64.random(in: 500...30_000, using: &generator), currency: .eur)))
                }
            }
            librarySeconds += try Harness.time {
                for activity in chunk {
                    try history.add(activity)
                    try nps.add(activity)
                }
            }
            baselineSeconds += Harness.time { for activity in chunk { baseline.add(activity) } }
        }
        var checks: (rfm: Int, cohorts: Int, score: Double) = (0, 0, 0)
        librarySeconds += Harness.time {
            checks = (history.rfm().customers.count, history.cohortRetention().cohorts.count, nps.result().score ?? 0)
        }
        baselineSeconds += Harness.time { baseline.finish() }
        guard checks.rfm == baseline.customers.count, abs(checks.score - baseline.score) < 1e-9 else {
            print("error: metrics and baseline disagree: \(checks) vs \(baseline.customers.count) customers, NPS \(baseline.score)")
            return
        }
        Harness.report("metrics", n: count, seconds: librarySeconds, baselineSeconds: baselineSeconds)
        print("note: metrics peak memory \(peakMemoryMegabytes()) MB (the whole process, chunk of \(chunkSize) activities included)")
    }

    static func peakMemoryMegabytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) / 1_048_576
        #else
        return Int(usage.ru_maxrss) / 1_024
        #endif
    }
}

/// The hand-written pass: per customer, the first and last purchase day, distinct purchase
/// days and spend after the first day (RFM), the first-purchase month and the months active
/// (cohorts); NPS counts.
struct BaselineMetrics {
    struct Customer {
        var firstDay: Int
        var lastDay: Int
        var repeatDays = 0
        var repeatSpend: Int64 = 0
        var daySpend: Int64
        var months: Set<Int> = []
    }

    let calendar: BusinessCalendar
    var customers: [LoyaltyKit.Customer.ID: Customer] = [:]
    var promoters = 0, detractors = 0, responses = 0
    var score = 0.0
    var cohorts: [Int: [Int: Int]] = [:]

    init(calendar: BusinessCalendar) { self.calendar = calendar }

    mutating func add(_ activity: Activity) {
        switch activity.kind {
        case .purchase(let purchase):
            let day = calendar.dayNumber(of: activity.date)
            let amount = purchase.lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let civil = calendar.civilDate(of: activity.date)
            let month = civil.month + 12 * civil.year
            if var customer = customers[activity.customerID] {
                if day != customer.lastDay {
                    customer.repeatDays += 1
                    customer.repeatSpend += customer.lastDay == customer.firstDay ? 0 : customer.daySpend
                    customer.daySpend = 0
                    customer.lastDay = day
                }
                customer.daySpend += amount
                customer.months.insert(month)
                customers[activity.customerID] = customer
            } else {
                customers[activity.customerID] = Customer(firstDay: day, lastDay: day, daySpend: amount, months: [month])
            }
        case .feedback(let feedback):
            guard let answer = feedback.nps else { return }
            responses += 1
            if answer >= 9 { promoters += 1 } else if answer <= 6 { detractors += 1 }
        default:
            return
        }
    }

    mutating func finish() {
        score = responses == 0 ? 0 : Double(promoters - detractors) / Double(responses) * 100
        for customer in customers.values {
            guard let first = customer.months.min() else { continue }
            for month in customer.months { cohorts[first, default: [:]][month - first, default: 0] += 1 }
        }
    }
}
