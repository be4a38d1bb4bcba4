import Foundation

/// Streams ledger entries into the programme's economics: points issued, redeemed and expired,
/// breakage, redemption rate, outstanding liability and reward cost, overall and per month.
///
/// Feed it every ledger entry (for example each member's ``StoreReader/ledger(of:)``), in any
/// order. Flows count the entries dated in the period; the outstanding balance counts every
/// entry dated before the period's end, so entries before the period are needed too. Memory:
/// one row per month and per redeemed benefit.
///
/// Extension point: rewards catalogues and offers are not part of LoyaltyKit yet. When they
/// arrive, reward cost per catalogue item and offer uptake by trigger belong in their own
/// accumulators of this kind (fed reward redemptions and offer decisions), reported next to
/// this one; until then the reward cost is the redeemed points valued at ``PointValue``,
/// broken down by the redemption's benefit text.
public struct ProgrammeEconomicsAccumulator: Sendable {
    /// The period whose flows are measured, or `nil` for all time.
    public let period: Range<Date>?
    /// What a point costs.
    public let pointValue: PointValue
    /// The calendar whose time zone decides the month of an entry.
    public let calendar: BusinessCalendar

    private var flows = PointFlows()
    private var monthly: [Int: PointFlows] = [:]
    private var outstanding: Int64 = 0
    private var redeemedByBenefit: [String: Int64] = [:]

    /// Creates an empty accumulator.
    /// - Parameters:
    ///   - period: the period measured `[start, end)`, or `nil` for all time.
    ///   - pointValue: what a point costs the business.
    ///   - calendar: the business calendar.
    public init(period: Range<Date>? = nil, pointValue: PointValue, calendar: BusinessCalendar) {
        self.period = period
        self.pointValue = pointValue
        self.calendar = calendar
    }

    /// Adds one ledger entry. O(1).
    public mutating func add(_ entry: LedgerEntry) {
        let points = entry.points.rawValue
        if period.map({ entry.date < $0.upperBound }) ?? true { outstanding &+= points }
        guard period?.contains(entry.date) ?? true else { return }
        flows.add(entry.kind, points)
        monthly[calendar.monthIndex(of: entry.date), default: PointFlows()].add(entry.kind, points)
        if entry.kind == .redeem, case .redemption(let benefit) = entry.reason {
            redeemedByBenefit[benefit, default: 0] &-= points
        }
    }

    /// Adds every entry of a sequence.
    /// - Parameter entries: the entries.
    public mutating func add(contentsOf entries: some Sequence<LedgerEntry>) {
        for entry in entries { add(entry) }
    }

    /// The economics over every entry added so far.
    public func result() -> ProgrammeEconomics {
        ProgrammeEconomics(period: period, pointValue: pointValue, flows: flows, outstandingPoints: outstanding,
                           monthly: MonthlySeries(byMonth: monthly, empty: PointFlows()),
                           redeemedByBenefit: redeemedByBenefit)
    }
}
