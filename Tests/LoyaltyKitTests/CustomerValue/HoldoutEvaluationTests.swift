import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LoyaltyKit

@Suite("Holdout evaluation")
struct HoldoutEvaluationTests {
    static func syntheticSplit() throws -> [CalibrationHoldoutSummary] {
        var generator = CustomerValueRandomGenerator(seed: 99)
        let log = try CustomerValueSimulator.transactionLog(
            customers: 3000, start: try PurchaseDay(year: 1997, month: 1, day: 1), acquisitionDays: 84,
            end: try PurchaseDay(year: 1998, month: 6, day: 30), bgnbd: (0.5, 4, 0.8, 2.5),
            spend: (6, 4, 15), using: &generator)
        var summarizer = try PurchaseHistorySummarizer(
            calibrationEnd: try PurchaseDay(year: 1997, month: 9, day: 30),
            holdoutEnd: try PurchaseDay(year: 1998, month: 6, day: 30), timeUnit: .weeks)
        try summarizer.add(contentsOf: log)
        return summarizer.calibrationHoldoutSummaries()
    }

    @Test("groups cover every customer and predictions track actual holdout purchases")
    func groupsAndAccuracy() throws {
        let split = try Self.syntheticSplit()
        let model = try BGNBDModel.fit(try RecencyFrequencyData(split.map(\.calibration)))
        let evaluation = try HoldoutEvaluation(model: model, summaries: split, maxFrequency: 5)
        #expect(evaluation.groups.reduce(0) { $0 + $1.customers } == split.count)
        #expect(evaluation.groups.last?.isOpenEnded == true)
        #expect(evaluation.holdoutDuration == 39)
        let actual = evaluation.groups.reduce(0.0) { $0 + $1.actualMean * Double($1.customers) }
        let predicted = evaluation.groups.reduce(0.0) { $0 + $1.predictedMean * Double($1.customers) }
        #expect(clvRelativeError(predicted, actual) < 0.15)
        let table = evaluation.table()
        #expect(table.split(separator: "\n").count == evaluation.groups.count + 2)
        #expect(table.contains("5+"))
    }

    @Test("the SVG chart is well-formed XML with both series")
    func svgIsWellFormed() throws {
        let split = try Self.syntheticSplit()
        let model = try BGNBDModel.fit(try RecencyFrequencyData(split.map(\.calibration)))
        let svg = try HoldoutEvaluation(model: model, summaries: split).svgChart(title: "A & B <test>")
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        #expect(svg.contains("A &amp; B &lt;test&gt;"))
        #if canImport(FoundationXML) || canImport(Darwin)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
        #endif
    }

    @Test("CDNOW holdout: BG/NBD predictions are within 25% of actual purchases for light buyers",
          .enabled(if: CustomerValueTestData.isAvailable, "needs shared/data (lifetimes 0.11.3 CDNOW files)"))
    func cdnowHoldout() throws {
        let transactions = try CustomerValueTransactionLogReader.cdnowSample.transactions(
            inFile: try CustomerValueTestData.path("CDNOW_sample.txt"))
        let summarizer = try PurchaseHistorySummarizer.summarizeUnordered(
            transactions, calibrationEnd: try PurchaseDay(year: 1997, month: 9, day: 30),
            holdoutEnd: try PurchaseDay(year: 1998, month: 6, day: 30), timeUnit: .weeks)
        let split = summarizer.calibrationHoldoutSummaries()
        let model = try BGNBDModel.fit(try RecencyFrequencyData(split.map(\.calibration)))
        let evaluation = try HoldoutEvaluation(model: model, summaries: split)
        let first = try #require(evaluation.groups.first)
        #expect(first.calibrationFrequency == 0 && first.customers == 1411)
        #expect(clvRelativeError(first.predictedMean, first.actualMean) < 0.25)
    }

    @Test("mismatched time units and empty input are rejected")
    func invalidInput() throws {
        let model = try BGNBDModelTests.lifetimesFit()
        #expect(throws: LoyaltyError.self) { _ = try HoldoutEvaluation(model: model, summaries: []) }
        let daily = CalibrationHoldoutSummary(
            calibration: PurchaseHistorySummary(customerID: "A", frequency: 0, recency: 0, age: 3, monetaryValue: 0,
                                                firstPurchase: PurchaseDay(daysSinceEpoch: 0),
                                                lastPurchase: PurchaseDay(daysSinceEpoch: 0), timeUnit: .days),
            holdoutFrequency: 0, holdoutMonetaryValue: 0, holdoutDuration: 10)
        #expect(throws: LoyaltyError.self) { _ = try HoldoutEvaluation(model: model, summaries: [daily]) }
    }
}
