import Foundation
import LoyaltyKit
@testable import LoyaltyKitSQLite
import Testing

struct QueryPlanTests {
    @Test("every cached statement finds its rows through an index, never a table scan or a sort for ORDER BY")
    func indexesServeEveryQuery() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("loyalty.sqlite").path
            try await SQLiteStore(path: path).close()
            for query in Query.allCases {
                let plan = try rawSQL(path, "EXPLAIN QUERY PLAN " + query.sql, column: 3)
                for step in plan {
                    #expect(!step.hasPrefix("SCAN") || step.contains("INDEX"), "\(query): \(step)")
                    // Listing due members sorts them (DISTINCT); everything else reads in index order.
                    if query != .customersWithLotsExpiring { #expect(!step.contains("TEMP B-TREE"), "\(query): \(step)") }
                }
            }
            let due = try rawSQL(path, "EXPLAIN QUERY PLAN " + Query.customersWithLotsExpiring.sql, column: 3)
            #expect(due.contains { $0.contains("USING COVERING INDEX lots_by_expiry (expires_at<?)") }, "\(due)")
        }
    }
}
