import Foundation
import LoyaltyKit
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs `customer-insights` as a user would: on its synthetic data, on the CDNOW sample and
/// on a broken file.
@Suite(.enabled(if: ExampleProgram.isAvailable, "the example executables are not next to the test binary"))
struct CustomerInsightsSmokeTests {
    /// A fresh temporary folder path (not created).
    private static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    }

    /// The first line of a text file (CSV files end lines with CR LF).
    private static func firstLine(of file: URL) throws -> String {
        String(try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).first ?? "")
    }

    @Test("customer-insights without a file writes the synthetic log, every table and valid SVG charts")
    func synthetic() throws {
        let folder = Self.temporaryFolder("insights")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExampleProgram.run("customer-insights", ["--out", folder.path])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Customers"))
        #expect(run.output.contains("3000"))
        #expect(run.output.contains("RFM segments"))
        #expect(run.output.contains("Champions"))

        var expected = ["synthetic-transactions.csv", "summary.txt", "revenue-by-month.svg", "active-customers-by-month.svg",
                        "cohort-retention.svg", "rfm-segments.svg", "revenue-by-category.svg"]
        for table in ["headline", "purchase-behaviour", "rfm-segments", "rfm-customers", "cohort-retention",
                      "time-between-purchases", "churn", "monthly-revenue", "monthly-by-category"] {
            expected += ["\(table).txt", "\(table).csv", "\(table).json"]
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in expected {
            #expect(files.contains(name), "\(name) is missing")
        }

        let svgs = files.filter { $0.hasSuffix(".svg") }
        #expect(svgs.count >= 4)
        for name in svgs {
            let parser = XMLParser(data: try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
        }

        #expect(try Self.firstLine(of: folder.appendingPathComponent("synthetic-transactions.csv")) == "customer,date,amount,category")
        #expect(try Self.firstLine(of: folder.appendingPathComponent("rfm-segments.csv")).hasPrefix("Segment,Customers,"))
        #expect(try Self.firstLine(of: folder.appendingPathComponent("monthly-by-category.csv")).hasPrefix("Month,Category,Revenue (EUR),"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("headline.json")))
        #expect(json is [String: Any])
    }

    @Test("customer-insights generates the same synthetic log and segments on every run")
    func syntheticIsSeeded() throws {
        let first = Self.temporaryFolder("insights-a")
        let second = Self.temporaryFolder("insights-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try ExampleProgram.run("customer-insights", ["--out", first.path]).status == 0)
        #expect(try ExampleProgram.run("customer-insights", ["--out", second.path]).status == 0)
        for name in ["synthetic-transactions.csv", "rfm-segments.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test("customer-insights --cdnow reads the 2,357 customers of the CDNOW sample",
          .enabled(if: CustomerValueTestData.isAvailable, "shared/data (CDNOW_sample.txt) is not next to the package"))
    func cdnow() throws {
        let folder = Self.temporaryFolder("insights-cdnow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExampleProgram.run("customer-insights", [try CustomerValueTestData.path("CDNOW_sample.txt"), "--cdnow", "--out", folder.path])
        #expect(run.status == 0, "\(run.error)")
        let customers = run.output.split(separator: "\n").first { $0.hasPrefix("Customers ") }
        #expect(customers?.split(separator: " ").last == "2357", "\(customers ?? "no Customers line")")
        let segments = try String(contentsOf: folder.appendingPathComponent("rfm-segments.csv"), encoding: .utf8)
        let counted = segments.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").dropFirst().first.flatMap { Int($0) } }.reduce(0, +)
        #expect(counted == 2357)
        #expect(try Self.firstLine(of: folder.appendingPathComponent("monthly-revenue.csv")).contains("Revenue (USD)"))
    }

    @Test("customer-insights names the file, line and column of a malformed log, exits 1 and writes nothing")
    func malformed() throws {
        let directory = Self.temporaryFolder("insights-bad")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("sales.csv")
        try Data("customer,date,amount\nana,2025-01-02,12.50\nbruno,2025-01-03,12.5x\n".utf8).write(to: log)
        let output = directory.appendingPathComponent("report")
        let run = try ExampleProgram.run("customer-insights", [log.path, "--out", output.path])
        #expect(run.status == 1)
        #expect(run.error.contains("sales.csv:3:"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("customer-insights refuses a bad command line with its usage and exit code 2",
          arguments: [["--delimiter", "pipe", "x.csv"], ["--columns", "customer,date"], ["--cdnow"], ["--frobnicate"]])
    func badArguments(arguments: [String]) throws {
        let run = try ExampleProgram.run("customer-insights", arguments)
        #expect(run.status == 2)
        #expect(run.error.contains("usage: customer-insights"), "\(run.error)")
    }
}
