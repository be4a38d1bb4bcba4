import Foundation

extension Customer {
    /// The profile with its personal data removed: names replaced by `"Erased"`, contact
    /// details, birthday and preferences cleared, every consent withdrawn as of `date`.
    /// The id, membership date and referrer are kept: they hold the ledger and the referral
    /// statistics together and identify no one by themselves.
    /// - Returns: the pseudonymised profile and the names of the fields that changed.
    public func erased(at date: Date) -> (customer: Customer, clearedFields: [String]) {
        var erased = self
        erased.givenName = "Erased"
        erased.familyName = ""
        erased.email = nil
        erased.phone = nil
        erased.postalAddress = nil
        erased.birthday = nil
        erased.preferences = Preferences()
        erased.consents = consents.mapValues { $0.isGranted ? .withdrawn(on: date) : $0 }
        var cleared: [String] = []
        if givenName != erased.givenName { cleared.append("givenName") }
        if familyName != erased.familyName { cleared.append("familyName") }
        if email != nil { cleared.append("email") }
        if phone != nil { cleared.append("phone") }
        if postalAddress != nil { cleared.append("postalAddress") }
        if birthday != nil { cleared.append("birthday") }
        if preferences != erased.preferences { cleared.append("preferences") }
        if consents != erased.consents { cleared.append("consents") }
        return (erased, cleared)
    }
}

extension Activity {
    /// The activity without personal free text: feedback comments and interaction notes
    /// removed; scores, amounts and everything the ledger depends on kept.
    /// - Returns: `nil` when there is nothing to remove.
    public func redacted() -> Activity? {
        var copy = self
        switch kind {
        case .feedback(var feedback) where feedback.comment != nil:
            feedback.comment = nil
            copy.kind = .feedback(feedback)
        case .interaction(var interaction) where interaction.note != nil:
            interaction.note = nil
            copy.kind = .interaction(interaction)
        default:
            return nil
        }
        return copy
    }
}
