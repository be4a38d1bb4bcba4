extension Loyalty {
    /// Records an imported transaction log in **one** store transaction: registers every
    /// customer the store does not know (an empty profile, member since their first imported
    /// purchase, with the usual enrolment activity) and records every purchase through the
    /// programme, oldest first (ties in file order), so points, tiers and expiry come out as if
    /// the history had happened live.
    ///
    /// If anything fails, nothing is stored. Purchases already recorded with the same id and
    /// content are skipped, so importing the same file again changes nothing.
    /// - Parameter transactions: what ``TransactionImporter`` read.
    /// - Returns: how many customers were registered and purchases recorded or skipped.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` when the import's currency is not the
    ///   programme's; ``LoyaltyError/Code/activityConflict`` when an id was recorded before with
    ///   other content (another file imported with the same id prefix); and what recording
    ///   throws, with the location `<file>:<line>` of the purchase.
    /// - Complexity: O(n log n) for n purchases, plus n records in one transaction.
    @discardableResult
    public func importTransactions(_ transactions: TransactionImport) async throws -> TransactionImportSummary {
        guard transactions.currency == program.currency || transactions.activities.isEmpty else {
            throw LoyaltyError(.currencyMismatch, "the imported amounts are in \(transactions.currency.code) but the programme runs in \(program.currency.code)",
                               location: transactions.source)
        }
        let program = self.program
        return try await store.write { store in
            var summary = TransactionImportSummary(customersRegistered: 0, activitiesRecorded: 0, activitiesAlreadyRecorded: 0)
            for (id, firstDate) in transactions.firstPurchaseDates.sorted(by: { $0.key < $1.key }) where try store.customer(id) == nil {
                _ = try Loyalty.register(Customer(id: id, memberSince: firstDate), program: program, in: store)
                summary.customersRegistered += 1
            }
            let activities = transactions.activities
            let order = activities.indices.sorted { (activities[$0].date, $0) < (activities[$1].date, $1) }
            for index in order {
                let activity = activities[index]
                do {
                    if let stored = try store.activity(activity.id), stored == activity {
                        summary.activitiesAlreadyRecorded += 1
                        continue
                    }
                    _ = try Loyalty.record(activity, program: program, in: store)
                    summary.activitiesRecorded += 1
                } catch var error as LoyaltyError {
                    if error.code == .activityConflict {
                        error.message += "; was another file imported with the same ids? Give each file its own id prefix"
                    }
                    throw error.with(location: transactions.location(ofActivityAt: index))
                }
            }
            return summary
        }
    }

    /// Reads a transaction log file and records it in one transaction (see
    /// ``importTransactions(_:)``): a bad line or a failed purchase leaves the store unchanged.
    /// - Parameters:
    ///   - path: the file.
    ///   - importer: its layout; its currency must be the programme's.
    /// - Returns: how many customers were registered and purchases recorded or skipped.
    /// - Throws: what ``TransactionImporter/read(file:)`` and ``importTransactions(_:)`` throw.
    @discardableResult
    public func importTransactions(fromFile path: String, using importer: TransactionImporter) async throws -> TransactionImportSummary {
        try await importTransactions(try importer.read(file: path))
    }
}
