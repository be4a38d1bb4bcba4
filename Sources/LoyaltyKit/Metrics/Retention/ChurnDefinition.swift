/// When a customer counts as lost: after N days without activity, on an explicit
/// cancellation, or either.
///
/// Shops, cafés and hotels never observe a customer leaving (a *non-contractual* setting), so
/// "lost" must be defined; ``inactivityDays`` does it with a threshold. Memberships and
/// subscriptions do observe it: a **cancellation** is an activity tagged with
/// ``cancellationTag`` (for example an interaction tagged `"cancellation"`), or a date per
/// customer given to ``ChurnAccumulator``. A customer is lost at an instant t when
/// - a cancellation came after their last activity before t, or
/// - (with ``inactivityDays``) they had no activity in the N days before t;
///
/// an activity after a cancellation or a lapse brings them back.
public struct ChurnDefinition: Sendable, Hashable {
    /// Days without activity after which a customer is lost, or `nil` to rely on cancellations.
    public var inactivityDays: Int?
    /// The tag that marks an activity as a cancellation, or `nil`.
    public var cancellationTag: String?
    /// The kinds of activity that keep a customer active (and acquire them).
    public var activityTypes: Set<ActivityType>

    /// Creates a definition.
    /// - Parameters:
    ///   - inactivityDays: days without activity after which a customer is lost.
    ///   - cancellationTag: the tag of cancellation activities.
    ///   - activityTypes: what counts as activity (default purchases, stays and visits).
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for non-positive days, an empty tag or
    ///   activity set. (Without either rule, only dates given to ``ChurnAccumulator`` lose customers.)
    public init(inactivityDays: Int? = nil, cancellationTag: String? = nil,
                activityTypes: Set<ActivityType> = [.purchase, .stay, .visit]) throws {
        if let inactivityDays, inactivityDays <= 0 {
            throw LoyaltyError(.invalidInput, "inactivity days must be positive, got \(inactivityDays)")
        }
        if let cancellationTag, cancellationTag.isEmpty {
            throw LoyaltyError(.invalidInput, "a cancellation tag must not be empty")
        }
        guard !activityTypes.isEmpty else { throw LoyaltyError(.invalidInput, "no activity type counts as activity") }
        self.inactivityDays = inactivityDays
        self.cancellationTag = cancellationTag
        self.activityTypes = activityTypes
    }
}
