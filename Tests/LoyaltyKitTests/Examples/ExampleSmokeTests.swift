import Foundation
import LoyaltyKit
import Testing

/// Runs the example programs that `swift test` builds next to the test binary, as a user
/// would, and checks what they print. Skipped where the executables are not beside the tests
/// (for example in Xcode).
@Suite(.enabled(if: ExampleProgram.isAvailable, "the example executables are not next to the test binary"))
struct ExampleSmokeTests {
    @Test("hotel-loyalty runs two years of a seaside hotel and its ledger adds up")
    func hotelDemo() throws {
        let run = try ExampleProgram.run("hotel-loyalty")
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Seaside Rewards — 300 guests"))
        #expect(run.output.contains("Members per tier on 2026-04-01"))
        let check = run.output.split(separator: "\n").first { $0.contains("check: Σ ledger") }
        #expect(check?.hasSuffix("✓") == true, "\(check ?? "no check line")")
    }

    @Test("hotel-loyalty run twice on the same store continues with the same members", arguments: ["sqlite", "file"])
    func hotelDemoContinues(store: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotel-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("seaside").path
        let first = try ExampleProgram.run("hotel-loyalty", ["--store", store, "--path", path])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("(new)"))
        let second = try ExampleProgram.run("hotel-loyalty", ["--store", store, "--path", path])
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("(continuing with 300 stored members)"))
        #expect(second.output.contains("Seaside Rewards — 300 guests"))
        let check = second.output.split(separator: "\n").first { $0.contains("check: Σ ledger") }
        #expect(check?.hasSuffix("✓") == true, "\(check ?? "no check line")")
    }

    @Test("hotel-loyalty refuses an unknown store with its usage")
    func hotelDemoUsage() throws {
        let run = try ExampleProgram.run("hotel-loyalty", ["--store", "postgres"])
        #expect(run.status == 2)
        #expect(run.error.contains("usage: hotel-loyalty"))
    }

    @Test("loyalty-replay prints one JSON member per line, sorted, and reports refused activities by line")
    func replaySample() throws {
        let sample = ExampleProgram.packageRoot.appendingPathComponent("Examples/loyalty-replay/sample")
        let run = try ExampleProgram.run("loyalty-replay", [
            sample.appendingPathComponent("programme.json").path,
            sample.appendingPathComponent("activities.jsonl").path, "--as-of", "2025-12-31",
        ])
        #expect(run.status == 0, "\(run.error)")
        let members = try run.output.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
        #expect(members.compactMap { $0["id"] as? String } == ["ana", "bruno", "carla"])
        for member in members {
            let ledger = member["ledger"] as? [[String: Any]] ?? []
            let sum = ledger.compactMap { $0["points"] as? Int }.reduce(0, +)
            #expect(sum == member["balance"] as? Int, "balance of \(member["id"] ?? "?") is not the sum of its ledger")
        }
        #expect(run.error.contains("activities.jsonl:17: skipped: cannot redeem 5000 points"))
    }

    @Test("loyalty-replay names the file and line of a malformed activity and exits 1")
    func replayMalformed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.jsonl")
        try Data("""
            {"id":"a1","customer":"ana","date":"2025-01-01T10:00:00Z","visit":{}}
            {"id":"a2","customer":"ana","date":"not a date","visit":{}}
            """.utf8).write(to: history)
        let programme = ExampleProgram.packageRoot.appendingPathComponent("Examples/loyalty-replay/sample/programme.json")
        let run = try ExampleProgram.run("loyalty-replay", [programme.path, history.path])
        #expect(run.status == 1)
        #expect(run.error.contains("history.jsonl:2"), "\(run.error)")
    }

    @Test("customer-value fits every model to a synthetic population and writes the holdout chart")
    func customerValue() throws {
        let chart = FileManager.default.temporaryDirectory.appendingPathComponent("holdout-\(UInt64.random(in: 0...UInt64.max)).svg")
        defer { try? FileManager.default.removeItem(at: chart) }
        let run = try ExampleProgram.run("customer-value", ["--svg", chart.path])
        #expect(run.status == 0, "\(run.error)")
        for prefix in ["bgnbd r=", "mbgnbd r=", "paretonbd r=", "gammagamma p="] {
            #expect(run.output.split(separator: "\n").contains { $0.hasPrefix(prefix) }, "no \(prefix) line")
        }
        #expect(run.output.split(separator: "\n").filter { $0.hasPrefix("customer=") }.count == 10)
        #expect(try String(contentsOf: chart, encoding: .utf8).contains("<svg"))
    }
}

/// Finds and runs an example executable built beside the test binary.
enum ExampleProgram {
    static let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var isAvailable: Bool {
        ["hotel-loyalty", "loyalty-replay", "customer-value"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent($0).path)
        }
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ name: String, _ arguments: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = directory.appendingPathComponent(name)
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData, as: UTF8.self))
    }
}
