import Foundation
import LoyaltyKit
import LoyaltyKitTesting

/// A seeded, made-up transaction log of a coffee roaster: a few thousand customers over two
/// years, four product categories, as CSV text with the header `customer,date,amount,category`.
///
/// Customers arrive evenly over the two years; each has a habit (occasional, regular or
/// frequent buyer), a favourite category and a chance to stop buying after every purchase, so
/// the report shows cohorts that fade and a skewed revenue share. The same seed gives the
/// same text on every run.
struct SyntheticLog {
    var customers = 3_000
    var firstDay = CivilDate(year: 2024, month: 1, day: 1)
    var lastDay = CivilDate(year: 2025, month: 12, day: 31)
    var seed: UInt64 = 20_240_101

    /// The columns of the generated text, for the importer.
    static let columns = TransactionImporter.Columns(customer: "customer", date: "date", amount: "amount", category: "category")

    private struct Habit {
        var share: Double
        var meanGapDays: Double
        var stopChance: Double
    }

    private static let habits = [
        Habit(share: 0.50, meanGapDays: 90, stopChance: 0.25),
        Habit(share: 0.35, meanGapDays: 30, stopChance: 0.08),
        Habit(share: 0.15, meanGapDays: 10, stopChance: 0.03),
    ]

    /// Category name and typical amount in cents.
    private static let categories: [(name: String, cents: Int)] = [
        ("Coffee beans", 1_650), ("Brewing gear", 4_900), ("Pastries", 650), ("Gifts", 2_800),
    ]

    /// The log, sorted by date then customer.
    func csv() -> String {
        var random = SeededGenerator(seed: seed)
        let span = lastDay.dayNumber - firstDay.dayNumber + 1
        var rows: [(day: Int, customer: Int, line: String)] = []
        for customer in 1...customers {
            let habit = Self.pick(Self.habits.map(\.share), &random).map { Self.habits[$0] } ?? Self.habits[0]
            let favourite = Int.random(in: 0..<Self.categories.count, using: &random)
            var day = firstDay.dayNumber + Int.random(in: 0..<span, using: &random)
            let digits = String(customer)
            let id = "C" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            while day <= lastDay.dayNumber {
                let category = random.chance(0.7) ? favourite : Int.random(in: 0..<Self.categories.count, using: &random)
                let cents = Int(Double(Self.categories[category].cents) * Double.random(in: 0.5...1.8, using: &random))
                let date = CivilDate(dayNumber: day).description
                rows.append((day, customer, "\(id),\(date),\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100),\(Self.categories[category].name)"))
                if random.chance(habit.stopChance) { break }
                // Exponential gap between purchases, at least one day.
                let gap = -log(1 - Double.random(in: 0..<1, using: &random)) * habit.meanGapDays
                day += max(1, Int(gap.rounded()))
            }
        }
        rows.sort { ($0.day, $0.customer) < ($1.day, $1.customer) }
        return "customer,date,amount,category\n" + rows.map { $0.line + "\n" }.joined()
    }

    /// An index drawn with the given weights (which sum to 1).
    private static func pick(_ weights: [Double], _ random: inout SeededGenerator) -> Int? {
        var draw = Double.random(in: 0..<1, using: &random)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.indices.last
    }
}
