import Foundation

extension Loyalty {
    // MARK: Privacy

    /// Everything stored about a customer, as one document (a data-access request).
    /// - Parameters:
    ///   - id: The customer.
    ///   - date: The export's date, written into it.
    /// - Returns: the profile with consents, the member state, activities and ledger, read in
    ///   one consistent view of the store. Call ``CustomerExport/json()`` for the JSON document.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    public func export(customer id: Customer.ID, at date: Date) async throws -> CustomerExport {
        try await store.read { store in
            guard let customer = try store.customer(id) else {
                throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: id)
            }
            return CustomerExport(exportedAt: date, customer: customer, memberState: try store.memberState(id),
                                  activities: try store.activities(of: id), ledger: try store.ledger(of: id))
        }
    }

    /// Erases a customer's personal data (a right-to-erasure request) in one transaction.
    ///
    /// The profile is pseudonymised (see ``Customer/erased(at:)``), the birthday leaves the
    /// member state, and feedback comments and interaction notes are removed from the stored
    /// activities (see ``Activity/redacted()``). Points, lots, tiers, the ledger and every
    /// aggregate stay exactly as they were, so the programme's books still balance. Erasing
    /// twice changes nothing the second time.
    /// - Parameters:
    ///   - id: The customer.
    ///   - date: When the erasure happens: consents are withdrawn as of this date.
    /// - Returns: what was changed.
    /// - Throws: ``LoyaltyError/Code/customerNotFound``.
    @discardableResult
    public func erase(customer id: Customer.ID, at date: Date) async throws -> ErasureReport {
        try await store.write { store in
            guard let customer = try store.customer(id) else {
                throw LoyaltyError(.customerNotFound, "no customer with this id is registered", customerID: id)
            }
            let (erased, cleared) = customer.erased(at: date)
            if !cleared.isEmpty { try store.update(erased) }
            _ = try store.updateMemberState(of: id) { $0.birthday = nil }
            var redacted: [Activity.ID] = []
            for activity in try store.activities(of: id) {
                guard let replacement = activity.redacted() else { continue }
                try store.replace(replacement)
                redacted.append(activity.id)
            }
            return ErasureReport(customerID: id, erasedAt: date, clearedFields: cleared, redactedActivities: redacted)
        }
    }
}
