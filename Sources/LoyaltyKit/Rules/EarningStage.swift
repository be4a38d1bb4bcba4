/// When a rule runs, relative to the others.
///
/// Base rules run first and their points are summed into ``EarningContext/basePoints``.
/// Multipliers then add `base × (factor − 1)` each (multipliers stack additively on the base),
/// and bonuses add fixed points. Caps apply last.
public enum EarningStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Points from the activity itself: per amount, per night, per visit.
    case base
    /// Extra points computed from the base points.
    case multiplier
    /// Fixed extra points.
    case bonus
}
