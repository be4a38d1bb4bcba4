#if canImport(SQLite3)
import SQLite3
#else
import CSQLite
#endif
import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

/// Runs `body` with a fresh directory for database files, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyaltykit-sqlite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// A local wall-clock instant in Lisbon, the seaside hotel's time zone.
func local(_ year: Int, _ month: Int, _ day: Int, hour: Int = 12) -> Date {
    BusinessCalendar(timeZone: Fixtures.lisbon).date(CivilDate(year: year, month: month, day: day), hour: hour, minute: 0)
}

/// Runs `body` and returns the `LoyaltyError` it threw, recording an issue when it threw
/// nothing, something else, or an error with another code.
@discardableResult
func expectError(
    _ code: LoyaltyError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> LoyaltyError? {
    do {
        try await body()
        Issue.record("expected a \(code) error, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as LoyaltyError {
        if error.code != code { Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation) }
        return error
    } catch {
        Issue.record("expected a LoyaltyError \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// An error for tests to throw on purpose.
struct Boom: Error {}

/// Runs SQL on a database file through a raw SQLite connection, the way another program
/// (or a newer LoyaltyKit) would. Returns one column (the first by default) of every row, as text.
@discardableResult
func rawSQL(_ path: String, _ sql: String, column: Int32 = 0) throws -> [String] {
    var handle: OpaquePointer?
    defer { sqlite3_close_v2(handle) }
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let handle else {
        throw LoyaltyError(.storage, "cannot open \(path)")
    }
    var statement: OpaquePointer?
    defer { sqlite3_finalize(statement) }
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
        throw LoyaltyError(.storage, String(cString: sqlite3_errmsg(handle)), location: sql)
    }
    var rows: [String] = []
    while true {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: rows.append(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL")
        case SQLITE_DONE: return rows
        default: throw LoyaltyError(.storage, String(cString: sqlite3_errmsg(handle)), location: sql)
        }
    }
}

/// The registered customers `m-0`… that `Fixtures.purchases(members:)` spreads activities over.
func fixtureMembers(_ count: Int, since date: Date) -> [Customer] {
    (0..<count).map { Customer(id: Customer.ID("m-\($0)"), givenName: "Member \($0)", memberSince: date) }
}
