import Foundation

/// How many members are in each tier at a date, from their member states.
///
/// Feed it member states with ``add(_:)`` (for example every ``StoreReader/memberState(_:)``);
/// it is its own result. A member's tier is their effective tier at ``date`` (an active
/// override wins); members without a tier status count under ``noTier``. Tier reviews due
/// before the date must have been run (`Loyalty.evaluateTiers(asOf:)`) for the counts to be
/// current. Memory: one counter per tier.
public struct TierDistribution: Sendable, Hashable {
    /// The label of members without a tier status.
    public static let noTier = "(none)"

    /// The date at which tiers are read.
    public let date: Date
    /// The ladder, for ordering tiers lowest first (tiers outside it follow by name).
    public let ladder: TierLadder?
    /// Members per tier id.
    public private(set) var counts: [String: Int] = [:]

    /// An empty distribution.
    /// - Parameters:
    ///   - date: the date at which tiers are read.
    ///   - ladder: the programme's ladder, for ordering (and so that empty tiers show).
    public init(at date: Date, ladder: TierLadder?) {
        self.date = date
        self.ladder = ladder
        for tier in ladder?.tiers ?? [] { counts[tier.id] = 0 }
    }

    /// Counts one member.
    /// - Parameter state: the member's state.
    public mutating func add(_ state: MemberState) {
        counts[state.tierID(at: date) ?? Self.noTier, default: 0] += 1
    }

    /// The number of members counted.
    public var members: Int { counts.values.reduce(0, +) }

    /// The tiers in ladder order (lowest first), then other ids by name, with their members.
    public var tiers: [(tierID: String, members: Int)] {
        let order = ladder?.tiers.map(\.id) ?? []
        let others = counts.keys.filter { !order.contains($0) }.sorted()
        return (order + others).map { ($0, counts[$0] ?? 0) }
    }

    /// One row per tier: members and share.
    public var table: ReportTable {
        let total = Double(max(members, 1))
        return ReportTable(
            title: "Members per tier at \(ISO8601.string(date))",
            columns: [.init("Tier"), .init("Members"), .init("Share", unit: "%")],
            rows: tiers.map { [.text($0.tierID), .integer(Int64($0.members)), .percent(Double($0.members) / total, fractionDigits: 1)] })
    }

    /// A bar chart of members per tier.
    /// - Parameter title: the chart's title.
    public func chart(title: String = "Members per tier") -> Chart {
        let tiers = self.tiers
        return Chart(title: title, style: .bar, labels: tiers.map(\.tierID), valueAxis: "Members",
                     series: [Chart.Series(name: "Members", values: tiers.map { Double($0.members) })])
    }
}
