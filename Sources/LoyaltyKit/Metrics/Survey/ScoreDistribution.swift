/// How many responses gave each score of a scale: the exact counts behind NPS, CSAT and CES.
public struct ScoreDistribution: Sendable, Hashable {
    /// The scale, for example `0...10` for NPS.
    public let scale: ClosedRange<Int>
    /// `counts[i]` responses gave the score `scale.lowerBound + i`.
    public private(set) var counts: [Int]

    /// An empty distribution over a scale.
    public init(scale: ClosedRange<Int>) {
        self.scale = scale
        self.counts = Array(repeating: 0, count: scale.count)
    }

    /// The number of responses.
    public var total: Int { counts.reduce(0, +) }

    /// The number of responses that gave `score` (0 outside the scale).
    public func count(of score: Int) -> Int {
        scale.contains(score) ? counts[score - scale.lowerBound] : 0
    }

    /// The number of responses with a score in `range` (clamped to the scale).
    public func count(in range: ClosedRange<Int>) -> Int {
        let low = max(range.lowerBound, scale.lowerBound), high = min(range.upperBound, scale.upperBound)
        guard low <= high else { return 0 }
        return counts[(low - scale.lowerBound)...(high - scale.lowerBound)].reduce(0, +)
    }

    /// The sum of all scores.
    public var sum: Int {
        var total = 0
        for (offset, count) in counts.enumerated() { total += (scale.lowerBound + offset) * count }
        return total
    }

    /// The mean score, or `nil` without responses.
    public var mean: Double? {
        let total = self.total
        return total > 0 ? Double(sum) / Double(total) : nil
    }

    /// Counts one response; the score must lie on the scale.
    mutating func record(_ score: Int) {
        counts[score - scale.lowerBound] += 1
    }
}
