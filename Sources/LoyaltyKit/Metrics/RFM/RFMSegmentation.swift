/// The map from RFM scores to named segments: a 5 × 5 grid over the recency score and the
/// combined frequency–monetary score.
///
/// The frequency–monetary score is FM = ⌈(F + M) / 2⌉ (the mean of the two, rounded half up).
/// The standard grid (``standard``), recency down, FM across:
///
/// | R \ FM | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Potential loyalist | Loyal | Champions | Champions |
/// | 4 | Promising | Potential loyalist | Loyal | Champions | Champions |
/// | 3 | About to sleep | Needs attention | Needs attention | Loyal | Loyal |
/// | 2 | Hibernating | Hibernating | At risk | At risk | Can't lose |
/// | 1 | Lost | Lost | At risk | Can't lose | Can't lose |
///
/// It follows the usual R × FM segment ranges (Champions R 4–5 / FM 4–5, Can't lose R 1–2 /
/// FM 5, …), whose published forms overlap; here every cell has exactly one segment.
/// `Documentation/Metrics.md` explains the choice. Pass your own grid to change it.
public struct RFMSegmentation: Sendable, Hashable {
    /// `grid[r - 1][fm - 1]` is the segment for recency score r and FM score fm.
    public let grid: [[RFMSegment]]

    /// Creates a segmentation from a 5 × 5 grid.
    /// - Parameter grid: `grid[r - 1][fm - 1]` for recency score r and FM score fm, both 1...5.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` unless the grid is 5 × 5.
    public init(grid: [[RFMSegment]]) throws {
        guard grid.count == 5, grid.allSatisfy({ $0.count == 5 }) else {
            throw LoyaltyError(.invalidInput, "an RFM segment grid has 5 rows of 5 segments")
        }
        self.grid = grid
    }

    private init(checked grid: [[RFMSegment]]) { self.grid = grid }

    /// The standard map (the table above).
    public static let standard = RFMSegmentation(checked: [
        [.lost, .lost, .atRisk, .cantLose, .cantLose],
        [.hibernating, .hibernating, .atRisk, .atRisk, .cantLose],
        [.aboutToSleep, .needsAttention, .needsAttention, .loyal, .loyal],
        [.promising, .potentialLoyalist, .loyal, .champions, .champions],
        [.new, .potentialLoyalist, .loyal, .champions, .champions],
    ])

    /// The combined frequency–monetary score ⌈(F + M) / 2⌉.
    /// - Parameters:
    ///   - frequency: the frequency score, 1...5.
    ///   - monetary: the monetary score, 1...5.
    public static func frequencyMonetaryScore(frequency: Int, monetary: Int) -> Int {
        (frequency + monetary + 1) / 2
    }

    /// The segment of a customer's scores (each clamped to 1...5).
    /// - Parameters:
    ///   - recency: the recency score.
    ///   - frequency: the frequency score.
    ///   - monetary: the monetary score.
    public func segment(recency: Int, frequency: Int, monetary: Int) -> RFMSegment {
        let clamp = { (score: Int) in min(5, max(1, score)) }
        let fm = Self.frequencyMonetaryScore(frequency: clamp(frequency), monetary: clamp(monetary))
        return grid[clamp(recency) - 1][fm - 1]
    }
}
