/// The scale of a customer-effort question and which end of it means "easy".
///
/// CES 2.0 (CEB 2013) asks for agreement with "[Company] made it easy for me to handle my
/// issue" on 1 (strongly disagree) – 7 (strongly agree): higher is easier (``ces2``, the
/// default). The original CES (Dixon, Freeman & Toman, HBR 2010) asked how much effort it
/// took on 1 (very low) – 5 (very high): lower is easier (``original``).
public struct CESScale: Sendable, Hashable {
    /// Which end of the scale means little effort.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// High answers mean easy (agreement that it was easy).
        case higherIsEasier
        /// Low answers mean easy (little effort).
        case lowerIsEasier
    }

    /// The answers' range.
    public let range: ClosedRange<Int>
    /// Which end means easy.
    public let direction: Direction

    /// Creates a scale.
    /// - Parameters:
    ///   - range: the answers' range; at least two answers.
    ///   - direction: which end means easy.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a single-answer range.
    public init(range: ClosedRange<Int>, direction: Direction) throws {
        guard range.count >= 2 else {
            throw LoyaltyError(.invalidInput, "a CES scale needs at least two answers, got \(range)")
        }
        self.range = range
        self.direction = direction
    }

    private init(checked range: ClosedRange<Int>, direction: Direction) {
        self.range = range
        self.direction = direction
    }

    /// CES 2.0: 1–7 agreement, higher is easier. The default.
    public static let ces2 = CESScale(checked: 1...7, direction: .higherIsEasier)
    /// The original CES: 1–5 effort, lower is easier.
    public static let original = CESScale(checked: 1...5, direction: .lowerIsEasier)

    /// The first answer above and the last answer below the midpoint (low + high) / 2.
    private var sides: (above: Int, below: Int) {
        let twiceMidpoint = range.lowerBound + range.upperBound
        // `>> 1` rounds down, also for negative numbers.
        return (above: (twiceMidpoint >> 1) + 1, below: -((-twiceMidpoint) >> 1) - 1)
    }

    /// Answers strictly on the easy side of the midpoint (5–7 on 1–7 agreement).
    var easyAnswers: ClosedRange<Int> {
        direction == .higherIsEasier ? sides.above...range.upperBound : range.lowerBound...sides.below
    }

    /// Answers strictly on the difficult side of the midpoint (1–3 on 1–7 agreement).
    var difficultAnswers: ClosedRange<Int> {
        direction == .higherIsEasier ? range.lowerBound...sides.below : sides.above...range.upperBound
    }
}
