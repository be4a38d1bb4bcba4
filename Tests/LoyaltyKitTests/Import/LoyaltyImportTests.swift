import Foundation
import LoyaltyKit
import Testing

@Suite("Importing transactions into a programme")
struct LoyaltyImportTests {
    static let importer = TransactionImporter(currency: .eur, calendar: BusinessCalendar(timeZone: TZ.lisbon),
                                              columns: .init(category: "category"))
    static let history = """
        customer,date,amount,category
        ana,2025-03-01,12.50,coffee
        bo,2025-03-02,100,
        ana,2025-02-01,30.99,cakes

        """

    /// Everything the store holds that an import can change.
    struct Snapshot: Equatable {
        var customers: [Customer.ID]
        var activities: [Activity]
        var states: [MemberState?]

        init(_ loyalty: Loyalty) async throws {
            let store = await loyalty.store
            customers = try await store.read { try $0.customerIDs() }
            activities = try await store.read { try $0.activities(from: .distantPast, to: .distantFuture) }
            var states: [MemberState?] = []
            for id in customers { states.append(try await loyalty.memberState(of: id)) }
            self.states = states
        }
    }

    @Test("unknown customers are registered and every purchase earns through the programme")
    func importsHistory() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        let summary = try await loyalty.importTransactions(try Self.importer.read(Self.history, source: "history.csv"))
        #expect(summary == TransactionImportSummary(customersRegistered: 2, activitiesRecorded: 3, activitiesAlreadyRecorded: 0))
        let ana = try #require(try await loyalty.customer("ana"))
        #expect(ana.memberSince == local(2025, 2, 1, hour: 0))
        #expect(try await loyalty.balance(of: "ana", at: local(2025, 4, 1)).total == Points(42))
        #expect(try await loyalty.balance(of: "bo", at: local(2025, 4, 1)).total == Points(100))
        #expect(try await loyalty.outcome(of: "csv:2") != nil)
    }

    @Test("customers already registered keep their profile and get the purchases")
    func existingCustomers() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        try await loyalty.register(Customer(id: "ana", givenName: "Ana", memberSince: local(2024, 1, 1)))
        let summary = try await loyalty.importTransactions(try Self.importer.read(Self.history))
        #expect(summary.customersRegistered == 1)
        #expect(try await loyalty.customer("ana")?.givenName == "Ana")
        #expect(try await loyalty.customer("ana")?.memberSince == local(2024, 1, 1))
    }

    @Test("importing the same file again changes nothing")
    func reimportIsIdempotent() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        let transactions = try Self.importer.read(Self.history)
        try await loyalty.importTransactions(transactions)
        let before = try await Snapshot(loyalty)
        let again = try await loyalty.importTransactions(try Self.importer.read(Self.history))
        #expect(again == TransactionImportSummary(customersRegistered: 0, activitiesRecorded: 0, activitiesAlreadyRecorded: 3))
        #expect(try await Snapshot(loyalty) == before)
        // Lines appended at the end are recorded; the rest stays.
        let grown = try await loyalty.importTransactions(try Self.importer.read(Self.history + "cy,2025-03-05,5,\n"))
        #expect(grown == TransactionImportSummary(customersRegistered: 1, activitiesRecorded: 1, activitiesAlreadyRecorded: 3))
    }

    @Test("a bad line leaves the store unchanged")
    func badLineChangesNothing() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        try await loyalty.register(Customer(id: "zoe", memberSince: local(2024, 1, 1)))
        let before = try await Snapshot(loyalty)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try (Self.history + "bo,2025-03-03,1O.00,\n").write(to: url, atomically: true, encoding: .utf8)
        let error = await expectError(.invalidData) { try await loyalty.importTransactions(fromFile: url.path, using: Self.importer) }
        #expect(error?.location == "\(url.lastPathComponent):5:3")
        #expect(try await Snapshot(loyalty) == before)
    }

    @Test("a purchase that fails while recording rolls the whole import back, naming its line")
    func failureInsideTheWriteRollsBack() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        try await loyalty.register(Customer(id: "zoe", memberSince: local(2024, 1, 1)))
        // An earlier, different file used the same line-number ids.
        try await loyalty.record(purchase("csv:4", 500, at: local(2024, 6, 1), customer: "zoe"))
        let before = try await Snapshot(loyalty)
        let error = await expectError(.activityConflict) {
            try await loyalty.importTransactions(try Self.importer.read(Self.history, source: "history.csv"))
        }
        #expect(error?.location == "history.csv:4")
        #expect(error?.message.contains("id prefix") == true)
        #expect(try await Snapshot(loyalty) == before)
        #expect(try await loyalty.customer("ana") == nil)
        // With its own prefix, the same file imports.
        var prefixed = Self.importer
        prefixed.activityIDs = .lineNumber(prefix: "history-2025:")
        let summary = try await loyalty.importTransactions(try prefixed.read(Self.history))
        #expect(summary.activitiesRecorded == 3)
    }

    @Test("amounts in another currency than the programme's are refused before anything is written")
    func currencyMismatch() async throws {
        let loyalty = try Loyalty(program: makeProgram())
        let dollars = TransactionImporter(currency: .usd, calendar: .utc, columns: .init(category: "category"))
        await expectError(.currencyMismatch) { try await loyalty.importTransactions(try dollars.read(Self.history)) }
        #expect(try await loyalty.customer("ana") == nil)
    }
}
