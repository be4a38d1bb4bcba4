/// What a monthly breakdown groups activities by.
public enum BreakdownDimension: Sendable, Hashable, CustomStringConvertible {
    /// A purchase line's category (each line's amount goes to its category) or a stay's category.
    case category
    /// A purchase line's SKU (its category when it has none), or a stay's category — the room
    /// type or tour.
    case product
    /// The activity's `"location"` attribute.
    case location
    /// The activity's channel.
    case channel
    /// The member's tier, passed with ``MonthlyBreakdownAccumulator/add(_:tier:)``.
    case tier
    /// The value of a named attribute of the activity.
    case attribute(String)

    /// The label of activities without a value for the dimension.
    public static let none = "(none)"

    /// The dimension's name, for a column heading: `"Category"`.
    public var description: String {
        switch self {
        case .category: "Category"
        case .product: "Product"
        case .location: "Location"
        case .channel: "Channel"
        case .tier: "Tier"
        case .attribute(let name): name
        }
    }
}
