/// The scale of a customer-satisfaction question and the lowest answer that counts as
/// "satisfied".
///
/// The commonest CSAT is "top-2-box" on 1–5: answers 4 and 5 are satisfied
/// (``fivePoint``). Some surveys use 1–10 and count 9–10.
public struct CSATScale: Sendable, Hashable {
    /// The answers' range, for example `1...5`.
    public let range: ClosedRange<Int>
    /// The lowest satisfied answer, for example 4.
    public let satisfiedFrom: Int

    /// Creates a scale.
    /// - Parameters:
    ///   - range: the answers' range.
    ///   - satisfiedFrom: the lowest answer counted as satisfied; must lie in `range`.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` when `satisfiedFrom` is outside `range`
    ///   or the range has a single value.
    public init(range: ClosedRange<Int>, satisfiedFrom: Int) throws {
        guard range.count >= 2 else {
            throw LoyaltyError(.invalidInput, "a CSAT scale needs at least two answers, got \(range)")
        }
        guard range.contains(satisfiedFrom) else {
            throw LoyaltyError(.invalidInput, "the satisfied threshold \(satisfiedFrom) is outside the scale \(range)")
        }
        self.range = range
        self.satisfiedFrom = satisfiedFrom
    }

    private init(checked range: ClosedRange<Int>, satisfiedFrom: Int) {
        self.range = range
        self.satisfiedFrom = satisfiedFrom
    }

    /// 1–5, satisfied from 4 ("top-2-box"): the default.
    public static let fivePoint = CSATScale(checked: 1...5, satisfiedFrom: 4)
}
