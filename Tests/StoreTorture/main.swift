// store-torture — a helper for the crash and concurrency tests (not an example).
//
//   store-torture record --store sqlite|file --path PATH --seed N --count N [--writer NAME]
//       Records a deterministic sequence of purchases, redemptions and small batches through
//       `Loyalty` into a persistent store, printing `ack <activity id>` after each write
//       returns. Run again with the same arguments after a kill, it continues: activities
//       already stored are recognised by id. `--writer` prefixes its own activity ids, so two
//       writers can share some activities (same seed, no writer) and own others.
//   store-torture hold --store file --path PATH
//       Opens the store, prints `ready`, and waits to be killed.
//   store-torture probe --store file|sqlite --path PATH
//       Tries to open the store; prints `opened` (exit 0) or the error (exit 3).

import Foundation
import LoyaltyKit
import LoyaltyKitSQLite
import LoyaltyKitTesting

struct Options {
    var command = ""
    var store = "sqlite"
    var path = ""
    var seed: UInt64 = 1
    var count = 100
    var writer: String?

    init(_ arguments: [String]) throws {
        var arguments = arguments[...]
        command = arguments.popFirst() ?? ""
        while let flag = arguments.popFirst() {
            guard let value = arguments.popFirst() else { throw LoyaltyError(.invalidInput, "\(flag) needs a value") }
            switch flag {
            case "--store": store = value
            case "--path": path = value
            case "--seed": seed = UInt64(value) ?? 1
            case "--count": count = Int(value) ?? 100
            case "--writer": writer = value
            default: throw LoyaltyError(.invalidInput, "unknown option \(flag)")
            }
        }
        guard !path.isEmpty else { throw LoyaltyError(.invalidInput, "--path is required") }
    }

    func openStore() throws -> any LoyaltyStore {
        switch store {
        case "sqlite": try SQLiteStore(path: path)
        case "file": try FileStore(directory: URL(fileURLWithPath: path))
        default: throw LoyaltyError(.invalidInput, "unknown store \(store)")
        }
    }
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The deterministic workload: what `record` writes, in order.
enum Workload {
    static let members = (0..<20).map { Customer.ID("m-\($0)") }
    static let start = Date(timeIntervalSince1970: 1_735_689_600)

    /// Groups of activities; each group is one `record` (one activity) or `record(contentsOf:)` call.
    static func groups(seed: UInt64, count: Int, writer: String?) -> [[Activity]] {
        var generator = SeededGenerator(seed: seed)
        let prefix = writer.map { "\($0)-" } ?? ""
        var groups: [[Activity]] = []
        for index in 0..<count {
            let member = members[Int.random(in: 0..<members.count, using: &generator)]
            let date = start.addingTimeInterval(Double(index) * 3_600)
            let id = Fixtures.activityID("\(prefix)a", index)
            let roll = Int.random(in: 0..<100, using: &generator)
            if roll < 10 {
                groups.append([.redemption(id: id, customer: member, date: date, points: 50, benefit: "Coffee")])
            } else if roll < 20 {
                groups.append((0..<3).map { part in
                    .purchase(id: Activity.ID("\(id.rawValue)-\(part)"), customer: member, date: date.addingTimeInterval(Double(part)),
                              amount: Money(minorUnits: Int64.random(in: 500...9_000, using: &generator), currency: .eur), category: "restaurant")
                })
            } else {
                groups.append([.purchase(id: id, customer: member, date: date,
                                         amount: Money(minorUnits: Int64.random(in: 500...30_000, using: &generator), currency: .eur),
                                         category: roll < 40 ? "spa" : "restaurant")])
            }
        }
        return groups
    }
}

func record(_ options: Options) async throws {
    let loyalty = try Loyalty(program: Fixtures.seasideHotel(), store: try options.openStore())
    for member in Workload.members {
        do {
            try await loyalty.register(Customer(id: member, memberSince: Workload.start))
        } catch LoyaltyError.customerExists {
            // Registered by an earlier run or by the other writer.
        }
    }
    for group in Workload.groups(seed: options.seed, count: options.count, writer: options.writer) {
        do {
            if group.count == 1 { try await loyalty.record(group[0]) } else { try await loyalty.record(contentsOf: group) }
            for activity in group { say("ack \(activity.id)") }
        } catch LoyaltyError.insufficientPoints {
            say("refused \(group[0].id)")
        }
    }
    say("done")
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    switch options.command {
    case "record":
        try await record(options)
    case "hold":
        let store = try options.openStore()
        say("ready")
        while true { try await Task.sleep(nanoseconds: 1_000_000_000); _ = store }
    case "probe":
        do {
            _ = try options.openStore()
            say("opened")
        } catch {
            say("\(error)")
            exit(3)
        }
    default:
        throw LoyaltyError(.invalidInput, "unknown command '\(options.command)' (record, hold, probe)")
    }
} catch {
    FileHandle.standardError.write(Data("store-torture: \(error)\n".utf8))
    exit(2)
}
