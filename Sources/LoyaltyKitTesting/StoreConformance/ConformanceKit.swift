import Foundation
import LoyaltyKit

/// Data and assertions the conformance checks share.
enum ConformanceKit {
    static let program = Fixtures.seasideHotel()
    /// 2025-01-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_735_689_600)

    /// Noon UTC on the `n`th day after ``start``.
    static func day(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 86_400 + 43_200) }

    static func euros(_ amount: Int64) -> Money { Money(minorUnits: amount * 100, currency: .eur) }

    static func customer(_ id: String, email: String? = nil) -> Customer {
        Customer(id: Customer.ID(id), givenName: "Given \(id)", familyName: "Family", email: email, memberSince: start)
    }

    static func purchase(_ id: String, _ customer: String, day n: Int, euros amount: Int64 = 100) -> Activity {
        .purchase(id: Activity.ID(id), customer: Customer.ID(customer), date: day(n), amount: euros(amount), category: "restaurant")
    }

    /// Applies activities in order to a fresh state, returning the outcomes and the final state.
    static func apply(_ activities: [Activity], to customer: Customer) throws -> (outcomes: [Outcome], state: MemberState) {
        var state = MemberState(customer: customer)
        let outcomes = try activities.map { try program.apply($0, to: &state) }
        return (outcomes, state)
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) throws {
        if !condition { throw ExpectationFailure(message(), file: file, line: line) }
    }

    static func expectEqual<T: Equatable>(_ found: T, _ expected: T, _ what: String, file: String = #fileID, line: Int = #line) throws {
        if found != expected { throw ExpectationFailure("\(what): expected \(expected), found \(found)", file: file, line: line) }
    }

    /// Expects `body` to throw a ``LoyaltyError`` with `code`.
    static func expectError(_ code: LoyaltyError.Code, _ what: String, file: String = #fileID, line: Int = #line,
                            _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as LoyaltyError {
            if error.code != code {
                throw ExpectationFailure("\(what): expected \(code), got \(error)", file: file, line: line)
            }
            return
        }
        throw ExpectationFailure("\(what): expected \(code), nothing was thrown", file: file, line: line)
    }

    /// An error only the checks throw, to make a write roll back.
    struct Abort: Error {}

    /// Runs a write whose body ends by throwing ``Abort``, and expects that error back.
    static func abortedWrite(_ store: any LoyaltyStore, _ body: @escaping @Sendable (any StoreWriter) throws -> Void) async throws {
        do {
            _ = try await store.write { writer -> Int in
                try body(writer)
                throw Abort()
            }
            throw ExpectationFailure("the write was expected to throw")
        } catch is Abort {
            return
        }
    }
}
