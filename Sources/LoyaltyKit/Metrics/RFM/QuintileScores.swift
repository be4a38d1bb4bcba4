/// Quintile scores 1...5 with ties kept together.
///
/// A value's score is 1 + ⌊5 · w / n⌋, where n is the number of values and w the number of
/// values strictly *worse* than it. Equal values always get the same score (the rank of the
/// first of them counts, like `rank(method: "min")`), so a score can be skipped when many
/// values tie: with 60 % of customers at frequency 0, frequency scores run 1, 3, 4, 5.
enum QuintileScores {
    /// The scores of `values`, where a larger value is better when `higherIsBetter`.
    /// O(n log n).
    static func scores<Value: Comparable>(_ values: [Value], higherIsBetter: Bool) -> [Int] {
        let n = values.count
        var scores = [Int](repeating: 1, count: n)
        guard n > 0 else { return scores }
        // Sorting (value, index) pairs keeps the comparisons in contiguous memory.
        var sorted = values.enumerated().map { (value: $1, index: $0) }
        sorted.sort { $0.value < $1.value }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n, sorted[end].value == sorted[start].value { end += 1 }
            let worse = higherIsBetter ? start : n - end
            let score = 1 + (5 * worse) / n
            for position in start..<end { scores[sorted[position].index] = score }
            start = end
        }
        return scores
    }
}
