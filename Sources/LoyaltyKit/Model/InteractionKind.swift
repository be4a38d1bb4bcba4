/// The kind of a non-commercial contact with a customer.
public enum InteractionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case call
    case email
    case complaint
    case socialMention = "social-mention"
    case reviewPosted = "review-posted"
    case inPerson = "in-person"
}
