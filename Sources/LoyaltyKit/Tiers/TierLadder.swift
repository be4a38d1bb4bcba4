/// A ladder of tiers: what is counted, over which window, and how members move.
///
/// Members move **up at once** when the metric in the current window reaches a tier's
/// threshold. They move **down only at a review** — at the end of a window — by at most
/// ``maximumDowngradeSteps`` at a time, and only after ``gracePeriodDays``; qualifying again
/// during the grace period cancels the downgrade. See ``QualifyingWindow`` for when reviews happen.
public struct TierLadder: Sendable, Hashable, Codable {
    /// What is counted.
    public var metric: QualifyingMetric
    /// Over which period.
    public var window: QualifyingWindow
    /// The tiers, lowest first, with ascending thresholds; the first tier's threshold is 0.
    public var tiers: [Tier]
    /// How many tiers a member can drop at one review; `nil` drops straight to the qualified tier.
    public var maximumDowngradeSteps: Int?
    /// Days after a review before a downgrade takes effect.
    public var gracePeriodDays: Int

    /// Creates a ladder.
    public init(metric: QualifyingMetric, window: QualifyingWindow, tiers: [Tier], maximumDowngradeSteps: Int? = 1, gracePeriodDays: Int = 0) {
        self.metric = metric
        self.window = window
        self.tiers = tiers
        self.maximumDowngradeSteps = maximumDowngradeSteps
        self.gracePeriodDays = gracePeriodDays
    }

    /// The entry tier, every member's starting point.
    public var entryTier: Tier? { tiers.first }

    /// The index of a tier id in the ladder.
    public func index(of tierID: String) -> Int? {
        for index in tiers.indices where tiers[index].id == tierID { return index }
        return nil
    }

    /// The tier with an id.
    public func tier(_ id: String) -> Tier? { index(of: id).map { tiers[$0] } }

    /// The highest tier whose threshold `value` reaches.
    public func qualifiedIndex(for value: Int64) -> Int {
        var result = 0
        for index in tiers.indices where value >= tiers[index].threshold { result = index }
        return result
    }

    /// Checks the ladder.
    /// - Throws: ``LoyaltyError/Code/invalidProgram`` naming the offending tier: no tiers,
    ///   duplicate ids, a first threshold other than 0, thresholds not strictly ascending,
    ///   negative steps or grace.
    public func validate(path: String = "$.tiers") throws {
        guard !tiers.isEmpty else { throw LoyaltyError(.invalidProgram, "a tier ladder needs at least one tier", location: "\(path).tiers") }
        var seen: Set<String> = []
        for (index, tier) in tiers.enumerated() {
            let location = "\(path).tiers[\(index)]"
            guard !tier.id.isEmpty else { throw LoyaltyError(.invalidProgram, "a tier id must not be empty", location: location) }
            guard seen.insert(tier.id).inserted else {
                throw LoyaltyError(.invalidProgram, "tier id '\(tier.id)' is used twice", location: location)
            }
            if index == 0, tier.threshold != 0 {
                throw LoyaltyError(.invalidProgram, "the first tier's threshold must be 0, got \(tier.threshold)", location: "\(location).threshold")
            }
            if index > 0, tier.threshold <= tiers[index - 1].threshold {
                throw LoyaltyError(.invalidProgram, "tier thresholds must ascend: '\(tier.id)' (\(tier.threshold)) is not above '\(tiers[index - 1].id)' (\(tiers[index - 1].threshold))", location: "\(location).threshold")
            }
        }
        if let steps = maximumDowngradeSteps, steps < 1 {
            throw LoyaltyError(.invalidProgram, "maximumDowngradeSteps must be at least 1, got \(steps)", location: "\(path).maximumDowngradeSteps")
        }
        guard (0...3650).contains(gracePeriodDays) else {
            throw LoyaltyError(.invalidProgram, "gracePeriodDays must be 0...3650, got \(gracePeriodDays)", location: "\(path).gracePeriodDays")
        }
        if case .rollingMonths(let months) = window, !(1...120).contains(months) {
            throw LoyaltyError(.invalidProgram, "rollingMonths must be 1...120, got \(months)", location: "\(path).window")
        }
    }

    private enum CodingKeys: String, CodingKey { case metric, window, tiers, maximumDowngradeSteps, gracePeriodDays }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metric = try container.decode(QualifyingMetric.self, forKey: .metric)
        window = try container.decode(QualifyingWindow.self, forKey: .window)
        tiers = try container.decode([Tier].self, forKey: .tiers)
        maximumDowngradeSteps = container.contains(.maximumDowngradeSteps)
            ? try container.decodeIfPresent(Int.self, forKey: .maximumDowngradeSteps) : 1
        gracePeriodDays = try container.decodeIfPresent(Int.self, forKey: .gracePeriodDays) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(window, forKey: .window)
        try container.encode(tiers, forKey: .tiers)
        if let maximumDowngradeSteps {
            try container.encode(maximumDowngradeSteps, forKey: .maximumDowngradeSteps)
        } else {
            try container.encodeNil(forKey: .maximumDowngradeSteps)
        }
        try container.encode(gracePeriodDays, forKey: .gracePeriodDays)
    }
}
