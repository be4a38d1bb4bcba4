// customer-value: fit BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma to a transaction
// log, rank customers by 12-month CLV and check the model on a holdout period.
//
//   swift run -c release customer-value [PATH] [--time-unit weeks|days]
//       [--calibration-end 1997-09-30] [--holdout-end YYYY-MM-DD] [--svg FILE]
//
// PATH is a CDNOW_sample.txt-style log (whitespace-separated, no header; customer id in
// column 2, date YYYYMMDD in column 3, dollar amount in column 5). Without PATH a
// synthetic CDNOW-like population is generated. The holdout ends on the last day in the
// log unless --holdout-end is given.
import Foundation
import LoyaltyKit

struct Arguments {
    var path: String?
    var timeUnit = CustomerValueTimeUnit.weeks
    var calibrationEnd: PurchaseDay?
    var holdoutEnd: PurchaseDay?
    var svgPath = "customer-value-holdout.svg"

    init(_ arguments: [String]) throws {
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw LoyaltyError(.invalidData, "\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--time-unit":
                let text = try value(argument)
                guard let unit = CustomerValueTimeUnit(rawValue: text) else {
                    throw LoyaltyError(.invalidData, "--time-unit must be 'weeks' or 'days', got '\(text)'")
                }
                timeUnit = unit
            case "--calibration-end": calibrationEnd = try PurchaseDay(parsing: try value(argument))
            case "--holdout-end": holdoutEnd = try PurchaseDay(parsing: try value(argument))
            case "--svg": svgPath = try value(argument)
            case "-h", "--help":
                print("usage: customer-value [PATH] [--time-unit weeks|days] [--calibration-end YYYY-MM-DD] [--holdout-end YYYY-MM-DD] [--svg FILE]")
                exit(0)
            default:
                guard !argument.hasPrefix("-"), path == nil else {
                    throw LoyaltyError(.invalidData, "unexpected argument '\(argument)' (see --help)")
                }
                path = argument
            }
            index += 1
        }
    }
}

/// At least 8 significant digits, trailing zeros kept (1 prints as 1.0000000).
func format(_ value: Double) -> String { String(format: "%#.8g", value) }

func run() throws {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let transactions: [CustomerValueTransaction]
    if let path = arguments.path {
        transactions = try CustomerValueTransactionLogReader.cdnowSample.transactions(inFile: path)
        guard !transactions.isEmpty else { throw LoyaltyError(.invalidData, "no transactions", location: path) }
    } else {
        var generator = CustomerValueRandomGenerator(seed: 2005)
        transactions = try CustomerValueSimulator.transactionLog(
            customers: 5000, start: try PurchaseDay(year: 1997, month: 1, day: 1), acquisitionDays: 84,
            end: try PurchaseDay(year: 1998, month: 6, day: 30), bgnbd: (0.243, 4.414, 0.793, 2.426),
            spend: (6.25, 3.74, 15.44), using: &generator)
        print("# synthetic population: 5000 customers, \(transactions.count) transactions (seed 2005)")
    }
    let lastDay = transactions.map(\.day).max() ?? transactions[0].day
    let firstDay = transactions.map(\.day).min() ?? transactions[0].day
    let calibrationEnd = try arguments.calibrationEnd ?? PurchaseDay(year: 1997, month: 9, day: 30)
    let holdoutEnd = arguments.holdoutEnd ?? lastDay
    guard calibrationEnd >= firstDay, holdoutEnd > calibrationEnd else {
        throw LoyaltyError(.invalidData,
                           "calibration end \(calibrationEnd) must fall within the log (\(firstDay) … \(lastDay)) and before the holdout end \(holdoutEnd)")
    }
    let summarizer = try PurchaseHistorySummarizer.summarizeUnordered(
        transactions, calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd, timeUnit: arguments.timeUnit)
    let split = summarizer.calibrationHoldoutSummaries()
    let summaries = split.map(\.calibration)
    let data = try RecencyFrequencyData(summaries)

    let bgnbd = try BGNBDModel.fit(data)
    print("bgnbd r=\(format(bgnbd.r)) alpha=\(format(bgnbd.alpha)) a=\(format(bgnbd.a)) b=\(format(bgnbd.b)) ll=\(format(bgnbd.fitReport?.logLikelihood ?? .nan))")
    let mbgnbd = try MBGNBDModel.fit(data)
    print("mbgnbd r=\(format(mbgnbd.r)) alpha=\(format(mbgnbd.alpha)) a=\(format(mbgnbd.a)) b=\(format(mbgnbd.b)) ll=\(format(mbgnbd.fitReport?.logLikelihood ?? .nan))")
    let pareto = try ParetoNBDModel.fit(data)
    print("paretonbd r=\(format(pareto.r)) alpha=\(format(pareto.alpha)) s=\(format(pareto.s)) beta=\(format(pareto.beta)) ll=\(format(pareto.fitReport?.logLikelihood ?? .nan))")
    let spend = try GammaGammaModel.fit(summaries, minorUnitsPerMajorUnit: 100)
    print("gammagamma p=\(format(spend.p)) q=\(format(spend.q)) v=\(format(spend.gamma)) ll=\(format(spend.fitReport?.logLikelihood ?? .nan))")

    let projection = try LifetimeValueProjection(months: 12, monthlyDiscountRate: 0.01)
    let horizon = 39.0
    var ranked: [(id: String, clv: Double, alive: Double, expected: Double)] = []
    for summary in summaries {
        let clv = projection.value(model: bgnbd, spendModel: spend, frequency: summary.frequency,
                                   recency: summary.recency, age: summary.age,
                                   monetaryValue: summary.monetaryValue / 100)
        ranked.append((summary.customerID, clv,
                       bgnbd.probabilityAlive(frequency: summary.frequency, recency: summary.recency, age: summary.age),
                       bgnbd.conditionalExpectedPurchases(during: horizon, frequency: summary.frequency,
                                                          recency: summary.recency, age: summary.age)))
    }
    ranked.sort { $0.clv != $1.clv ? $0.clv > $1.clv : $0.id < $1.id }
    for entry in ranked.prefix(10) {
        print("customer=\(entry.id) clv12=\(format(entry.clv)) palive=\(format(entry.alive)) expected39=\(format(entry.expected))")
    }

    if let correlation = GammaGammaModel.frequencySpendCorrelation(
        frequency: summaries.map(\.frequency), monetaryValue: summaries.map(\.monetaryValue)) {
        print("# frequency-spend correlation (repeat customers) = \(format(correlation)); Gamma-Gamma assumes ~0")
    }
    print("# periods per month = \(arguments.timeUnit.periodsPerMonth) (\(arguments.timeUnit.rawValue)); clv12 in the log's currency, expected39 = purchases in the next 39 \(arguments.timeUnit.rawValue)")
    let evaluation = try HoldoutEvaluation(model: bgnbd, summaries: split)
    print(evaluation.table().split(separator: "\n").map { "# " + $0 }.joined(separator: "\n"))
    let title = "BG/NBD: actual vs predicted purchases, \(calibrationEnd.advanced(by: 1)) to \(holdoutEnd)"
    do {
        try evaluation.svgChart(title: title).write(toFile: arguments.svgPath, atomically: true, encoding: .utf8)
    } catch {
        throw LoyaltyError(.invalidData, "cannot write chart: \(error.localizedDescription)", location: arguments.svgPath)
    }
    print("# wrote holdout chart to \(arguments.svgPath)")
}

do {
    try run()
} catch let error as LoyaltyError {
    FileHandle.standardError.write(Data("customer-value: error: \(error)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("customer-value: error: \(error)\n".utf8))
    exit(1)
}
