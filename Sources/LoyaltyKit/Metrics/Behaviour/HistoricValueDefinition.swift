/// What "historic customer lifetime value" adds up: revenue or gross margin, with or without
/// refunds, with or without the cost of acquiring the customer.
///
/// Historic CLV is backward-looking: the sum of what a customer has brought in so far. Sources
/// disagree on the basis (revenue, or better margin), on refunds and on subtracting an
/// acquisition cost; all three are explicit here. The default is revenue net of stated
/// refunds, no acquisition cost. `Documentation/Metrics.md` lists the sources.
public struct HistoricValueDefinition: Sendable, Hashable {
    /// What each purchase contributes.
    public enum Basis: Sendable, Hashable {
        /// The amount paid.
        case revenue
        /// The amount paid × a gross-margin rate in basis points (2500 = 25 %), rounded half
        /// away from zero to the minor unit on each customer's total.
        case grossMargin(basisPoints: Int)
    }

    /// Revenue or margin.
    public var basis: Basis
    /// Whether refunds with a stated amount are subtracted (on the same basis).
    public var netOfRefunds: Bool
    /// A cost subtracted once per customer (customer acquisition cost), if any.
    public var acquisitionCost: Money?

    /// Creates a definition.
    /// - Parameters:
    ///   - basis: revenue or gross margin (default revenue).
    ///   - netOfRefunds: whether stated refunds are subtracted (default `true`).
    ///   - acquisitionCost: a cost subtracted once per customer (default none).
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a margin outside 0...10 000 basis points
    ///   or a negative acquisition cost.
    public init(basis: Basis = .revenue, netOfRefunds: Bool = true, acquisitionCost: Money? = nil) throws {
        if case .grossMargin(let points) = basis, !(0...10_000).contains(points) {
            throw LoyaltyError(.invalidInput, "a gross margin must be 0...10000 basis points, got \(points)")
        }
        if let acquisitionCost, acquisitionCost.minorUnits < 0 {
            throw LoyaltyError(.invalidInput, "an acquisition cost must not be negative, got \(acquisitionCost)")
        }
        self.basis = basis
        self.netOfRefunds = netOfRefunds
        self.acquisitionCost = acquisitionCost
    }

    private init(checked basis: Basis) {
        self.basis = basis
        self.netOfRefunds = true
        self.acquisitionCost = nil
    }

    /// Revenue net of stated refunds, no acquisition cost.
    public static let netRevenue = HistoricValueDefinition(checked: .revenue)

    /// One customer's value in minor units.
    func value(revenue: Int64, refunds: Int64) -> Int64 {
        let amount = netOfRefunds ? revenue &- refunds : revenue
        var value = amount
        if case .grossMargin(let points) = basis {
            // amount × points / 10 000, rounded half away from zero, without overflowing.
            let magnitude = amount.magnitude
            let whole = magnitude / 10_000 * UInt64(points)
            let part = (magnitude % 10_000 * UInt64(points) + 5_000) / 10_000
            let result = Int64(clamping: whole + part)
            value = amount < 0 ? -result : result
        }
        return value &- (acquisitionCost?.minorUnits ?? 0)
    }
}
