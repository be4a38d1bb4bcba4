import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Model input validation")
struct RecencyFrequencyDataTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var x: [Int]
        var tx: [Double]
        var t: [Double]
        var weights: [Double]?
        var testDescription: String { name }
    }

    @Test("invalid rows are rejected with invalidData and the row number", arguments: [
        Case(name: "negative frequency", x: [1, -1], tx: [1, 0], t: [2, 2]),
        Case(name: "recency > T", x: [1, 2], tx: [1, 3], t: [2, 2]),
        Case(name: "negative age", x: [1, 0], tx: [1, 0], t: [2, -2]),
        Case(name: "non-finite recency", x: [1, 1], tx: [1, .nan], t: [2, 2]),
        Case(name: "infinite age", x: [1, 1], tx: [1, 1], t: [2, .infinity]),
        Case(name: "recency without repeat purchase", x: [1, 0], tx: [1, 1], t: [2, 2]),
        Case(name: "zero weight", x: [1, 0], tx: [1, 0], t: [2, 2], weights: [1, 0]),
    ])
    func rejectsInvalidRows(testCase: Case) {
        do {
            _ = try RecencyFrequencyData(frequency: testCase.x, recency: testCase.tx, age: testCase.t,
                                         weights: testCase.weights, timeUnit: .weeks)
            Issue.record("accepted \(testCase.name)")
        } catch let error as LoyaltyError {
            #expect(error.code == .invalidData)
            #expect(error.location == "row 2")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("empty input and mismatched columns are rejected")
    func rejectsShapeErrors() {
        #expect(throws: LoyaltyError.self) { _ = try RecencyFrequencyData(frequency: [], recency: [], age: [], timeUnit: .days) }
        #expect(throws: LoyaltyError.self) { _ = try RecencyFrequencyData(frequency: [1], recency: [], age: [1], timeUnit: .days) }
        #expect(throws: LoyaltyError.self) { _ = try RecencyFrequencyData([]) }
    }

    @Test("grouping merges identical rows and keeps the total weight")
    func grouping() throws {
        let data = try RecencyFrequencyData(frequency: [0, 1, 0, 1, 1], recency: [0, 2, 0, 2, 3], age: [5, 5, 5, 5, 5],
                                            timeUnit: .days)
        let grouped = data.grouped()
        #expect(grouped.count == 3)
        #expect(grouped.weights == [2, 2, 1])
        #expect(grouped.distinctFrequencies == [0, 1])
    }
}
