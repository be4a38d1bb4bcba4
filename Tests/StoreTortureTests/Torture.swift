import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the `store-torture` helper that `swift test` builds next to the test binary, and
/// checks a store after it has been killed.
enum Torture {
    static let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    static let executable = directory.appendingPathComponent("store-torture")
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// A running helper whose standard output goes to a file, so nothing it printed before
    /// a kill is lost in a pipe.
    struct Run {
        let process: Process
        let output: URL

        /// The activity ids the helper acknowledged so far.
        var acknowledged: [String] { lines.filter { $0.hasPrefix("ack ") }.map { String($0.dropFirst(4)) } }
        var lines: [String] { ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }

        func kill() {
            sendKill(to: process.processIdentifier)
            process.waitUntilExit()
        }

        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// Waits until the helper prints `line` (or exits), for at most `seconds`.
        func waitFor(_ line: String, seconds: Double) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if lines.contains(line) { return true }
                if !process.isRunning { return lines.contains(line) }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            return false
        }
    }

    static func start(_ arguments: [String], in folder: URL) throws -> Run {
        let output = folder.appendingPathComponent("out-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: output)
        try process.run()
        return Run(process: process, output: output)
    }

    /// A new temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-torture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Opens the store the helper writes, in this process.
    static func open(_ kind: String, at path: String) throws -> any LoyaltyStore {
        kind == "sqlite" ? try SQLiteStore(path: path) : try FileStore(directory: URL(fileURLWithPath: path))
    }

    static func close(_ store: any LoyaltyStore) async {
        if let store = store as? SQLiteStore { await store.close() }
        if let store = store as? FileStore { await store.close() }
    }

    /// Checks a store after a kill: every acknowledged activity is there; every stored
    /// activity has its whole outcome in the ledger; every member's state is exactly what
    /// replaying their stored activities gives (no half-applied state change); and every
    /// balance is the sum of its ledger.
    /// - Returns: how many activities the store holds.
    static func verify(_ store: any LoyaltyStore, acknowledged: Set<String>) async throws -> Int {
        let program = Fixtures.seasideHotel()
        return try await store.read { reader in
            let all = try reader.activities(from: .distantPast, to: .distantFuture)
            let stored = Set(all.map(\.id.rawValue))
            #expect(stored.count == all.count, "an activity is stored twice")
            let missing = acknowledged.subtracting(stored)
            #expect(missing.isEmpty, "acknowledged but lost: \(missing.sorted().prefix(5))")
            for id in try reader.customerIDs() {
                guard let customer = try reader.customer(id) else { continue }
                let activities = try reader.activities(of: id)
                let ledger = try reader.ledger(of: id)
                let replay = program.replay(activities, members: [id: MemberState(customer: customer)])
                #expect(replay.rejections.isEmpty, "\(id): stored activities that do not apply: \(replay.rejections)")
                #expect(try reader.memberState(id) == replay.states[id], "\(id): the stored state is not the replay of its activities")
                #expect(ledger == replay.ledger(for: id), "\(id): the stored ledger is not the replay's")
                for activity in activities {
                    let outcome = try reader.outcome(of: activity.id)
                    #expect(outcome == replay.outcomes.first { $0.activityID == activity.id }, "\(activity.id): outcome differs from its replay")
                }
                let sum = ledger.reduce(Int64(0)) { $0 + $1.points.rawValue }
                #expect(try reader.memberState(id)?.balance.rawValue == sum, "\(id): balance is not the sum of the ledger")
            }
            return all.count
        }
    }
}

/// Sends SIGKILL: the process gets no chance to flush or clean up.
private func sendKill(to pid: Int32) {
    #if canImport(Glibc)
    _ = Glibc.kill(pid, SIGKILL)
    #elseif canImport(Darwin)
    _ = Darwin.kill(pid, SIGKILL)
    #endif
}
