/// A contact that is not a sale: a call, an e-mail, a complaint, a posted review.
public struct Interaction: Sendable, Hashable, Codable {
    /// What kind of contact it was.
    public var kind: InteractionKind
    /// A note about it. Personal data: erased with the customer.
    public var note: String?
    /// Creates an interaction.
    public init(kind: InteractionKind, note: String? = nil) {
        self.kind = kind
        self.note = note
    }
}
