/// A way to contact a customer, for consent and preferences.
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case email, sms, push, phone, post
}
