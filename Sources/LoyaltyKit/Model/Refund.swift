/// A refund of an earlier purchase, stay or visit, in whole or in part.
///
/// A refund claws back the points its original activity earned (proportionally when partial)
/// and reverses its qualifying counters. See `Documentation/Concepts.md`.
public struct Refund: Sendable, Hashable, Codable {
    /// The activity being refunded.
    public var originalActivityID: Activity.ID
    /// The amount refunded, or `nil` for everything that is still unrefunded.
    public var amount: Money?

    /// Creates a refund; `amount: nil` refunds the whole remainder.
    public init(of originalActivityID: Activity.ID, amount: Money? = nil) {
        self.originalActivityID = originalActivityID
        self.amount = amount
    }
}
