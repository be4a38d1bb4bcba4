import Foundation
import LoyaltyKit
import Testing

@Suite("Churn and retention over a period")
struct ChurnMetricsTests {
    static let march = lisbonCalendar.startOfDay(CivilDate(year: 2025, month: 3, day: 1))
        ..< lisbonCalendar.startOfDay(CivilDate(year: 2025, month: 4, day: 1))

    static func visit(_ id: Activity.ID, _ customer: Customer.ID, _ month: Int, _ day: Int, tags: Set<String> = []) -> Activity {
        Activity(id: id, customerID: customer, date: local(2025, month, day), kind: .visit(Visit()), tags: tags)
    }

    static func cancellation(_ id: Activity.ID, _ customer: Customer.ID, _ month: Int, _ day: Int) -> Activity {
        Activity(id: id, customerID: customer, date: local(2025, month, day), kind: .interaction(Interaction(kind: .call)),
                 tags: ["cancellation"])
    }

    /// A retained; B lapses in March; C lapsed before; D comes back; E and F are new (F lapses
    /// at once); G cancels in March; H cancelled in February and comes back; I only after the end.
    static let fixture: [Activity] = [
        visit("c1", "C", 1, 1), visit("d1", "D", 1, 1), visit("h1", "H", 2, 10), cancellation("h2", "H", 2, 12),
        visit("a1", "A", 2, 20), visit("b1", "B", 2, 25), visit("g1", "G", 2, 27), visit("f1", "F", 3, 1),
        cancellation("g2", "G", 3, 5), visit("a2", "A", 3, 10), visit("d2", "D", 3, 15), visit("e1", "E", 3, 20),
        purchase("h3", 500, at: local(2025, 3, 20), customer: "H"), visit("i1", "I", 4, 5),
    ]

    func report(_ definition: ChurnDefinition, cancellations: [Customer.ID: Date] = [:]) throws -> ChurnReport {
        var churn = try ChurnAccumulator(period: Self.march, definition: definition, calendar: lisbonCalendar,
                                         cancellations: cancellations)
        try churn.add(contentsOf: Self.fixture.reversed())  // any order
        return churn.result()
    }

    @Test("30 days of inactivity or a tagged cancellation: lost, retained, new and reactivated customers")
    func inactivityAndCancellation() throws {
        let report = try report(ChurnDefinition(inactivityDays: 30, cancellationTag: "cancellation"))
        #expect(report.customersAtStart == 3)   // A, B, G
        #expect(report.retained == 1)           // A
        #expect(report.lost == 2)               // B lapsed, G cancelled
        #expect(report.acquired == 2)           // E, F
        #expect(report.acquiredAndLost == 1)    // F
        #expect(report.reactivated == 2)        // D, H
        #expect(report.customersAtEnd == 4)     // A, E, D, H
        #expect(report.churnRate == 2.0 / 3)
        #expect(report.retentionRate == 1.0 / 3)
    }

    @Test("cancellations alone: nobody lapses, only cancelled customers are lost")
    func cancellationOnly() throws {
        let report = try report(ChurnDefinition(cancellationTag: "cancellation"))
        // At the start: A, B, C, D, G (H cancelled). At the end G is lost; H is back.
        #expect(report.customersAtStart == 5)
        #expect(report.lost == 1)
        #expect(report.reactivated == 1)
        #expect(report.churnRate == 0.2)
    }

    @Test("explicit cancellation dates from the caller count like tagged ones")
    func explicitCancellations() throws {
        let report = try report(ChurnDefinition(inactivityDays: 30, cancellationTag: "cancellation"),
                                cancellations: ["A": local(2025, 3, 25), "E": local(2025, 4, 10)])
        #expect(report.lost == 3)
        #expect(report.churnRate == 1)
        #expect(report.acquiredAndLost == 1)  // E's cancellation is after the period
    }

    @Test("bad definitions and periods are input errors; the table names the rule")
    func validation() throws {
        expectError(.invalidInput) { _ = try ChurnDefinition(inactivityDays: 0) }
        expectError(.invalidInput) { _ = try ChurnDefinition(cancellationTag: "") }
        expectError(.invalidInput) { _ = try ChurnDefinition(activityTypes: []) }
        let definition = try ChurnDefinition(inactivityDays: 90)
        expectError(.invalidInput) {
            _ = try ChurnAccumulator(period: Self.march.lowerBound..<Self.march.lowerBound, definition: definition, calendar: lisbonCalendar)
        }
        let table = try report(definition).table
        #expect(table.title.contains("90 days without activity"))
        #expect(table.rows.count == 9)
    }
}
