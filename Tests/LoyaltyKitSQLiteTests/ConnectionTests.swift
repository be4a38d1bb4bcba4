import Foundation
@testable import LoyaltyKitSQLite
import Testing

struct ConnectionTests {
    @Test("a connection runs with foreign keys on and the options' synchronous level and busy timeout",
          arguments: [(SQLiteStore.Options.Synchronous.normal, Int64(1)), (.full, 2)])
    func pragmas(_ synchronous: SQLiteStore.Options.Synchronous, level: Int64) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            let connection = try Connection(path: path, options: .init(synchronous: synchronous, busyTimeout: 2.5))
            defer { connection.close() }
            func pragma(_ name: String) throws -> Int64 {
                let statement = try PreparedStatement(sql: "PRAGMA \(name)", connection: connection)
                defer { statement.finalize() }
                _ = try statement.step()
                return statement.int64(at: 0)
            }
            #expect(try pragma("synchronous") == level)
            #expect(try pragma("foreign_keys") == 1)
            #expect(try pragma("busy_timeout") == 2_500)
        }
    }
}
