/// The type of an ``Activity`` without its details: for conditions, filters and reports.
public enum ActivityType: String, Sendable, Hashable, Codable, CaseIterable {
    case enrollment, purchase, stay, visit, refund, feedback, interaction, referral, adjustment, redemption
    case tierOverride
}
