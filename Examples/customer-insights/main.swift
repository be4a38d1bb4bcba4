// customer-insights — a customer report from a transaction log.
//
//   swift run customer-insights [TRANSACTIONS.csv] [--out DIR] [options]   (--help for all)
//
// Reads a transaction log (customer, date, amount and optionally category per line) with
// `TransactionImporter`, computes purchase behaviour, RFM segments, cohort retention, time
// between purchases, churn and monthly revenue with LoyaltyKit's streaming accumulators, and
// writes every table as text, CSV and JSON and the charts as SVG into a folder, with a
// summary.txt of the headline numbers. Without a file it generates a seeded synthetic log of a
// coffee roaster (3,000 customers, 2024–2025) into the folder and reads that, so the import is
// exercised either way. A bad file is reported as `file:line:column: …` and exits 1; a bad
// command line exits 2.

import Foundation
import LoyaltyKit

func run(_ options: Options) throws {
    let folder = URL(fileURLWithPath: options.outputDirectory, isDirectory: true)
    var written: [String] = []
    func write(_ text: String, to name: String) throws {
        let file = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw LoyaltyError(.invalidInput, "cannot write the file", location: file.path, underlying: error.localizedDescription)
        }
        written.append(name)
    }

    // A given file is read before anything is written, so a bad file leaves no folder behind.
    var importer = options.importer
    let log: TransactionImport
    if let input = options.input {
        log = try importer.read(file: input)
    } else {
        try write(SyntheticLog().csv(), to: "synthetic-transactions.csv")
        importer.columns = SyntheticLog.columns
        log = try importer.read(file: folder.appendingPathComponent("synthetic-transactions.csv").path)
    }
    let insights = try Insights(log, calendar: importer.calendar)

    for (name, table) in insights.tables {
        try write(table.plainText(), to: "\(name).txt")
        try write(table.csv(), to: "\(name).csv")
        try write(table.json(), to: "\(name).json")
    }
    for (name, svg) in insights.charts {
        try write(svg, to: "\(name).svg")
    }
    let summary = insights.headline.plainText() + "\n" + insights.rfm.table.plainText()
    try write(summary, to: "summary.txt")

    print(summary)
    print("Wrote \(written.count) files to \(folder.path):")
    print(written.map { "  " + $0 }.joined(separator: "\n"))
}

do {
    let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    if options.wantsHelp {
        print(Usage.text)
    } else {
        try run(options)
    }
} catch let usage as Usage {
    FileHandle.standardError.write(Data("error: \(usage.description)\n\(Usage.text)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
