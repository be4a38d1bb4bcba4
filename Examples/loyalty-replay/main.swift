// loyalty-replay — the LoyaltyKit engine from the command line.
//
//   swift run loyalty-replay PROGRAMME.json ACTIVITIES.jsonl [--as-of YYYY-MM-DD]
//
// Decodes a programme from JSON and a history of activities from JSON lines (one
// `Activity` per line, in LoyaltyKit's own Codable form), replays the history in file
// order, and prints one JSON object per member, sorted by member id: balance, available,
// pending, tier, lots, and ledger entries with their rule and reason. With --as-of, expiries
// and tier reviews due by the end of that day (in the programme's time zone) are carried out
// and balances are computed then. Errors name the file and line. Activities the programme
// refuses (a redemption above the balance, a refund of an unknown purchase) are reported on
// standard error as `FILE:LINE: …` and skipped, exactly as recording them would have done.

import Foundation
import LoyaltyKit

struct Usage: Error, CustomStringConvertible {
    var description: String
}

func run(_ arguments: [String]) throws {
    var positional: [String] = []
    var asOfText: String?
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--as-of":
            guard index + 1 < arguments.count else { throw Usage(description: "--as-of needs a date (YYYY-MM-DD)") }
            asOfText = arguments[index + 1]
            index += 2
        case "-h", "--help":
            throw Usage(description: "")
        default:
            if argument.hasPrefix("--") { throw Usage(description: "unknown option \(argument)") }
            positional.append(argument)
            index += 1
        }
    }
    guard positional.count == 2 else { throw Usage(description: "expected a programme file and an activities file") }
    let programPath = positional[0]
    let activitiesPath = positional[1]

    let program = try Program.decode(from: try read(programPath), source: programPath)
    let calendar = program.calendar

    var asOf: Date?
    if let asOfText {
        let parts = asOfText.split(separator: "-").compactMap { Int($0) }
        let day = parts.count == 3 ? CivilDate(year: parts[0], month: parts[1], day: parts[2]) : nil
        guard let day, day.isValid, asOfText.count == 10 else {
            throw Usage(description: "--as-of \(asOfText) is not a date written YYYY-MM-DD")
        }
        asOf = calendar.startOfDay(CivilDate(dayNumber: day.dayNumber + 1))
    }

    var activities: [Activity] = []
    var lineOf: [Activity.ID: Int] = [:]
    let text = String(decoding: try read(activitiesPath), as: UTF8.self)
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
        let location = "\(activitiesPath):\(offset + 1)"
        let activity = try LoyaltyJSON.decode(Activity.self, from: Data(trimmed.utf8), source: location)
        if let first = lineOf[activity.id] {
            throw LoyaltyError(.activityConflict, "activity id \(activity.id) was already used on line \(first)", location: location)
        }
        lineOf[activity.id] = offset + 1
        activities.append(activity)
    }

    let replay = program.replay(activities, through: asOf)
    for rejection in replay.rejections {
        let line = lineOf[rejection.activityID].map { "\(activitiesPath):\($0)" } ?? activitiesPath
        var error = rejection.error
        error.location = nil
        FileHandle.standardError.write(Data("\(line): skipped: \(error)\n".utf8))
    }

    let evaluationDate = asOf ?? activities.map(\.date).max() ?? Date(timeIntervalSince1970: 0)
    let encoder = LoyaltyJSON.makeEncoder()
    for id in replay.states.keys.sorted() {
        guard let state = replay.states[id] else { continue }
        let report = MemberReport(state: state, ledger: replay.ledger(for: id), at: evaluationDate)
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}

func read(_ path: String) throws -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw LoyaltyError(.invalidInput, "cannot read the file", location: path, underlying: error.localizedDescription)
    }
}

/// What the tool prints for one member.
struct MemberReport: Encodable {
    struct Lot: Encodable {
        var id: String
        var points: Int64
        var remaining: Int64
        var earnedAt: Date
        var availableAt: Date
        var expiresAt: Date?
    }

    struct Entry: Encodable {
        var id: String
        var kind: String
        var date: Date
        var points: Int64
        var rule: String
        var reason: String
    }

    var id: String
    var balance: Int64
    var available: Int64
    var pending: Int64
    var deficit: Int64
    var tier: String?
    var lots: [Lot]
    var ledger: [Entry]

    init(state: MemberState, ledger: [LedgerEntry], at date: Date) {
        id = state.customerID.rawValue
        balance = state.balance.rawValue
        available = state.available(at: date).rawValue
        pending = state.pending(at: date).rawValue
        deficit = state.deficit.rawValue
        tier = state.tierID(at: date)
        lots = state.lots.map {
            Lot(id: $0.id.rawValue, points: $0.points.rawValue, remaining: $0.remaining.rawValue,
                earnedAt: $0.earnedAt, availableAt: $0.availableAt, expiresAt: $0.expiresAt)
        }
        self.ledger = ledger.map {
            Entry(id: $0.id.description, kind: $0.kind.rawValue, date: $0.date, points: $0.points.rawValue,
                  rule: $0.rule, reason: $0.reason.explanation)
        }
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch let usage as Usage {
    if !usage.description.isEmpty { FileHandle.standardError.write(Data("error: \(usage.description)\n".utf8)) }
    FileHandle.standardError.write(Data("usage: loyalty-replay PROGRAMME.json ACTIVITIES.jsonl [--as-of YYYY-MM-DD]\n".utf8))
    exit(usage.description.isEmpty ? 0 : 64)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
